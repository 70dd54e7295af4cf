package io.dcx.service.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.dcx.service.api.KycFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Supervisor statistics over known rows on days nothing else touches (March 2031), with rows either side of Beijing
 * midnight (16:00 UTC), so the day boundaries are Asia/Shanghai's. The rows are removed before and after.
 */
@QuarkusTest
@TestSecurity(user = "stats-rita", roles = "regulator")
class StatisticsTest {
    private static final String H = "0".repeat(60);

    @jakarta.inject.Inject
    KycFixtures db;

    @BeforeEach
    @AfterEach
    void removeKnownRows() {
        db.execute("DELETE FROM risk_alert WHERE id LIKE 'stat\\_%'; DELETE FROM risk_case WHERE id LIKE 'stat\\_%';"
                + " DELETE FROM board_trade WHERE id LIKE 'stat\\_%'; DELETE FROM board_listing WHERE id LIKE 'stat\\_%';"
                + " DELETE FROM work WHERE id LIKE 'stat\\_%'");
    }

    private void work(String id, String at) {
        db.execute("INSERT INTO work (id, content_hash, title, kind, status, registrant, creators_json, tx_id,"
                + " block_number, registered_at) VALUES (?1, ?2, 't', 'TEXT', 'REGISTERED', 'acct_s', '[]', 'tx', 0, ?3)",
                id, H + id.substring(id.length() - 4), Instant.parse(at));
    }

    private void trade(String id, String status, long price, String settledAt, String updatedAt) {
        db.execute("INSERT INTO board_trade (id, listing_id, asset_id, work_id, seller_id, buyer_id, price_fen, origin,"
                + " hold_reference, rail, resale, terms_hash, status, created_at, settled_at, updated_at) VALUES"
                + " (?1, 'stat_l1', 'a', 'w', 's', 'b', ?2, 'PURCHASE', 'h', 'internal', false, ?3, ?4, ?5, ?6, ?7)",
                id, price, "0".repeat(64), status, Instant.parse(updatedAt),
                settledAt == null ? null : Instant.parse(settledAt), Instant.parse(updatedAt));
    }

    private void alert(String id, String rule, String at) {
        db.execute("INSERT INTO risk_alert (id, rule, subject_type, subject_id, evidence_json, summary, dedup_key,"
                + " event_at, tx_id, block_number, committed_at, raised_at, delay_ms, case_id) VALUES (?1, ?2, 'ASSET',"
                + " 'a', '{}', 's', ?1, ?3, 'tx', 0, ?3, ?3, 0, 'stat_c1')", id, rule, Instant.parse(at));
    }

    @Test
    void figuresPerBeijingDay() {
        work("stat_w001", "2031-03-12T15:59:59Z"); // 2031-03-12 23:59:59 in Beijing
        work("stat_w002", "2031-03-12T16:00:00Z"); // 2031-03-13 00:00:00
        work("stat_w003", "2031-03-13T15:59:59Z"); // 2031-03-13 23:59:59
        db.execute("INSERT INTO board_listing (id, asset_id, work_id, asset_kind, seller_id, type, price_fen,"
                + " disclosure, licence_terms, status, created_at, updated_at) VALUES ('stat_l1', 'a', 'w', 'EDITION',"
                + " 's', 'FIXED_PRICE', 100, 'd', 'l', 'SOLD', ?1, ?1)", Instant.parse("2031-03-13T02:00:00Z"));
        trade("stat_t1", "SETTLED", 12_345, "2031-03-13T03:00:00Z", "2031-03-13T03:00:00Z");
        trade("stat_t2", "SETTLED", 1_000, "2031-03-13T16:30:00Z", "2031-03-13T16:30:00Z");
        trade("stat_t3", "FAILED", 500, null, "2031-03-13T05:00:00Z");
        db.execute("INSERT INTO risk_case (id, subject_type, subject_id, rule, status, opened_at, updated_at) VALUES"
                + " ('stat_c1', 'ASSET', 'a', 'VELOCITY', 'DISMISSED', now(), now())");
        alert("stat_a1", "VELOCITY", "2031-03-13T01:00:00Z");
        alert("stat_a2", "VELOCITY", "2031-03-13T15:00:00Z");
        alert("stat_a3", "CIRCULAR_TRADE", "2031-03-13T17:00:00Z");

        given().queryParam("from", "2031-03-12").queryParam("to", "2031-03-14").get("/api/v1/audit/statistics")
                .then().statusCode(200)
                .body("timeZone", equalTo("Asia/Shanghai"))
                .body("days", hasSize(3))
                .body("days[0].date", equalTo("2031-03-12")).body("days[0].registrations", equalTo(1))
                .body("days[0].tradesSettled", equalTo(0)).body("days[0].alertsByRule.size()", equalTo(0))
                .body("days[1].date", equalTo("2031-03-13")).body("days[1].registrations", equalTo(2))
                .body("days[1].listingsCreated", equalTo(1)).body("days[1].tradesSettled", equalTo(1))
                .body("days[1].turnoverFen", equalTo(12_345)).body("days[1].tradesFailed", equalTo(1))
                .body("days[1].alertsByRule.VELOCITY", equalTo(2))
                .body("days[1].alertsByRule.CIRCULAR_TRADE", equalTo(null))
                .body("days[2].registrations", equalTo(0)).body("days[2].tradesSettled", equalTo(1))
                .body("days[2].turnoverFen", equalTo(1_000)).body("days[2].alertsByRule.CIRCULAR_TRADE", equalTo(1))
                .body("totals.registrations", equalTo(3)).body("totals.turnoverFen", equalTo(13_345))
                .body("totals.tradesFailed", equalTo(1)).body("totals.alertsByRule.VELOCITY", equalTo(2));
    }

    @Test
    void badRangesAreProblems() {
        given().queryParam("from", "2031-03-12").get("/api/v1/audit/statistics").then().statusCode(400)
                .body("code", equalTo("INVALID_DATE_RANGE"));
        given().queryParam("from", "12/03/2031").queryParam("to", "2031-03-14").get("/api/v1/audit/statistics")
                .then().statusCode(400).body("code", equalTo("INVALID_DATE_RANGE"));
        given().queryParam("from", "2031-03-14").queryParam("to", "2031-03-12").get("/api/v1/audit/statistics")
                .then().statusCode(400).body("code", equalTo("INVALID_DATE_RANGE"));
        given().queryParam("from", "2030-01-01").queryParam("to", "2031-03-12").get("/api/v1/audit/statistics")
                .then().statusCode(400).body("code", equalTo("INVALID_DATE_RANGE"));
    }
}
