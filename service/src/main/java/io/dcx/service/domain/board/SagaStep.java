package io.dcx.service.domain.board;

/**
 * The steps of a delivery-versus-payment settlement, in order. The forward steps run until {@code PAY_OUT}
 * (only on a payment rail that pays sellers out at once, such as the e-CNY token); a failure before
 * {@code SETTLE_ON_CHAIN} is done runs the compensations {@code RELEASE_ASSET} and {@code RELEASE_HOLD}. Once the
 * chain has settled, the saga only goes forward: the buyer owns the asset, so the seller must be paid.
 */
public enum SagaStep {
    HOLD_FUNDS, LOCK_ASSET, SETTLE_ON_CHAIN, POST_JOURNAL, PAY_OUT, RELEASE_ASSET, RELEASE_HOLD;

    public boolean isCompensation() {
        return this == RELEASE_ASSET || this == RELEASE_HOLD;
    }
}
