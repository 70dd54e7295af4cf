package io.dcx.service.application.board;

import io.dcx.service.domain.money.Money;

/**
 * Pays a seller's proceeds out through a payment rail right after settlement (the e-CNY token rail pays the seller
 * from the exchange's escrow). Idempotent per {@code reference}. On the internal rail the proceeds simply stay in the
 * seller's available balance and nothing is called.
 */
public interface SellerPayouts {
    /** Answers the rail's reference for the payout. */
    String payOut(String accountId, Money amount, String rail, String reference);
}
