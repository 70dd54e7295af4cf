package io.dcx.service.domain.risk;

/**
 * The risk rules by their stable codes (design.md section 3). Pre-trade rules block a trade before it is accepted;
 * post-trade rules are surveillance over settled trades and transfers, and raise alerts that become cases.
 */
public enum RiskRule {
    // pre-trade: block
    KYC_REQUIRED(false), SELF_TRADE(false), LINKED_ACCOUNTS(false), HOLDING_PERIOD(false), PRICE_BAND(false),
    TRANSFER_CAP(false), HALT(false),
    // post-trade: alert
    VELOCITY(true), CIRCULAR_TRADE(true), PUMP_AND_DUMP(true), CONCENTRATION(true), REPEATED_PAIR(true);

    private final boolean surveillance;

    RiskRule(boolean surveillance) {
        this.surveillance = surveillance;
    }

    public boolean isSurveillance() {
        return surveillance;
    }
}
