package io.dcx.service.application.risk;

import io.dcx.service.domain.risk.RiskRule;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Surveillance settings ({@code dcx.risk.*}); the thresholds themselves are run-time settings (RiskSettings). */
@ConfigMapping(prefix = "dcx.risk")
public interface RiskConfig {
    /** How long an automatic or operator HALT_ASSET lasts. */
    @WithDefault("PT24H")
    Duration coolingOff();

    /** Rules whose alerts halt their assets for the cooling-off period at once (empty: none). */
    Optional<Set<RiskRule>> autoHalt();
}
