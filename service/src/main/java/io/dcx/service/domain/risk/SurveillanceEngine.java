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
import java.util.function.Function;
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
 * <li>PUMP_AND_DUMP: in one series (the editions of a work, or one asset), a run of trades ending at a peak among
 * a cluster of at most {@code pumpMaxAccounts} linked accounts (the peak's two parties, and whoever traded with the
 * cluster before it), with at least {@code pumpMinTrades} resales, rising at least {@code pumpRiseBps} from its
 * lowest price (the ring's purchases at the issue price count) to the peak; then a resale {@code pumpFallBps} below
 * the peak, all within {@code pumpWindow}. A creator's issuance is no rise and no fall: its price is fixed, not
 * found by the market. Trades of other
 * accounts in the series are passed over (the ordinary market around a ring does not hide it), and the run goes back
 * only as far as the cluster stays small.</li>
 * <li>CONCENTRATION: an account holding, by purchases, more than {@code concentrationBps} of a series of at least
 * {@code concentrationMinSeries} editions. The evidence is the purchases of what it holds.</li>
 * <li>REPEATED_PAIR: more than {@code repeatedPairMax} resales between the same two accounts within
 * {@code repeatedPairWindow}: trades in which the seller had bought the asset within the longest window. A creator
 * selling several editions of its drop to one collector is issuance, not a wash. And the pair's trades must be at
 * least a quarter of the trades of one of the two in that window ({@code PAIR_SHARE_OF_ACCOUNT_PERCENT}).</li>
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
    private final LinkedHashMap<String, Instant> velocityQuietUntil = new LinkedHashMap<>();
    private final Map<String, ArrayDeque<MarketEvent>> byAsset = new HashMap<>();
    /** Per asset, the last hop of the last cycle raised on it. */
    private final LinkedHashMap<String, MarketEvent> circularRaisedUpTo = new LinkedHashMap<>();
    private final Map<String, ArrayDeque<MarketEvent>> byPair = new HashMap<>();
    /** Per account, its trades within the repeated-pair window (how much of its trading a pair is). */
    private final Map<String, ArrayDeque<MarketEvent>> byAccountForPairs = new HashMap<>();
    /**
     * REPEATED_PAIR also needs the pair's trades to be at least this share (percent) of the trades of one of the
     * two accounts in the window: a wash is most of what a sock puppet does, while two busy dealers who deal with
     * each other a few times a week among a hundred other trades are not one.
     */
    static final int PAIR_SHARE_OF_ACCOUNT_PERCENT = 25;
    private final LinkedHashMap<String, Instant> pairQuietUntil = new LinkedHashMap<>();
    private final Map<String, ArrayDeque<MarketEvent>> pricesBySeries = new HashMap<>();
    /** Peaks already raised, by reference, with when they were raised (forgotten once out of every window). */
    private final LinkedHashMap<String, Instant> pumpPeaksRaised = new LinkedHashMap<>();
    /** Issuance sales (the seller never bought the asset), by reference, with their time, oldest first. */
    private final LinkedHashMap<String, Instant> issuance = new LinkedHashMap<>();
    /** When each keyed window was last added to, oldest first: idle keys are dropped from here, a few per event. */
    private final ArrayDeque<Expiry> expiries = new ArrayDeque<>();
    /** Per series, per account, per asset it holds: the purchase by which it holds it. */
    private final Map<String, Map<String, Map<String, MarketEvent>>> boughtBySeries = new HashMap<>();
    private final Set<String> concentrationRaised = new HashSet<>();
    private long events;

    private record Expiry(Instant lastAt, Map<String, ArrayDeque<MarketEvent>> map, String key) {
    }

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
        boolean resale = sellerBoughtIt(e, t);
        velocity(e, resale, t, alerts);
        circular(e, t, alerts);
        int sellerTrades = window(byAccountForPairs, e.sellerId(), e, t.repeatedPairWindow().toSeconds()).size();
        int buyerTrades = window(byAccountForPairs, e.buyerId(), e, t.repeatedPairWindow().toSeconds()).size();
        if (resale) {
            repeatedPair(e, Math.min(sellerTrades, buyerTrades), t, alerts);
        }
        pumpAndDump(e, resale, t, alerts);
        concentration(e, t, alerts);
        forget(e.at().minus(t.longestWindow()));
        return alerts;
    }

    /**
     * Forgets accounts, assets, pairs and series with nothing left inside the longest window, so memory follows the
     * activity inside it rather than everything ever seen (holdings for CONCENTRATION are kept: they are state).
     * Everything expires a few entries at a time, in the order it went idle (the maps of findings are kept in time
     * order), so no event pays for a sweep of every map: a full pass over ~100,000 keys every 20,000 events took
     * tens of milliseconds.
     */
    private void forget(Instant before) {
        while (!expiries.isEmpty() && expiries.peekFirst().lastAt().isBefore(before)) {
            Expiry x = expiries.pollFirst();
            ArrayDeque<MarketEvent> q = x.map().get(x.key());
            if (q != null && q.peekLast().at().isBefore(before)) {
                x.map().remove(x.key());
            }
        }
        dropOlder(issuance, at -> at, before);
        dropOlder(pumpPeaksRaised, at -> at, before);
        dropOlder(circularRaisedUpTo, MarketEvent::at, before);
        dropOlder(velocityQuietUntil, at -> at, before);
        dropOlder(pairQuietUntil, at -> at, before);
    }

    /** Drops the oldest entries of a map kept in time order while they are before {@code before}. */
    private static <V> void dropOlder(LinkedHashMap<String, V> map, Function<V, Instant> time, Instant before) {
        for (Iterator<V> it = map.values().iterator(); it.hasNext() && time.apply(it.next()).isBefore(before); ) {
            it.remove();
        }
    }

    /** Puts at the end of a map kept in time order. */
    private static <V> void putLatest(LinkedHashMap<String, V> map, String key, V value) {
        map.remove(key);
        map.put(key, value);
    }

    /**
     * Whether the seller bought this asset within the longest window (a resale), and remembers the buyer's purchase.
     * A sale of what the seller never bought is, on this board, a creator issuing its editions.
     */
    private boolean sellerBoughtIt(MarketEvent e, SurveillanceThresholds t) {
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
        boolean resale = sellerBought != null && sellerBought.remove(e.assetId()) != null;
        if (sellerBought != null && sellerBought.isEmpty()) {
            boughtRecently.remove(e.sellerId());
        }
        boughtRecently.computeIfAbsent(e.buyerId(), k -> new HashMap<>()).put(e.assetId(), e.at());
        purchaseLog.addLast(e);
        return resale;
    }

    private void velocity(MarketEvent e, boolean resale, SurveillanceThresholds t, List<Alert> out) {
        if (resale) {
            countVelocity(e.sellerId(), e, t, out);
        }
        countVelocity(e.buyerId(), e, t, out);
    }

    private void countVelocity(String account, MarketEvent e, SurveillanceThresholds t, List<Alert> out) {
        ArrayDeque<MarketEvent> recent = window(byAccount, account, e, t.velocityWindow().toSeconds());
        Instant quiet = velocityQuietUntil.get(account);
        if (recent.size() > t.velocityMaxTrades() && (quiet == null || !e.at().isBefore(quiet))) {
            putLatest(velocityQuietUntil, account, e.at().plus(t.velocityWindow()));
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
                putLatest(circularRaisedUpTo, e.assetId(), e);
                out.add(alert(RiskRule.CIRCULAR_TRADE, "asset", e.assetId(), e, cycle,
                        Map.of("length", cycle.size(), "returnedTo", e.buyerId()),
                        "asset " + e.assetId() + " came back to " + e.buyerId() + " after " + cycle.size()
                                + " trades",
                        "CIRCULAR_TRADE:" + e.assetId() + ":" + cycle.get(0).reference() + ":" + e.reference()));
                return;
            }
        }
    }

    private void repeatedPair(MarketEvent e, int quieterAccountTrades, SurveillanceThresholds t, List<Alert> out) {
        String pair = e.sellerId().compareTo(e.buyerId()) < 0 ? e.sellerId() + "|" + e.buyerId()
                : e.buyerId() + "|" + e.sellerId();
        ArrayDeque<MarketEvent> recent = window(byPair, pair, e, t.repeatedPairWindow().toSeconds());
        Instant quiet = pairQuietUntil.get(pair);
        if (recent.size() > t.repeatedPairMax() && (quiet == null || !e.at().isBefore(quiet))
                && recent.size() * 100L >= (long) PAIR_SHARE_OF_ACCOUNT_PERCENT * quieterAccountTrades) {
            putLatest(pairQuietUntil, pair, e.at().plus(t.repeatedPairWindow()));
            out.add(alert(RiskRule.REPEATED_PAIR, "pair", pair, e, recent,
                    Map.of("trades", recent.size(), "windowSeconds", t.repeatedPairWindow().toSeconds(),
                            "limit", t.repeatedPairMax(), "quieterAccountTrades", quieterAccountTrades),
                    "accounts " + pair.replace("|", " and ") + " traded " + recent.size() + " times within "
                            + t.repeatedPairWindow(),
                    "REPEATED_PAIR:" + pair + ":" + recent.peekFirst().reference()));
        }
    }

    private void pumpAndDump(MarketEvent e, boolean resale, SurveillanceThresholds t, List<Alert> out) {
        if (e.priceFen() == null) {
            return;
        }
        if (!resale) {
            issuance.put(e.reference(), e.at());
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
        if (!resale || peakEvent == null || pumpPeaksRaised.containsKey(peakEvent.reference())) {
            return; // a creator selling at its issue price is no fall: the market did not set that price
        }
        long peakPrice = peakEvent.priceFen();
        if (e.priceFen() * 10_000 > peakPrice * (10_000L - t.pumpFallBps())) {
            return;
        }
        // Back from the peak over the trades that touch the cluster (their parties join it) while it stays small;
        // trades of other accounts in the same series are passed over, so the market around a ring does not hide it.
        List<MarketEvent> list = new ArrayList<>(recent);
        Set<String> cluster = new LinkedHashSet<>(List.of(peakEvent.sellerId(), peakEvent.buyerId()));
        List<MarketEvent> run = new ArrayList<>(List.of(peakEvent));
        long lowPrice = peakPrice;
        int resales = issuance.containsKey(peakEvent.reference()) ? 0 : 1;
        int bestStart = -1;
        long bestLow = 0;
        int bestCluster = 0;
        for (int s = peak - 1; s >= 0; s--) {
            MarketEvent m = list.get(s);
            boolean touches = cluster.contains(m.sellerId()) || cluster.contains(m.buyerId());
            if (!touches) {
                continue;
            }
            cluster.add(m.sellerId());
            cluster.add(m.buyerId());
            if (cluster.size() > t.pumpMaxAccounts()) {
                break;
            }
            run.add(m);
            lowPrice = Math.min(lowPrice, m.priceFen());
            if (!issuance.containsKey(m.reference())) {
                resales++;
            }
            if (resales >= t.pumpMinTrades() && peakPrice * 10_000 >= lowPrice * (10_000L + t.pumpRiseBps())) {
                bestStart = run.size();
                bestLow = lowPrice;
                bestCluster = cluster.size();
            }
        }
        if (bestStart < 0) {
            return;
        }
        putLatest(pumpPeaksRaised, peakEvent.reference(), e.at());
        List<MarketEvent> evidence = new ArrayList<>(run.subList(0, bestStart).reversed());
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
    private ArrayDeque<MarketEvent> window(Map<String, ArrayDeque<MarketEvent>> map, String key, MarketEvent e,
            long seconds) {
        ArrayDeque<MarketEvent> q = map.computeIfAbsent(key, k -> new ArrayDeque<>());
        q.addLast(e);
        expiries.addLast(new Expiry(e.at(), map, key));
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
