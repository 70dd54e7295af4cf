package io.dcx.service.application.money;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Money settings ({@code dcx.money.*}). */
@ConfigMapping(prefix = "dcx.money")
public interface MoneyConfig {
    /** Withdrawals above this many fen wait for an operator's confirmation. */
    @WithDefault("5000000")
    long withdrawalConfirmationThresholdFen();

    /** The largest amount one deposit or withdrawal may carry, in fen. */
    @WithDefault("100000000000")
    long maxAmountFen();

    /** Which payment rail deposits and withdrawals use: {@code internal} (simulated bank transfers). */
    @WithDefault("internal")
    String rail();
}
