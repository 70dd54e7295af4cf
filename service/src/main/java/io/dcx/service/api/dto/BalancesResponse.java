package io.dcx.service.api.dto;

import io.dcx.service.application.money.Balances;

/** Balances in fen: {@code available} to use, {@code held} for trades and withdrawals in progress. */
public record BalancesResponse(long available, long held, String currency) {
    public static BalancesResponse of(Balances.AccountBalances b) {
        return new BalancesResponse(b.available().fen(), b.held().fen(), b.available().currency());
    }
}
