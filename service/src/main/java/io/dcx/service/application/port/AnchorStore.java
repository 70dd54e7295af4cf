package io.dcx.service.application.port;

import io.dcx.service.domain.anchor.AnchorLeaf;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The anchoring leaves ({@code anchor_leaf}) and the anchors sent to the EVM chain ({@code anchor}). */
public interface AnchorStore {
    /** Appends the leaf with the next number unless a leaf of its kind and subject exists; answers whether it did. */
    boolean appendLeaf(AnchorLeaf leaf, Instant recordedAt);

    Optional<StoredLeaf> leaf(AnchorLeaf.Kind kind, String subjectId);

    /** Leaves fromSeq..toSeq inclusive, in order. */
    List<StoredLeaf> leaves(long fromSeq, long toSeq);

    /** The highest leaf number (0 when there is none). */
    long lastSeq();

    /** The anchor of this contract whose transaction is sent and not yet mined, if any. */
    Optional<Anchor> sent(String contract);

    /** The anchored (mined) anchor of this contract whose range holds the leaf. */
    Optional<Anchor> anchoredCovering(String contract, long seq);

    Optional<Anchor> byId(long id);

    long insertSent(NewAnchor anchor);

    void markAnchored(long id, long anchorIndex, long evmBlock, Instant evmBlockTime, Instant at);

    void markFailed(long id, String reason, Instant at);

    record StoredLeaf(long seq, AnchorLeaf.Kind kind, String subjectId, String canonical, String leafHash, String txId,
            long blockNumber) {
    }

    record NewAnchor(String contract, long chainId, String root, long fromSeq, long toSeq, int leafCount,
            String evmTxHash, String signedTx, String requestedBy, Instant createdAt) {
    }

    record Anchor(long id, String contract, long chainId, String status, String root, long fromSeq, long toSeq,
            int leafCount, String evmTxHash, String signedTx, Long anchorIndex, Long evmBlock, Instant evmBlockTime,
            String reason, String requestedBy, Instant createdAt, Instant anchoredAt) {
    }
}
