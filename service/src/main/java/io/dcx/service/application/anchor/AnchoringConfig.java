package io.dcx.service.application.anchor;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Anchoring on an EVM chain ({@code dcx.anchoring.*}; service/AUDIT.md, "Anchoring and proofs"). Off unless enabled;
 * the anchoring key comes only from the environment (DCX_ANCHORING_KEY).
 */
@ConfigMapping(prefix = "dcx.anchoring")
public interface AnchoringConfig {
    /** Whether anchors are sent at all (the scheduled job and POST /api/v1/audit/anchors). Leaves are kept anyway. */
    @WithDefault("false")
    boolean enabled();

    /** The EVM node's JSON-RPC endpoint. */
    String rpcUrl();

    /** EIP-155 chain id the anchoring key signs for. */
    @WithDefault("1337")
    long chainId();

    /** The DcxAnchor contract; its owner must be the anchoring key's address. */
    Optional<String> contractAddress();

    /** The anchoring key (hex private key), from DCX_ANCHORING_KEY only. */
    Optional<String> key();

    /** How often the scheduled job anchors (a duration, or "off"); read by the job's @Scheduled expression. */
    @WithDefault("PT10M")
    String interval();

    /** Leaves per anchor at most; more wait for the next run. */
    @WithDefault("10000")
    int maxLeaves();

    /** How long a run waits for the anchor's receipt (the next run resumes a transaction still pending). */
    @WithDefault("20s")
    Duration receiptTimeout();

    /** Timeout of one JSON-RPC call. */
    @WithDefault("5s")
    Duration rpcTimeout();

    /** Gas price, in wei (ganache's default; a real chain would use its fee market). */
    @WithDefault("2000000000")
    long gasPriceWei();

    @WithDefault("200000")
    long gasLimit();
}
