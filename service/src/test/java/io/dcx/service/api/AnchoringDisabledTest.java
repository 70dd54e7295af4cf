package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Anchoring as %test configures it (off, no EVM node): an operator's anchor request is refused with a stable code
 * and writes nothing, a registered work's proof is pending, an unknown work's is 404, regulators cannot anchor.
 */
@QuarkusTest
class AnchoringDisabledTest {
    @Inject
    RightsFixtures fixtures;
    @Inject
    jakarta.persistence.EntityManager em;

    private long anchors() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM anchor").getSingleResult()).longValue());
    }

    @Test
    @TestSecurity(user = "olivia", roles = "operator")
    void anchoringOffIsAStableConflictAndWritesNothing() {
        long before = anchors();
        given().post("/api/v1/audit/anchors").then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("ANCHORING_DISABLED"));
        assertThat(anchors()).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "rita", roles = "regulator")
    void regulatorsReadProofsButNeverAnchor() {
        given().post("/api/v1/audit/anchors").then().statusCode(403);
        given().get("/api/v1/audit/proofs/no-such-work").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("WORK_NOT_FOUND"));
        RightsFixtures.ChainWork work = fixtures.workOnChain("alice", "Not anchored while anchoring is off");
        given().get("/api/v1/audit/proofs/" + work.id()).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("ANCHOR_PENDING"));
    }
}
