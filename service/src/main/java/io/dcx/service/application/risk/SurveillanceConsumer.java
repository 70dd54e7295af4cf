package io.dcx.service.application.risk;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcx.service.application.ChainJson;
import io.dcx.service.application.ledger.ChaincodeEvent;
import io.dcx.service.application.ledger.ContractRejectedException;
import io.dcx.service.application.ledger.EventFeed;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.port.AssetBook;
import io.dcx.service.application.port.ChainIndex;
import io.dcx.service.application.port.TradeStore;
import io.dcx.service.domain.asset.Asset;
import io.dcx.service.domain.board.Trade;
import io.dcx.service.domain.board.TradeTerms;
import io.dcx.service.domain.risk.Alert;
import io.dcx.service.domain.risk.MarketEvent;
import io.dcx.service.domain.risk.SurveillanceEngine;
import io.micrometer.core.instrument.Counter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Post-trade surveillance fed by the ledger's own chaincode events (consumer {@value #CONSUMER}), not by the
 * service's calls, so transfers that never went through the board are seen too. {@code TradeSettled} and
 * {@code AssetTransferred} become {@link MarketEvent}s in chain order; the engine's alerts are stored (idempotent by
 * dedup key), gathered into cases, and rules configured in {@code dcx.risk.auto-halt} halt their assets.
 *
 * <p>Price: a trade's price is taken from the service's {@code board_trade} row only when the terms hash computed
 * from that row equals the hash the chain recorded; otherwise (no row, or a row that disagrees) the price is null,
 * since a price nobody can verify against the chain must not drive PUMP_AND_DUMP.
 *
 * <p>Start: the engine keeps its windows in memory, so on start it replays from the block of the oldest consumed
 * event inside the longest window before the newest consumed one (see {@link RiskStore#replayFrom}), or from the
 * checkpoint when that is earlier. Events of the replay rebuild the windows; the alerts they raise again are known
 * by their dedup key and are neither stored twice nor acted on twice.
 */
@ApplicationScoped
public class SurveillanceConsumer {
    static final String CONSUMER = "risk-surveillance";
    private static final Logger LOG = Logger.getLogger(SurveillanceConsumer.class);
    private static final int PERSIST_ATTEMPTS = 5;

    private final Ledger ledger;
    private final ChainIndex chainIndex;
    private final AssetBook assets;
    private final TradeStore trades;
    private final RiskStore store;
    private final RiskSettings settings;
    private final RiskCases cases;
    private final SurveillanceEngine engine;
    private final EventFeed feed = new EventFeed();
    private final Counter tradeEvents;
    private final Counter transferEvents;
    private final Timer alertDelay;
    private final ArrayDeque<Long> recentNanos = new ArrayDeque<>();
    private volatile long liveFromBlock;
    // The last event fed to the engine, so a redelivery after a failed store does not feed it twice.
    private String fedKey;
    private MarketEvent fedEvent;
    private List<Alert> fedAlerts;

    public SurveillanceConsumer(Ledger ledger, ChainIndex chainIndex, AssetBook assets, TradeStore trades,
            RiskStore store, RiskSettings settings, RiskCases cases, MeterRegistry metrics) {
        this.ledger = ledger;
        this.chainIndex = chainIndex;
        this.assets = assets;
        this.trades = trades;
        this.store = store;
        this.settings = settings;
        this.cases = cases;
        this.engine = new SurveillanceEngine(settings::current);
        this.tradeEvents = Counter.builder("dcx.risk.events").tag("kind", "trade")
                .description("settled trades surveillance consumed").register(metrics);
        this.transferEvents = Counter.builder("dcx.risk.events").tag("kind", "transfer")
                .description("transfers outside the board surveillance consumed").register(metrics);
        this.alertDelay = Timer.builder("dcx.risk.alert.delay")
                .description("from the commit of the transaction that completed a pattern to its alert's insert")
                .publishPercentiles(0.5, 0.95, 0.99).register(metrics);
        metrics.gauge("dcx.risk.events.per.second", this, SurveillanceConsumer::eventsPerSecond);
    }

    void start(@Observes StartupEvent startup) {
        long checkpoint = chainIndex.nextBlock(CONSUMER);
        long from = replayStart(checkpoint);
        liveFromBlock = checkpoint;
        LOG.infof("surveillance from block %d (checkpoint %d, replaying the longest window %s)", from, checkpoint,
                settings.current().longestWindow());
        feed.open(ledger, from, this::apply);
    }

    /**
     * Where a consumer whose checkpoint is {@code checkpoint} starts: the block of the oldest consumed event inside
     * the longest window before the newest one, or the checkpoint when that is earlier.
     */
    @Transactional
    public long replayStart(long checkpoint) {
        return Math.min(checkpoint, store.replayFrom(settings.current().longestWindow()).orElse(checkpoint));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        feed.close();
    }

    /** The highest block whose events surveillance has processed and committed (-1 before the first). */
    public long processedThrough() {
        return feed.handledThrough();
    }

    /** The alert delay timer (commit to insert), for reports. */
    public Timer alertDelay() {
        return alertDelay;
    }

    void apply(ChaincodeEvent event) {
        if (event.name().equals("TradeSettled") || event.name().equals("AssetTransferred")) {
            String key = event.blockNumber() + "/" + event.txId() + "/" + event.name();
            MarketEvent market;
            List<Alert> alerts;
            if (key.equals(fedKey)) {
                // The ledger delivers an event again when storing it failed: the engine has it already.
                market = fedEvent;
                alerts = fedAlerts;
            } else {
                market = marketEvent(event);
                alerts = engine.onEvent(market);
                fedKey = key;
                fedEvent = market;
                fedAlerts = alerts;
                (market.tradeId() != null ? tradeEvents : transferEvents).increment();
                countForRate();
            }
            List<RiskCases.Raised> raised = persistWithRetry(event, market, alerts);
            for (RiskCases.Raised r : raised) {
                if (event.blockNumber() >= liveFromBlock) {
                    alertDelay.record(Duration.ofMillis(r.delayMs()));
                }
                cases.autoActions(r);
            }
        }
    }

    private List<RiskCases.Raised> persistWithRetry(ChaincodeEvent event, MarketEvent market, List<Alert> alerts) {
        for (int attempt = 1; ; attempt++) {
            try {
                return cases.record(CONSUMER, event, market, alerts);
            } catch (RuntimeException e) {
                if (attempt >= PERSIST_ATTEMPTS) {
                    throw e;
                }
                LOG.warnf(e, "surveillance could not store block %d (attempt %d); retrying", event.blockNumber(),
                        attempt);
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * The change of owner a chain event records. The series comes from the asset read model, else from the chain;
     * the price only from a board row that agrees with the chain's terms hash.
     */
    @Transactional
    public MarketEvent marketEvent(ChaincodeEvent event) {
        JsonNode p = ChainJson.parse(event.payload());
        if (event.name().equals("AssetTransferred")) {
            JsonNode asset = p.path("asset");
            String assetId = p.path("assetId").asText(asset.path("id").asText());
            Integer count = asset.path("editionCount").isNumber() ? asset.path("editionCount").intValue() : null;
            String workId = asset.path("workId").isTextual() ? asset.path("workId").asText() : series(assetId)[0];
            return new MarketEvent(null, assetId, workId, count, p.path("fromId").asText(), p.path("toId").asText(),
                    null, event.timestamp(), event.txId(), event.blockNumber());
        }
        String tradeId = p.path("tradeId").asText();
        String assetId = p.path("assetId").asText();
        String sellerId = p.path("sellerId").asText();
        String buyerId = p.path("buyerId").asText();
        String[] series = series(assetId);
        Long price = verifiedPrice(tradeId, assetId, sellerId, buyerId, p.path("termsHash").asText());
        Instant at = p.path("settledAt").isTextual() ? Instant.parse(p.path("settledAt").asText()) : event.timestamp();
        return new MarketEvent(tradeId, assetId, series[0], series[1] == null ? null : Integer.valueOf(series[1]),
                sellerId, buyerId, price, at, event.txId(), event.blockNumber());
    }

    private Long verifiedPrice(String tradeId, String assetId, String sellerId, String buyerId, String chainHash) {
        Optional<Trade> row;
        try {
            // Own transaction: a row that cannot be read must cost the price, not the event.
            row = QuarkusTransaction.requiringNew().call(() -> trades.find(tradeId));
        } catch (RuntimeException e) {
            LOG.warnf(e, "trade %s: the board's row cannot be read; its price is not used", tradeId);
            return null;
        }
        if (row.isEmpty()) {
            return null;
        }
        Trade t = row.get();
        String hash = TradeTerms.hash(t.id(), t.assetId(), t.sellerId(), t.buyerId(), t.price());
        boolean agrees = hash.equals(chainHash) && t.assetId().equals(assetId) && t.sellerId().equals(sellerId)
                && t.buyerId().equals(buyerId);
        if (!agrees) {
            LOG.warnf("trade %s: the board's row does not match the chain's terms hash; its price is not used",
                    tradeId);
            return null;
        }
        return t.price().fen();
    }

    /** {workId, editionCount or null}. */
    private String[] series(String assetId) {
        Optional<Asset> known = assets.byId(assetId);
        if (known.isPresent()) {
            Integer count = known.get().editionCount();
            return new String[] {known.get().workId(), count == null ? null : count.toString()};
        }
        try {
            JsonNode a = ChainJson.parse(ledger.evaluate(LedgerIdentity.EXCHANGE, "assets:GetAsset", assetId));
            return new String[] {a.path("workId").asText(null),
                    a.path("editionCount").isNumber() ? a.path("editionCount").asText() : null};
        } catch (ContractRejectedException e) {
            return new String[] {null, null};
        }
    }

    private synchronized void countForRate() {
        long now = System.nanoTime();
        recentNanos.addLast(now);
        while (!recentNanos.isEmpty() && now - recentNanos.peekFirst() > 60_000_000_000L) {
            recentNanos.removeFirst();
        }
    }

    /** Events consumed per second over the last minute. */
    synchronized double eventsPerSecond() {
        long now = System.nanoTime();
        while (!recentNanos.isEmpty() && now - recentNanos.peekFirst() > 60_000_000_000L) {
            recentNanos.removeFirst();
        }
        return recentNanos.size() / 60.0;
    }
}
