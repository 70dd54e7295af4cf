package io.dcx.service.api.dto;

import java.time.Instant;

/** A registered wallet, its address in EIP-55 spelling; {@code payout} marks the one payouts go to. */
public record WalletResponse(String address, Instant registeredAt, boolean payout) {
}
