package io.dcx.service.api.dto;

/** A wallet to register: {@code address}, 0x and 40 hex digits (mixed case must be a valid EIP-55 checksum). */
public record WalletRequest(String address) {
}
