package io.dcx.service.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each post-trade rule at its defaults: the case it must catch, and the near miss next to it that it must let
 * through. Editions belong to work {@code W} (a series of {@code seriesSize}); prices in fen.
 */
class SurveillanceEngineTest {
    private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
    private static final SurveillanceThresholds DEFAULTS = SurveillanceThresholds.defaults();

    private final AtomicReference<SurveillanceThresholds> thresholds = new AtomicReference<>(DEFAULTS);
    private SurveillanceEngine engine;
    private final List<Alert> alerts = new ArrayList<>();
    private int seq;

    @BeforeEach
    void fresh() {
        engine = new SurveillanceEngine(thresholds::get);
    }

    private MarketEvent trade(String asset, String seller, String buyer, long priceFen, Instant at) {
        return edition("W", 100, asset, seller, buyer, priceFen, at);
    }

    private MarketEvent edition(String work, Integer seriesSize, String asset, String seller, String buyer,
            Long priceFen, Instant at) {
        seq++;
        MarketEvent e = new MarketEvent("T" + seq, asset, work, seriesSize, seller, buyer, priceFen, at, "tx" + seq,
                seq);
        alerts.addAll(engine.onEvent(e));
        return e;
    }

    private List<Alert> alerts(RiskRule rule) {
        return alerts.stream().filter(a -> a.rule() == rule).toList();
    }

    private static List<String> refs(List<MarketEvent> events) {
        return events.stream().map(MarketEvent::reference).toList();
    }

    // ---- VELOCITY: more than 12 trades within an hour

    /** A bot buys seven editions from different holders and flips six: its 13th trade in 60 minutes is flagged. */
    private List<MarketEvent> flip(int trades, Duration spacing) {
        List<MarketEvent> bot = new ArrayList<>();
        for (int i = 0; i < trades; i++) {
            Instant at = T0.plus(spacing.multipliedBy(i));
            bot.add(i % 2 == 0 ? trade("a" + i, "holder" + i, "bot", 1000, at)
                    : trade("a" + (i - 1), "bot", "buyer" + i, 1100, at));
        }
        return bot;
    }

    @Test
    void velocityCatchesThe13thTradeWithinAnHour() {
        List<MarketEvent> bot = flip(13, Duration.ofMinutes(5));
        assertThat(alerts(RiskRule.VELOCITY)).singleElement().satisfies(a -> {
            assertThat(a.subjectId()).isEqualTo("bot");
            assertThat(a.references()).containsExactlyElementsOf(refs(bot));
            assertThat(a.accounts()).contains("bot", "holder0", "buyer1");
            assertThat(a.facts()).containsEntry("trades", 13).containsEntry("limit", 12);
            assertThat(a.at()).isEqualTo(bot.get(12).at());
        });
    }

    @Test
    void velocityLetsTwelveTradesThrough() {
        flip(12, Duration.ofMinutes(5));
        assertThat(alerts(RiskRule.VELOCITY)).isEmpty();
    }

    @Test
    void velocityLetsThirteenTradesThroughWhenTheFirstFellOutOfTheHour() {
        flip(13, Duration.ofSeconds(301)); // 12 x 301 s = 60 min 12 s from first to last
        assertThat(alerts(RiskRule.VELOCITY)).isEmpty();
    }

    @Test
    void velocityRaisesOnceForAStormOfTrades() {
        flip(40, Duration.ofMinutes(1));
        assertThat(alerts(RiskRule.VELOCITY)).hasSize(1);
    }

    @Test
    void aPopularDropIsNotVelocity() {
        // the creator sells 300 editions of its new series in an hour, to 300 different buyers
        for (int i = 0; i < 300; i++) {
            trade("drop-" + i, "creator", "fan" + i, 5000, T0.plusSeconds(i * 12L));
        }
        assertThat(alerts).isEmpty();
    }

    // ---- CIRCULAR_TRADE: an asset back to an owner it left within 30 days

    @Test
    void circularCatchesABA() {
        MarketEvent ab = trade("a1", "A", "B", 1000, T0);
        MarketEvent ba = trade("a1", "B", "A", 1000, T0.plus(Duration.ofDays(29)));
        assertThat(alerts(RiskRule.CIRCULAR_TRADE)).singleElement().satisfies(a -> {
            assertThat(a.subjectId()).isEqualTo("a1");
            assertThat(a.references()).containsExactly(ab.reference(), ba.reference());
            assertThat(a.accounts()).containsExactlyInAnyOrder("A", "B");
            assertThat(a.facts()).containsEntry("length", 2).containsEntry("returnedTo", "A");
        });
    }

    @Test
    void circularCatchesABCA() {
        MarketEvent ab = trade("a1", "A", "B", 1000, T0);
        MarketEvent bc = trade("a1", "B", "C", 1000, T0.plus(Duration.ofDays(10)));
        MarketEvent ca = trade("a1", "C", "A", 1000, T0.plus(Duration.ofDays(20)));
        assertThat(alerts(RiskRule.CIRCULAR_TRADE)).singleElement().satisfies(a -> {
            assertThat(a.references()).containsExactly(ab.reference(), bc.reference(), ca.reference());
            assertThat(a.accounts()).containsExactlyInAnyOrder("A", "B", "C");
            assertThat(a.facts()).containsEntry("length", 3);
        });
    }

    @Test
    void circularLetsACycleJustOutsideTheWindowThrough() {
        trade("a1", "A", "B", 1000, T0);
        trade("a1", "B", "C", 1000, T0.plus(Duration.ofDays(10)));
        trade("a1", "C", "A", 1000, T0.plus(Duration.ofDays(30)).plusSeconds(1));
        assertThat(alerts(RiskRule.CIRCULAR_TRADE)).isEmpty();
    }

    @Test
    void circularLetsAChainOfNewOwnersAndOtherAssetsThrough() {
        trade("a1", "A", "B", 1000, T0);
        trade("a1", "B", "C", 1000, T0.plusSeconds(60));
        trade("a1", "C", "D", 1000, T0.plusSeconds(120));
        trade("a2", "B", "A", 1000, T0.plusSeconds(180)); // A buys from B, but another asset
        assertThat(alerts(RiskRule.CIRCULAR_TRADE)).isEmpty();
    }

    @Test
    void circularRaisesAPingPongOncePerNewCycle() {
        trade("a1", "A", "B", 1000, T0);
        trade("a1", "B", "A", 1000, T0.plusSeconds(60)); // cycle 1
        trade("a1", "A", "B", 1000, T0.plusSeconds(120)); // overlaps cycle 1
        trade("a1", "B", "A", 1000, T0.plusSeconds(180)); // cycle 2
        assertThat(alerts(RiskRule.CIRCULAR_TRADE)).hasSize(2)
                .extracting(Alert::references).containsExactly(List.of("T1", "T2"), List.of("T3", "T4"));
    }

    // ---- PUMP_AND_DUMP: +100% over >= 3 resales among <= 6 linked accounts, then a resale 40% below the peak,
    // within 7 days

    @Test
    void pumpAndDumpCatchesASmallClusterDoublingThePriceThenDumping() {
        issued("R1", "e1", "e3");
        issued("R3", "e2");
        MarketEvent r1 = trade("e1", "R1", "R2", 1200, T0);
        MarketEvent r2 = trade("e2", "R3", "R4", 1800, T0.plus(Duration.ofDays(1)));
        MarketEvent r3 = trade("e3", "R1", "R4", 2400, T0.plus(Duration.ofDays(2)));
        MarketEvent dump = trade("e3", "R4", "outsider", 1400, T0.plus(Duration.ofDays(3)));
        // the evidence: the ring's purchases at the issue price (the low), its rising resales, the dump
        assertThat(alerts(RiskRule.PUMP_AND_DUMP)).singleElement().satisfies(a -> {
            assertThat(a.subjectType()).isEqualTo("work");
            assertThat(a.subjectId()).isEqualTo("W");
            assertThat(a.references()).containsExactly("T1", "T2", "T3", r1.reference(), r2.reference(),
                    r3.reference(), dump.reference());
            assertThat(a.accounts()).containsExactlyInAnyOrder("creator", "R1", "R2", "R3", "R4", "outsider");
            assertThat(a.facts()).containsEntry("lowFen", 1000L).containsEntry("peakFen", 2400L)
                    .containsEntry("dumpFen", 1400L).containsEntry("clusterSize", 5).containsEntry("risingTrades", 6);
        });
        trade("e2", "R4", "outsider2", 900, T0.plus(Duration.ofDays(3)).plusSeconds(60));
        assertThat(alerts(RiskRule.PUMP_AND_DUMP)).as("the same peak is one finding").hasSize(1);
    }

    /** A ring passing edition e1 along {@code prices.length} resales: R0 to R1 to R2 ... (R0 bought it at issue). */
    private List<MarketEvent> passAlong(long... prices) {
        issued("R0", "e1");
        List<MarketEvent> ring = new ArrayList<>();
        for (int k = 0; k < prices.length; k++) {
            ring.add(trade("e1", "R" + k, "R" + (k + 1), prices[k], T0.plus(Duration.ofHours(12L * k))));
        }
        return ring;
    }

    @Test
    void pumpAndDumpCountsTheRingsPurchaseAtTheIssuePriceAsTheLow() {
        List<MarketEvent> ring = passAlong(1300, 1650, 2000); // from 1000 at issue: +100%
        trade("e1", "R3", "outsider", 1200, T0.plus(Duration.ofDays(3)));
        assertThat(alerts(RiskRule.PUMP_AND_DUMP)).singleElement().satisfies(a -> {
            assertThat(a.references()).startsWith("T1").contains(ring.get(2).reference());
            assertThat(a.facts()).containsEntry("lowFen", 1000L);
        });
    }

    @Test
    void pumpAndDumpLetsARiseJustUnderTheThresholdThrough() {
        passAlong(1300, 1650, 1999);
        trade("e1", "R3", "outsider", 1100, T0.plus(Duration.ofDays(3)));
        assertThat(alerts(RiskRule.PUMP_AND_DUMP)).isEmpty();
    }

    @Test
    void pumpAndDumpLetsARiseThatNeedsOneAccountTooManyThrough() {
        int max = DEFAULTS.pumpMaxAccounts();
        // max resales along max + 1 accounts (and the creator): the doubling from 1000 needs them all; the last
        // max accounts only saw 1500 to 2000
        long[] prices = new long[max];
        for (int k = 0; k < max; k++) {
            prices[k] = k == 0 ? 1000 : 1500 + 500L * (k - 1) / (max - 2);
        }
        passAlong(prices);
        trade("e1", "R" + max, "outsider", 1100, T0.plus(Duration.ofDays(4)));
        assertThat(alerts(RiskRule.PUMP_AND_DUMP)).isEmpty();
    }

    @Test
    void pumpAndDumpLetsAFallJustUnder40PercentThrough() {
        passAlong(1300, 1650, 2000);
        trade("e1", "R3", "outsider", 1201, T0.plus(Duration.ofDays(3)));
        assertThat(alerts(RiskRule.PUMP_AND_DUMP)).isEmpty();
    }

    @Test
    void pumpAndDumpLetsADumpAfterTheWindowThrough() {
        passAlong(1300, 1650, 2000);
        trade("e1", "R3", "outsider", 1100, T0.minus(Duration.ofDays(1)).plus(Duration.ofDays(7)).plusSeconds(1));
        assertThat(alerts(RiskRule.PUMP_AND_DUMP)).isEmpty();
    }

    @Test
    void pumpAndDumpIsNotHiddenByAnOutsidersEarlierTrade() {
        trade("e9", "O1", "O2", 900, T0.minus(Duration.ofDays(2)));
        List<MarketEvent> ring = passAlong(1300, 1650, 2000);
        trade("e1", "R3", "outsider", 1100, T0.plus(Duration.ofDays(3)));
        assertThat(alerts(RiskRule.PUMP_AND_DUMP)).singleElement().satisfies(a -> {
            assertThat(a.references()).contains(ring.get(0).reference()).doesNotContain("T1");
            assertThat(a.accounts()).doesNotContain("O1", "O2");
        });
    }

    @Test
    void pumpAndDumpCatchesARingThroughTheOrdinaryTradesAroundIt() {
        issued("R0", "e1");
        for (int k = 0; k < 3; k++) {
            trade("o" + k, "creator2", "O" + k, 950, T0.minus(Duration.ofHours(20)));
        }
        List<MarketEvent> ring = new ArrayList<>();
        long[] prices = {1400, 1900, 2600};
        for (int k = 0; k < prices.length; k++) {
            trade("o" + k, "O" + k, "P" + k, 950, T0.plus(Duration.ofHours(12L * k)).minusSeconds(60)); // the market
            ring.add(trade("e1", "R" + k % 3, "R" + (k + 1) % 3, prices[k], T0.plus(Duration.ofHours(12L * k))));
        }
        MarketEvent dump = trade("e1", "R0", "outsider", 1500, T0.plus(Duration.ofDays(3)));
        assertThat(alerts(RiskRule.PUMP_AND_DUMP)).singleElement().satisfies(a -> {
            assertThat(a.references()).containsExactly("T1", ring.get(0).reference(), ring.get(1).reference(),
                    ring.get(2).reference(), dump.reference());
            assertThat(a.accounts()).containsExactlyInAnyOrder("creator", "R0", "R1", "R2", "outsider");
        });
    }

    @Test
    void aCreatorsIssuanceAtItsFixedPriceIsNeitherRiseNorFall() {
        passAlong(1300, 1650, 2000);
        trade("e7", "creator", "latecomer", 1000, T0.plus(Duration.ofDays(3))); // the issue price, 50% under the peak
        assertThat(alerts(RiskRule.PUMP_AND_DUMP)).isEmpty();
    }

    @Test
    void anOrdinaryBusySeriesRiseAndFallIsNotPumpAndDump() {
        // a drop sells out at 1000, the price doubles over a day among many buyers, then falls
        for (int i = 0; i < 20; i++) {
            trade("e" + i, "creator", "fan" + i, 1000, T0.plusSeconds(i * 60L));
        }
        for (int i = 0; i < 10; i++) {
            trade("e" + i, "fan" + i, "collector" + i, 1100 + i * 100L, T0.plus(Duration.ofHours(2 + i)));
        }
        trade("e0", "collector0", "late", 1000, T0.plus(Duration.ofDays(2)));
        assertThat(alerts(RiskRule.PUMP_AND_DUMP)).isEmpty();
    }

    // ---- CONCENTRATION: one account holding more than 20% of a series of at least 10 editions

    @Test
    void concentrationCatchesThreeOfTen() {
        MarketEvent p1 = edition("S10", 10, "s1", "creator", "whale", 1000L, T0);
        MarketEvent p2 = edition("S10", 10, "s2", "holder", "whale", 1000L, T0.plusSeconds(60));
        assertThat(alerts(RiskRule.CONCENTRATION)).as("2 of 10 is exactly the limit").isEmpty();
        MarketEvent p3 = edition("S10", 10, "s3", "creator", "whale", 1000L, T0.plusSeconds(120));
        assertThat(alerts(RiskRule.CONCENTRATION)).singleElement().satisfies(a -> {
            assertThat(a.subjectId()).isEqualTo("whale");
            assertThat(a.references()).containsExactlyInAnyOrderElementsOf(refs(List.of(p1, p2, p3)));
            assertThat(a.assets()).containsExactlyInAnyOrder("s1", "s2", "s3");
            assertThat(a.facts()).containsEntry("held", 3).containsEntry("series", 10)
                    .containsEntry("workId", "S10");
        });
        edition("S10", 10, "s4", "creator", "whale", 1000L, T0.plusSeconds(180));
        assertThat(alerts(RiskRule.CONCENTRATION)).as("raised once").hasSize(1);
    }

    @Test
    void concentrationCountsWhatIsStillHeld() {
        edition("S10", 10, "s1", "creator", "whale", 1000L, T0);
        edition("S10", 10, "s2", "creator", "whale", 1000L, T0.plusSeconds(60));
        edition("S10", 10, "s1", "whale", "other", 1000L, T0.plusSeconds(120));
        edition("S10", 10, "s3", "creator", "whale", 1000L, T0.plusSeconds(180));
        assertThat(alerts(RiskRule.CONCENTRATION)).isEmpty();
    }

    @Test
    void concentrationIgnoresSeriesUnderTheMinimumAndCopyrights() {
        for (int i = 0; i < 5; i++) {
            edition("S9", 9, "s" + i, "creator", "whale", 1000L, T0.plusSeconds(i));
        }
        edition("C1", null, "copyright-1", "studio", "whale", 1000L, T0.plusSeconds(10));
        assertThat(alerts(RiskRule.CONCENTRATION)).isEmpty();
    }

    // ---- REPEATED_PAIR: more than 3 resales between the same two accounts within 7 days

    /** The set-up: {@code owner} buys each asset from its creator (the issue), the day before. */
    private void issued(String owner, String... assets) {
        for (String asset : assets) {
            trade(asset, "creator", owner, 1000, T0.minus(Duration.ofDays(1)));
        }
    }

    @Test
    void repeatedPairCatchesTheFourthTradeInAWeekEitherWay() {
        issued("A", "p1", "p3");
        issued("B", "p2", "p4");
        List<MarketEvent> pair = List.of(trade("p1", "A", "B", 1000, T0),
                trade("p2", "B", "A", 1000, T0.plus(Duration.ofDays(2))),
                trade("p3", "A", "B", 1000, T0.plus(Duration.ofDays(4))),
                trade("p4", "B", "A", 1000, T0.plus(Duration.ofDays(6))));
        assertThat(alerts(RiskRule.REPEATED_PAIR)).singleElement().satisfies(a -> {
            assertThat(a.subjectId()).isEqualTo("A|B");
            assertThat(a.references()).containsExactlyElementsOf(refs(pair));
            assertThat(a.accounts()).containsExactlyInAnyOrder("A", "B");
        });
        trade("p1", "B", "A", 1000, T0.plus(Duration.ofDays(6)).plusSeconds(1));
        assertThat(alerts(RiskRule.REPEATED_PAIR)).as("quiet for the window after it fired").hasSize(1);
    }

    @Test
    void repeatedPairLetsThreeTradesThrough() {
        issued("A", "p1", "p3", "p4");
        issued("B", "p2");
        trade("p1", "A", "B", 1000, T0);
        trade("p2", "B", "A", 1000, T0.plus(Duration.ofDays(1)));
        trade("p3", "A", "B", 1000, T0.plus(Duration.ofDays(2)));
        trade("p4", "A", "C", 1000, T0.plus(Duration.ofDays(3)));
        assertThat(alerts(RiskRule.REPEATED_PAIR)).isEmpty();
    }

    @Test
    void repeatedPairLetsFourTradesSpreadOverMoreThanAWeekThrough() {
        issued("A", "p1", "p3");
        issued("B", "p2", "p4");
        trade("p1", "A", "B", 1000, T0);
        trade("p2", "B", "A", 1000, T0.plus(Duration.ofDays(3)));
        trade("p3", "A", "B", 1000, T0.plus(Duration.ofDays(5)));
        trade("p4", "B", "A", 1000, T0.plus(Duration.ofDays(7)).plusSeconds(1));
        assertThat(alerts(RiskRule.REPEATED_PAIR)).isEmpty();
    }

    @Test
    void twoBusyDealersDealingWithEachOtherAmongManyTradesAreNotARepeatedPair() {
        issued("A", "p1", "p3");
        issued("B", "p2", "p4");
        for (int k = 1; k <= 4; k++) {
            for (int j = 0; j < 3; j++) { // each dealer also buys from others between their deals
                trade("x" + k + j, "seller" + k + j, "A", 1000, T0.plus(Duration.ofHours(24L * k + j)));
                trade("y" + k + j, "seller" + k + j + "b", "B", 1000, T0.plus(Duration.ofHours(24L * k + j)));
            }
            trade("p" + k, k % 2 == 1 ? "A" : "B", k % 2 == 1 ? "B" : "A", 1000,
                    T0.plus(Duration.ofHours(24L * k + 5)));
        }
        assertThat(alerts(RiskRule.REPEATED_PAIR)).isEmpty();
    }

    @Test
    void aCreatorSellingFiveEditionsToOneCollectorIsNotARepeatedPair() {
        for (int i = 0; i < 5; i++) {
            trade("d" + i, "creator", "collector", 1000, T0.plus(Duration.ofHours(i)));
        }
        assertThat(alerts).isEmpty();
    }

    // ---- across rules

    @Test
    void transfersOutsideTheBoardCountButHaveNoPrice() {
        MarketEvent ab = new MarketEvent(null, "a1", "W", 100, "A", "B", null, T0, "tx-1", 1);
        MarketEvent ba = new MarketEvent(null, "a1", "W", 100, "B", "A", null, T0.plusSeconds(60), "tx-2", 2);
        engine.onEvent(ab);
        assertThat(engine.onEvent(ba)).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo(RiskRule.CIRCULAR_TRADE);
            assertThat(a.references()).containsExactly("tx-1", "tx-2");
        });
    }

    @Test
    void replayingTheSameEventsGivesTheSameFindings() {
        pumpAndDumpCatchesASmallClusterDoublingThePriceThenDumping();
        flip(20, Duration.ofMinutes(1));
        trade("z1", "X", "Y", 1000, T0.plus(Duration.ofDays(4)));
        trade("z1", "Y", "X", 1000, T0.plus(Duration.ofDays(5)));
        List<String> firstRun = alerts.stream().map(Alert::dedupKey).toList();
        assertThat(firstRun).hasSize(3).doesNotHaveDuplicates();

        // a restarted consumer replays the same events into a new engine
        engine = new SurveillanceEngine(thresholds::get);
        seq = 0;
        alerts.clear();
        pumpAndDumpCatchesASmallClusterDoublingThePriceThenDumping();
        flip(20, Duration.ofMinutes(1));
        trade("z1", "X", "Y", 1000, T0.plus(Duration.ofDays(4)));
        trade("z1", "Y", "X", 1000, T0.plus(Duration.ofDays(5)));
        assertThat(alerts.stream().map(Alert::dedupKey).toList()).containsExactlyElementsOf(firstRun);
    }

    @Test
    void aThresholdChangedBetweenEventsAppliesToTheNextEvent() {
        issued("A", "p1", "p2", "p3");
        trade("p1", "A", "B", 1000, T0);
        trade("p2", "A", "B", 1000, T0.plusSeconds(60));
        assertThat(alerts).isEmpty();
        thresholds.set(new SurveillanceThresholds(12, Duration.ofHours(1), Duration.ofDays(30), 10_000, 4_000, 4, 3,
                Duration.ofDays(7), 2_000, 10, 1, Duration.ofDays(7)));
        trade("p3", "A", "B", 1000, T0.plusSeconds(120));
        assertThat(alerts(RiskRule.REPEATED_PAIR)).singleElement()
                .satisfies(a -> assertThat(a.references()).containsExactly("T4", "T5", "T6"));

        thresholds.set(DEFAULTS);
        flip(13, Duration.ofMinutes(1));
        assertThat(alerts(RiskRule.VELOCITY)).hasSize(1);
        thresholds.set(new SurveillanceThresholds(5, Duration.ofHours(1), Duration.ofDays(30), 10_000, 4_000, 4, 3,
                Duration.ofDays(7), 2_000, 10, 3, Duration.ofDays(7)));
        // a second bot: its 6th trade now crosses the lowered limit
        for (int i = 0; i < 6; i++) {
            trade("b" + i, "seller" + i, "bot2", 1000, T0.plus(Duration.ofHours(3)).plusSeconds(i * 60L));
            assertThat(alerts(RiskRule.VELOCITY)).hasSize(i < 5 ? 1 : 2);
        }
    }

    @Test
    void afterItsStateOfAnAssetExpiredTheEngineStillCatchesANewCycleOnIt() {
        trade("a1", "A", "B", 1000, T0);
        for (int day = 1; day <= 40; day++) { // the market moves on; a1's window goes idle and is forgotten
            trade("x" + day, "S" + day, "T" + day, 1000, T0.plus(Duration.ofDays(day)));
        }
        trade("a1", "B", "A", 1000, T0.plus(Duration.ofDays(41)));
        assertThat(alerts(RiskRule.CIRCULAR_TRADE)).as("A got it back after 41 days: outside the window").isEmpty();
        MarketEvent back = trade("a1", "A", "B", 1000, T0.plus(Duration.ofDays(42)));
        assertThat(alerts(RiskRule.CIRCULAR_TRADE)).singleElement()
                .satisfies(a -> assertThat(a.references()).containsExactly("T42", back.reference()));
    }

    @Test
    void thresholdsRefuseNonsenseAndNameTheLongestWindow() {
        assertThat(DEFAULTS.longestWindow()).isEqualTo(Duration.ofDays(30));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SurveillanceThresholds(0, Duration.ofHours(1),
                Duration.ofDays(30), 10_000, 4_000, 4, 3, Duration.ofDays(7), 2_000, 10, 3, Duration.ofDays(7)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
