package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcx.service.application.port.AuditLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * CSV exports: exact content parsed back with commons-csv, Chinese text, formula cells neutralised, a 20,000-row
 * export streamed, the EXPORT audit event, bad periods and roles. Every test uses its own period in the past, so a
 * reused database does not disturb it.
 */
@QuarkusTest
class ExportResourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    /** The synthetic trades and listings this test wrote (never on chain), removed after each test. */
    private final java.util.List<String[]> written = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void removeSyntheticTrades() {
        // They would break the board's invariants (every settled trade on chain and captured) for later tests.
        for (String[] row : written) {
            sql("DELETE FROM board_trade WHERE id = ?1", row[0]);
            sql("DELETE FROM board_listing WHERE id = ?1", row[1]);
        }
        written.clear();
    }

    /** A random hour-long period in the 1990s that no other test writes into. */
    private static Instant period() {
        long hours = ThreadLocalRandom.current().nextLong(0, 24L * 365 * 9);
        return Instant.parse("1991-01-01T00:00:00Z").plus(hours, ChronoUnit.HOURS);
    }

    private void sql(String statement, Object... args) {
        QuarkusTransaction.requiringNew().run(() -> {
            var q = em.createNativeQuery(statement);
            for (int i = 0; i < args.length; i++) {
                q.setParameter(i + 1, args[i]);
            }
            q.executeUpdate();
        });
    }

    private long count(String statement, Object... args) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(statement);
            for (int i = 0; i < args.length; i++) {
                q.setParameter(i + 1, args[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }

    private static List<CSVRecord> parse(byte[] body) throws Exception {
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        try (CSVParser p = CSVParser.builder().setReader(new java.io.StringReader(text))
                .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return p.getRecords();
        }
    }

    private void trade(String id, Instant at, String workId, long priceFen, String status) {
        String listing = "lst_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        sql("INSERT INTO board_listing (id, asset_id, work_id, asset_kind, seller_id, type, price_fen, disclosure,"
                + " licence_terms, status, trade_id, created_at, updated_at) VALUES (?1, ?2, ?3, 'EDITION', 'acc_s',"
                + " 'FIXED_PRICE', ?4, '', '', 'SOLD', ?5, ?6, ?6)", listing, "ed_" + id, workId, priceFen, id, at);
        sql("INSERT INTO board_trade (id, listing_id, asset_id, work_id, seller_id, buyer_id, price_fen, origin,"
                + " hold_reference, rail, resale, terms_hash, status, fee_fen, royalty_fen, seller_net_fen,"
                + " settle_tx_id, settle_block, created_at, settled_at, updated_at) VALUES (?1, ?2, ?3, ?4,"
                + " 'acc_seller', 'acc_buyer', ?5, 'LISTING', 'hold-1', 'internal', false, ?6, ?7, 250, 1000,"
                + " ?8, 'tx-1', 42, ?9, ?10, ?10)", id, listing, "ed_" + id, workId, priceFen, "0".repeat(64),
                status, priceFen - 1250, at, at.plusSeconds(2));
        written.add(new String[] {id, listing});
    }

    @Test
    @TestSecurity(user = "export-regulator", roles = "regulator")
    void tradesExportHasAHeaderAndExactRowsInTimeOrder() throws Exception {
        Instant from = period();
        String first = "trd_" + UUID.randomUUID().toString().substring(0, 8);
        String second = "trd_" + UUID.randomUUID().toString().substring(0, 8);
        trade(second, from.plusSeconds(60), "wk_b", 20_000, "SETTLED");
        trade(first, from.plus(123456, ChronoUnit.MICROS), "wk_a", 9_900, "SETTLED");
        trade("trd_outside_" + UUID.randomUUID().toString().substring(0, 8), from.plusSeconds(3600), "wk_c", 1, "SETTLED");

        Response r = given().queryParam("from", from.toString()).queryParam("to", from.plusSeconds(3600).toString())
                .get("/api/v1/audit/exports/trades.csv");
        r.then().statusCode(200).header("X-Export-Rows", equalTo("2"));
        assertThat(r.contentType()).startsWith("text/csv").contains("charset=UTF-8");
        assertThat(r.header("Content-Disposition")).startsWith("attachment;").contains("dcx-trades-");

        byte[] body = r.asByteArray();
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n").doesNotContain("\n\n");
        assertThat(text.substring(1, text.indexOf("\r\n"))).isEqualTo("id,created_at,settled_at,status,listing_id,"
                + "asset_id,work_id,seller_id,buyer_id,price_fen,fee_fen,royalty_fen,seller_net_fen,origin,rail,resale,"
                + "failure_code,settle_tx_id,settle_block");
        List<CSVRecord> rows = parse(body);
        assertThat(rows).extracting(c -> c.get("id")).containsExactly(first, second);
        CSVRecord a = rows.get(0);
        assertThat(a.get("created_at")).isEqualTo(from.plus(123456, ChronoUnit.MICROS).toString());
        assertThat(a.get("created_at")).endsWith("Z");
        assertThat(a.get("settled_at")).isEqualTo(from.plus(123456, ChronoUnit.MICROS).plusSeconds(2).toString());
        assertThat(a.get("status")).isEqualTo("SETTLED");
        assertThat(a.get("work_id")).isEqualTo("wk_a");
        assertThat(a.get("price_fen")).isEqualTo("9900");
        assertThat(a.get("fee_fen")).isEqualTo("250");
        assertThat(a.get("royalty_fen")).isEqualTo("1000");
        assertThat(a.get("seller_net_fen")).isEqualTo("8650");
        assertThat(a.get("resale")).isEqualTo("false");
        assertThat(a.get("failure_code")).isEmpty();
        assertThat(a.get("settle_block")).isEqualTo("42");
        assertThat(rows.get(1).get("price_fen")).isEqualTo("20000");
    }

    private String alert(Instant at, String summary, String subjectId) {
        String caseId = "case_" + UUID.randomUUID().toString().substring(0, 12);
        String alertId = "alr_" + UUID.randomUUID().toString().substring(0, 12);
        sql("INSERT INTO risk_case (id, subject_type, subject_id, rule, status, opened_at, updated_at)"
                + " VALUES (?1, 'ACCOUNT', ?2, 'VELOCITY', 'DISMISSED', ?3, ?3)", caseId, subjectId, at);
        sql("INSERT INTO risk_alert (id, rule, subject_type, subject_id, evidence_json, summary, dedup_key, event_at,"
                + " tx_id, block_number, committed_at, raised_at, delay_ms, case_id) VALUES (?1, 'VELOCITY',"
                + " 'ACCOUNT', ?2, ?3, ?4, ?1, ?5, 'tx-9', 7, ?5, ?5, 12, ?6)", alertId, subjectId,
                "{\"note\":\"say \\\"hi\\\", twice\"}", summary, at, caseId);
        return alertId;
    }

    @Test
    @TestSecurity(user = "export-operator", roles = "operator")
    void formulaCellsAreNeutralisedAndChineseQuotesCommasAndLineBreaksRoundTrip() throws Exception {
        Instant from = period();
        List<String> summaries = List.of("=HYPERLINK(\"http://evil\",\"x\")", "+1+2", "-3", "@SUM(A1)",
                "\tTAB", "\r=1", "春江花月夜, \"引号\"\r\n第二行", "plain");
        for (int i = 0; i < summaries.size(); i++) {
            alert(from.plusSeconds(i), summaries.get(i), i == 0 ? "=cmd|' /C calc'!A0" : "acc_" + i);
        }

        byte[] body = given().queryParam("from", from.toString()).queryParam("to", from.plusSeconds(60).toString())
                .get("/api/v1/audit/exports/alerts.csv").then().statusCode(200).extract().asByteArray();

        List<CSVRecord> rows = parse(body);
        assertThat(rows).extracting(c -> c.get("summary")).containsExactly("'=HYPERLINK(\"http://evil\",\"x\")",
                "'+1+2", "'-3", "'@SUM(A1)", "'\tTAB", "'\r=1", "春江花月夜, \"引号\"\r\n第二行", "plain");
        assertThat(rows.get(0).get("subject_id")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(rows.get(1).get("evidence_json")).isEqualTo("{\"note\":\"say \\\"hi\\\", twice\"}");
        assertThat(rows.get(1).get("delay_ms")).isEqualTo("12");
        // Quotes inside a quoted field are doubled on the wire (RFC 4180).
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"春江花月夜, \"\"引号\"\"\r\n第二行\"");
    }

    @Test
    @TestSecurity(user = "export-regulator-big", roles = "regulator")
    void twentyThousandCasesStreamAndTheExportIsAudited() throws Exception {
        Instant from = period();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        sql("INSERT INTO risk_case (id, subject_type, subject_id, rule, status, opened_at, updated_at)"
                + " SELECT 'case_" + tag + "_' || g, 'ACCOUNT', 'acc_" + tag + "_' || g, 'VELOCITY', 'DISMISSED',"
                + " CAST(?1 AS timestamptz) + g * interval '100 milliseconds', ?1 FROM generate_series(1, 20000) g", from);
        Instant to = from.plusSeconds(3600);

        Response r = given().queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/audit/exports/cases.csv");
        r.then().statusCode(200).header("X-Export-Rows", equalTo("20000"));
        long rows = 0;
        String last = null;
        try (InputStream in = r.asInputStream(); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser p = CSVParser.builder().setReader(reader).setFormat(CSVFormat.RFC4180).get()) {
            for (CSVRecord rec : p) {
                rows++;
                last = rec.get(0);
            }
        }
        assertThat(rows).isEqualTo(20_001); // the header and every case, each once (keyset pages neither skip nor repeat)
        assertThat(last).isEqualTo("case_" + tag + "_20000");

        long eventId = Long.parseLong(r.header("X-Export-Audit-Event"));
        JsonNode event = given().queryParam("action", "EXPORT").queryParam("limit", 50).get("/api/v1/audit/events")
                .then().statusCode(200).extract().jsonPath().getList("events").stream()
                .map(e -> JSON.valueToTree(e)).map(JsonNode.class::cast)
                .filter(e -> e.path("id").asLong() == eventId).findFirst().orElseThrow();
        assertThat(event.path("subjectType").asText()).isEqualTo("export");
        assertThat(event.path("subjectId").asText()).isEqualTo("cases");
        assertThat(event.path("actor").asText()).startsWith("acc_");
        JsonNode after = JSON.readTree(event.path("after").asText());
        assertThat(after.path("kind").asText()).isEqualTo("cases");
        assertThat(after.path("from").asText()).isEqualTo(from.toString());
        assertThat(after.path("to").asText()).isEqualTo(to.toString());
        assertThat(after.path("rows").asLong()).isEqualTo(20_000);
    }

    @Test
    @TestSecurity(user = "export-regulator-log", roles = "regulator")
    void anAuditEventsExportHoldsTheLogButNotItsOwnEvent() throws Exception {
        Instant from = Instant.now().minusSeconds(5);
        // An event of its own in the period, with a formula-looking subject.
        long mine = QuarkusTransaction.requiringNew().call(() -> audit.record(new AuditLog.Event(Instant.now(),
                "acc_export_test", "TEST_EVENT", "test", "=1+1", null, "{\"x\":\"春\"}", "req-export")));
        Response r = given().queryParam("from", from.toString()).queryParam("to", Instant.now().plusSeconds(60)
                .toString()).get("/api/v1/audit/exports/audit-events.csv");
        r.then().statusCode(200);
        String own = r.header("X-Export-Audit-Event");
        List<CSVRecord> rows = parse(r.asByteArray());
        assertThat(rows).extracting(c -> c.get("id")).doesNotContain(own).contains(Long.toString(mine));
        CSVRecord row = rows.stream().filter(c -> c.get("id").equals(Long.toString(mine))).findFirst().orElseThrow();
        assertThat(row.get("subject_id")).isEqualTo("'=1+1");
        assertThat(row.get("after_json")).isEqualTo("{\"x\":\"春\"}");
        assertThat(row.get("request_id")).isEqualTo("req-export");
        assertThat(Long.parseLong(own)).isGreaterThan(mine);
        assertThat(count("SELECT count(*) FROM audit_event WHERE id = ?1 AND action = 'EXPORT'", Long.parseLong(own)))
                .isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "export-regulator-bad", roles = "regulator")
    void badPeriodsAndUnknownKindsAreProblemsThatWriteNothing() {
        long events = count("SELECT count(*) FROM audit_event");
        given().get("/api/v1/audit/exports/trades.csv").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("INVALID_EXPORT_PERIOD"));
        given().queryParam("from", "2026-11-01").queryParam("to", "2026-11-02T00:00:00Z")
                .get("/api/v1/audit/exports/trades.csv").then().statusCode(400)
                .body("code", equalTo("INVALID_EXPORT_PERIOD"));
        given().queryParam("from", "2026-11-02T00:00:00Z").queryParam("to", "2026-11-01T00:00:00Z")
                .get("/api/v1/audit/exports/alerts.csv").then().statusCode(400)
                .body("code", equalTo("INVALID_EXPORT_PERIOD"));
        given().queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-11-01T00:00:00Z")
                .get("/api/v1/audit/exports/cases.csv").then().statusCode(400)
                .body("code", equalTo("INVALID_EXPORT_PERIOD"));
        given().queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-11-02T00:00:00Z")
                .get("/api/v1/audit/exports/wallets.csv").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("EXPORT_KIND_NOT_FOUND"));
        assertThat(count("SELECT count(*) FROM audit_event")).isEqualTo(events);
    }

    @Test
    @TestSecurity(user = "export-trader", roles = {"trader", "creator"})
    void tradersAndCreatorsMayNotExport() {
        long events = count("SELECT count(*) FROM audit_event");
        given().queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-11-02T00:00:00Z")
                .get("/api/v1/audit/exports/trades.csv").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        assertThat(count("SELECT count(*) FROM audit_event")).isEqualTo(events);
    }

    @Test
    void aRealRegulatorTokenExportsAndAnonymousCannot() throws Exception {
        Instant from = period();
        String id = "trd_" + UUID.randomUUID().toString().substring(0, 8);
        trade(id, from.plusSeconds(1), "wk_real", 500, "FAILED");
        Response r = given().auth().oauth2(RealKeycloakTest.tokenFor("rita")).queryParam("from", from.toString())
                .queryParam("to", from.plusSeconds(10).toString()).get("/api/v1/audit/exports/trades.csv");
        r.then().statusCode(200);
        assertThat(parse(r.asByteArray())).extracting(c -> c.get("id")).containsExactly(id);
        given().auth().oauth2(RealKeycloakTest.tokenFor("bob")).queryParam("from", from.toString())
                .queryParam("to", from.plusSeconds(10).toString()).get("/api/v1/audit/exports/trades.csv")
                .then().statusCode(403);
        given().queryParam("from", from.toString()).queryParam("to", from.plusSeconds(10).toString())
                .get("/api/v1/audit/exports/trades.csv").then().statusCode(401);
    }
}
