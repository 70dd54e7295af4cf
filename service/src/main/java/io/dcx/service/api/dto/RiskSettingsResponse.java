package io.dcx.service.api.dto;

import io.dcx.service.domain.risk.SurveillanceThresholds;

/** The surveillance thresholds in force: counts and basis points as integers, windows as ISO-8601 durations. */
public record RiskSettingsResponse(int velocityMaxTrades, String velocityWindow, String circularWindow,
        int pumpRiseBps, int pumpFallBps, int pumpMaxAccounts, int pumpMinTrades, String pumpWindow,
        int concentrationBps, int concentrationMinSeries, int repeatedPairMax, String repeatedPairWindow) {

    public static RiskSettingsResponse of(SurveillanceThresholds t) {
        return new RiskSettingsResponse(t.velocityMaxTrades(), t.velocityWindow().toString(),
                t.circularWindow().toString(), t.pumpRiseBps(), t.pumpFallBps(), t.pumpMaxAccounts(),
                t.pumpMinTrades(), t.pumpWindow().toString(), t.concentrationBps(), t.concentrationMinSeries(),
                t.repeatedPairMax(), t.repeatedPairWindow().toString());
    }
}
