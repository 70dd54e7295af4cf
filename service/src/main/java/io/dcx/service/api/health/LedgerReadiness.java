package io.dcx.service.api.health;

import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the ledger answers. */
@Readiness
@ApplicationScoped
public class LedgerReadiness implements HealthCheck {
    private final Ledger ledger;

    public LedgerReadiness(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("ledger").up().withData("height", ledger.height()).build();
        } catch (LedgerException | IllegalStateException e) {
            return HealthCheckResponse.named("ledger").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
