package io.dcx.service.infrastructure.evm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The e-CNY token rail ({@code dcx.ecny.*}); off unless enabled. The escrow key comes only from the environment. */
@ConfigMapping(prefix = "dcx.ecny")
public interface EcnyConfig {
    /** Whether the rail runs at all: its deposit watcher, its payouts. Off, nothing of it starts. */
    @WithDefault("false")
    boolean enabled();

    /** The EVM node's JSON-RPC endpoint. */
    String rpcUrl();

    /** EIP-155 chain id the escrow signs for. */
    @WithDefault("1337")
    long chainId();

    /** The token contract (ECnyToken). */
    Optional<String> tokenAddress();

    /** The escrow account's private key (hex), from DCX_ECNY_ESCROW_KEY only. */
    Optional<String> escrowKey();

    /** A transfer is credited once its block has this many confirmations (its own block counts as one). */
    @WithDefault("2")
    int confirmations();

    /** How often the deposit watcher scans. */
    @WithDefault("5s")
    Duration pollInterval();

    /** The first block the watcher scans when a token has no checkpoint yet. */
    @WithDefault("0")
    long startBlock();

    /** The most blocks one scan covers (eth_getLogs range). */
    @WithDefault("2000")
    int scanMaxBlocks();

    /**
     * How long a payout waits for its receipt before answering PAYMENT_RAIL_UNAVAILABLE (retry resumes it). Short:
     * the wait holds a database connection, and {@link PayoutRebroadcaster} sees a slow payout through anyway.
     */
    @WithDefault("5s")
    Duration receiptTimeout();

    /** How often {@link PayoutRebroadcaster} looks at payouts not yet mined. */
    @WithDefault("5s")
    Duration rebroadcastInterval();

    /** Timeout of one JSON-RPC call. */
    @WithDefault("5s")
    Duration rpcTimeout();

    /** Gas price of payouts, in wei (ganache's default; a real chain would use its fee market). */
    @WithDefault("2000000000")
    long gasPriceWei();

    /** Gas limit of a token transfer. */
    @WithDefault("100000")
    long gasLimit();
}
