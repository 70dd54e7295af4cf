package io.dcx.service.application.board;

import io.dcx.service.domain.risk.SurveillanceThresholds;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** The default thresholds, until run-time risk settings provide their own {@link ConcentrationLimit}. */
@ApplicationScoped
@DefaultBean
public class DefaultConcentrationLimit implements ConcentrationLimit {
    @Override
    public int limitBps() {
        return SurveillanceThresholds.defaults().concentrationBps();
    }

    @Override
    public int minSeries() {
        return SurveillanceThresholds.defaults().concentrationMinSeries();
    }
}
