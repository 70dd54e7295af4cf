package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.dcx.service.application.kyc.KycView;
import io.dcx.service.application.kyc.LookThrough;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Look-throughs are visible to the exchange's compliance officer: every resolution (and only a resolution that
 * happened: one refused for want of a reason leaves no trace) appears in GET /api/v1/regulator/look-through/log with
 * who, when, which account and the reason, read from the hash-chained audit log.
 */
@QuarkusTest
class LookThroughLogTest {
    @Inject
    KycFixtures fixtures;

    @Inject
    EntityManager em;

    @Inject
    LookThrough lookThrough;

    private long auditRows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM audit_event").getSingleResult()).longValue());
    }

    @Test
    void ritasLookThroughIsListedForOliviaWithHerReasonAndBobSeesNothing() {
        KycView submitted = fixtures.submit(KycFixtures.newSubject("looked-at"), KycFixtures.individual("钱七"));
        String account = submitted.accountId();
        String rita = RealKeycloakTest.tokenFor("rita");
        String olivia = RealKeycloakTest.tokenFor("olivia");
        String ritaAccount = given().auth().oauth2(rita).get("/api/v1/accounts/me").then().statusCode(200)
                .extract().path("accountId");

        // Without a reason nothing is resolved and nothing is logged.
        long before = auditRows();
        given().auth().oauth2(rita).contentType("application/json").body(Map.of("accountId", account))
                .post("/api/v1/regulator/look-through").then().statusCode(400).body("code", equalTo("REASON_REQUIRED"));
        assertThat(auditRows()).isEqualTo(before);
        given().auth().oauth2(olivia).queryParam("accountId", account).get("/api/v1/regulator/look-through/log")
                .then().statusCode(200).body("lookUps.size()", equalTo(0));

        Number eventId = given().auth().oauth2(rita).contentType("application/json").header("X-Request-Id", "req-csrc-77")
                .body(Map.of("accountId", account, "reason", "CSRC inquiry 77: wash trades, 对倒"))
                .post("/api/v1/regulator/look-through").then().statusCode(200).extract().path("auditEventId");

        JsonPath log = given().auth().oauth2(olivia).queryParam("accountId", account)
                .get("/api/v1/regulator/look-through/log").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> lookUps = log.getList("lookUps");
        assertThat(lookUps).hasSize(1);
        Map<String, Object> entry = lookUps.get(0);
        assertThat(((Number) entry.get("auditEventId")).longValue()).isEqualTo(eventId.longValue());
        assertThat(entry.get("regulator")).isEqualTo(ritaAccount);
        assertThat(entry.get("accountId")).isEqualTo(account);
        assertThat(entry.get("reason")).isEqualTo("CSRC inquiry 77: wash trades, 对倒");
        assertThat(entry.get("kycId")).isEqualTo(submitted.id());
        assertThat(entry.get("requestId")).isEqualTo("req-csrc-77");
        assertThat((String) entry.get("at")).endsWith("Z");
        assertThat(log.getString("nextCursor")).isNull();

        // The regulator reads the same log, filtered by who looked; a trader may not.
        given().auth().oauth2(rita).queryParam("regulator", ritaAccount).queryParam("limit", 500)
                .get("/api/v1/regulator/look-through/log").then().statusCode(200)
                .body("lookUps.accountId", org.hamcrest.Matchers.hasItem(account));
        given().auth().oauth2(RealKeycloakTest.tokenFor("bob")).get("/api/v1/regulator/look-through/log")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().get("/api/v1/regulator/look-through/log").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "look-through-log-olivia", roles = "operator")
    void pagesWithACursorAndBadFiltersAreProblems() {
        KycView submitted = fixtures.submit(KycFixtures.newSubject("paged"), KycFixtures.individual("孙八"));
        for (int i = 1; i <= 3; i++) {
            lookThrough.resolve(fixtures.actor("look-through-log-regulator"), submitted.accountId(), "case " + i);
        }
        JsonPath first = given().queryParam("accountId", submitted.accountId()).queryParam("limit", 2)
                .get("/api/v1/regulator/look-through/log").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("lookUps.reason")).containsExactly("case 3", "case 2");
        given().queryParam("accountId", submitted.accountId()).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).get("/api/v1/regulator/look-through/log")
                .then().statusCode(200).body("lookUps.reason", equalTo(List.of("case 1")))
                .body("nextCursor", equalTo(null));
        given().queryParam("from", "yesterday").get("/api/v1/regulator/look-through/log").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("INVALID_REQUEST"));
        given().queryParam("cursor", "abc").get("/api/v1/regulator/look-through/log").then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
    }
}
