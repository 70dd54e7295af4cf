package io.dcx.service.api.dto;

import io.dcx.service.application.anchor.Proofs;
import java.util.List;
import java.util.Map;

/**
 * An inclusion proof, self-contained for the standalone verifier ({@code dcx-tools verify-proof}): the leaf's fields
 * (it recomputes the canonical form and the hash from them), its position among the anchor's leaves, the siblings
 * from the leaf up, the root and where the root is on the EVM chain. Format "dcx-proof-v1" (service/AUDIT.md).
 */
public record ProofResponse(String format, Leaf leaf, int leafIndex, int leafCount, List<Step> path, String root,
        Anchor anchor, String algorithm) {
    public static final String FORMAT = "dcx-proof-v1";
    public static final String ALGORITHM = "leaf=SHA-256(0x00||utf8(canonical)); node=SHA-256(0x01||left||right);"
            + " positional pairs; an odd last node is promoted";

    /** The leaf: kind, its fields by name, the canonical text and its hash, and its number among all leaves. */
    public record Leaf(String kind, long seq, Map<String, Object> fields, String canonical, String hash) {
    }

    /** A sibling on the path; side says where it sits ("left" or "right"); the verifier derives it from the index. */
    public record Step(String side, String hash) {
    }

    public record Anchor(long index, String contract, long chainId, long fromSeq, long toSeq, int count,
            String evmTxHash, long evmBlock, String anchoredAt) {
    }

    public static ProofResponse of(Proofs.Proof p) {
        String[] parts = p.leaf().canonical().split("\\|");
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        if ("work".equals(parts[1])) {
            fields.put("workId", parts[2]);
            fields.put("contentHash", parts[3]);
        } else {
            fields.put("tradeId", parts[2]);
            fields.put("assetId", parts[3]);
            fields.put("buyerId", parts[4]);
            fields.put("termsHash", parts[5]);
        }
        fields.put("txId", p.leaf().txId());
        fields.put("blockNumber", p.leaf().blockNumber());
        var a = p.anchor();
        return new ProofResponse(FORMAT, new Leaf(parts[1], p.leaf().seq(), fields, p.leaf().canonical(),
                p.leaf().leafHash()), p.leafIndex(), a.leafCount(),
                p.path().stream().map(s -> new Step(s.siblingOnLeft() ? "left" : "right", s.siblingHash())).toList(),
                p.root(), new Anchor(a.anchorIndex(), a.contract(), a.chainId(), a.fromSeq(), a.toSeq(), a.leafCount(),
                        a.evmTxHash(), a.evmBlock(), a.evmBlockTime() == null ? null : a.evmBlockTime().toString()),
                ALGORITHM);
    }
}
