package io.dcx.service.risk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcx.service.application.ChainJson;
import io.dcx.service.application.board.BoardPolicies;
import io.dcx.service.application.board.Purchases;
import io.dcx.service.application.money.Funds;
import io.dcx.service.domain.money.Money;
import io.dcx.service.application.ledger.ChaincodeEvent;
import io.dcx.service.application.ledger.CommittedTransaction;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.risk.RiskSettings;
import io.dcx.service.application.risk.SurveillanceConsumer;
import io.dcx.service.board.BoardFixtures;
import io.dcx.service.board.BoardFixtures.Party;
import io.dcx.service.board.BoardFixtures.Work;
import io.dcx.service.board.BoardInvariants;
import io.dcx.service.domain.board.Listing;
import io.dcx.service.domain.board.Trade;
import io.dcx.service.domain.risk.Alert;
import io.dcx.service.domain.risk.MarketEvent;
import io.dcx.service.domain.risk.RiskRule;
import io.dcx.service.domain.risk.SurveillanceEngine;
import io.dcx.service.domain.risk.SurveillanceThresholds;
import io.dcx.service.api.RightsFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Surveillance end to end on the embedded ledger: trades through the board and a transfer past it reach the engine
 * through the chain's events; prices only when the board's row agrees with the chain; alerts are stored with their
 * evidence; a circular trade halts its asset; thresholds changed at run time apply to the next event.
 */
@QuarkusTest
class SurveillanceTest {
    @Inject
    BoardFixtures board;
    @Inject
    BoardInvariants invariants;
    @Inject
    RiskFixtures risk;
    @Inject
    Purchases purchases;
    @Inject
    Ledger ledger;
    @Inject
    SurveillanceConsumer consumer;
    @Inject
    RiskSettings settings;
    @Inject
    EntityManager em;
    @Inject
    Funds funds;

    private BoardPolicies.Policy policyBefore;

    @BeforeEach
    void quickResales() {
        policyBefore = board.policy();
        board.quickResales();
        risk.defaultThresholds(settings);
    }

    @AfterEach
    void restore() {
        risk.defaultThresholds(settings);
        board.restorePolicy(policyBefore);
        invariants.check();
    }

    @Test
    @TestSecurity(user = "risk-halted-buyer", roles = "trader")
    void aCircularTradeThroughTheBoardRaisesAnAlertWithBothTradesAndHaltsTheAsset() throws Exception {
        Party a = board.approved("risk-a", 100_000);
        Party b = board.approved("risk-b", 100_000);
        String asset = board.editions(1, 10_000, a).assetIds().get(0);
        Trade first = purchases.buy(b.actor(), board.fixedPrice(a, asset, 10_000).id());
        risk.awaitEvent(first.id());
        Listing back = board.fixedPrice(b, asset, 11_000);

        // Hold surveillance back (it blocks on its first insert) so a listing of the asset exists before the halt.
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> holder = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("LOCK TABLE risk_market_event IN EXCLUSIVE MODE").executeUpdate();
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        Listing further;
        try {
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            Trade second = purchases.buy(a.actor(), back.id());
            further = board.fixedPrice(a, asset, 11_500);
            assertThat(risk.alertIds("CIRCULAR_TRADE", asset)).isEmpty();
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);

            String alertId = risk.awaitAlert("CIRCULAR_TRADE", asset);
            Object[] row = risk.alertRow(alertId);
            assertThat(row[1]).isEqualTo("asset");
            assertThat(row[2]).isEqualTo(asset);
            JsonNode evidence = ChainJson.parse(((String) row[3]).getBytes());
            assertThat(evidence.path("references").toString()).isEqualTo("[\"" + first.id() + "\",\"" + second.id()
                    + "\"]");
            assertThat(evidence.path("accounts").toString()).contains(a.accountId(), b.accountId());
            assertThat(evidence.path("facts").path("returnedTo").asText()).isEqualTo(a.accountId());
            assertThat(risk.priceOf(first.id())).isEqualTo(10_000L);
            assertThat(risk.priceOf(second.id())).isEqualTo(11_000L);
            String caseId = (String) row[4];
            RightsFixtures.await(() -> risk.count("SELECT count(*) FROM risk_case_history WHERE case_id = ?1"
                    + " AND action = 'HALT_ASSET' AND actor = 'system'", caseId) == 1, "the automatic halt");
            assertThat(risk.count("SELECT count(*) FROM board_halt WHERE scope = 'ASSET' AND target_id = ?1"
                    + " AND created_by = 'system' AND lifted_at IS NULL AND until > now() + interval '23 hours'",
                    asset)).isEqualTo(1);
            System.out.printf("surveillance: commit-to-alert delay of the circular trade %d ms (timer mean %.1f ms"
                    + " over %d alerts)%n", ((Number) row[5]).longValue(),
                    consumer.alertDelay().mean(TimeUnit.MILLISECONDS), consumer.alertDelay().count());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }

        Party buyer = new Party("risk-halted-buyer", board.kyc().approved("risk-halted-buyer"));
        funds.deposit(buyer.actor(), Money.fen(20_000));
        given().post("/api/v1/listings/" + further.id() + "/purchase").then().statusCode(409)
                .body("code", equalTo("HALT"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("dcx_risk_alert_delay_seconds_count"))
                .body(containsString("dcx_risk_events_total{kind=\"trade\"}"))
                .body(containsString("dcx_risk_events_per_second"));
    }

    @Test
    void aTransferOutsideTheBoardIsSeenAndClosesACircle() {
        Party a = board.approved("risk-a", 0);
        Party b = board.approved("risk-b", 100_000);
        String asset = board.editions(1, 10_000, a).assetIds().get(0);
        Trade sale = purchases.buy(b.actor(), board.fixedPrice(a, asset, 10_000).id());

        CommittedTransaction transfer = ledger.submit(LedgerIdentity.EXCHANGE, "assets:TransferAsset", asset,
                b.accountId(), a.accountId(), "gift");
        board.rights().awaitProjected(transfer.blockNumber());

        risk.awaitEvent(transfer.txId());
        assertThat(risk.priceOf(transfer.txId())).isNull();
        String alertId = risk.awaitAlert("CIRCULAR_TRADE", asset);
        JsonNode evidence = ChainJson.parse(((String) risk.alertRow(alertId)[3]).getBytes());
        assertThat(evidence.path("references").toString())
                .isEqualTo("[\"" + sale.id() + "\",\"" + transfer.txId() + "\"]");
    }

    @Test
    void aTradeWhoseBoardRowDisagreesWithTheChainsTermsHashHasNoPrice() throws Exception {
        Party a = board.approved("risk-a", 0);
        Party b = board.approved("risk-b", 100_000);
        String asset = board.editions(1, 10_000, a).assetIds().get(0);
        Trade sale = purchases.buy(b.actor(), board.fixedPrice(a, asset, 10_000).id());
        risk.awaitEvent(sale.id());
        assertThat(risk.priceOf(sale.id())).isEqualTo(10_000L);

        ChaincodeEvent settled = chainEvent("TradeSettled", sale.settleBlock(), sale.id());
        assertThat(consumer.marketEvent(settled).priceFen()).isEqualTo(10_000L);
        assertThat(risk.update("UPDATE board_trade SET price_fen = 9000,"
                + " seller_net_fen = seller_net_fen - 1000 WHERE id = ?1", sale.id())).isEqualTo(1);
        try {
            MarketEvent seen = consumer.marketEvent(settled);
            assertThat(seen.priceFen()).isNull();
            assertThat(seen.tradeId()).isEqualTo(sale.id());
            assertThat(seen.buyerId()).isEqualTo(b.accountId());
        } finally {
            risk.update("UPDATE board_trade SET price_fen = 10000, seller_net_fen = seller_net_fen + 1000"
                    + " WHERE id = ?1", sale.id());
        }
        // A trade the board never knew (settled on the chain directly) has no price either.
        String tradeId = "tr_direct" + System.nanoTime();
        String terms = "a".repeat(64);
        ledger.submit(LedgerIdentity.EXCHANGE, "assets:LockAsset", asset, tradeId, b.accountId(), a.accountId(),
                terms);
        CommittedTransaction direct = ledger.submit(LedgerIdentity.EXCHANGE, "assets:SettleTrade", asset, tradeId,
                a.accountId(), terms);
        board.rights().awaitProjected(direct.blockNumber());
        risk.awaitEvent(tradeId);
        assertThat(risk.priceOf(tradeId)).isNull();
    }

    /** A bought {@code count} editions of a drop from its creator, so its sales of them are resales. */
    private Work boughtBy(Party a, int count) {
        Party creator = board.approved("risk-creator", 0);
        Work work = board.editions(count, 5_000, creator);
        for (String asset : work.assetIds()) {
            purchases.buy(a.actor(), board.fixedPrice(creator, asset, 5_000).id());
        }
        return work;
    }

    private static String pair(Party a, Party b) {
        return a.accountId().compareTo(b.accountId()) < 0 ? a.accountId() + "|" + b.accountId()
                : b.accountId() + "|" + a.accountId();
    }

    @Test
    void repeatedResalesBetweenOnePairRaiseOneAlertAboveTheLimit() {
        Party a = board.approved("risk-a", 100_000);
        Party b = board.approved("risk-b", 100_000);
        int limit = SurveillanceThresholds.defaults().repeatedPairMax();
        Work work = boughtBy(a, limit + 1);
        for (int i = 0; i <= limit; i++) {
            Trade t = purchases.buy(b.actor(), board.fixedPrice(a, work.assetIds().get(i), 5_000).id());
            risk.awaitEvent(t.id());
            long alerts = risk.count("SELECT count(*) FROM risk_alert WHERE rule = 'REPEATED_PAIR' AND"
                    + " subject_id = ?1", pair(a, b));
            assertThat(alerts).as("after resale %d", i + 1).isEqualTo(i < limit ? 0 : 1);
        }
    }

    @Test
    @TestSecurity(user = "risk-settings-operator", roles = "operator")
    void aSettingsChangeAppliesToTheNextEventAndIsAudited() {
        Party a = board.approved("risk-a", 100_000);
        Party b = board.approved("risk-b", 100_000);
        Work work = boughtBy(a, 2);
        String pair = pair(a, b);
        Trade first = purchases.buy(b.actor(), board.fixedPrice(a, work.assetIds().get(0), 5_000).id());
        risk.awaitEvent(first.id());
        assertThat(risk.count("SELECT count(*) FROM risk_alert WHERE rule = 'REPEATED_PAIR' AND subject_id = ?1",
                pair)).isZero();

        String body = RiskSettings.toJson(SurveillanceThresholds.defaults()).replace("\"repeatedPairMax\":3",
                "\"repeatedPairMax\":1");
        long audits = risk.count("SELECT count(*) FROM audit_event WHERE action = 'RISK_SETTINGS_CHANGED'");
        given().contentType("application/json").body(body).put("/api/v1/risk/settings").then().statusCode(200)
                .body("repeatedPairMax", equalTo(1)).body("circularWindow", equalTo("PT720H"));
        assertThat(risk.count("SELECT count(*) FROM audit_event WHERE action = 'RISK_SETTINGS_CHANGED'"))
                .isEqualTo(audits + 1);
        assertThat(risk.count("SELECT count(*) FROM audit_event WHERE action = 'RISK_SETTINGS_CHANGED' AND"
                + " before_json LIKE '%\"repeatedPairMax\":3%' AND after_json LIKE '%\"repeatedPairMax\":1%'"))
                .isGreaterThanOrEqualTo(1);
        given().get("/api/v1/risk/settings").then().statusCode(200).body("repeatedPairMax", equalTo(1));

        Trade second = purchases.buy(b.actor(), board.fixedPrice(a, work.assetIds().get(1), 5_000).id());
        risk.awaitEvent(second.id());
        assertThat(risk.count("SELECT count(*) FROM risk_alert WHERE rule = 'REPEATED_PAIR' AND subject_id = ?1",
                pair)).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "risk-settings-operator", roles = "operator")
    void badSettingsAreProblemsThatChangeNothing() {
        String good = RiskSettings.toJson(SurveillanceThresholds.defaults());
        long audits = risk.count("SELECT count(*) FROM audit_event WHERE action = 'RISK_SETTINGS_CHANGED'");
        given().contentType("application/json").body(good.replace("\"PT1H\"", "\"an hour\"")).put(
                "/api/v1/risk/settings").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("INVALID_RISK_SETTINGS"));
        given().contentType("application/json").body(good.replace("\"pumpMinTrades\":3", "\"pumpMinTrades\":3.5"))
                .put("/api/v1/risk/settings").then().statusCode(400).body("code", equalTo("INVALID_RISK_SETTINGS"));
        given().contentType("application/json").body(good.replace(",\"repeatedPairMax\":3", ""))
                .put("/api/v1/risk/settings").then().statusCode(400).body("code", equalTo("INVALID_RISK_SETTINGS"));
        given().contentType("application/json").body(good.replace("\"pumpFallBps\":4000", "\"pumpFallBps\":10000"))
                .put("/api/v1/risk/settings").then().statusCode(422)
                .body("code", equalTo("RISK_SETTINGS_OUT_OF_RANGE"));
        given().contentType("application/json").body(good.replace("\"PT720H\"", "\"-P1D\""))
                .put("/api/v1/risk/settings").then().statusCode(422)
                .body("code", equalTo("RISK_SETTINGS_OUT_OF_RANGE"));
        given().contentType("application/json").body(good.replace("\"PT720H\"", "\"P400D\""))
                .put("/api/v1/risk/settings").then().statusCode(422)
                .body("code", equalTo("RISK_SETTINGS_OUT_OF_RANGE"));
        assertThat(risk.count("SELECT count(*) FROM audit_event WHERE action = 'RISK_SETTINGS_CHANGED'"))
                .isEqualTo(audits);
        assertThat(risk.count("SELECT count(*) FROM risk_settings")).isZero();
        assertThat(settings.current()).isEqualTo(SurveillanceThresholds.defaults());
    }

    @Test
    void aRestartedEngineReplaysTheLongestWindowAndStillSeesTheCircle() throws Exception {
        Party a = board.approved("risk-a", 100_000);
        Party b = board.approved("risk-b", 100_000);
        String asset = board.editions(1, 10_000, a).assetIds().get(0);
        Trade first = purchases.buy(b.actor(), board.fixedPrice(a, asset, 10_000).id());
        risk.awaitEvent(first.id());
        long checkpoint = ledger.height();

        // As if the service restarted here: one engine replays from where the consumer would, one does not.
        long from = consumer.replayStart(checkpoint);
        assertThat(from).isLessThanOrEqualTo(first.settleBlock());
        SurveillanceEngine replayed = new SurveillanceEngine(SurveillanceThresholds::defaults);
        SurveillanceEngine fresh = new SurveillanceEngine(SurveillanceThresholds::defaults);
        List<Alert> replayedAlerts = new CopyOnWriteArrayList<>();
        List<Alert> freshAlerts = new CopyOnWriteArrayList<>();
        List<String> seen = new CopyOnWriteArrayList<>();
        Ledger.ChaincodeEventListener feed = e -> {
            if (e.name().equals("TradeSettled") || e.name().equals("AssetTransferred")) {
                MarketEvent m = consumer.marketEvent(e);
                replayedAlerts.addAll(replayed.onEvent(m));
                if (e.blockNumber() >= checkpoint) {
                    freshAlerts.addAll(fresh.onEvent(m));
                }
                seen.add(m.reference());
            }
        };
        Trade second;
        try (Ledger.EventSubscription s = ledger.subscribe(from, feed)) {
            second = purchases.buy(a.actor(), board.fixedPrice(b, asset, 11_000).id());
            RightsFixtures.await(() -> seen.contains(second.id()), "the replaying engine to see the second trade");
        }
        assertThat(replayedAlerts).anySatisfy(al -> {
            assertThat(al.rule()).isEqualTo(RiskRule.CIRCULAR_TRADE);
            assertThat(al.references()).containsExactly(first.id(), second.id());
        });
        assertThat(freshAlerts).noneMatch(al -> al.rule() == RiskRule.CIRCULAR_TRADE && al.assets().contains(asset));
        // The live consumer raised it once; the replay's finding has the same dedup key.
        risk.awaitAlert("CIRCULAR_TRADE", asset);
        assertThat(risk.count("SELECT count(*) FROM risk_alert WHERE dedup_key = ?1",
                replayedAlerts.stream().filter(al -> al.rule() == RiskRule.CIRCULAR_TRADE).findFirst().orElseThrow()
                        .dedupKey())).isEqualTo(1);
    }

    /** The chain's own event, read back through a subscription from its block. */
    private ChaincodeEvent chainEvent(String name, long block, String tradeId) throws Exception {
        List<ChaincodeEvent> seen = new CopyOnWriteArrayList<>();
        try (Ledger.EventSubscription s = ledger.subscribe(block, e -> {
            if (e.name().equals(name) && new String(e.payload()).contains(tradeId)) {
                seen.add(e);
            }
        })) {
            RightsFixtures.await(() -> !seen.isEmpty(), name + " of " + tradeId);
        }
        return seen.get(0);
    }
}
