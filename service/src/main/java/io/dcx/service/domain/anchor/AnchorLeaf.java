package io.dcx.service.domain.anchor;

import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One leaf of the anchoring tree: a work registered or a trade settled on the chain, in a canonical text form that
 * anyone can rebuild from the proof's fields (service/AUDIT.md, "Anchoring and proofs"):
 * <pre>
 *   dcx-leaf-v1|work|&lt;workId&gt;|&lt;contentHash&gt;|&lt;txId&gt;|&lt;blockNumber&gt;
 *   dcx-leaf-v1|trade|&lt;tradeId&gt;|&lt;assetId&gt;|&lt;buyerId&gt;|&lt;termsHash&gt;|&lt;txId&gt;|&lt;blockNumber&gt;
 * </pre>
 * Fields never contain '|' or control characters (ids, lowercase hex hashes and decimal numbers), so the form is
 * unambiguous; a field that would break it is refused here rather than hashed.
 */
public record AnchorLeaf(Kind kind, String subjectId, List<String> fields, String txId, long blockNumber) {
    public static final String VERSION = "dcx-leaf-v1";
    private static final Pattern FIELD = Pattern.compile("[\\x21-\\x7e&&[^|]]{1,200}");

    public enum Kind {
        WORK, TRADE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public AnchorLeaf {
        fields = List.copyOf(fields);
        for (String field : fields) {
            requireField(field);
        }
        requireField(subjectId);
        requireField(txId);
        if (blockNumber < 0) {
            throw new IllegalArgumentException("negative block number");
        }
    }

    public static AnchorLeaf work(String workId, String contentHash, String txId, long blockNumber) {
        return new AnchorLeaf(Kind.WORK, workId, List.of(workId, contentHash), txId, blockNumber);
    }

    public static AnchorLeaf trade(String tradeId, String assetId, String buyerId, String termsHash, String txId,
            long blockNumber) {
        return new AnchorLeaf(Kind.TRADE, tradeId, List.of(tradeId, assetId, buyerId, termsHash), txId, blockNumber);
    }

    public String canonical() {
        return VERSION + "|" + kind.label() + "|" + String.join("|", fields) + "|" + txId + "|" + blockNumber;
    }

    public byte[] hash() {
        return MerkleTree.leafHash(canonical());
    }

    public String hashHex() {
        return HexFormat.of().formatHex(hash());
    }

    private static void requireField(String field) {
        if (field == null || !FIELD.matcher(field).matches()) {
            throw new IllegalArgumentException("a leaf field must be 1..200 printable characters without '|': "
                    + field);
        }
    }
}
