package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.dcx.service.application.board.BoardPolicies;
import io.dcx.service.board.BoardFixtures;
import io.dcx.service.board.BoardInvariants;
import io.dcx.service.risk.RiskFixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Surveillance with real tokens from the real Keycloak: olivia (operator) reads the case of a circular trade and
 * escalates it, rita (regulator) reads it but cannot act or change the thresholds, bob (trader) sees nothing.
 */
@QuarkusTest
class RiskRealKeycloakTest {
    @Inject
    BoardFixtures board;
    @Inject
    BoardInvariants invariants;
    @Inject
    RiskFixtures risk;

    private BoardPolicies.Policy policyBefore;

    @BeforeEach
    void quickResales() {
        policyBefore = board.policy();
        board.quickResales();
    }

    @AfterEach
    void restore() {
        board.restorePolicy(policyBefore);
        invariants.check();
    }

    @Test
    void operatorsActRegulatorsReadTradersSeeNothing() {
        RiskFixtures.Circle circle = risk.circle();
        String caseId = risk.caseOf(circle);
        String olivia = RealKeycloakTest.tokenFor("olivia");
        String rita = RealKeycloakTest.tokenFor("rita");
        String bob = RealKeycloakTest.tokenFor("bob");

        given().auth().oauth2(olivia).queryParam("rule", "CIRCULAR_TRADE").queryParam("limit", 200)
                .get("/api/v1/alerts").then().statusCode(200).body("caseId", hasItem(caseId));
        given().auth().oauth2(rita).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("subjectId", equalTo(circle.assetId())).body("status", equalTo("OPEN"));
        given().auth().oauth2(rita).contentType("application/json")
                .body(Map.of("action", "DISMISS", "reason", "not mine to decide"))
                .post("/api/v1/cases/" + caseId + "/actions").then().statusCode(403);
        given().auth().oauth2(rita).get("/api/v1/risk/settings").then().statusCode(200);
        given().auth().oauth2(rita).contentType("application/json").body("{}").put("/api/v1/risk/settings").then()
                .statusCode(403);
        given().auth().oauth2(bob).get("/api/v1/cases/" + caseId).then().statusCode(403);
        given().auth().oauth2(bob).get("/api/v1/alerts").then().statusCode(403);

        given().auth().oauth2(olivia).contentType("application/json")
                .body(Map.of("action", "ESCALATE", "reason", "circular trade for the regulator"))
                .post("/api/v1/cases/" + caseId + "/actions").then().statusCode(200)
                .body("status", equalTo("ESCALATED"));
        given().auth().oauth2(rita).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("ESCALATED")).body("history[-1].action", equalTo("ESCALATE"));
        assertThat(risk.count("SELECT count(*) FROM audit_event WHERE action = 'RISK_CASE_ESCALATE' AND"
                + " subject_id = ?1", caseId)).isEqualTo(1);
    }
}
