package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.dcx.service.application.kyc.KycQueries;
import io.dcx.service.application.kyc.KycView;
import io.dcx.service.application.kyc.LinkedAccounts;
import io.dcx.service.domain.kyc.KycTestData;
import io.dcx.service.domain.kyc.SignalKind;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The KYC API with {@code @TestSecurity} identities. The applicant side goes through HTTP; the other party of a
 * flow (an applicant in an operator's test, an operator in an applicant's) acts through the use cases.
 */
@QuarkusTest
class KycResourceTest {
    private static final String[] KYC_TABLES = {"account", "kyc_application", "kyc_signal", "account_link",
        "audit_event"};

    @Inject
    KycFixtures fixtures;
    @Inject
    KycQueries queries;
    @Inject
    LinkedAccounts linkedAccounts;

    private static Map<String, Object> individual(String name, String idNumber, String phone, String card) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "INDIVIDUAL");
        body.put("name", name);
        body.put("idNumber", idNumber);
        body.put("phone", phone);
        body.put("bankCard", card);
        return body;
    }

    private static ValidatableResponse submit(Object body) {
        return given().contentType("application/json").body(body).post("/api/v1/kyc").then();
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : KYC_TABLES) {
            counts.put(table, fixtures.rows(table));
        }
        return counts;
    }

    @Test
    @TestSecurity(user = "kyc-ann", roles = "trader")
    void anApplicantSubmitsAndSeesTheirOwnDataUnmasked() {
        fixtures.reset("kyc-ann");
        String id = KycTestData.randomResidentIdEndingInX().toLowerCase(); // typed with a lower-case x
        String phone = KycTestData.randomPhone();
        String card = KycTestData.randomBankCard();

        String kycId = submit(individual(" 李小红 ", id, "+86 " + phone, card)).statusCode(201)
                .header("Location", containsString("/api/v1/kyc/kyc_"))
                .body("status", equalTo("SUBMITTED"))
                .body("accountId", equalTo(fixtures.accountOf("kyc-ann")))
                .body("masked", equalTo(false))
                .body("person.name", equalTo("李小红"))
                .body("person.idNumber", equalTo(id.toUpperCase()))
                .body("person.phone", equalTo(phone))
                .body("person.bankCard", equalTo(card))
                .body("person.adult", equalTo(true))
                .body("watchListHits", nullValue())
                .body("decidedBy", nullValue())
                .extract().path("id");

        given().get("/api/v1/kyc/me").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("submission.id", equalTo(kycId))
                .body("submission.person.idNumber", equalTo(id.toUpperCase()));
        given().get("/api/v1/kyc/" + kycId).then().statusCode(200).body("person.phone", equalTo(phone));
        given().get("/api/v1/accounts/me").then().statusCode(200)
                .body("kycStatus", equalTo("SUBMITTED"))
                .body("type", equalTo("INDIVIDUAL"))
                .body("balances.currency", equalTo("CNY"));

        Map<String, Long> before = counts();
        submit(individual("李小红", id, phone, card)).statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("KYC_ALREADY_SUBMITTED"));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "kyc-fresh", roles = "creator")
    void badInputIsAProblemAndWritesNothing() {
        fixtures.reset("kyc-fresh");
        Map<String, Long> before = counts();
        String good = KycTestData.randomResidentId();
        String phone = KycTestData.randomPhone();
        String card = KycTestData.randomBankCard();

        submit(individual("王五", KycTestData.withWrongCheck(good), phone, card)).statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_RESIDENT_ID"))
                .body("detail", containsString("check character"))
                .body("type", notNullValue()).body("title", notNullValue()).body("status", equalTo(400));
        submit(individual("王五", good.substring(0, 15), phone, card)).statusCode(400)
                .body("code", equalTo("INVALID_RESIDENT_ID"));
        submit(individual("王五", KycTestData.birthdayIdOfAge(18, 1), phone, card)).statusCode(422)
                .body("code", equalTo("NOT_ADULT")).body("adultFrom", notNullValue());
        submit(individual("王五", KycTestData.residentId("110105", LocalDate.now().plusYears(1), 1), phone, card))
                .statusCode(400).body("code", equalTo("INVALID_RESIDENT_ID"));
        submit(individual("王五", good, "12345678901", card)).statusCode(400).body("code", equalTo("INVALID_PHONE"));
        String badCard = card.substring(0, 15) + (char) ('0' + (card.charAt(15) - '0' + 1) % 10);
        submit(individual("王五", good, phone, badCard)).statusCode(400).body("code", equalTo("INVALID_BANK_CARD"));
        submit(individual(null, good, phone, card)).statusCode(400).body("code", equalTo("INVALID_NAME"));
        submit(individual("R2D2", good, phone, card)).statusCode(400).body("code", equalTo("INVALID_NAME"));
        Map<String, Object> noType = individual("王五", good, phone, card);
        noType.remove("type");
        submit(noType).statusCode(400).body("code", equalTo("INVALID_KYC_TYPE"));
        Map<String, Object> robot = individual("王五", good, phone, card);
        robot.put("type", "ROBOT");
        submit(robot).statusCode(400).body("code", equalTo("INVALID_KYC_TYPE"));
        Map<String, Object> longAddress = individual("王五", good, phone, card);
        longAddress.put("address", "路".repeat(201));
        submit(longAddress).statusCode(400).body("code", equalTo("INVALID_ADDRESS"));
        Map<String, Object> badDevice = individual("王五", good, phone, card);
        badDevice.put("deviceId", "has spaces in it");
        submit(badDevice).statusCode(400).body("code", equalTo("INVALID_REQUEST"));

        String code = KycTestData.randomCreditCode();
        Map<String, Object> institution = new LinkedHashMap<>();
        institution.put("type", "INSTITUTION");
        institution.put("name", "上海测试文化传媒有限公司");
        institution.put("creditCode", code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'));
        institution.put("legalRepresentative", "赵六");
        submit(institution).statusCode(400).body("code", equalTo("INVALID_CREDIT_CODE"));
        institution.put("creditCode", code.substring(0, 16) + "I" + code.charAt(17));
        submit(institution).statusCode(400).body("code", equalTo("INVALID_CREDIT_CODE"));
        institution.put("creditCode", code);
        institution.remove("legalRepresentative");
        submit(institution).statusCode(400).body("code", equalTo("INVALID_NAME"))
                .body("detail", containsString("legalRepresentative"));

        given().contentType("application/json").body("{\"type\":\"INDIVIDUAL\",").post("/api/v1/kyc").then()
                .statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{\"type\":\"INDIVIDUAL\",\"name\":{\"a\":1}}")
                .post("/api/v1/kyc").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("MALFORMED_JSON"));
        given().contentType("application/json").post("/api/v1/kyc").then()
                .statusCode(400).contentType("application/problem+json");
        given().contentType("text/plain").body("name=x").post("/api/v1/kyc").then()
                .statusCode(415).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));

        assertThat(counts()).isEqualTo(before);
        assertThat(fixtures.count("SELECT count(*) FROM account WHERE id = ?1", fixtures.accountOf("kyc-fresh")))
                .isZero();
    }

    @Test
    @TestSecurity(user = "kyc-olga", roles = "operator")
    void operatorsOpenTheQueueMaskedAndDecide() {
        String applicant = KycFixtures.newSubject("applicant");
        String idNumber = KycTestData.randomResidentIdEndingInX();
        String phone = KycTestData.randomPhone();
        String card = KycTestData.randomBankCard();
        KycView submitted = fixtures.submit(applicant, KycFixtures.individual("陈静", idNumber, phone, card));
        String operator = fixtures.accountOf("kyc-olga");

        given().get("/api/v1/kyc/reviews").then().statusCode(200)
                .body("id", hasItem(submitted.id()));

        String body = given().get("/api/v1/kyc/" + submitted.id()).then().statusCode(200)
                .body("status", equalTo("IN_REVIEW"))
                .body("openedBy", equalTo(operator))
                .body("masked", equalTo(true))
                .body("person.name", equalTo("陈*"))
                .body("person.idNumber", equalTo(idNumber.substring(0, 4) + "**********" + idNumber.substring(14)))
                .body("person.idNumber", matchesPattern("\\d{4}\\*{10}\\d{3}X"))
                .body("person.birthDate", matchesPattern("\\d{4}-\\*\\*-\\*\\*"))
                .body("person.adult", equalTo(true))
                .body("person.phone", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)))
                .body("person.bankCard", equalTo(card.substring(0, 4) + "********" + card.substring(12)))
                .body("watchListHits.size()", equalTo(0))
                .extract().asString();
        assertThat(body).doesNotContain(idNumber, phone, card, "陈静");
        assertThat(fixtures.count("SELECT count(*) FROM audit_event WHERE action = 'KYC_OPENED' AND subject_id = ?1"
                + " AND actor = ?2", submitted.id(), operator)).isEqualTo(1);
        given().queryParam("status", "IN_REVIEW").get("/api/v1/kyc/reviews").then().statusCode(200)
                .body("id", hasItem(submitted.id()));
        given().queryParam("status", "PENDING").get("/api/v1/kyc/reviews").then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));

        Map<String, Long> before = counts();
        decide(submitted.id(), Map.of("decision", "REJECT")).statusCode(400).body("code", equalTo("REASON_REQUIRED"));
        decide(submitted.id(), Map.of("decision", "REJECT", "reason", "  ")).statusCode(400)
                .body("code", equalTo("REASON_REQUIRED"));
        decide(submitted.id(), Map.of("decision", "MAYBE", "reason", "x")).statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
        decide(submitted.id(), Map.of("decision", "APPROVE", "tier", "GOLD")).statusCode(400)
                .body("code", equalTo("INVALID_TIER"));
        decide("kyc_doesnotexist", Map.of("decision", "APPROVE")).statusCode(404).body("code", equalTo("KYC_NOT_FOUND"));
        assertThat(counts()).isEqualTo(before);

        decide(submitted.id(), Map.of("decision", "APPROVE", "tier", "TIER_2", "reason", "id card matches"))
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("tier", equalTo("TIER_2"))
                .body("decidedBy", equalTo(operator));
        assertThat(fixtures.count("SELECT count(*) FROM audit_event WHERE action = 'KYC_APPROVED' AND subject_id = ?1"
                + " AND actor = ?2 AND after_json LIKE '%TIER_2%'", submitted.id(), operator)).isEqualTo(1);
        decide(submitted.id(), Map.of("decision", "REJECT", "reason", "changed my mind")).statusCode(409)
                .body("code", equalTo("KYC_NOT_PENDING"));

        KycQueries.Mine mine = queries.mine(fixtures.accountOf(applicant), applicant);
        assertThat(mine.account().kycStatus().name()).isEqualTo("APPROVED");
        assertThat(mine.account().tier()).isEqualTo("TIER_2");
        assertThat(mine.latest().person().idNumber()).isEqualTo(idNumber);
        assertThat(mine.latest().decidedBy()).isNull(); // reviewers are not shown to the applicant
    }

    private static ValidatableResponse decide(String kycId, Map<String, ?> body) {
        return given().contentType("application/json").body(body).post("/api/v1/kyc/" + kycId + "/decision").then();
    }

    @Test
    @TestSecurity(user = "kyc-ben", roles = "trader")
    void aRejectedApplicantSeesTheReasonAndMaySubmitAgain() {
        fixtures.reset("kyc-ben");
        String first = submit(individual("孙七", KycTestData.randomResidentId(), KycTestData.randomPhone(),
                KycTestData.randomBankCard())).statusCode(201).extract().path("id");
        fixtures.decide(first, "REJECT", "the photo of the id card is unreadable", null, null);

        given().get("/api/v1/kyc/me").then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("reason", equalTo("the photo of the id card is unreadable"))
                .body("submission.status", equalTo("REJECTED"))
                .body("submission.reason", equalTo("the photo of the id card is unreadable"));

        String second = submit(individual("孙七", KycTestData.randomResidentId(), KycTestData.randomPhone(),
                KycTestData.randomBankCard())).statusCode(201).body("status", equalTo("SUBMITTED"))
                .extract().path("id");
        assertThat(second).isNotEqualTo(first);
        given().get("/api/v1/kyc/me").then().body("status", equalTo("SUBMITTED")).body("reason", nullValue());
    }

    @Test
    @TestSecurity(user = "kyc-olga", roles = "operator")
    void aWatchListHitGoesToReviewAndNeedsAnOverrideToBeApproved() {
        String applicant = KycFixtures.newSubject("listed");
        KycView submitted = fixtures.submit(applicant, KycFixtures.individual("Zhang San"));
        // The applicant is not tipped off.
        assertThat(submitted.watchListHits()).isNull();
        assertThat(submitted.status().name()).isEqualTo("SUBMITTED");
        assertThat(queries.own(fixtures.accountOf(applicant), submitted.id()).watchListHits()).isNull();

        given().get("/api/v1/kyc/" + submitted.id()).then().statusCode(200)
                .body("watchListHits[0].entryId", equalTo("WL-T-001"))
                .body("watchListHits[0].listedName", equalTo("张三"))
                .body("watchListHits[0].field", equalTo("name"))
                .body("person.name", equalTo("Z**** S**"));

        Map<String, Long> before = counts();
        decide(submitted.id(), Map.of("decision", "APPROVE")).statusCode(422)
                .body("code", equalTo("WATCH_LIST_OVERRIDE_REQUIRED"));
        assertThat(counts()).isEqualTo(before);

        decide(submitted.id(), Map.of("decision", "APPROVE",
                "watchListOverride", "different person: born 1985, the listed Zhang San was born 1962"))
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("watchListOverride", containsString("different person"));

        // An institution is screened by its legal representative too, in Chinese characters.
        String company = KycFixtures.newSubject("company");
        KycView institution = fixtures.submit(company, new io.dcx.service.application.kyc.KycSubmissions.Submission(
                "INSTITUTION", "上海某某文化传媒有限公司", null, null, null, null, null, KycTestData.randomCreditCode(),
                "欧阳锋"));
        given().get("/api/v1/kyc/" + institution.id()).then().statusCode(200)
                .body("institution.name", equalTo("上海某某文化传媒有限公司"))
                .body("institution.legalRepresentative", equalTo("欧**"))
                .body("watchListHits[0].entryId", equalTo("WL-T-002"))
                .body("watchListHits[0].field", equalTo("legalRepresentative"));
        decide(institution.id(), Map.of("decision", "REJECT", "reason", "listed legal representative"))
                .statusCode(200).body("status", equalTo("REJECTED"));
    }

    @Test
    @TestSecurity(user = "kyc-olga", roles = "operator")
    void accountsSharingFactsAreLinkedForTheReviewer() {
        String phone = KycTestData.randomPhone();
        String card = KycTestData.randomBankCard();
        String idNumber = KycTestData.randomResidentId();
        String first = KycFixtures.newSubject("linked-a");
        String second = KycFixtures.newSubject("linked-b");
        String third = KycFixtures.newSubject("linked-c");
        fixtures.submit(first, KycFixtures.individual("周一", idNumber, phone, KycTestData.randomBankCard()));
        KycView b = fixtures.submit(second, KycFixtures.individual("周二", KycTestData.randomResidentId(), phone, card));
        fixtures.submit(third, KycFixtures.individual("周一", idNumber, KycTestData.randomPhone(), card));

        given().get("/api/v1/kyc/" + b.id()).then().statusCode(200)
                .body("linkedAccounts.find { it.accountId == '" + fixtures.accountOf(first) + "' }.shared",
                        equalTo(java.util.List.of("PHONE")))
                .body("linkedAccounts.find { it.accountId == '" + fixtures.accountOf(third) + "' }.shared",
                        equalTo(java.util.List.of("BANK_CARD")));
        assertThat(linkedAccounts.shared(fixtures.accountOf(first), fixtures.accountOf(third)))
                .containsExactly(SignalKind.ID_NUMBER);
        assertThat(linkedAccounts.samePerson(fixtures.accountOf(first), fixtures.accountOf(third))).isTrue();
        assertThat(linkedAccounts.samePerson(fixtures.accountOf(first), fixtures.accountOf(second))).isFalse();
        assertThat(fixtures.count("SELECT count(*) FROM kyc_signal WHERE value_hash = ?1", phone)).isZero();
    }

    @Test
    @TestSecurity(user = "kyc-olga", roles = "operator")
    void operatorsSuspendApprovedAccountsWithAReason() {
        String holder = KycFixtures.newSubject("suspended");
        String account = fixtures.approved(holder);
        Map<String, Long> before = counts();
        suspend(account, Map.of()).statusCode(400).body("code", equalTo("REASON_REQUIRED"));
        suspend("acc_000000000000000000000000", Map.of("reason", "x")).statusCode(404)
                .body("code", equalTo("ACCOUNT_NOT_FOUND"));
        assertThat(counts()).isEqualTo(before);

        suspend(account, Map.of("reason", "court freezing order 2026-17")).statusCode(200)
                .body("kycStatus", equalTo("SUSPENDED"))
                .body("reason", equalTo("court freezing order 2026-17"));
        suspend(account, Map.of("reason", "again")).statusCode(409).body("code", equalTo("ACCOUNT_STATE_CONFLICT"));
        assertThat(fixtures.count("SELECT count(*) FROM audit_event WHERE action = 'ACCOUNT_SUSPENDED'"
                + " AND subject_id = ?1 AND actor = ?2", account, fixtures.accountOf("kyc-olga"))).isEqualTo(1);
        KycQueries.Mine mine = queries.mine(account, holder);
        assertThat(mine.account().kycStatus().name()).isEqualTo("SUSPENDED");
        assertThat(mine.account().statusReason()).isEqualTo("court freezing order 2026-17");
    }

    private static ValidatableResponse suspend(String account, Map<String, ?> body) {
        return given().contentType("application/json").body(body)
                .post("/api/v1/accounts/" + account + "/suspension").then();
    }

    @Test
    @TestSecurity(user = "kyc-tom", roles = "trader")
    void tradersCannotReviewAndOthersSubmissionsAreNotFound() {
        KycView other = fixtures.submit(KycFixtures.newSubject("other"), KycFixtures.individual("吴九"));
        Map<String, Long> before = counts();
        decide(other.id(), Map.of("decision", "APPROVE")).statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().get("/api/v1/kyc/reviews").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().get("/api/v1/kyc/" + other.id()).then().statusCode(404).body("code", equalTo("KYC_NOT_FOUND"));
        given().get("/api/v1/kyc/kyc_doesnotexist").then().statusCode(404).body("code", equalTo("KYC_NOT_FOUND"));
        suspend(other.accountId(), Map.of("reason", "no")).statusCode(403);
        given().contentType("application/json").body(Map.of("accountId", other.accountId(), "reason", "curious"))
                .post("/api/v1/regulator/look-through").then().statusCode(403);
        given().contentType("application/json").body(Map.of("approve", true))
                .post("/api/v1/withdrawals/wd_x/confirmation").then().statusCode(403);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "kyc-olga", roles = "operator")
    void operatorsCannotLookThroughOrSubmit() {
        given().contentType("application/json")
                .body(Map.of("accountId", "acc_000000000000000000000000", "reason", "curious"))
                .post("/api/v1/regulator/look-through").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        submit(individual("王五", KycTestData.randomResidentId(), KycTestData.randomPhone(),
                KycTestData.randomBankCard())).statusCode(403);
    }

    @Test
    void withoutATokenKycIsUnauthenticated() {
        given().get("/api/v1/kyc/me").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        submit(Map.of("type", "INDIVIDUAL")).statusCode(401);
        given().get("/api/v1/accounts/me").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "kyc-rita", roles = "regulator")
    void regulatorsReadMaskedAndLookThroughWithAnAuditedReason() {
        String person = KycFixtures.newSubject("resolved");
        String idNumber = KycTestData.randomResidentIdEndingInX();
        String phone = KycTestData.randomPhone();
        KycView submitted = fixtures.submit(person,
                KycFixtures.individual("郑十", idNumber, phone, KycTestData.randomBankCard()));
        String account = submitted.accountId();
        String regulator = fixtures.accountOf("kyc-rita");

        // Reading is masked and takes nothing into review.
        given().get("/api/v1/kyc/" + submitted.id()).then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("person.name", equalTo("郑*"))
                .body("masked", equalTo(true));
        given().get("/api/v1/kyc/reviews").then().statusCode(200);
        decide(submitted.id(), Map.of("decision", "APPROVE")).statusCode(403);

        Map<String, Long> before = counts();
        lookThrough(Map.of("accountId", account)).statusCode(400).body("code", equalTo("REASON_REQUIRED"));
        lookThrough(Map.of("accountId", "bob", "reason", "case 1")).statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
        lookThrough(Map.of("accountId", "acc_000000000000000000000000", "reason", "case 1")).statusCode(404)
                .body("code", equalTo("ACCOUNT_NOT_FOUND"));
        assertThat(counts()).isEqualTo(before);

        Number eventId = given().contentType("application/json").header("X-Request-Id", "req-csrc-041")
                .body(Map.of("accountId", account, "reason", "CSRC inquiry 2026-041"))
                .post("/api/v1/regulator/look-through").then()
                .statusCode(200)
                .body("accountId", equalTo(account))
                .body("kyc.masked", equalTo(false))
                .body("kyc.person.name", equalTo("郑十"))
                .body("kyc.person.idNumber", equalTo(idNumber))
                .body("kyc.person.phone", equalTo(phone))
                .extract().path("auditEventId");
        assertThat(fixtures.text("SELECT actor FROM audit_event WHERE id = ?1", eventId.longValue()))
                .isEqualTo(regulator);
        assertThat(fixtures.text("SELECT action || ' ' || subject_id FROM audit_event WHERE id = ?1",
                eventId.longValue())).isEqualTo("LOOK_THROUGH " + account);
        String after = fixtures.text("SELECT after_json FROM audit_event WHERE id = ?1", eventId.longValue());
        assertThat(after).contains("CSRC inquiry 2026-041", submitted.id()).doesNotContain(idNumber, phone, "郑十");
        assertThat(fixtures.text("SELECT request_id FROM audit_event WHERE id = ?1", eventId.longValue()))
                .isEqualTo("req-csrc-041");
    }

    private static ValidatableResponse lookThrough(Map<String, ?> body) {
        return given().contentType("application/json").body(body).post("/api/v1/regulator/look-through").then();
    }
}
