package io.dcx.service.api.health;

import io.dcx.service.application.WorkSimilarity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the similarity index has been rebuilt from the ledger up to the height the chain had at start,
 * so no registration is checked against an incomplete index.
 */
@Readiness
@ApplicationScoped
public class SimilarityIndexReadiness implements HealthCheck {
    private final WorkSimilarity similarity;

    public SimilarityIndexReadiness(WorkSimilarity similarity) {
        this.similarity = similarity;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("similarity-index")
                .status(similarity.caughtUp())
                .withData("works", similarity.size())
                .withData("replayTargetHeight", similarity.targetHeight())
                .withData("lastWorkEventBlock", similarity.lastEventBlock())
                .build();
    }
}
