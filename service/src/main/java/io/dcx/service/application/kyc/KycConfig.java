package io.dcx.service.application.kyc;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/**
 * KYC settings ({@code dcx.kyc.*}): the watch list and its match threshold, the tiers with their limits, and the
 * tier an approval assigns when the operator names none.
 */
@ConfigMapping(prefix = "dcx.kyc")
public interface KycConfig {
    /** {@code classpath:path} or a file system path; a file is reloaded when it changes. */
    @WithDefault("classpath:kyc/watch-list.txt")
    String watchListFile();

    /** Similarity in (0, 1] from which a name counts as a hit. */
    @WithDefault("0.85")
    double watchListThreshold();

    /** Tier name (for example TIER_1) to its limits. */
    Map<String, TierSettings> tiers();

    DefaultTier defaultTier();

    interface TierSettings {
        /** The most an account of this tier may buy per calendar day (Asia/Shanghai), in fen. */
        long dailyBuyLimitFen();
    }

    interface DefaultTier {
        @WithDefault("TIER_1")
        String individual();

        @WithDefault("TIER_3")
        String institution();
    }
}
