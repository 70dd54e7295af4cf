package io.dcx.service.domain.risk;

import java.time.Duration;

/**
 * The thresholds of the post-trade rules; operators change them at run time.
 *
 * @param velocityMaxTrades VELOCITY: more than this many trades by one account within {@code velocityWindow}
 * @param circularWindow CIRCULAR_TRADE: an asset coming back to an owner it left within this window
 * @param pumpRiseBps PUMP_AND_DUMP: a rise of at least this (bps of the low) across trades of one series...
 * @param pumpFallBps ...followed by a fall of at least this (bps of the peak)...
 * @param pumpMaxAccounts ...with at most this many accounts on the rising trades (a small cluster)...
 * @param pumpMinTrades ...and at least this many rising trades, all within {@code pumpWindow}
 * @param concentrationBps CONCENTRATION: one account holding more than this share (bps) of a series it bought...
 * @param concentrationMinSeries ...of at least this many editions
 * @param repeatedPairMax REPEATED_PAIR: more than this many trades between the same two accounts within
 *     {@code repeatedPairWindow}
 */
public record SurveillanceThresholds(int velocityMaxTrades, Duration velocityWindow, Duration circularWindow,
        int pumpRiseBps, int pumpFallBps, int pumpMaxAccounts, int pumpMinTrades, Duration pumpWindow,
        int concentrationBps, int concentrationMinSeries, int repeatedPairMax, Duration repeatedPairWindow) {

    public SurveillanceThresholds {
        if (velocityMaxTrades < 1 || pumpRiseBps < 1 || pumpFallBps < 1 || pumpFallBps >= 10_000
                || pumpMaxAccounts < 2 || pumpMinTrades < 2 || concentrationBps < 1 || concentrationBps > 10_000
                || concentrationMinSeries < 2 || repeatedPairMax < 1 || isNotPositive(velocityWindow)
                || isNotPositive(circularWindow) || isNotPositive(pumpWindow) || isNotPositive(repeatedPairWindow)) {
            throw new IllegalArgumentException("thresholds out of range");
        }
    }

    private static boolean isNotPositive(Duration d) {
        return d == null || d.isZero() || d.isNegative();
    }

    /** The defaults, tuned on the labelled market simulator (bench/results/surveillance-quality.md). */
    public static SurveillanceThresholds defaults() {
        return new SurveillanceThresholds(12, Duration.ofHours(1), Duration.ofDays(30), 10_000, 4_000, 6, 3,
                Duration.ofDays(7), 2_000, 10, 3, Duration.ofDays(7));
    }

    /** The longest window, which is how far back a restarted engine must replay. */
    public Duration longestWindow() {
        Duration max = velocityWindow;
        for (Duration d : new Duration[] {circularWindow, pumpWindow, repeatedPairWindow}) {
            if (d.compareTo(max) > 0) {
                max = d;
            }
        }
        return max;
    }
}
