package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.dcx.service.domain.kyc.KycTestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * KYC and money with real tokens from the real Keycloak: bob submits, olivia approves, bob deposits; rita looks
 * through; carol cannot read bob's submission.
 */
@QuarkusTest
class KycRealKeycloakTest {
    @Inject
    KycFixtures fixtures;

    @Test
    void bobSubmitsOliviaApprovesBobDeposits() {
        String bob = RealKeycloakTest.tokenFor("bob");
        String bobAccount = given().auth().oauth2(bob).get("/api/v1/accounts/me").then().statusCode(200)
                .extract().path("accountId");
        // Bob's KYC from an earlier run of this test would refuse a new submission: start him afresh.
        fixtures.execute("DELETE FROM account_link WHERE account_id = ?1 OR linked_account_id = ?1", bobAccount);
        fixtures.execute("DELETE FROM kyc_signal WHERE account_id = ?1", bobAccount);
        fixtures.execute("DELETE FROM kyc_application WHERE account_id = ?1", bobAccount);
        fixtures.execute("UPDATE account SET kyc_status = 'NONE', tier = NULL, status_reason = NULL WHERE id = ?1",
                bobAccount);

        given().auth().oauth2(bob).contentType("application/json").body(Map.of("amountFen", 100))
                .post("/api/v1/accounts/me/deposits").then().statusCode(403).body("code", equalTo("KYC_REQUIRED"));

        String idNumber = KycTestData.randomResidentIdEndingInX();
        String kycId = given().auth().oauth2(bob).contentType("application/json")
                .body(Map.of("type", "INDIVIDUAL", "name", "鲍勃", "idNumber", idNumber,
                        "phone", KycTestData.randomPhone(), "bankCard", KycTestData.randomBankCard()))
                .post("/api/v1/kyc").then().statusCode(201)
                .body("status", equalTo("SUBMITTED"))
                .body("person.idNumber", equalTo(idNumber))
                .extract().path("id");

        String olivia = RealKeycloakTest.tokenFor("olivia");
        given().auth().oauth2(olivia).get("/api/v1/kyc/reviews").then().statusCode(200).body("id", hasItem(kycId));
        given().auth().oauth2(olivia).get("/api/v1/kyc/" + kycId).then().statusCode(200)
                .body("status", equalTo("IN_REVIEW"))
                .body("person.name", equalTo("鲍*"));
        given().auth().oauth2(bob).contentType("application/json").body(Map.of("decision", "APPROVE"))
                .post("/api/v1/kyc/" + kycId + "/decision").then().statusCode(403);
        given().auth().oauth2(olivia).contentType("application/json").header("Idempotency-Key", UUID.randomUUID())
                .body(Map.of("decision", "APPROVE", "reason", "id card and face match"))
                .post("/api/v1/kyc/" + kycId + "/decision").then().statusCode(200)
                .body("status", equalTo("APPROVED"));

        given().auth().oauth2(bob).get("/api/v1/kyc/me").then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("tier", equalTo("TIER_1"))
                .body("reason", equalTo("id card and face match"));
        long available = ((Number) given().auth().oauth2(bob).get("/api/v1/accounts/me").then().statusCode(200)
                .extract().path("balances.available")).longValue();
        given().auth().oauth2(bob).contentType("application/json").body(Map.of("amountFen", 12_345))
                .post("/api/v1/accounts/me/deposits").then().statusCode(201)
                .body("balances.available", equalTo((int) (available + 12_345)));

        given().auth().oauth2(RealKeycloakTest.tokenFor("carol")).get("/api/v1/kyc/" + kycId).then()
                .statusCode(404).body("code", equalTo("KYC_NOT_FOUND"));
        given().auth().oauth2(olivia).contentType("application/json")
                .body(Map.of("accountId", bobAccount, "reason", "curious"))
                .post("/api/v1/regulator/look-through").then().statusCode(403);
        Number event = given().auth().oauth2(RealKeycloakTest.tokenFor("rita")).contentType("application/json")
                .body(Map.of("accountId", bobAccount, "reason", "market abuse case 7"))
                .post("/api/v1/regulator/look-through").then().statusCode(200)
                .body("kyc.person.name", equalTo("鲍勃"))
                .body("kyc.person.idNumber", equalTo(idNumber))
                .extract().path("auditEventId");
        assertThat(fixtures.text("SELECT after_json FROM audit_event WHERE id = ?1", event.longValue()))
                .contains("market abuse case 7");
    }
}
