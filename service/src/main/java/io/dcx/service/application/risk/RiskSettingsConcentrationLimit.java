package io.dcx.service.application.risk;

import io.dcx.service.application.board.ConcentrationLimit;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The board's pre-trade CONCENTRATION limit from the run-time risk settings, so one operator change moves both the
 * block before a purchase and the surveillance alert.
 */
@ApplicationScoped
public class RiskSettingsConcentrationLimit implements ConcentrationLimit {
    private final RiskSettings settings;

    public RiskSettingsConcentrationLimit(RiskSettings settings) {
        this.settings = settings;
    }

    @Override
    public int limitBps() {
        return settings.current().concentrationBps();
    }

    @Override
    public int minSeries() {
        return settings.current().concentrationMinSeries();
    }
}
