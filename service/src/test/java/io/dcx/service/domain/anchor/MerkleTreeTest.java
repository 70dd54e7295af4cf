package io.dcx.service.domain.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MerkleTreeTest {
    private static final HexFormat HEX = HexFormat.of();

    private static List<byte[]> leaves(int n) {
        return IntStream.range(0, n).mapToObj(i -> AnchorLeaf.work("w" + i, "%064x".formatted(i), "tx" + i, i).hash())
                .toList();
    }

    private static List<byte[]> siblings(List<MerkleTree.Step> steps) {
        return steps.stream().map(s -> HEX.parseHex(s.siblingHash())).toList();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 8})
    void everyLeafsProofFoldsToTheRootAndNothingElseDoes(int n) {
        List<byte[]> leaves = leaves(n);
        MerkleTree tree = new MerkleTree(leaves);
        for (int i = 0; i < n; i++) {
            List<byte[]> path = siblings(tree.proof(i));
            assertThat(MerkleTree.fold(leaves.get(i), i, n, path)).as("leaf %d of %d", i, n).isEqualTo(tree.root());
            // Another leaf, another position, a flipped bit in a sibling or a wrong count do not reach the root.
            byte[] other = AnchorLeaf.work("x", "0".repeat(64), "tx", 1).hash();
            assertThat(MerkleTree.fold(other, i, n, path)).isNotEqualTo(tree.root());
            if (n > 1) {
                assertThat(MerkleTree.fold(leaves.get(i), (i + 1) % n, n, path)).isNotEqualTo(tree.root());
                List<byte[]> tampered = new ArrayList<>(path);
                byte[] first = tampered.get(0).clone();
                first[0] ^= 1;
                tampered.set(0, first);
                assertThat(MerkleTree.fold(leaves.get(i), i, n, tampered)).isNotEqualTo(tree.root());
                assertThat(MerkleTree.fold(leaves.get(i), i, n, path.subList(1, path.size()))).isNull();
            }
            assertThat(MerkleTree.fold(leaves.get(i), n, n, path)).isNull();
        }
    }

    @Test
    void shapesAreTheDocumentedOnes() {
        List<byte[]> l = leaves(3);
        assertThat(new MerkleTree(l.subList(0, 1)).root()).isEqualTo(l.get(0));
        assertThat(new MerkleTree(l.subList(0, 2)).root()).isEqualTo(MerkleTree.node(l.get(0), l.get(1)));
        // Three leaves: the third is promoted, not paired with a copy of itself.
        assertThat(new MerkleTree(l).root()).isEqualTo(MerkleTree.node(MerkleTree.node(l.get(0), l.get(1)), l.get(2)));
        assertThat(new MerkleTree(List.of(l.get(0), l.get(1), l.get(2), l.get(2))).root())
                .isNotEqualTo(new MerkleTree(l).root());
        // Positional, not sorted: swapping two leaves changes the root.
        assertThat(new MerkleTree(List.of(l.get(1), l.get(0))).root()).isNotEqualTo(new MerkleTree(l.subList(0, 2)).root());
        assertThat(new MerkleTree(l).proof(2)).hasSize(1).first()
                .extracting(MerkleTree.Step::siblingOnLeft).isEqualTo(true);
        assertThatThrownBy(() -> new MerkleTree(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leavesHaveACanonicalForm() {
        AnchorLeaf work = AnchorLeaf.work("W-1", "ab".repeat(32), "tx1", 7);
        assertThat(work.canonical()).isEqualTo("dcx-leaf-v1|work|W-1|" + "ab".repeat(32) + "|tx1|7");
        AnchorLeaf trade = AnchorLeaf.trade("T-1", "A-1", "acc-b", "cd".repeat(32), "tx2", 9);
        assertThat(trade.canonical()).isEqualTo("dcx-leaf-v1|trade|T-1|A-1|acc-b|" + "cd".repeat(32) + "|tx2|9");
        // Leaf hash = SHA-256(0x00 || canonical): a known vector.
        assertThat(HEX.formatHex(MerkleTree.leafHash("dcx-leaf-v1|work|W-1|x|tx1|7")))
                .isEqualTo(HEX.formatHex(sha256("\0dcx-leaf-v1|work|W-1|x|tx1|7")));
        assertThatThrownBy(() -> AnchorLeaf.work("W|1", "ab", "tx", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnchorLeaf.work("W 1", "ab", "tx", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
