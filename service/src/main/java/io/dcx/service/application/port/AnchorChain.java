package io.dcx.service.application.port;

import java.time.Instant;
import java.util.Optional;

/**
 * The anchoring contract (DcxAnchor) on an EVM chain, written with the anchoring key. Failures to reach the node are
 * DcxException ANCHOR_CHAIN_UNAVAILABLE.
 */
public interface AnchorChain {
    String contractAddress();

    long chainId();

    /** The first leaf number the contract accepts next (anchors are contiguous). */
    long nextSeq();

    /** Signs {@code anchor(root, fromSeq, toSeq, count)} with the next nonce; nothing is sent yet. */
    Signed sign(String rootHex, long fromSeq, long toSeq, int count);

    /** Broadcasts signed bytes; sending the same bytes again is harmless (the node knows them, or they are mined). */
    void broadcast(String signedTx);

    Optional<Receipt> receipt(String txHash);

    /** What the contract holds at {@code index}, read with eth_call. */
    Optional<OnChain> anchorAt(long index);

    record Signed(String txHash, String signedTx) {
    }

    /** A mined transaction: success with the anchor's index from its Anchored event, or a revert. */
    record Receipt(boolean success, long blockNumber, Instant blockTime, Long anchorIndex) {
    }

    record OnChain(String root, long fromSeq, long toSeq, int count, Instant anchoredAt) {
    }
}
