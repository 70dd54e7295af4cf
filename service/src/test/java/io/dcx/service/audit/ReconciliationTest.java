package io.dcx.service.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.dcx.service.api.KycFixtures;
import io.dcx.service.application.ChainJson;
import io.dcx.service.application.audit.Actor;
import io.dcx.service.application.board.Purchases;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.reconciliation.Difference;
import io.dcx.service.application.reconciliation.Difference.Kind;
import io.dcx.service.application.reconciliation.Difference.Subject;
import io.dcx.service.application.reconciliation.Reconciliation;
import io.dcx.service.application.reconciliation.ReconciliationReport;
import io.dcx.service.board.BoardFixtures;
import io.dcx.service.board.BoardFixtures.Party;
import io.dcx.service.board.BoardFixtures.Work;
import io.dcx.service.domain.board.Trade;
import io.dcx.service.domain.board.TradeStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation on the embedded ledger: a fresh work with a settled trade reconciles; a difference planted in the
 * database (an asset's owner, a trade's buyer, a work's status, a settled trade marked FAILED) is found with both
 * sides and nothing else is (compared with a run just before planting, so the test holds on a shared database too);
 * the rows are put back. Runs, reports and roles through the API.
 */
@QuarkusTest
class ReconciliationTest {
    @Inject
    BoardFixtures board;
    @Inject
    KycFixtures db;
    @Inject
    Purchases purchases;
    @Inject
    Reconciliation reconciliation;
    @Inject
    Ledger ledger;

    private Work work;
    private Trade trade;
    private Party seller;
    private io.dcx.service.application.board.BoardPolicies.Policy policyBefore;

    @BeforeEach
    void aWorkWithASettledTrade() {
        policyBefore = board.policy();
        board.quickResales();
        seller = board.approved("recon-seller", 0);
        Party buyer = board.approved("recon-buyer", 100_000);
        work = board.editions(2, 10_000, seller);
        trade = purchases.buy(buyer.actor(), board.fixedPrice(seller, work.assetIds().get(0), 10_000).id());
        assertThat(trade.status()).isEqualTo(TradeStatus.SETTLED);
    }

    @org.junit.jupiter.api.AfterEach
    void restorePolicy() {
        board.restorePolicy(policyBefore);
    }

    private ReconciliationReport run() {
        return reconciliation.run(db.actor(KycFixtures.OPERATOR), ReconciliationReport.Trigger.ON_DEMAND,
                LedgerIdentity.EXCHANGE);
    }

    /** What the second run found that the first did not, checking that the first's are all still there. */
    private static List<Difference> newIn(ReconciliationReport before, ReconciliationReport after) {
        assertThat(after.differences()).containsAll(before.differences());
        List<Difference> found = new ArrayList<>(after.differences());
        found.removeAll(before.differences());
        return found;
    }

    @Test
    void aRunCountsEveryRecordAndFindsNothingAboutFreshOnes() {
        ReconciliationReport report = run();
        List<String> mine = new ArrayList<>(work.assetIds());
        mine.add(work.id());
        mine.add(trade.id());
        assertThat(report.differences()).noneMatch(d -> mine.contains(d.id()));
        assertThat(report.clean()).isEqualTo(report.differences().isEmpty());
        assertThat(report.differenceCount()).isEqualTo(report.differences().size());
        assertThat(report.counts().get(Subject.ASSET).checked()).isEqualTo(db.rows("asset")
                + missingInService(report, Subject.ASSET));
        assertThat(report.counts().get(Subject.TRADE).checked()).isEqualTo(
                db.count("SELECT count(*) FROM board_trade WHERE status IN ('SETTLED', 'FAILED')")
                        + missingInService(report, Subject.TRADE));
        assertThat(report.counts().get(Subject.WORK).checked()).isEqualTo(db.rows("work"));
        assertThat(report.counts().get(Subject.ASSET).checked()).isGreaterThanOrEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM audit_event WHERE action = 'RECONCILIATION_RUN' AND subject_id = ?1",
                report.id())).isEqualTo(1);
        assertThat(reconciliation.byId(report.id())).isEqualTo(report);
    }

    private static long missingInService(ReconciliationReport report, Subject subject) {
        return report.differences().stream().filter(d -> d.subject() == subject
                && d.kind() == Kind.MISSING_IN_SERVICE).count();
    }

    @Test
    void anOwnerChangedInTheReadModelIsFoundWithBothSides() {
        String asset = work.assetIds().get(1);
        ReconciliationReport before = run();
        db.execute("UPDATE asset SET owner = 'acct_planted' WHERE id = ?1", asset);
        try {
            ReconciliationReport after = run();
            assertThat(newIn(before, after)).containsExactly(new Difference(Subject.ASSET, Kind.MISMATCH, asset,
                    "owner", "acct_planted", seller.accountId()));
            assertThat(after.clean()).isFalse();
        } finally {
            db.execute("UPDATE asset SET owner = ?1 WHERE id = ?2", seller.accountId(), asset);
        }
        assertThat(run().differences()).isEqualTo(before.differences());
    }

    @Test
    void aTradesBuyerChangedInTheBooksIsFound() {
        String id = trade.id();
        String buyer = db.text("SELECT buyer_id FROM board_trade WHERE id = ?1", id);
        ReconciliationReport before = run();
        db.execute("UPDATE board_trade SET buyer_id = 'acct_planted' WHERE id = ?1", id);
        try {
            assertThat(newIn(before, run())).containsExactly(new Difference(Subject.TRADE, Kind.MISMATCH, id,
                    "buyerId", "acct_planted", buyer));
        } finally {
            db.execute("UPDATE board_trade SET buyer_id = ?1 WHERE id = ?2", buyer, id);
        }
    }

    @Test
    void aFailedTradeThatSettledOnChainIsFound() {
        String id = trade.id();
        ReconciliationReport before = run();
        db.execute("UPDATE board_trade SET status = 'FAILED' WHERE id = ?1", id);
        try {
            assertThat(newIn(before, run())).containsExactly(new Difference(Subject.TRADE, Kind.UNEXPECTED_ON_CHAIN,
                    id, "status", "FAILED", "SETTLED"));
        } finally {
            db.execute("UPDATE board_trade SET status = 'SETTLED' WHERE id = ?1", id);
        }
    }

    @Test
    void aChainTradeTheBoardDoesNotKnowIsFoundThroughTheAssetsHistory() {
        String id = trade.id();
        String renamed = "trd_recon_renamed";
        ReconciliationReport before = run();
        // The board's row gets another id: the chain's trade is unknown to the board, the renamed one is not on chain.
        db.execute("CREATE TABLE IF NOT EXISTS recon_moved_step AS SELECT * FROM board_trade_step WHERE false;"
                + " INSERT INTO recon_moved_step SELECT * FROM board_trade_step WHERE trade_id = ?1;"
                + " DELETE FROM board_trade_step WHERE trade_id = ?1; UPDATE board_trade SET id = ?2 WHERE id = ?1",
                id, renamed);
        try {
            String buyer = db.text("SELECT buyer_id FROM board_trade WHERE id = ?1", renamed);
            assertThat(newIn(before, run())).containsExactlyInAnyOrder(
                    new Difference(Subject.TRADE, Kind.MISSING_ON_CHAIN, renamed, "exists", "SETTLED", null),
                    new Difference(Subject.TRADE, Kind.MISSING_IN_SERVICE, id, "exists", null,
                            "SETTLED asset " + work.assetIds().get(0) + " to " + buyer));
        } finally {
            db.execute("UPDATE board_trade SET id = ?1 WHERE id = ?2; INSERT INTO board_trade_step SELECT * FROM"
                    + " recon_moved_step WHERE trade_id = ?1; DROP TABLE recon_moved_step", id, renamed);
        }
        assertThat(run().differences()).isEqualTo(before.differences());
    }

    @Test
    void rowsOnlyInTheBooksAreMissingOnChain() {
        ReconciliationReport before = run();
        String ghostWork = "wk_recon_ghost_" + System.nanoTime();
        String ghostAsset = ghostWork + "-1";
        String badAsset = "not an asset id!";
        db.execute("INSERT INTO work (id, content_hash, title, kind, status, registrant, creators_json, tx_id,"
                + " block_number, registered_at) SELECT ?1, md5(?1) || md5(?1), 'ghost', 'TEXT', 'ACTIVE', ?2,"
                + " '[{\"accountId\":\"' || ?2 || '\",\"shareBps\":10000}]', 'tx', 0, now()", ghostWork,
                seller.accountId());
        db.execute("INSERT INTO asset (id, work_id, kind, edition, edition_count, owner, status, acquired_at,"
                + " acquired_by, last_action, tx_id, block_number) VALUES (?1, ?2, 'EDITION', 1, 1, ?3, 'ACTIVE', now(),"
                + " 'ISSUE', 'ISSUED', 'tx', 0), (?4, ?2, 'EDITION', 1, 1, ?3, 'ACTIVE', now(), 'ISSUE', 'ISSUED', 'tx',"
                + " 0)", ghostAsset, ghostWork, seller.accountId(), badAsset);
        try {
            assertThat(newIn(before, run())).containsExactlyInAnyOrder(
                    new Difference(Subject.WORK, Kind.MISSING_ON_CHAIN, ghostWork, "exists", "ACTIVE", null),
                    new Difference(Subject.ASSET, Kind.MISSING_ON_CHAIN, ghostAsset, "exists",
                            "owner " + seller.accountId() + ", ACTIVE", null),
                    new Difference(Subject.ASSET, Kind.MISSING_ON_CHAIN, badAsset, "exists",
                            "owner " + seller.accountId() + ", ACTIVE", null));
        } finally {
            db.execute("DELETE FROM asset WHERE id IN (?1, ?2); DELETE FROM work WHERE id = ?3", ghostAsset, badAsset,
                    ghostWork);
        }
    }

    @Test
    void aWorksStatusChangedInTheReadModelIsFound() {
        String status = db.text("SELECT status FROM work WHERE id = ?1", work.id());
        String onChain = ChainJson.parse(ledger.evaluate(LedgerIdentity.EXCHANGE, "works:GetWork", work.id()))
                .path("status").asText();
        assertThat(onChain).isEqualTo(status);
        ReconciliationReport before = run();
        db.execute("UPDATE work SET status = 'REVOKED' WHERE id = ?1", work.id());
        try {
            assertThat(newIn(before, run())).containsExactly(new Difference(Subject.WORK, Kind.MISMATCH, work.id(),
                    "status", "REVOKED", onChain));
        } finally {
            db.execute("UPDATE work SET status = ?1 WHERE id = ?2", status, work.id());
        }
    }

    @Test
    void anAssetMissingFromTheReadModelIsFoundThroughItsWork() {
        String asset = work.assetIds().get(1);
        ReconciliationReport before = run();
        db.execute("CREATE TABLE IF NOT EXISTS recon_removed_asset AS SELECT * FROM asset WHERE false; INSERT INTO"
                + " recon_removed_asset SELECT * FROM asset WHERE id = '" + asset + "'; DELETE FROM asset WHERE id = '"
                + asset + "'");
        try {
            assertThat(newIn(before, run())).containsExactly(new Difference(Subject.ASSET, Kind.MISSING_IN_SERVICE,
                    asset, "exists", null, "owner " + seller.accountId() + ", ACTIVE"));
        } finally {
            db.execute("INSERT INTO asset SELECT * FROM recon_removed_asset WHERE id = '" + asset
                    + "'; DROP TABLE recon_removed_asset");
        }
    }

    @Test
    @TestSecurity(user = "recon-olivia", roles = "operator")
    void operatorsRunAndReadReports() {
        String id = given().post("/api/v1/audit/reconciliation").then().statusCode(201)
                .body("trigger", equalTo("ON_DEMAND")).body("ledgerMsp", equalTo("ExchangeMSP"))
                .body("counts.WORK.checked", equalTo((int) db.rows("work")))
                .extract().path("id");
        given().get("/api/v1/audit/reconciliation").then().statusCode(200).body("id", equalTo(id));
        given().get("/api/v1/audit/reconciliation/" + id).then().statusCode(200).body("id", equalTo(id));
        given().get("/api/v1/audit/reconciliation/rcn_nope").then().statusCode(404)
                .body("code", equalTo("RECONCILIATION_NOT_FOUND"));
    }

    @Test
    @TestSecurity(user = "recon-rita", roles = "regulator")
    void aRegulatorsRunReadsTheChainAsTheRegulator() {
        long height = ledger.height();
        given().post("/api/v1/audit/reconciliation").then().statusCode(201)
                .body("ledgerMsp", equalTo("RegulatorMSP")).body("requestedBy", equalTo(
                        db.accountOf("recon-rita")));
        assertThat(ledger.height()).isEqualTo(height);
    }

    @Test
    @TestSecurity(user = "recon-bob", roles = "trader")
    void tradersMayNotRunOrRead() {
        long runs = db.rows("reconciliation_run");
        given().post("/api/v1/audit/reconciliation").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().get("/api/v1/audit/reconciliation").then().statusCode(403);
        given().get("/api/v1/audit/blocks/verify").then().statusCode(403);
        given().queryParam("from", "2026-01-01").queryParam("to", "2026-01-02").get("/api/v1/audit/statistics")
                .then().statusCode(403);
        assertThat(db.rows("reconciliation_run")).isEqualTo(runs);
    }

    @Test
    @TestSecurity(user = "recon-olivia", roles = "operator")
    void aTamperedBlockIsFoundAndTheChainIsWholeOnceItIsPutBack() {
        given().get("/api/v1/audit/blocks/verify").then().statusCode(200).body("intact", equalTo(true))
                .body("firstBreak", nullValue());
        long block = db.count("SELECT settle_block FROM board_trade WHERE id = ?1", trade.id());
        String function = db.text("SELECT function FROM ledger_tx WHERE block_number = ?1 AND tx_index = 0", block);
        given().get("/api/v1/audit/blocks/" + block).then().statusCode(200).body("number", equalTo((int) block))
                .body("hash", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"));
        db.execute("UPDATE ledger_tx SET function = 'assets:TransferAsset' WHERE block_number = ?1 AND tx_index = 0",
                block);
        try {
            given().get("/api/v1/audit/blocks/verify").then().statusCode(200).body("intact", equalTo(false))
                    .body("firstBreak.block", equalTo((int) block)).body("checked", equalTo((int) block));
        } finally {
            db.execute("UPDATE ledger_tx SET function = ?1 WHERE block_number = ?2 AND tx_index = 0", function, block);
        }
        given().get("/api/v1/audit/blocks/verify").then().statusCode(200).body("intact", equalTo(true));
        given().get("/api/v1/audit/blocks/not-a-number").then().statusCode(400).body("code", equalTo("INVALID_REQUEST"));
        given().get("/api/v1/audit/blocks/-1").then().statusCode(400);
        given().get("/api/v1/audit/blocks/" + Long.MAX_VALUE).then().statusCode(404)
                .body("code", equalTo("BLOCK_NOT_FOUND"));
        assertThat(db.count("SELECT count(*) FROM audit_event WHERE action = 'BLOCKS_VERIFIED' AND actor = ?1",
                db.accountOf("recon-olivia"))).isGreaterThanOrEqualTo(3);
    }
}
