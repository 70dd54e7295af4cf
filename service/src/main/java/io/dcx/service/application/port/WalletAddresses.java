package io.dcx.service.application.port;

/**
 * EVM address rules (EIP-55 needs Keccak-256, which the JDK does not have, so an adapter implements them).
 */
public interface WalletAddresses {
    /**
     * The address in lower case ({@code 0x} + 40 hex) if it is one: all lower or all upper case, or mixed case with
     * a correct EIP-55 checksum. INVALID_WALLET_ADDRESS otherwise (also for the zero address).
     */
    String canonical(String raw);

    /** The EIP-55 mixed-case spelling of a canonical address, for display. */
    String checksummed(String canonical);
}
