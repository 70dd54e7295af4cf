package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation, block integrity and statistics with real Keycloak tokens: rita (regulator) runs a reconciliation,
 * which reads the chain as RegulatorMSP, and reads its report; olivia (operator) verifies the block chain and reads
 * statistics; bob (trader) is refused all of it.
 */
@QuarkusTest
class AuditReconciliationKeycloakTest {

    @Test
    void ritaRunsAReconciliationAsTheRegulator() {
        String rita = RealKeycloakTest.tokenFor("rita");
        String id = given().auth().oauth2(rita).post("/api/v1/audit/reconciliation").then().statusCode(201)
                .body("ledgerMsp", equalTo("RegulatorMSP")).body("trigger", equalTo("ON_DEMAND"))
                .extract().path("id");
        given().auth().oauth2(rita).get("/api/v1/audit/reconciliation/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("ledgerMsp", equalTo("RegulatorMSP"));
        given().auth().oauth2(rita).get("/api/v1/audit/blocks/0").then().statusCode(200).body("number", equalTo(0));
    }

    @Test
    void oliviaVerifiesBlocksAndReadsStatistics() {
        String olivia = RealKeycloakTest.tokenFor("olivia");
        given().auth().oauth2(olivia).get("/api/v1/audit/blocks/verify").then().statusCode(200)
                .body("intact", equalTo(true)).body("height", greaterThan(0));
        given().auth().oauth2(olivia).queryParam("from", "2026-11-01").queryParam("to", "2026-11-07")
                .get("/api/v1/audit/statistics").then().statusCode(200).body("days", hasSize(7));
    }

    @Test
    void bobIsRefused() {
        String bob = RealKeycloakTest.tokenFor("bob");
        given().auth().oauth2(bob).post("/api/v1/audit/reconciliation").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(bob).get("/api/v1/audit/reconciliation").then().statusCode(403);
        given().auth().oauth2(bob).get("/api/v1/audit/blocks/verify").then().statusCode(403);
        given().auth().oauth2(bob).queryParam("from", "2026-11-01").queryParam("to", "2026-11-07")
                .get("/api/v1/audit/statistics").then().statusCode(403);
    }
}
