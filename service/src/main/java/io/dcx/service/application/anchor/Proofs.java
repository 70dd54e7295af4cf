package io.dcx.service.application.anchor;

import io.dcx.service.application.port.AnchorChain;
import io.dcx.service.application.port.AnchorStore;
import io.dcx.service.application.port.WorkCatalog;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.anchor.AnchorLeaf;
import io.dcx.service.domain.anchor.MerkleTree;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inclusion proofs: a work's leaf, its position in its anchor, the sibling path and the anchor on the EVM chain.
 * Everything in a proof is public (ids, hashes, chain transaction ids), so every role may read one.
 */
@ApplicationScoped
public class Proofs {
    private final AnchorStore store;
    private final AnchorChain chain;
    private final WorkCatalog works;

    public Proofs(AnchorStore store, AnchorChain chain, WorkCatalog works) {
        this.store = store;
        this.chain = chain;
        this.works = works;
    }

    /** A proof; {@code leafIndex} is the leaf's position among the anchor's {@code anchor.count()} leaves. */
    public record Proof(AnchorStore.StoredLeaf leaf, int leafIndex, List<MerkleTree.Step> path, String root,
            AnchorStore.Anchor anchor) {
    }

    @Transactional
    public Proof ofWork(String workId) {
        Optional<AnchorStore.StoredLeaf> leaf = store.leaf(AnchorLeaf.Kind.WORK, workId);
        if (leaf.isEmpty()) {
            if (works.byId(workId).isEmpty()) {
                throw new DcxException(ErrorCode.WORK_NOT_FOUND, "no work " + workId, Map.of("workId", workId));
            }
            throw pending(workId, "its registration is not recorded as a leaf yet");
        }
        Optional<String> contract = contract();
        Optional<AnchorStore.Anchor> anchor = contract.flatMap(c -> store.anchoredCovering(c, leaf.get().seq()));
        if (anchor.isEmpty()) {
            throw pending(workId, "leaf " + leaf.get().seq() + " is not in an anchor yet");
        }
        AnchorStore.Anchor a = anchor.get();
        List<AnchorStore.StoredLeaf> leaves = store.leaves(a.fromSeq(), a.toSeq());
        MerkleTree tree = new MerkleTree(leaves.stream().map(l -> HexFormat.of().parseHex(l.leafHash())).toList());
        int index = (int) (leaf.get().seq() - a.fromSeq());
        return new Proof(leaf.get(), index, tree.proof(index), tree.rootHex(), a);
    }

    private Optional<String> contract() {
        try {
            return Optional.of(chain.contractAddress());
        } catch (DcxException e) {
            return Optional.empty();
        }
    }

    private static DcxException pending(String workId, String why) {
        return new DcxException(ErrorCode.ANCHOR_PENDING, "work " + workId + " is not anchored yet: " + why,
                Map.of("workId", workId));
    }
}
