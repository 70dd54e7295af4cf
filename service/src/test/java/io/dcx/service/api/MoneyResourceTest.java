package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.dcx.service.application.audit.Actor;
import io.dcx.service.application.money.Balances;
import io.dcx.service.application.money.Funds;
import io.dcx.service.application.money.Withdrawal;
import io.dcx.service.domain.money.Money;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Deposits, withdrawals, the operator's confirmation and idempotent retries over HTTP. Balances persist across runs
 * (the journal is append-only), so tests compare before and after.
 */
@QuarkusTest
class MoneyResourceTest {
    private static final String[] MONEY_TABLES = {"journal_entry", "journal_line", "deposit", "withdrawal",
        "money_hold", "idempotency_key", "book_balance"};

    @Inject
    KycFixtures fixtures;
    @Inject
    Funds funds;
    @Inject
    Balances balances;

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : MONEY_TABLES) {
            counts.put(table, fixtures.rows(table));
        }
        return counts;
    }

    private static ValidatableResponse deposit(Object body, String key) {
        var request = given().contentType("application/json").body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/accounts/me/deposits").then();
    }

    private static ValidatableResponse withdraw(Object body, String key) {
        var request = given().contentType("application/json").body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/accounts/me/withdrawals").then();
    }

    private Balances.AccountBalances balancesOf(String subject) {
        return balances.of(fixtures.accountOf(subject));
    }

    @Test
    @TestSecurity(user = "money-nokyc", roles = "trader")
    void onlyApprovedAccountsMoveMoney() {
        fixtures.reset("money-nokyc");
        Map<String, Long> before = counts();
        deposit(Map.of("amountFen", 1000), null).statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("KYC_REQUIRED"))
                .body("kycStatus", equalTo("NONE"));
        withdraw(Map.of("amountFen", 1000), "k-" + UUID.randomUUID()).statusCode(403)
                .body("code", equalTo("KYC_REQUIRED"));
        assertThat(counts()).isEqualTo(before);

        // Suspended: its own code.
        fixtures.approved("money-nokyc");
        fixtures.execute("UPDATE account SET kyc_status = 'SUSPENDED', status_reason = 'test' WHERE id = ?1",
                fixtures.accountOf("money-nokyc"));
        deposit(Map.of("amountFen", 1000), null).statusCode(403).body("code", equalTo("ACCOUNT_SUSPENDED"));
    }

    @Test
    @TestSecurity(user = "money-amy", roles = "trader")
    void depositThenWithdrawBelowTheThreshold() {
        fixtures.approved("money-amy");
        Balances.AccountBalances start = balancesOf("money-amy");

        deposit(Map.of("amountFen", 10_000), null).statusCode(201)
                .body("id", startsWith("dep_"))
                .body("amountFen", equalTo(10_000))
                .body("currency", equalTo("CNY"))
                .body("rail", equalTo("internal"))
                .body("status", equalTo("COMPLETED"))
                .body("railReference", notNullValue())
                .body("balances.available", equalTo((int) (start.available().fen() + 10_000)));

        withdraw(Map.of("amountFen", 4_000), null).statusCode(201)
                .body("id", startsWith("wd_"))
                .body("status", equalTo("COMPLETED"))
                .body("railReference", notNullValue())
                .body("decidedBy", org.hamcrest.Matchers.nullValue());

        given().get("/api/v1/accounts/me").then().statusCode(200)
                .body("kycStatus", equalTo("APPROVED"))
                .body("tier", equalTo("TIER_1"))
                .body("dailyBuyLimitFen", equalTo(5_000_000))
                .body("balances.available", equalTo((int) (start.available().fen() + 6_000)))
                .body("balances.held", equalTo((int) start.held().fen()))
                .body("balances.currency", equalTo("CNY"));
    }

    @Test
    @TestSecurity(user = "money-bea", roles = "creator")
    void aLargeWithdrawalIsHeldUntilAnOperatorDecides() {
        fixtures.approved("money-bea");
        funds.deposit(fixtures.actor("money-bea"), Money.fen(12_000_000));
        Balances.AccountBalances start = balancesOf("money-bea");

        String pending = withdraw(Map.of("amountFen", 5_000_001), null).statusCode(202)
                .body("status", equalTo("PENDING_CONFIRMATION"))
                .body("balances.held", equalTo((int) (start.held().fen() + 5_000_001)))
                .body("balances.available", equalTo((int) (start.available().fen() - 5_000_001)))
                .extract().path("id");
        String refused = withdraw(Map.of("amountFen", 6_000_000), null).statusCode(202).extract().path("id");

        Actor operator = fixtures.actor(KycFixtures.OPERATOR);
        Withdrawal paid = funds.confirm(operator, pending, true, null);
        assertThat(paid.status()).isEqualTo(Withdrawal.Status.COMPLETED);
        Withdrawal notPaid = funds.confirm(operator, refused, false, "beneficiary account under review");
        assertThat(notPaid.status()).isEqualTo(Withdrawal.Status.REFUSED);

        Balances.AccountBalances end = balancesOf("money-bea");
        assertThat(end.held()).isEqualTo(start.held());
        assertThat(end.available().fen()).isEqualTo(start.available().fen() - 5_000_001);
        assertThat(fixtures.count("SELECT count(*) FROM audit_event WHERE subject_id = ?1"
                + " AND action = 'WITHDRAWAL_REFUSED' AND after_json LIKE '%under review%'", refused)).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "money-olivia", roles = "operator")
    void operatorsConfirmOrRefuseOverHttp() {
        String holder = KycFixtures.newSubject("money-holder");
        fixtures.approved(holder);
        Actor actor = fixtures.actor(holder);
        funds.deposit(actor, Money.fen(20_000_000));
        Withdrawal first = funds.withdraw(actor, Money.fen(7_000_000));
        Withdrawal second = funds.withdraw(actor, Money.fen(8_000_000));
        assertThat(first.status()).isEqualTo(Withdrawal.Status.PENDING_CONFIRMATION);

        given().get("/api/v1/withdrawals").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItems(first.id(), second.id()));
        given().queryParam("status", "LOST").get("/api/v1/withdrawals").then().statusCode(400);

        Map<String, Long> before = counts();
        confirm(first.id(), Map.of("approve", false)).statusCode(400).body("code", equalTo("REASON_REQUIRED"));
        confirm(first.id(), Map.of("reason", "no verdict")).statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        confirm("wd_doesnotexist", Map.of("approve", true)).statusCode(404).body("code", equalTo("WITHDRAWAL_NOT_FOUND"));
        assertThat(counts()).isEqualTo(before);

        String key = "confirm-" + UUID.randomUUID();
        confirm(first.id(), Map.of("approve", true), key).statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("decidedBy", equalTo(fixtures.accountOf("money-olivia")));
        long lines = fixtures.rows("journal_line");
        confirm(first.id(), Map.of("approve", true), key).statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("status", equalTo("COMPLETED"));
        assertThat(fixtures.rows("journal_line")).isEqualTo(lines);
        confirm(first.id(), Map.of("approve", true)).statusCode(409).body("code", equalTo("WITHDRAWAL_NOT_PENDING"));

        confirm(second.id(), Map.of("approve", false, "reason", "suspected fraud")).statusCode(200)
                .body("status", equalTo("REFUSED"))
                .body("reason", equalTo("suspected fraud"));
        assertThat(balances.of(fixtures.accountOf(holder)).held().fen()).isZero();
        assertThat(balances.of(fixtures.accountOf(holder)).available().fen()).isEqualTo(13_000_000);
    }

    private static ValidatableResponse confirm(String id, Map<String, ?> body) {
        return confirm(id, body, null);
    }

    private static ValidatableResponse confirm(String id, Map<String, ?> body, String key) {
        var request = given().contentType("application/json").body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/withdrawals/" + id + "/confirmation").then();
    }

    @Test
    @TestSecurity(user = "money-cai", roles = "trader")
    void badAmountsAndShortBalancesAreProblemsAndWriteNothing() {
        fixtures.approved("money-cai");
        Balances.AccountBalances balance = balancesOf("money-cai");
        Map<String, Long> before = counts();

        for (String body : new String[] {"{\"amountFen\":0}", "{\"amountFen\":-5}", "{\"amountFen\":10.5}",
            "{\"amountFen\":\"100\"}", "{\"amountFen\":1e3}", "{\"amountFen\":true}", "{\"amountFen\":null}", "{}",
            "{\"amountFen\":100000000000000000000}", "{\"amountFen\":100000000001}", "{\"amountFen\":[100]}"}) {
            deposit(body, null).statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("INVALID_AMOUNT"));
            withdraw(body, "key-" + UUID.randomUUID()).statusCode(400).body("code", equalTo("INVALID_AMOUNT"));
        }
        deposit("{\"amountFen\":", null).statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").post("/api/v1/accounts/me/deposits").then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
        deposit(Map.of("amountFen", 100), "has space").statusCode(400).body("code", equalTo("INVALID_IDEMPOTENCY_KEY"));
        deposit(Map.of("amountFen", 100), "x".repeat(256)).statusCode(400)
                .body("code", equalTo("INVALID_IDEMPOTENCY_KEY"));

        withdraw(Map.of("amountFen", balance.available().fen() + 1), "short-" + UUID.randomUUID()).statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("INSUFFICIENT_FUNDS"))
                .body("availableFen", equalTo((int) balance.available().fen()));

        assertThat(counts()).isEqualTo(before);
        assertThat(balancesOf("money-cai")).isEqualTo(balance);
    }

    @Test
    @TestSecurity(user = "money-dan", roles = "trader")
    void aRetriedRequestWithTheSameKeyDoesNotMoveMoneyTwice() {
        fixtures.approved("money-dan");
        Balances.AccountBalances start = balancesOf("money-dan");
        String key = "dep-" + UUID.randomUUID();

        String first = deposit(Map.of("amountFen", 2_500), key).statusCode(201)
                .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue())
                .extract().asString();
        long deposits = fixtures.rows("deposit");
        String again = deposit("{ \"amountFen\" : 2500 }", key).statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract().asString();
        assertThat(again).isEqualTo(first);
        assertThat(fixtures.rows("deposit")).isEqualTo(deposits);
        assertThat(balancesOf("money-dan").available().fen()).isEqualTo(start.available().fen() + 2_500);

        deposit(Map.of("amountFen", 2_600), key).statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        // The same key on another endpoint is another request too.
        withdraw(Map.of("amountFen", 2_500), key).statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(balancesOf("money-dan").available().fen()).isEqualTo(start.available().fen() + 2_500);

        String withdrawKey = "wd-" + UUID.randomUUID();
        String w1 = withdraw(Map.of("amountFen", 1_000), withdrawKey).statusCode(201).extract().path("id");
        String w2 = withdraw(Map.of("amountFen", 1_000), withdrawKey).statusCode(201).extract().path("id");
        assertThat(w2).isEqualTo(w1);
        assertThat(balancesOf("money-dan").available().fen()).isEqualTo(start.available().fen() + 1_500);

        // A refused first attempt is not stored: the retry really runs.
        String shortKey = "short-" + UUID.randomUUID();
        long available = balancesOf("money-dan").available().fen();
        withdraw(Map.of("amountFen", available + 5_000), shortKey).statusCode(422);
        funds.deposit(fixtures.actor("money-dan"), Money.fen(5_000));
        withdraw(Map.of("amountFen", available + 5_000), shortKey).statusCode(201);
        assertThat(balancesOf("money-dan").available().fen()).isZero();
    }
}
