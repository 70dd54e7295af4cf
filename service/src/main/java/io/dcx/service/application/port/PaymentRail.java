package io.dcx.service.application.port;

import io.dcx.service.domain.money.Money;

/**
 * A way money enters and leaves the exchange: the internal cash rail (simulated bank transfers) by default, an
 * e-CNY-style token rail later. The rail's cash is mirrored in the book account {@code rail:<name>:clearing}.
 */
public interface PaymentRail {
    /** Short lower-case name, part of the clearing account's code. */
    String name();

    /** Collects a customer's transfer in; {@code reference} is the deposit id (idempotent on the rail's side). */
    Transfer collect(String accountId, Money amount, String reference);

    /** Pays out to the customer's verified bank account; {@code reference} is the withdrawal id. */
    Transfer payOut(String accountId, Money amount, String reference);

    /** The rail's answer: its own reference and whether the money moved. */
    record Transfer(String railReference, boolean completed, String failure) {
    }
}
