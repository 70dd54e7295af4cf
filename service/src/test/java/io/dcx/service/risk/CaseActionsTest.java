package io.dcx.service.risk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.dcx.service.application.board.BoardPolicies;
import io.dcx.service.application.ledger.ContractRejectedException;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.board.BoardFixtures;
import io.dcx.service.board.BoardInvariants;
import io.dcx.service.risk.RiskFixtures.Circle;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cases over HTTP: evidence and history, each operator action (audited), refusals that write nothing, roles. */
@QuarkusTest
class CaseActionsTest {
    @Inject
    BoardFixtures board;
    @Inject
    BoardInvariants invariants;
    @Inject
    RiskFixtures risk;
    @Inject
    Ledger ledger;

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

    private static ValidatableResponse act(String caseId, Map<String, Object> body) {
        return given().contentType("application/json").body(body).post("/api/v1/cases/" + caseId + "/actions")
                .then();
    }

    private long audits(String action, String subjectId) {
        return risk.count("SELECT count(*) FROM audit_event WHERE action = ?1 AND subject_id = ?2", action,
                subjectId);
    }

    @Test
    @TestSecurity(user = "risk-case-operator", roles = "operator")
    void aCaseShowsItsTradesAccountsAndHistoryAndAnOperatorHaltsItsAsset() {
        Circle circle = risk.circle();
        String caseId = risk.caseOf(circle);

        given().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("rule", equalTo("CIRCULAR_TRADE"))
                .body("subjectType", equalTo("asset")).body("subjectId", equalTo(circle.assetId()))
                .body("alerts", hasSize(1)).body("alerts[0].delayMs", greaterThanOrEqualTo(0))
                .body("events.tradeId", contains(circle.first().id(), circle.second().id()))
                .body("events.verifiedPriceFen", contains(10_000, 11_000))
                .body("events.boardTrade.priceFen", contains(10_000, 11_000))
                .body("events.boardTrade.status", everyItem(equalTo("SETTLED")))
                .body("accounts", containsInAnyOrder(circle.a().accountId(), circle.b().accountId()))
                .body("links", hasSize(0))
                .body("history.action", contains("ALERT", "HALT_ASSET"))
                .body("history[1].actor", equalTo("system"));
        given().get("/api/v1/cases?status=OPEN&limit=200").then().statusCode(200).body("id", hasItem(caseId));

        long haltsSet = risk.count("SELECT count(*) FROM audit_event WHERE action = 'HALT_SET'");
        act(caseId, Map.of("action", "HALT_ASSET", "reason", "wash trading suspected")).statusCode(200)
                .body("status", equalTo("ACTIONED"))
                .body("history.action", contains("ALERT", "HALT_ASSET", "HALT_ASSET"))
                .body("history[2].target", equalTo(circle.assetId()))
                .body("history[2].from", equalTo("OPEN")).body("history[2].to", equalTo("ACTIONED"))
                .body("history[2].note", equalTo("wash trading suspected"));
        assertThat(audits("RISK_CASE_HALT_ASSET", caseId)).isEqualTo(1);
        assertThat(risk.count("SELECT count(*) FROM audit_event WHERE action = 'HALT_SET'")).isEqualTo(haltsSet + 1);
        assertThat(risk.count("SELECT count(*) FROM board_halt WHERE target_id = ?1 AND created_by <> 'system'"
                + " AND lifted_at IS NULL", circle.assetId())).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "risk-case-operator", roles = "operator")
    void freezingTheAssetStopsTradingOnTheLedgerItself() {
        Circle circle = risk.circle();
        String caseId = risk.caseOf(circle);

        act(caseId, Map.of("action", "FREEZE_ASSET", "target", circle.assetId(), "reason", "freeze pending review"))
                .statusCode(200).body("status", equalTo("ACTIONED"));
        assertThat(board.chainAsset(circle.assetId()).path("status").asText()).isEqualTo("FROZEN");
        assertThat(risk.count("SELECT count(*) FROM asset WHERE id = ?1 AND status = 'FROZEN'", circle.assetId()))
                .isEqualTo(1);
        assertThat(audits("RISK_CASE_FREEZE_ASSET", caseId)).isEqualTo(1);
        assertThat(audits("ASSET_FROZEN", circle.assetId())).isEqualTo(1);
        assertThatThrownBy(() -> ledger.submit(LedgerIdentity.EXCHANGE, "assets:LockAsset", circle.assetId(),
                "tr_frozen" + System.nanoTime(), circle.a().accountId(), circle.b().accountId(), "b".repeat(64)))
                .isInstanceOfSatisfying(ContractRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("ASSET_FROZEN"));
    }

    @Test
    @TestSecurity(user = "risk-case-operator", roles = "operator")
    void suspendingAnAccountOfTheCase() {
        Circle circle = risk.circle();
        String caseId = risk.caseOf(circle);

        act(caseId, Map.of("action", "SUSPEND_ACCOUNT", "target", circle.b().accountId(), "reason", "wash trades"))
                .statusCode(200).body("status", equalTo("ACTIONED"))
                .body("history[-1].target", equalTo(circle.b().accountId()));
        assertThat(risk.count("SELECT count(*) FROM account WHERE id = ?1 AND kyc_status = 'SUSPENDED'",
                circle.b().accountId())).isEqualTo(1);
        assertThat(audits("RISK_CASE_SUSPEND_ACCOUNT", caseId)).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "risk-case-operator", roles = "operator")
    void escalationAndDismissalMoveTheCaseAndDismissedIsFinal() {
        Circle circle = risk.circle();
        String caseId = risk.caseOf(circle);

        act(caseId, Map.of("action", "ESCALATE", "reason", "for the regulator")).statusCode(200)
                .body("status", equalTo("ESCALATED"));
        act(caseId, Map.of("action", "ESCALATE", "reason", "again")).statusCode(409)
                .body("code", equalTo("CASE_TRANSITION"));
        act(caseId, Map.of("action", "DISMISS", "reason", "ordinary collectors")).statusCode(200)
                .body("status", equalTo("DISMISSED"))
                .body("history.action", contains("ALERT", "HALT_ASSET", "ESCALATE", "DISMISS"));
        act(caseId, Map.of("action", "HALT_ASSET", "reason", "late")).statusCode(409)
                .body("code", equalTo("CASE_TRANSITION"));
        assertThat(audits("RISK_CASE_ESCALATE", caseId)).isEqualTo(1);
        assertThat(audits("RISK_CASE_DISMISS", caseId)).isEqualTo(1);
        given().get("/api/v1/alerts?rule=CIRCULAR_TRADE&status=DISMISSED&limit=200").then().statusCode(200)
                .body("caseId", hasItem(caseId)).body("caseStatus", everyItem(equalTo("DISMISSED")));
    }

    @Test
    @TestSecurity(user = "risk-case-operator", roles = "operator")
    void badActionsAreProblemsThatWriteNothing() {
        Circle circle = risk.circle();
        String caseId = risk.caseOf(circle);
        long height = ledger.height();
        long history = risk.count("SELECT count(*) FROM risk_case_history WHERE case_id = ?1", caseId);
        long audits = risk.count("SELECT count(*) FROM audit_event");

        act(caseId, Map.of("action", "DELETE", "reason", "r")).statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("INVALID_CASE_ACTION"));
        act(caseId, Map.of("action", "HALT_ASSET")).statusCode(400).body("code", equalTo("REASON_REQUIRED"));
        act(caseId, Map.of("action", "FREEZE_ASSET", "target", "someone-elses-asset", "reason", "r"))
                .statusCode(422).body("code", equalTo("CASE_TARGET_NOT_IN_EVIDENCE"));
        act(caseId, Map.of("action", "SUSPEND_ACCOUNT", "reason", "which one?")).statusCode(400)
                .body("code", equalTo("INVALID_CASE_ACTION"));
        act(caseId, Map.of("action", "ESCALATE", "target", circle.assetId(), "reason", "r")).statusCode(400)
                .body("code", equalTo("INVALID_CASE_ACTION"));
        given().contentType("application/json").body("{not json").post("/api/v1/cases/" + caseId + "/actions")
                .then().statusCode(400);
        act("rcs_nope", Map.of("action", "ESCALATE", "reason", "r")).statusCode(404)
                .body("code", equalTo("CASE_NOT_FOUND"));
        given().get("/api/v1/cases/rcs_nope").then().statusCode(404).body("code", equalTo("CASE_NOT_FOUND"));
        given().get("/api/v1/alerts?rule=NOPE").then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        given().get("/api/v1/alerts?rule=PRICE_BAND").then().statusCode(400);
        given().get("/api/v1/alerts?from=yesterday").then().statusCode(400);
        given().get("/api/v1/alerts?limit=0").then().statusCode(400);
        given().get("/api/v1/cases?status=CLOSED").then().statusCode(400);

        assertThat(ledger.height()).isEqualTo(height);
        assertThat(risk.count("SELECT count(*) FROM risk_case_history WHERE case_id = ?1", caseId))
                .isEqualTo(history);
        assertThat(risk.count("SELECT count(*) FROM audit_event")).isEqualTo(audits);
    }

    @Test
    @TestSecurity(user = "risk-case-operator", roles = "operator")
    void alertsFilterByRuleAndTimeAndPage() {
        Instant before = Instant.now();
        Circle circle = risk.circle();
        String caseId = risk.caseOf(circle);
        given().queryParam("rule", "CIRCULAR_TRADE").queryParam("from", before.toString()).queryParam("limit", 200)
                .get("/api/v1/alerts").then().statusCode(200)
                .body("caseId", hasItem(caseId)).body("rule", everyItem(equalTo("CIRCULAR_TRADE")))
                .body("evidence.references[0]", notNullValue());
        given().queryParam("to", before.toString()).queryParam("limit", 200).get("/api/v1/alerts").then()
                .statusCode(200).body("caseId.flatten()", org.hamcrest.Matchers.not(hasItem(caseId)));
        given().queryParam("rule", "VELOCITY").queryParam("from", before.toString()).get("/api/v1/alerts").then()
                .statusCode(200).body("$", hasSize(0));
        given().queryParam("limit", 1).get("/api/v1/alerts").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    @TestSecurity(user = "risk-case-regulator", roles = "regulator")
    void regulatorsReadAlertsCasesAndSettingsButActOnNothing() {
        Circle circle = risk.circle();
        String caseId = risk.caseOf(circle);
        given().get("/api/v1/alerts").then().statusCode(200);
        given().get("/api/v1/cases").then().statusCode(200);
        given().get("/api/v1/cases/" + caseId).then().statusCode(200).body("id", equalTo(caseId));
        given().get("/api/v1/risk/settings").then().statusCode(200).body("repeatedPairMax", notNullValue());
        act(caseId, Map.of("action", "ESCALATE", "reason", "r")).statusCode(403);
        given().contentType("application/json").body("{}").put("/api/v1/risk/settings").then().statusCode(403);
        assertThat(risk.count("SELECT count(*) FROM risk_case_history WHERE case_id = ?1 AND action = 'ESCALATE'",
                caseId)).isZero();
    }

    @Test
    @TestSecurity(user = "risk-case-trader", roles = {"trader", "creator"})
    void tradersSeeNoSurveillance() {
        given().get("/api/v1/alerts").then().statusCode(403);
        given().get("/api/v1/cases").then().statusCode(403);
        given().get("/api/v1/cases/rcs_any").then().statusCode(403);
        given().get("/api/v1/risk/settings").then().statusCode(403);
        act("rcs_any", Map.of("action", "ESCALATE", "reason", "r")).statusCode(403);
    }
}
