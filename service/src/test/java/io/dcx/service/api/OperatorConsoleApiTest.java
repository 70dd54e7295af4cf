package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.dcx.service.board.BoardFixtures;
import io.dcx.service.board.BoardInvariants;
import io.dcx.service.application.board.BoardPolicies;
import io.dcx.service.risk.RiskFixtures;
import io.dcx.service.risk.RiskFixtures.Circle;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** What the operators' console pages read besides the older endpoints: alerts by asset, recent reconciliation runs. */
@QuarkusTest
class OperatorConsoleApiTest {
    @Inject
    BoardFixtures board;
    @Inject
    BoardInvariants invariants;
    @Inject
    RiskFixtures risk;

    @Test
    @TestSecurity(user = "console-operator", roles = "operator")
    void alertsFilterByTheAssetTheyName() {
        BoardPolicies.Policy before = board.policy();
        board.quickResales();
        try {
            Circle circle = risk.circle();
            String caseId = risk.caseOf(circle);
            given().queryParam("asset", circle.assetId()).queryParam("limit", 200).get("/api/v1/alerts").then()
                    .statusCode(200).body("caseId", hasItem(caseId))
                    .body("evidence.assets", everyItem(hasItem(circle.assetId())));
            given().queryParam("asset", circle.assetId()).queryParam("rule", "VELOCITY").get("/api/v1/alerts")
                    .then().statusCode(200).body("$", hasSize(0));
            // an asset named nowhere, and LIKE wildcards taken literally
            given().queryParam("asset", "ast_%").get("/api/v1/alerts").then().statusCode(200).body("$", hasSize(0));
        } finally {
            board.restorePolicy(before);
            invariants.check();
        }
    }

    @Test
    @TestSecurity(user = "console-operator", roles = "operator")
    void recentReconciliationRunsNewestFirstWithoutTheirDifferences() {
        String first = given().post("/api/v1/audit/reconciliation").then().statusCode(201).extract().path("id");
        String second = given().post("/api/v1/audit/reconciliation").then().statusCode(201).extract().path("id");
        given().queryParam("limit", 2).get("/api/v1/audit/reconciliation/runs").then().statusCode(200)
                .body("id", contains(second, first)).body("trigger", everyItem(equalTo("ON_DEMAND")))
                .body("[0]", not(hasKey("differences"))).body("[0].counts", hasKey("ASSET"));
        given().get("/api/v1/audit/reconciliation/runs").then().statusCode(200).body("id", hasItem(first));
        given().queryParam("limit", 0).get("/api/v1/audit/reconciliation/runs").then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
        given().queryParam("limit", 101).get("/api/v1/audit/reconciliation/runs").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "console-trader", roles = "trader")
    void tradersCannotReadRuns() {
        given().get("/api/v1/audit/reconciliation/runs").then().statusCode(403);
    }
}
