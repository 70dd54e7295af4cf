package io.dcx.bench;

import io.dcx.service.domain.risk.MarketEvent;
import io.dcx.service.domain.risk.RiskRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A copy of the service's test-source {@code io.dcx.service.domain.risk.sim.MarketSimulator} (the bench module sees
 * only the service's main classes), used here for a realistic event stream; keep the two in step. The labels are
 * not used by the benchmarks.
 *
 * <p>A labelled synthetic market, deterministic from its seed: what the surveillance engine is measured on.
 *
 * <p><b>Ordinary market.</b> Traders with log-normal activity (most buy a handful of times, some dozens) and a few
 * dealers (each about 15 times a typical trader's weight, who also resell within days). Creators issue series of
 * editions (sizes log-uniform 10..1000, issue prices 10..2,000 yuan) at daytime drops: about a third are popular
 * and sell most of the series within the first hour to many different buyers; the rest sell over days. A drop sells
 * at most 1 edition per account below 50 editions, 2 below 200, else 5 (platforms cap drop purchases). Each series'
 * price is a noisy random walk around its issue price (daily volatility 3..10%, a drift of its own), some series
 * get an organic hype (the price up 60..180% over a few days among many buyers, trading four times as often, then
 * decaying); each resale is at that price with 6% noise. Owners resell after holding times (traders: kept for good
 * with probability 0.35, else after 1 day + exponential mean 12 days; dealers: 1 day + mean 2 days), buying
 * accounts drawn by activity; an account that owned the asset within 30 days buys it back only 1 time in 4 when
 * drawn (people rarely buy back the edition they just sold). 2% of resales are transfers outside the board (no
 * price). Copyrights (one asset each) change hands rarely between institutions. Night hours (Beijing) are mostly
 * quiet.
 *
 * <p><b>Injected manipulation</b>, each labelled with its rule and the trades it consists of (set-up purchases
 * from the creator are marked injected but are not the pattern): REPEATED_PAIR (two accounts trading 4..8 times
 * within 1..6 days, 40% of them passing one asset back and forth, which is also a CIRCULAR_TRADE), CIRCULAR_TRADE
 * (an asset A to B to A, or through 3..5 owners, back within 25 days, a fifth of them as transfers outside the
 * board), VELOCITY (a bot buying editions and flipping them, 14..40 trades within 15..60 minutes), PUMP_AND_DUMP (a
 * ring of 2..5 accounts buys editions, trades them among itself 3..7 times up to 2.5..8 times the issue price over
 * 1..4 days, then sells to outsiders at falling prices), CONCENTRATION (an account buying 22..60% of a series of
 * 10..300 editions over 1..10 days). Manipulators are ordinary traders drawn at random; their assets are editions
 * the ordinary market never sold, so the ordinary chains of owners stay intact.
 *
 * <p><b>Evasive manipulation</b> ({@link Label#evasive()}), shaped to stay under the default thresholds and reported
 * apart: bots pacing 20..30 flips over 3..4 hours, cycles back after 31..45 days, pumps of only x1.4..1.95, stakes of
 * 30..40% split over two accounts of at most 20% each, and washes of three trades a week for three weeks.
 */
public final class MarketSimulator {
    public static final Instant START = Instant.parse("2026-09-01T00:00:00Z");
    private static final double DAY = 86_400;
    private static final double REBUY_ACCEPT = 0.25;

    public record Config(long seed, int weeks, int traders, int dealers, int creators, int institutions,
            int series, int copyrights, int patternsPerRule, int evasivePatternsPerRule) {
        /** 8 weeks, about 3,100 accounts, 250 series: some 60,000 ordinary trades; 50 + 20 patterns per rule. */
        public static Config standard(long seed) {
            return new Config(seed, 8, 3000, 20, 60, 20, 250, 60, 50, 20);
        }
    }

    /**
     * One injected manipulation: the rule it is, the other rules its trades also show (a ping-pong of one asset is
     * both a repeated pair and a cycle), the references of its trades, its accounts.
     */
    public record Label(String id, RiskRule rule, Set<RiskRule> alsoShows, List<String> references,
            Set<String> accounts, String description, boolean evasive) {
        public boolean shows(RiskRule r) {
            return rule == r || alsoShows.contains(r);
        }
    }

    /** The events in chain order, the labels, every injected reference (patterns and set-ups), counts. */
    public record Market(List<MarketEvent> events, List<Label> labels, Set<String> injectedReferences,
            int ordinaryTrades, Map<String, Object> stats) {
    }

    private final Config config;
    private final SplittableRandom rnd;
    private final Instant end;
    private final List<Draft> drafts = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private final Set<String> injected = new HashSet<>();
    private final String[] buyers;
    private final boolean[] isDealer;
    private final double[] cumulative;
    private final List<Series> series = new ArrayList<>();
    private long nextId = 1;
    private boolean evading;

    private MarketSimulator(Config config) {
        this.config = config;
        this.rnd = new SplittableRandom(config.seed());
        this.end = START.plus(Duration.ofDays(7L * config.weeks()));
        int n = config.traders() + config.dealers();
        buyers = new String[n];
        isDealer = new boolean[n];
        cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            boolean dealer = i >= config.traders();
            buyers[i] = dealer ? "dealer-%02d".formatted(i - config.traders()) : "trader-%04d".formatted(i);
            isDealer[i] = dealer;
            sum += dealer ? 60 : Math.exp(rnd.nextGaussian() * 1.3);
            cumulative[i] = sum;
        }
    }

    public static Market generate(Config config) {
        return new MarketSimulator(config).run();
    }

    // ---- the ordinary market

    private static final class Series {
        String work;
        String creator;
        int size;
        long issueFen;
        Instant dropAt;
        int sold;
        int reservedNext; // injected patterns take editions from the top down
        double[] walk; // log price offset per day
        double hypeAmp;
        double hypeStartDay;
        double hypeRampDays;

        String asset(int edition) {
            return work + "-e" + edition;
        }

        int unsold() {
            return reservedNext - sold + 1;
        }
    }

    private static final class Draft {
        long id;
        Instant at;
        String asset;
        String work;
        Integer size;
        String seller;
        String buyer;
        Long priceFen;

        String reference() {
            return priceFen == null ? "tx" + id : "T" + id;
        }
    }

    private Market run() {
        int days = 7 * config.weeks();
        for (int s = 0; s < config.series(); s++) {
            series.add(newSeries(s, days));
        }
        for (Series s : series) {
            ordinarySeries(s);
        }
        copyrights();
        int ordinary = drafts.size();
        int per = config.patternsPerRule();
        for (int i = 0; i < per; i++) {
            repeatedPair(i);
            circular(i);
            velocityBot(i);
            pumpAndDump(i);
            concentration(i);
        }
        evading = true;
        for (int i = 0; i < config.evasivePatternsPerRule(); i++) {
            slowBot(i);
            longCycle(i);
            gentlePump(i);
            splitStake(i);
            steadyPair(i);
        }
        drafts.sort(Comparator.comparing((Draft d) -> d.at).thenComparingLong(d -> d.id));
        List<MarketEvent> events = new ArrayList<>(drafts.size());
        long block = 1000;
        Instant lastAt = null;
        for (Draft d : drafts) {
            if (lastAt == null || Duration.between(lastAt, d.at).toSeconds() >= 2) {
                block++; // about one block per 2 s of activity
                lastAt = d.at;
            }
            events.add(new MarketEvent(d.priceFen == null ? null : "T" + d.id, d.asset, d.work, d.size, d.seller,
                    d.buyer, d.priceFen, d.at, "tx" + d.id, block));
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("series", series.size());
        stats.put("editions", series.stream().mapToInt(x -> x.size).sum());
        stats.put("accounts", buyers.length + config.creators() + config.institutions());
        stats.put("from", START);
        stats.put("to", end);
        return new Market(events, List.copyOf(labels), Set.copyOf(injected), ordinary, stats);
    }

    private Series newSeries(int index, int days) {
        Series s = new Series();
        s.work = "w%04d".formatted(index);
        s.creator = "creator-%02d".formatted(rnd.nextInt(config.creators()));
        s.size = (int) Math.round(Math.exp(Math.log(10) + rnd.nextDouble() * Math.log(100)));
        s.issueFen = Math.round(Math.exp(Math.log(1_000) + rnd.nextDouble() * Math.log(200)) / 10.0) * 1000;
        int day = rnd.nextInt(days - 1);
        // drops at Beijing 10:00..22:00 (02:00..14:00 UTC)
        s.dropAt = START.plusSeconds(day * 86_400L + 2 * 3600 + rnd.nextLong(12 * 3600));
        s.reservedNext = s.size - 1;
        double sigma = 0.03 + rnd.nextDouble() * 0.07;
        double target = rnd.nextGaussian() * 0.3;
        s.walk = new double[days + 2];
        for (int d = 1; d < s.walk.length; d++) {
            s.walk[d] = s.walk[d - 1] + 0.1 * (target - s.walk[d - 1]) + sigma * rnd.nextGaussian();
        }
        if (rnd.nextDouble() < 0.15) {
            s.hypeAmp = Math.log(1.6 + rnd.nextDouble() * 1.2);
            s.hypeStartDay = day + 1 + rnd.nextDouble() * 20;
            s.hypeRampDays = 1 + rnd.nextDouble() * 3;
        }
        return s;
    }

    private double daysSinceStart(Instant t) {
        return (t.getEpochSecond() - START.getEpochSecond()) / DAY;
    }

    private double hype(Series s, double day) {
        if (s.hypeAmp == 0 || day < s.hypeStartDay) {
            return 0;
        }
        double x = day - s.hypeStartDay;
        if (x < s.hypeRampDays) {
            return x / s.hypeRampDays;
        }
        return Math.pow(0.5, (x - s.hypeRampDays) / 3.0);
    }

    private long price(Series s, Instant t) {
        double day = Math.max(0, daysSinceStart(t));
        int d = Math.min((int) day, s.walk.length - 2);
        double f = day - d;
        double log = s.walk[d] * (1 - f) + s.walk[d + 1] * f + s.hypeAmp * hype(s, day) + 0.06 * rnd.nextGaussian();
        return Math.max(100, Math.round(s.issueFen * Math.exp(log)));
    }

    /** Most activity in Beijing daytime: a time falling in 00:00..08:00 local moves to later that day (85%). */
    private Instant daytime(Instant t) {
        long localHour = ((t.getEpochSecond() / 3600) + 8) % 24;
        if (localHour < 8 && rnd.nextDouble() < 0.85) {
            return t.plusSeconds(8 * 3600 + rnd.nextLong(8 * 3600));
        }
        return t;
    }

    private int pickBuyer() {
        double x = rnd.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, x);
        return i >= 0 ? i : -i - 1;
    }

    private void ordinarySeries(Series s) {
        boolean popular = rnd.nextDouble() < 0.33;
        double sellThrough = popular ? 0.5 + rnd.nextDouble() * 0.45 : 0.2 + rnd.nextDouble() * 0.6;
        int limit = s.size < 50 ? 1 : s.size < 200 ? 2 : 5;
        int[] bought = new int[buyers.length];
        s.sold = (int) Math.floor(s.size * sellThrough);
        for (int e = 0; e < s.sold; e++) {
            Instant at;
            if (popular && rnd.nextDouble() < 0.85) {
                double u = rnd.nextDouble();
                at = s.dropAt.plusSeconds((long) (3600 * u * u));
            } else {
                at = daytime(s.dropAt.plusSeconds(3600 + (long) (rnd.nextExponential() * DAY * (popular ? 2 : 6))));
            }
            if (!at.isBefore(end)) {
                continue;
            }
            int b;
            do {
                b = pickBuyer();
            } while (bought[b] >= limit);
            bought[b]++;
            Draft primary = emit(at, s.asset(e), s, s.creator, buyers[b], s.issueFen);
            resales(s, primary, b);
        }
    }

    /** The chain of owners of one edition after its primary sale. */
    private void resales(Series s, Draft primary, int firstOwner) {
        Map<String, Instant> formerOwners = new LinkedHashMap<>();
        int owner = firstOwner;
        Instant t = primary.at;
        while (true) {
            boolean dealer = isDealer[owner];
            if (rnd.nextDouble() < (dealer ? 0.05 : 0.35)) {
                return;
            }
            double baseRate = 1.0 / (dealer ? 2.0 : 12.0); // per day
            double maxRate = baseRate * 5;
            double day = daysSinceStart(t) + 1; // holding period: 1 day
            while (true) {
                day += rnd.nextExponential() / maxRate;
                double rate = baseRate * (1 + 4 * hype(s, day));
                if (rnd.nextDouble() < rate / maxRate) {
                    break;
                }
            }
            Instant next = daytime(START.plusSeconds((long) (day * DAY)));
            if (!next.isBefore(end)) {
                return;
            }
            formerOwners.put(buyers[owner], next);
            int b;
            while (true) {
                b = pickBuyer();
                if (b == owner) {
                    continue;
                }
                Instant left = formerOwners.get(buyers[b]);
                if (left != null && Duration.between(left, next).toDays() < 30 && rnd.nextDouble() >= REBUY_ACCEPT) {
                    continue;
                }
                break;
            }
            Long priceFen = rnd.nextDouble() < 0.02 ? null : price(s, next);
            emit(next, primary.asset, s, buyers[owner], buyers[b], priceFen);
            owner = b;
            t = next;
        }
    }

    private void copyrights() {
        for (int c = 0; c < config.copyrights(); c++) {
            String asset = "copyright-%03d".formatted(c);
            String work = "cw%03d".formatted(c);
            String owner = "creator-%02d".formatted(rnd.nextInt(config.creators()));
            Instant t = daytime(START.plusSeconds(rnd.nextLong(7L * config.weeks() * 86_400)));
            long priceFen = Math.round(Math.exp(Math.log(5_000_00L) + rnd.nextDouble() * Math.log(100)));
            while (t.isBefore(end)) {
                String buyer;
                do {
                    buyer = "institution-%02d".formatted(rnd.nextInt(config.institutions()));
                } while (buyer.equals(owner));
                Draft d = newDraft(t, asset, work, null, owner, buyer, priceFen);
                drafts.add(d);
                owner = buyer;
                priceFen = Math.round(priceFen * Math.exp(0.2 * rnd.nextGaussian()));
                t = daytime(t.plusSeconds((long) (DAY * (7 + rnd.nextExponential() * 25))));
            }
        }
    }

    private Draft newDraft(Instant at, String asset, String work, Integer size, String seller, String buyer,
            Long priceFen) {
        Draft d = new Draft();
        d.id = nextId++;
        d.at = at;
        d.asset = asset;
        d.work = work;
        d.size = size;
        d.seller = seller;
        d.buyer = buyer;
        d.priceFen = priceFen;
        return d;
    }

    private Draft emit(Instant at, String asset, Series s, String seller, String buyer, Long priceFen) {
        Draft d = newDraft(at, asset, s.work, s.size, seller, buyer, priceFen);
        drafts.add(d);
        return d;
    }

    // ---- injected manipulation

    private String manipulator(Set<String> taken) {
        String a;
        do {
            a = buyers[rnd.nextInt(config.traders())];
        } while (!taken.add(a));
        return a;
    }

    /** A series issued before {@code at} with at least {@code need} editions the ordinary market never sold. */
    private Series seriesWithUnsold(Instant at, int need, int maxSize) {
        for (int tries = 0; tries < 10_000; tries++) {
            Series s = series.get(rnd.nextInt(series.size()));
            if (s.dropAt.isBefore(at) && s.unsold() >= need && s.size <= maxSize) {
                return s;
            }
        }
        throw new IllegalStateException("no series with " + need + " unsold editions before " + at);
    }

    private String takeEdition(Series s) {
        return s.asset(s.reservedNext--);
    }

    private Instant patternStart(int lastDays) {
        long span = 7L * config.weeks() * 86_400 - (long) (lastDays + 2) * 86_400;
        return daytime(START.plusSeconds(86_400 + rnd.nextLong(span)));
    }

    private Draft inject(List<Draft> into, Instant at, String asset, Series s, String seller, String buyer,
            Long priceFen) {
        Draft d = emit(at, asset, s, seller, buyer, priceFen);
        injected.add(d.reference());
        if (into != null) {
            into.add(d);
        }
        return d;
    }

    private void label(String id, RiskRule rule, Set<RiskRule> also, List<Draft> trades, String description) {
        Set<String> accounts = new LinkedHashSet<>();
        trades.forEach(d -> {
            accounts.add(d.seller);
            accounts.add(d.buyer);
        });
        labels.add(new Label(id, rule, also, trades.stream().map(Draft::reference).toList(), accounts,
                description, evading));
    }

    private long near(long fen, double sd) {
        return Math.max(100, Math.round(fen * Math.exp(sd * rnd.nextGaussian())));
    }

    private void repeatedPair(int i) {
        Set<String> taken = new HashSet<>();
        String a = manipulator(taken);
        String b = manipulator(taken);
        int trades = 4 + rnd.nextInt(5);
        double spanDays = 1 + rnd.nextDouble() * 5;
        Instant t0 = patternStart(7);
        boolean pingPong = rnd.nextDouble() < 0.4;
        Series s = seriesWithUnsold(t0, pingPong ? 1 : trades, Integer.MAX_VALUE);
        List<Draft> pattern = new ArrayList<>();
        String shared = null;
        if (pingPong) {
            shared = takeEdition(s);
            inject(null, t0.minusSeconds(3600), shared, s, s.creator, a, s.issueFen);
        }
        for (int k = 0; k < trades; k++) {
            Instant at = t0.plusSeconds((long) (spanDays * DAY * k / (trades - 1)) + rnd.nextLong(600));
            String seller = k % 2 == 0 ? a : b;
            String buyer = k % 2 == 0 ? b : a;
            String asset = shared;
            if (!pingPong) {
                asset = takeEdition(s);
                inject(null, at.minusSeconds(600 + rnd.nextLong(3 * 3600)), asset, s, s.creator, seller,
                        s.issueFen);
            }
            inject(pattern, at, asset, s, seller, buyer, near(s.issueFen, 0.08));
        }
        label("pair-" + i, RiskRule.REPEATED_PAIR,
                pingPong ? EnumSet.of(RiskRule.CIRCULAR_TRADE) : EnumSet.noneOf(RiskRule.class), pattern,
                (pingPong ? "ping-pong of one asset, " : "fresh editions, ") + trades + " trades between " + a
                        + " and " + b);
    }

    private void circular(int i) {
        double u = rnd.nextDouble();
        int length = u < 0.4 ? 2 : u < 0.75 ? 3 : 4 + rnd.nextInt(2);
        Set<String> taken = new HashSet<>();
        List<String> ring = new ArrayList<>();
        for (int k = 0; k < length; k++) {
            ring.add(manipulator(taken));
        }
        boolean transfers = rnd.nextDouble() < 0.2;
        double spanDays = 0.1 + rnd.nextDouble() * 24.9;
        Instant t0 = patternStart(26);
        Series s = seriesWithUnsold(t0, 1, Integer.MAX_VALUE);
        String asset = takeEdition(s);
        inject(null, t0.minusSeconds(3600 + rnd.nextLong(3 * 86_400)), asset, s, s.creator, ring.get(0),
                s.issueFen);
        List<Draft> pattern = new ArrayList<>();
        for (int k = 0; k < length; k++) {
            Instant at = t0.plusSeconds((long) (spanDays * DAY * k / (length - 1 == 0 ? 1 : length)));
            inject(pattern, at, asset, s, ring.get(k), ring.get((k + 1) % length),
                    transfers ? null : near(s.issueFen, 0.1));
        }
        label("cycle-" + i, RiskRule.CIRCULAR_TRADE, EnumSet.noneOf(RiskRule.class), pattern,
                "cycle of " + length + (transfers ? " transfers" : " trades") + " over "
                        + Math.round(spanDays * 10) / 10.0 + " days");
    }

    private void velocityBot(int i) {
        Set<String> taken = new HashSet<>();
        String bot = manipulator(taken);
        int trades = 14 + rnd.nextInt(27);
        int buys = (trades + 1) / 2;
        long spanSeconds = 900 + rnd.nextLong(2700);
        Instant t0 = patternStart(1);
        Series s = seriesWithUnsold(t0, buys, Integer.MAX_VALUE);
        List<Draft> pattern = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (int k = 0; k < trades; k++) {
            times.add(t0.plusSeconds(spanSeconds * k / (trades - 1)));
        }
        List<String> inventory = new ArrayList<>();
        for (int k = 0; k < trades; k++) {
            boolean buy = inventory.isEmpty() || (k % 2 == 0 && buys > 0);
            if (buy && buys > 0) {
                String asset = takeEdition(s);
                buys--;
                inventory.add(asset);
                inject(pattern, times.get(k), asset, s, s.creator, bot, s.issueFen);
            } else {
                String asset = inventory.remove(0);
                String buyer;
                do {
                    buyer = buyers[pickBuyer()];
                } while (buyer.equals(bot));
                inject(pattern, times.get(k), asset, s, bot, buyer, near(s.issueFen, 0.05));
            }
        }
        label("bot-" + i, RiskRule.VELOCITY, EnumSet.noneOf(RiskRule.class), pattern,
                bot + ": " + trades + " trades in " + spanSeconds / 60 + " minutes");
    }

    private void pumpAndDump(int i) {
        int ringSize = 2 + rnd.nextInt(4);
        Set<String> taken = new HashSet<>();
        List<String> ring = new ArrayList<>();
        for (int k = 0; k < ringSize; k++) {
            ring.add(manipulator(taken));
        }
        int rising = 3 + rnd.nextInt(5);
        int dumps = 2 + rnd.nextInt(5);
        double riseFactor = Math.exp(Math.log(2.5) + rnd.nextDouble() * Math.log(8 / 2.5));
        double riseDays = 1 + rnd.nextDouble() * 3;
        Instant t0 = patternStart(7);
        Series s = seriesWithUnsold(t0, ringSize + dumps + rising, Integer.MAX_VALUE);
        // set-up: the members buy editions at the issue price, enough to dump
        Map<String, List<String>> holdings = new LinkedHashMap<>();
        for (int k = 0; k < Math.max(ringSize, dumps); k++) {
            String m = ring.get(k % ringSize);
            String asset = takeEdition(s);
            holdings.computeIfAbsent(m, x -> new ArrayList<>()).add(asset);
            inject(null, t0.minusSeconds(3600 + rnd.nextLong(86_400)), asset, s, s.creator, m, s.issueFen);
        }
        List<Draft> pattern = new ArrayList<>();
        long start = s.issueFen;
        for (int k = 0; k < rising; k++) {
            String seller = ring.get(k % ringSize);
            String buyer = ring.get((k + 1) % ringSize);
            List<String> held = holdings.get(seller);
            String asset = held.remove(held.size() - 1);
            holdings.computeIfAbsent(buyer, x -> new ArrayList<>()).add(asset);
            if (held.isEmpty()) {
                // a member sold out: the ring tops up with another edition from the creator
                String fresh = takeEdition(s);
                held.add(fresh);
                inject(null, t0.plusSeconds((long) (riseDays * DAY * k / rising)).minusSeconds(600), fresh, s,
                        s.creator, seller, s.issueFen);
            }
            long priceFen = Math.round(start * Math.pow(riseFactor, (k + 1.0) / rising));
            inject(pattern, t0.plusSeconds((long) (riseDays * DAY * k / rising)), asset, s, seller, buyer, priceFen);
        }
        long peak = Math.round(start * riseFactor);
        Instant dumpFrom = t0.plusSeconds((long) (riseDays * DAY) + rnd.nextLong(12 * 3600));
        double dumpDays = 0.2 + rnd.nextDouble() * 2;
        double lastShare = 0.3 + rnd.nextDouble() * 0.25;
        int member = 0;
        for (int k = 0; k < dumps; k++) {
            String seller = null;
            for (int tries = 0; tries < ringSize && seller == null; tries++) {
                String m = ring.get(member++ % ringSize);
                if (!holdings.get(m).isEmpty()) {
                    seller = m;
                }
            }
            if (seller == null) {
                break;
            }
            String asset = holdings.get(seller).remove(0);
            double share = 0.9 - (0.9 - lastShare) * k / Math.max(1, dumps - 1);
            int outsider;
            do {
                outsider = pickBuyer();
            } while (ring.contains(buyers[outsider]));
            inject(pattern, daytime(dumpFrom.plusSeconds((long) (dumpDays * DAY * k / dumps))), asset, s, seller,
                    buyers[outsider], Math.round(peak * share));
        }
        // the ring passing editions among itself is also repeated trading and, when one comes back, a cycle
        label("pump-" + i, RiskRule.PUMP_AND_DUMP, EnumSet.of(RiskRule.REPEATED_PAIR, RiskRule.CIRCULAR_TRADE),
                pattern,
                ringSize + " accounts, " + rising + " rising trades to x" + Math.round(riseFactor * 10) / 10.0
                        + ", " + dumps + " dumps down to " + Math.round(lastShare * 100) + "% of the peak");
    }

    private void concentration(int i) {
        Set<String> taken = new HashSet<>();
        String whale = manipulator(taken);
        Instant t0 = null;
        Series s = null;
        int need = 0;
        for (int tries = 0; tries < 100_000 && s == null; tries++) {
            double share = 0.22 + rnd.nextDouble() * 0.38;
            t0 = patternStart(11);
            Series c = series.get(rnd.nextInt(series.size()));
            need = Math.max(3, (int) Math.ceil(share * c.size));
            if (c.size <= 300 && c.dropAt.isBefore(t0) && c.unsold() >= need) {
                s = c;
            }
        }
        if (s == null) {
            throw new IllegalStateException("no series to accumulate");
        }
        double spanDays = 1 + rnd.nextDouble() * 9;
        List<Draft> pattern = new ArrayList<>();
        for (int k = 0; k < need; k++) {
            Instant at = daytime(t0.plusSeconds((long) (spanDays * DAY * k / need) + rnd.nextLong(1800)));
            inject(pattern, at, takeEdition(s), s, s.creator, whale, s.issueFen);
        }
        label("accumulate-" + i, RiskRule.CONCENTRATION, EnumSet.noneOf(RiskRule.class), pattern,
                whale + " bought " + need + " of " + s.size + " editions of " + s.work + " over "
                        + Math.round(spanDays) + " days");
    }

    // ---- manipulation shaped to stay under the default thresholds (reported, not held to the recall target)

    /** A bot that paces itself: 20..30 flips over 3..4 hours, never more than about 10 in an hour. */
    private void slowBot(int i) {
        Set<String> taken = new HashSet<>();
        String bot = manipulator(taken);
        int trades = 20 + rnd.nextInt(11);
        long spanSeconds = 3 * 3600 + rnd.nextLong(3600);
        Instant t0 = patternStart(1);
        Series s = seriesWithUnsold(t0, (trades + 1) / 2, Integer.MAX_VALUE);
        List<Draft> pattern = new ArrayList<>();
        List<String> inventory = new ArrayList<>();
        for (int k = 0; k < trades; k++) {
            Instant at = t0.plusSeconds(spanSeconds * k / (trades - 1));
            if (k % 2 == 0) {
                String asset = takeEdition(s);
                inventory.add(asset);
                inject(pattern, at, asset, s, s.creator, bot, s.issueFen);
            } else {
                String buyer;
                do {
                    buyer = buyers[pickBuyer()];
                } while (buyer.equals(bot));
                inject(pattern, at, inventory.remove(0), s, bot, buyer, near(s.issueFen, 0.05));
            }
        }
        label("slow-bot-" + i, RiskRule.VELOCITY, EnumSet.noneOf(RiskRule.class), pattern,
                bot + ": " + trades + " trades in " + spanSeconds / 60 + " minutes");
    }

    /** A cycle that comes back after the 30-day window: 31..45 days. */
    private void longCycle(int i) {
        Set<String> taken = new HashSet<>();
        String a = manipulator(taken);
        String b = manipulator(taken);
        Instant t0 = START.plus(Duration.ofDays(1 + rnd.nextInt(7)));
        Series s = seriesWithUnsold(t0, 1, Integer.MAX_VALUE);
        String asset = takeEdition(s);
        inject(null, t0.minusSeconds(3600), asset, s, s.creator, a, s.issueFen);
        List<Draft> pattern = new ArrayList<>();
        inject(pattern, t0, asset, s, a, b, near(s.issueFen, 0.1));
        int days = 31 + rnd.nextInt(15);
        inject(pattern, t0.plus(Duration.ofDays(days)), asset, s, b, a, near(s.issueFen, 0.1));
        label("long-cycle-" + i, RiskRule.CIRCULAR_TRADE, EnumSet.noneOf(RiskRule.class), pattern,
                "A to B to A over " + days + " days");
    }

    /** A ring that only pushes the price up 40..95% before dumping. */
    private void gentlePump(int i) {
        int ringSize = 2 + rnd.nextInt(3);
        Set<String> taken = new HashSet<>();
        List<String> ring = new ArrayList<>();
        for (int k = 0; k < ringSize; k++) {
            ring.add(manipulator(taken));
        }
        int rising = 3 + rnd.nextInt(4);
        double riseFactor = 1.4 + rnd.nextDouble() * 0.55;
        Instant t0 = patternStart(7);
        Series s = seriesWithUnsold(t0, ringSize + 3, Integer.MAX_VALUE);
        String asset = takeEdition(s);
        inject(null, t0.minusSeconds(3600), asset, s, s.creator, ring.get(0), s.issueFen);
        List<String> extra = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            String e = takeEdition(s);
            extra.add(e);
            inject(null, t0.minusSeconds(1800 + k), e, s, s.creator, ring.get(k % ringSize), s.issueFen);
        }
        List<Draft> pattern = new ArrayList<>();
        for (int k = 0; k < rising; k++) {
            inject(pattern, t0.plusSeconds(6 * 3600L * k), asset, s, ring.get(k % ringSize),
                    ring.get((k + 1) % ringSize), Math.round(s.issueFen * Math.pow(riseFactor, (k + 1.0) / rising)));
        }
        long peak = Math.round(s.issueFen * riseFactor);
        for (int k = 0; k < 3; k++) {
            int outsider;
            do {
                outsider = pickBuyer();
            } while (ring.contains(buyers[outsider]));
            inject(pattern, t0.plusSeconds(6 * 3600L * rising + 3 * 3600L * k), extra.get(k), s, ring.get(k % ringSize),
                    buyers[outsider], Math.round(peak * (0.9 - 0.2 * k)));
        }
        label("gentle-pump-" + i, RiskRule.PUMP_AND_DUMP, EnumSet.of(RiskRule.REPEATED_PAIR,
                RiskRule.CIRCULAR_TRADE), pattern, ringSize + " accounts up x" + Math.round(riseFactor * 100) / 100.0);
    }

    /** A stake of 30..40% of a series split over two accounts, each at most 20%. */
    private void splitStake(int i) {
        Set<String> taken = new HashSet<>();
        String a = manipulator(taken);
        String b = manipulator(taken);
        Series s = null;
        Instant t0 = null;
        int each = 0;
        for (int tries = 0; tries < 100_000 && s == null; tries++) {
            Series c = series.get(rnd.nextInt(series.size()));
            t0 = patternStart(11);
            int limit = (int) Math.floor(c.size * 0.2);
            each = Math.max(2, (int) Math.round(c.size * (0.15 + rnd.nextDouble() * 0.05)));
            if (each <= limit && c.size >= 20 && c.size <= 300 && c.dropAt.isBefore(t0) && c.unsold() >= 2 * each) {
                s = c;
            }
        }
        if (s == null) {
            throw new IllegalStateException("no series for a split stake");
        }
        List<Draft> pattern = new ArrayList<>();
        for (int k = 0; k < 2 * each; k++) {
            Instant at = daytime(t0.plusSeconds(DAY_SECONDS * 5 * k / (2L * each)));
            inject(pattern, at, takeEdition(s), s, s.creator, k % 2 == 0 ? a : b, s.issueFen);
        }
        label("split-stake-" + i, RiskRule.CONCENTRATION, EnumSet.noneOf(RiskRule.class), pattern,
                a + " and " + b + " bought " + each + " each of " + s.size);
    }

    /** Two accounts trading three times a week for three weeks: never more than 3 in any 7 days. */
    private void steadyPair(int i) {
        Set<String> taken = new HashSet<>();
        String a = manipulator(taken);
        String b = manipulator(taken);
        Instant t0 = patternStart(22);
        Series s = seriesWithUnsold(t0, 9, Integer.MAX_VALUE);
        List<Draft> pattern = new ArrayList<>();
        for (int k = 0; k < 9; k++) {
            Instant at = t0.plusSeconds((long) (DAY * 2.4 * k));
            String seller = k % 2 == 0 ? a : b;
            String asset = takeEdition(s);
            inject(null, at.minusSeconds(3600), asset, s, s.creator, seller, s.issueFen);
            inject(pattern, at, asset, s, seller, k % 2 == 0 ? b : a, near(s.issueFen, 0.08));
        }
        label("steady-pair-" + i, RiskRule.REPEATED_PAIR, EnumSet.noneOf(RiskRule.class), pattern,
                "9 trades over 3 weeks between " + a + " and " + b);
    }

    private static final long DAY_SECONDS = 86_400;
}
