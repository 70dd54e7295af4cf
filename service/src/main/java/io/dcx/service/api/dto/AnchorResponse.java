package io.dcx.service.api.dto;

import io.dcx.service.application.port.AnchorStore;
import java.time.Instant;

/** An anchor: the Merkle root over leaves fromSeq..toSeq and its transaction on the EVM chain. */
public record AnchorResponse(long id, String status, Long index, String root, long fromSeq, long toSeq, int count,
        String contract, long chainId, String evmTxHash, Long evmBlock, Instant evmBlockTime, Instant createdAt,
        Instant anchoredAt, String reason) {
    public static AnchorResponse of(AnchorStore.Anchor a) {
        return new AnchorResponse(a.id(), a.status(), a.anchorIndex(), a.root(), a.fromSeq(), a.toSeq(), a.leafCount(),
                a.contract(), a.chainId(), a.evmTxHash(), a.evmBlock(), a.evmBlockTime(), a.createdAt(),
                a.anchoredAt(), a.reason());
    }
}
