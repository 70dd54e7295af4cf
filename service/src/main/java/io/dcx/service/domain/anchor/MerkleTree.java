package io.dcx.service.domain.anchor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle tree of an anchor (service/AUDIT.md, "Anchoring and proofs"): SHA-256, positional pairs (a node's
 * children stay in leaf order, never sorted), and an odd node at the end of a level is promoted unchanged to the
 * next level (never paired with a copy of itself, so two different leaf lists can never share a root). Leaves and
 * inner nodes are hashed with different one-byte prefixes (0x00 and 0x01, as in RFC 6962), so an inner node can
 * never pass for a leaf.
 */
public final class MerkleTree {
    private static final HexFormat HEX = HexFormat.of();
    private final List<byte[][]> levels;

    /** One step of an inclusion proof: the sibling's hash and whether it sits to the left of the running hash. */
    public record Step(boolean siblingOnLeft, String siblingHash) {
    }

    /** Builds the tree over leaf hashes (32 bytes each, in leaf order); at least one leaf. */
    public MerkleTree(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            throw new IllegalArgumentException("a Merkle tree needs at least one leaf");
        }
        levels = new ArrayList<>();
        byte[][] level = leafHashes.toArray(new byte[0][]);
        levels.add(level);
        while (level.length > 1) {
            byte[][] up = new byte[(level.length + 1) / 2][];
            for (int i = 0; i < up.length; i++) {
                up[i] = 2 * i + 1 < level.length ? node(level[2 * i], level[2 * i + 1]) : level[2 * i];
            }
            levels.add(up);
            level = up;
        }
    }

    public int size() {
        return levels.get(0).length;
    }

    public byte[] root() {
        return levels.get(levels.size() - 1)[0].clone();
    }

    public String rootHex() {
        return HEX.formatHex(levels.get(levels.size() - 1)[0]);
    }

    /** The siblings from the leaf up to the root; levels where the running node is promoted have no step. */
    public List<Step> proof(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("leaf " + index + " of " + size());
        }
        List<Step> steps = new ArrayList<>();
        int i = index;
        for (int l = 0; l < levels.size() - 1; l++) {
            byte[][] level = levels.get(l);
            int sibling = i ^ 1;
            if (sibling < level.length) {
                steps.add(new Step(sibling < i, HEX.formatHex(level[sibling])));
            }
            i /= 2;
        }
        return steps;
    }

    /**
     * Folds a proof: the root a leaf at {@code index} of a tree of {@code count} leaves has with these siblings.
     * The sides come from the index and the count (a proof's own "left/right" labels are not trusted); a path of
     * the wrong length for the position answers null.
     */
    public static byte[] fold(byte[] leafHash, long index, long count, List<byte[]> siblings) {
        if (count < 1 || index < 0 || index >= count) {
            return null;
        }
        byte[] running = leafHash;
        int used = 0;
        long i = index;
        long width = count;
        while (width > 1) {
            long sibling = i ^ 1;
            if (sibling < width) {
                if (used == siblings.size()) {
                    return null;
                }
                byte[] other = siblings.get(used++);
                running = sibling < i ? node(other, running) : node(running, other);
            }
            i /= 2;
            width = (width + 1) / 2;
        }
        return used == siblings.size() ? running : null;
    }

    /** SHA-256(0x00 || UTF-8 of the leaf's canonical form). */
    public static byte[] leafHash(String canonical) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        sha.update(canonical.getBytes(StandardCharsets.UTF_8));
        return sha.digest();
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
