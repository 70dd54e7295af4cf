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
 * inside the longest window (plus, for concentration, the current holdings bought per series), and each event costs
 * work proportional to the activity it touches.
 *
 * <ul>
 * <li>VELOCITY: an account in more than {@code velocityMaxTrades} trades within {@code velocityWindow}, counting its
 * purchases and its sales of what it bought within {@link SurveillanceThresholds#longestWindow()}. A creator selling
 * the editions of a drop (what it issued, never bought) is issuance, not speculation, and is not counted: a popular
 * drop sells hundreds of editions in an hour from one account.</li>
 * <li>CIRCULAR_TRADE: an asset bought back by an account that sold it within {@code circularWindow}: A to B to A,
 * or longer cycles A to B to C to A. The evidence is the cycle. Cycles of one asset that overlap an earlier alert
 * (the ping-pong A B A B) are one finding until a new cycle starts after it.</li>
 * <li>PUMP_AND_DUMP: in one series (the editions of a work, or one asset), a run of consecutive trades ending at a
 * peak, among at most {@code pumpMaxAccounts} accounts, of at least {@code pumpMinTrades} trades, rising at least
 * {@code pumpRiseBps} from its lowest price to the peak; then a trade {@code pumpFallBps} below the peak, all within
 * {@code pumpWindow}. The run is taken back from the peak only as far as the cluster stays small, so one outsider's
 * trade days before a pump does not hide it.</li>
 * <li>CONCENTRATION: an account holding, by purchases, more than {@code concentrationBps} of a series of at least
 * {@code concentrationMinSeries} editions. The evidence is the purchases of what it holds.</li>
 * <li>REPEATED_PAIR: more than {@code repeatedPairMax} trades between the same two accounts within
 * {@code repeatedPairWindow}.</li>
 * </ul>
 * Each finding is raised once (its {@link Alert#dedupKey}; replaying the same events gives the same keys); a rule on
 * the same subject is quiet for its window after it fired. Not thread-safe: one consumer feeds it.
 */
public final class SurveillanceEngine {
    private final Supplier<SurveillanceThresholds> thresholds;
    private final Map<String, ArrayDeque<MarketEvent>> byAccount = new HashMap<>();
    /** Per account, per asset: when it last bought the asset (kept for the longest window). */
    private final Map<String, Map<String, Instant>> boughtRecently = new HashMap<>();
    private final ArrayDeque<MarketEvent> purchaseLog = new ArrayDeque<>();
    private final Map<String, Instant> velocityQuietUntil = new HashMap<>();
    private final Map<String, ArrayDeque<MarketEvent>> byAsset = new HashMap<>();
    /** Per asset, the last hop of the last cycle raised on it. */
    private final Map<String, MarketEvent> circularRaisedUpTo = new HashMap<>();
    private final Map<String, ArrayDeque<MarketEvent>> byPair = new HashMap<>();
    private final Map<String, Instant> pairQuietUntil = new HashMap<>();
    private final Map<String, ArrayDeque<MarketEvent>> pricesBySeries = new HashMap<>();
    /** Peaks already raised, by reference, with their time (forgotten once out of every window). */
    private final Map<String, Instant> pumpPeaksRaised = new HashMap<>();
    /** Per series, per account, per asset it holds: the purchase by which it holds it. */
    private final Map<String, Map<String, Map<String, MarketEvent>>> boughtBySeries = new HashMap<>();
    private final Set<String> concentrationRaised = new HashSet<>();
    private long events;
    private static final int SWEEP_EVERY = 20_000;

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
        if (events % SWEEP_EVERY == 0) {
            sweep(e.at().minus(t.longestWindow()));
        }
        return alerts;
    }

    /**
     * Forgets accounts, assets, pairs and series with nothing left inside the longest window, so memory follows the
     * activity inside it rather than everything ever seen. (Holdings for CONCENTRATION are kept: they are state.)
     */
    private void sweep(Instant before) {
        for (Map<String, ArrayDeque<MarketEvent>> m : List.of(byAccount, byAsset, byPair, pricesBySeries)) {
            m.values().removeIf(q -> q.isEmpty() || q.peekLast().at().isBefore(before));
        }
        velocityQuietUntil.values().removeIf(at -> at.isBefore(before));
        pairQuietUntil.values().removeIf(at -> at.isBefore(before));
        pumpPeaksRaised.values().removeIf(at -> at.isBefore(before));
        circularRaisedUpTo.values().removeIf(m -> m.at().isBefore(before));
    }

    private void velocity(MarketEvent e, SurveillanceThresholds t, List<Alert> out) {
        long keepSeconds = t.longestWindow().toSeconds();
        Instant keepFrom = e.at().minusSeconds(keepSeconds);
        while (!purchaseLog.isEmpty() && purchaseLog.peekFirst().at().isBefore(keepFrom)) {
            MarketEvent old = purchaseLog.pollFirst();
            Map<String, Instant> held = boughtRecently.get(old.buyerId());
            if (held != null && old.at().equals(held.get(old.assetId()))) {
                held.remove(old.assetId());
                if (held.isEmpty()) {
                    boughtRecently.remove(old.buyerId());
                }
            }
        }
        Map<String, Instant> sellerBought = boughtRecently.get(e.sellerId());
        boolean sellerTrades = sellerBought != null && sellerBought.remove(e.assetId()) != null;
        if (sellerBought != null && sellerBought.isEmpty()) {
            boughtRecently.remove(e.sellerId());
        }
        boughtRecently.computeIfAbsent(e.buyerId(), k -> new HashMap<>()).put(e.assetId(), e.at());
        purchaseLog.addLast(e);

        if (sellerTrades) {
            countVelocity(e.sellerId(), e, t, out);
        }
        countVelocity(e.buyerId(), e, t, out);
    }

    private void countVelocity(String account, MarketEvent e, SurveillanceThresholds t, List<Alert> out) {
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

    private void circular(MarketEvent e, SurveillanceThresholds t, List<Alert> out) {
        ArrayDeque<MarketEvent> hops = window(byAsset, e.assetId(), e, t.circularWindow().toSeconds());
        // hops ends with e; look back for the latest hop in which the buyer of e was the seller (the shortest cycle).
        MarketEvent raisedUpTo = circularRaisedUpTo.get(e.assetId());
        List<MarketEvent> cycle = new ArrayList<>();
        cycle.add(e);
        Iterator<MarketEvent> back = hops.descendingIterator();
        back.next();
        while (back.hasNext()) {
            MarketEvent hop = back.next();
            if (hop == raisedUpTo) {
                return; // this cycle overlaps the one already raised
            }
            cycle.add(0, hop);
            if (hop.sellerId().equals(e.buyerId())) {
                circularRaisedUpTo.put(e.assetId(), e);
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
        boolean edition = e.workId() != null && e.editionCount() != null;
        String series = edition ? e.workId() : e.assetId();
        ArrayDeque<MarketEvent> recent = window(pricesBySeries, series, e, t.pumpWindow().toSeconds());
        // The peak: the highest earlier price in the window (the latest of equal ones). Cheap test first: most
        // trades are no fall from it.
        MarketEvent peakEvent = null;
        int peak = -1;
        int i = 0;
        for (MarketEvent m : recent) {
            if (m == e) {
                break;
            }
            if (peakEvent == null || m.priceFen() >= peakEvent.priceFen()) {
                peakEvent = m;
                peak = i;
            }
            i++;
        }
        if (peakEvent == null || pumpPeaksRaised.containsKey(peakEvent.reference())) {
            return;
        }
        long peakPrice = peakEvent.priceFen();
        if (e.priceFen() * 10_000 > peakPrice * (10_000L - t.pumpFallBps())) {
            return;
        }
        // Back from the peak while the cluster stays small; the run qualifies at its lowest start that rose enough.
        List<MarketEvent> list = new ArrayList<>(recent);
        Set<String> cluster = new LinkedHashSet<>();
        int runStart = -1;
        long lowPrice = Long.MAX_VALUE;
        int bestStart = -1;
        long bestLow = 0;
        int bestCluster = 0;
        for (int s = peak; s >= 0; s--) {
            MarketEvent m = list.get(s);
            cluster.add(m.sellerId());
            cluster.add(m.buyerId());
            if (cluster.size() > t.pumpMaxAccounts()) {
                break;
            }
            runStart = s;
            lowPrice = Math.min(lowPrice, m.priceFen());
            if (peak - runStart + 1 >= t.pumpMinTrades()
                    && peakPrice * 10_000 >= lowPrice * (10_000L + t.pumpRiseBps())) {
                bestStart = runStart;
                bestLow = lowPrice;
                bestCluster = cluster.size();
            }
        }
        if (bestStart < 0) {
            return;
        }
        pumpPeaksRaised.put(peakEvent.reference(), peakEvent.at());
        List<MarketEvent> evidence = new ArrayList<>(list.subList(bestStart, peak + 1));
        int risingTrades = evidence.size();
        evidence.add(e);
        out.add(alert(RiskRule.PUMP_AND_DUMP, edition ? "work" : "asset", series, e, evidence,
                Map.of("lowFen", bestLow, "peakFen", peakPrice, "dumpFen", e.priceFen(), "risingTrades", risingTrades,
                        "clusterSize", bestCluster),
                "series " + series + " rose from " + bestLow + " to " + peakPrice + " fen among " + bestCluster
                        + " accounts, then sold at " + e.priceFen(),
                "PUMP_AND_DUMP:" + series + ":" + peakEvent.reference()));
    }

    private void concentration(MarketEvent e, SurveillanceThresholds t, List<Alert> out) {
        if (e.workId() == null || e.editionCount() == null) {
            return;
        }
        Map<String, Map<String, MarketEvent>> holders = boughtBySeries.computeIfAbsent(e.workId(),
                k -> new HashMap<>());
        Map<String, MarketEvent> sellerHeld = holders.get(e.sellerId());
        if (sellerHeld != null) {
            sellerHeld.remove(e.assetId());
            if (sellerHeld.isEmpty()) {
                holders.remove(e.sellerId());
            }
        }
        Map<String, MarketEvent> held = holders.computeIfAbsent(e.buyerId(), k -> new LinkedHashMap<>());
        held.put(e.assetId(), e);
        String key = "CONCENTRATION:" + e.workId() + ":" + e.buyerId();
        if (e.editionCount() >= t.concentrationMinSeries()
                && (long) held.size() * 10_000 > (long) t.concentrationBps() * e.editionCount()
                && concentrationRaised.add(key)) {
            out.add(alert(RiskRule.CONCENTRATION, "account", e.buyerId(), e, held.values(),
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
        while (q.peekFirst().at().isBefore(from)) {
            q.pollFirst();
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
