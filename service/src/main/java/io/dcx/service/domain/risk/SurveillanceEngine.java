package io.dcx.service.domain.risk;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Post-trade surveillance over the chain's changes of owner, one event at a time, in chain order. It keeps only
 * what the windows need (per account, per asset, per pair, per series), so its memory is bounded by the activity
 * inside the longest window, and each event costs work proportional to the activity it touches.
 *
 * <ul>
 * <li>VELOCITY: an account in more than {@code velocityMaxTrades} trades within {@code velocityWindow}.</li>
 * <li>CIRCULAR_TRADE: an asset bought back by an account that sold it within {@code circularWindow}: A to B to A,
 * or longer cycles A to B to C to A. The evidence is the cycle.</li>
 * <li>PUMP_AND_DUMP: in one series (the editions of a work, or one asset), a rise of {@code pumpRiseBps} from a low
 * to a peak over at least {@code pumpMinTrades} trades among at most {@code pumpMaxAccounts} accounts, then a trade
 * {@code pumpFallBps} below the peak, all within {@code pumpWindow}.</li>
 * <li>CONCENTRATION: an account holding, by purchases, more than {@code concentrationBps} of a series of at least
 * {@code concentrationMinSeries} editions.</li>
 * <li>REPEATED_PAIR: more than {@code repeatedPairMax} trades between the same two accounts within
 * {@code repeatedPairWindow}.</li>
 * </ul>
 * Each finding is raised once (its {@link Alert#dedupKey}); a rule on the same subject is quiet for its window after
 * it fired. Not thread-safe: one consumer feeds it.
 */
public final class SurveillanceEngine {
    private final Supplier<SurveillanceThresholds> thresholds;
    private final Map<String, ArrayDeque<MarketEvent>> byAccount = new HashMap<>();
    private final Map<String, Instant> velocityQuietUntil = new HashMap<>();
    private final Map<String, ArrayDeque<MarketEvent>> byAsset = new HashMap<>();
    private final Map<String, ArrayDeque<MarketEvent>> byPair = new HashMap<>();
    private final Map<String, Instant> pairQuietUntil = new HashMap<>();
    private final Map<String, ArrayDeque<MarketEvent>> pricesBySeries = new HashMap<>();
    private final Set<String> pumpPeaksRaised = new HashSet<>();
    private final Map<String, Map<String, Set<String>>> boughtBySeries = new HashMap<>();
    private final Set<String> concentrationRaised = new HashSet<>();
    private long events;

    /** @param thresholds read on every event, so an operator's change applies to the next event */
    public SurveillanceEngine(Supplier<SurveillanceThresholds> thresholds) {
        this.thresholds = thresholds;
    }

    public long eventsSeen() {
        return events;
    }

    /** Feeds one change of owner and answers the alerts it raises (usually none). */
    public List<Alert> onEvent(MarketEvent e) {
        events++;
        SurveillanceThresholds t = thresholds.get();
        List<Alert> alerts = new ArrayList<>();
        velocity(e, t, alerts);
        circular(e, t, alerts);
        repeatedPair(e, t, alerts);
        pumpAndDump(e, t, alerts);
        concentration(e, t, alerts);
        return alerts;
    }

    private void velocity(MarketEvent e, SurveillanceThresholds t, List<Alert> out) {
        for (String account : List.of(e.sellerId(), e.buyerId())) {
            ArrayDeque<MarketEvent> recent = window(byAccount, account, e, t.velocityWindow().toSeconds());
            Instant quiet = velocityQuietUntil.get(account);
            if (recent.size() > t.velocityMaxTrades() && (quiet == null || !e.at().isBefore(quiet))) {
                velocityQuietUntil.put(account, e.at().plus(t.velocityWindow()));
                out.add(alert(RiskRule.VELOCITY, "account", account, e, recent,
                        Map.of("trades", recent.size(), "windowSeconds", t.velocityWindow().toSeconds(),
                                "limit", t.velocityMaxTrades()),
                        account + " was in " + recent.size() + " trades within " + t.velocityWindow(),
                        "VELOCITY:" + account + ":" + recent.peekFirst().reference()));
            }
        }
    }

    private void circular(MarketEvent e, SurveillanceThresholds t, List<Alert> out) {
        ArrayDeque<MarketEvent> hops = window(byAsset, e.assetId(), e, t.circularWindow().toSeconds());
        // hops ends with e; look for an earlier hop in which the buyer of e was the seller.
        List<MarketEvent> list = new ArrayList<>(hops);
        for (int i = list.size() - 2; i >= 0; i--) {
            if (list.get(i).sellerId().equals(e.buyerId())) {
                List<MarketEvent> cycle = list.subList(i, list.size());
                out.add(alert(RiskRule.CIRCULAR_TRADE, "asset", e.assetId(), e, cycle,
                        Map.of("length", cycle.size(), "returnedTo", e.buyerId()),
                        "asset " + e.assetId() + " came back to " + e.buyerId() + " after " + cycle.size()
                                + " trades",
                        "CIRCULAR_TRADE:" + e.assetId() + ":" + cycle.get(0).reference() + ":" + e.reference()));
                return;
            }
        }
    }

    private void repeatedPair(MarketEvent e, SurveillanceThresholds t, List<Alert> out) {
        String pair = e.sellerId().compareTo(e.buyerId()) < 0 ? e.sellerId() + "|" + e.buyerId()
                : e.buyerId() + "|" + e.sellerId();
        ArrayDeque<MarketEvent> recent = window(byPair, pair, e, t.repeatedPairWindow().toSeconds());
        Instant quiet = pairQuietUntil.get(pair);
        if (recent.size() > t.repeatedPairMax() && (quiet == null || !e.at().isBefore(quiet))) {
            pairQuietUntil.put(pair, e.at().plus(t.repeatedPairWindow()));
            out.add(alert(RiskRule.REPEATED_PAIR, "pair", pair, e, recent,
                    Map.of("trades", recent.size(), "windowSeconds", t.repeatedPairWindow().toSeconds(),
                            "limit", t.repeatedPairMax()),
                    "accounts " + pair.replace("|", " and ") + " traded " + recent.size() + " times within "
                            + t.repeatedPairWindow(),
                    "REPEATED_PAIR:" + pair + ":" + recent.peekFirst().reference()));
        }
    }

    private void pumpAndDump(MarketEvent e, SurveillanceThresholds t, List<Alert> out) {
        if (e.priceFen() == null) {
            return;
        }
        String series = e.workId() != null && e.editionCount() != null ? e.workId() : e.assetId();
        ArrayDeque<MarketEvent> recent = window(pricesBySeries, series, e, t.pumpWindow().toSeconds());
        List<MarketEvent> list = new ArrayList<>(recent);
        int last = list.size() - 1;
        int peak = -1;
        for (int i = 0; i < last; i++) {
            if (peak < 0 || list.get(i).priceFen() >= list.get(peak).priceFen()) {
                peak = i;
            }
        }
        if (peak < 0 || pumpPeaksRaised.contains(list.get(peak).reference())) {
            return;
        }
        long peakPrice = list.get(peak).priceFen();
        if (e.priceFen() * 10_000 > peakPrice * (10_000L - t.pumpFallBps())) {
            return;
        }
        int low = 0;
        for (int i = 0; i <= peak; i++) {
            if (list.get(i).priceFen() < list.get(low).priceFen()) {
                low = i;
            }
        }
        long lowPrice = list.get(low).priceFen();
        List<MarketEvent> rise = list.subList(low, peak + 1);
        Set<String> cluster = new LinkedHashSet<>();
        rise.forEach(r -> {
            cluster.add(r.sellerId());
            cluster.add(r.buyerId());
        });
        if (rise.size() < t.pumpMinTrades() || cluster.size() > t.pumpMaxAccounts()
                || peakPrice * 10_000 < lowPrice * (10_000L + t.pumpRiseBps())) {
            return;
        }
        pumpPeaksRaised.add(list.get(peak).reference());
        List<MarketEvent> evidence = new ArrayList<>(rise);
        evidence.add(e);
        out.add(alert(RiskRule.PUMP_AND_DUMP, e.workId() != null && e.editionCount() != null ? "work" : "asset",
                series, e, evidence,
                Map.of("lowFen", lowPrice, "peakFen", peakPrice, "dumpFen", e.priceFen(), "risingTrades", rise.size(),
                        "clusterSize", cluster.size()),
                "series " + series + " rose from " + lowPrice + " to " + peakPrice + " fen among " + cluster.size()
                        + " accounts, then sold at " + e.priceFen(),
                "PUMP_AND_DUMP:" + series + ":" + list.get(peak).reference()));
    }

    private void concentration(MarketEvent e, SurveillanceThresholds t, List<Alert> out) {
        if (e.workId() == null || e.editionCount() == null) {
            return;
        }
        Map<String, Set<String>> holders = boughtBySeries.computeIfAbsent(e.workId(), k -> new HashMap<>());
        Set<String> sellerHeld = holders.get(e.sellerId());
        if (sellerHeld != null) {
            sellerHeld.remove(e.assetId());
        }
        Set<String> held = holders.computeIfAbsent(e.buyerId(), k -> new HashSet<>());
        held.add(e.assetId());
        String key = "CONCENTRATION:" + e.workId() + ":" + e.buyerId();
        if (e.editionCount() >= t.concentrationMinSeries()
                && (long) held.size() * 10_000 > (long) t.concentrationBps() * e.editionCount()
                && concentrationRaised.add(key)) {
            out.add(alert(RiskRule.CONCENTRATION, "account", e.buyerId(), e, List.of(e),
                    Map.of("held", held.size(), "series", e.editionCount(), "workId", e.workId(),
                            "limitBps", t.concentrationBps()),
                    e.buyerId() + " holds " + held.size() + " of the " + e.editionCount() + " editions of "
                            + e.workId(),
                    key));
        }
    }

    /** Adds {@code e} to the keyed window and drops what fell out of it; answers the window. */
    private static ArrayDeque<MarketEvent> window(Map<String, ArrayDeque<MarketEvent>> map, String key, MarketEvent e,
            long seconds) {
        ArrayDeque<MarketEvent> q = map.computeIfAbsent(key, k -> new ArrayDeque<>());
        q.addLast(e);
        Instant from = e.at().minusSeconds(seconds);
        for (Iterator<MarketEvent> it = q.iterator(); it.hasNext(); ) {
            if (it.next().at().isBefore(from)) {
                it.remove();
            } else {
                break;
            }
        }
        return q;
    }

    private static Alert alert(RiskRule rule, String subjectType, String subjectId, MarketEvent at,
            Iterable<MarketEvent> evidence, Map<String, Object> facts, String summary, String key) {
        List<String> refs = new ArrayList<>();
        Set<String> accounts = new LinkedHashSet<>();
        Set<String> assets = new LinkedHashSet<>();
        for (MarketEvent m : evidence) {
            refs.add(m.reference());
            accounts.add(m.sellerId());
            accounts.add(m.buyerId());
            assets.add(m.assetId());
        }
        return new Alert(rule, subjectType, subjectId, at.at(), refs, accounts, assets, new LinkedHashMap<>(facts),
                summary, key);
    }
}
