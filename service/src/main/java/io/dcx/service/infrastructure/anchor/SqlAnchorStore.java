package io.dcx.service.infrastructure.anchor;

import io.dcx.service.application.port.AnchorStore;
import io.dcx.service.domain.anchor.AnchorLeaf;
import io.dcx.service.infrastructure.kyc.SqlSignalStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Leaves and anchors in PostgreSQL ({@code anchor_leaf}, {@code anchor}; V63). */
@ApplicationScoped
public class SqlAnchorStore implements AnchorStore {
    private static final String ANCHOR_COLUMNS = "id, contract_address, chain_id, status, root, from_seq, to_seq,"
            + " leaf_count, evm_tx_hash, signed_tx, anchor_index, evm_block, evm_block_time, reason, requested_by,"
            + " created_at, anchored_at";
    private static final String LEAF_COLUMNS = "seq, kind, subject_id, canonical, leaf_hash, tx_id, block_number";

    private final EntityManager em;

    public SqlAnchorStore(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean appendLeaf(AnchorLeaf leaf, Instant recordedAt) {
        // One writer (the anchoring consumer) appends, so max + 1 numbers the leaves without gaps; the primary key
        // would refuse a second writer's clash rather than let two leaves share a number.
        return em.createNativeQuery("INSERT INTO anchor_leaf (seq, kind, subject_id, canonical, leaf_hash, tx_id,"
                        + " block_number, recorded_at)"
                        + " SELECT COALESCE(MAX(seq), 0) + 1, ?1, ?2, ?3, ?4, ?5, ?6, ?7 FROM anchor_leaf"
                        + " ON CONFLICT (kind, subject_id) DO NOTHING")
                .setParameter(1, leaf.kind().label())
                .setParameter(2, leaf.subjectId())
                .setParameter(3, leaf.canonical())
                .setParameter(4, leaf.hashHex())
                .setParameter(5, leaf.txId())
                .setParameter(6, leaf.blockNumber())
                .setParameter(7, recordedAt)
                .executeUpdate() == 1;
    }

    @Override
    public Optional<StoredLeaf> leaf(AnchorLeaf.Kind kind, String subjectId) {
        return leafRows(em.createNativeQuery("SELECT " + LEAF_COLUMNS + " FROM anchor_leaf WHERE kind = ?1"
                + " AND subject_id = ?2").setParameter(1, kind.label()).setParameter(2, subjectId))
                .stream().findFirst();
    }

    @Override
    public List<StoredLeaf> leaves(long fromSeq, long toSeq) {
        return leafRows(em.createNativeQuery("SELECT " + LEAF_COLUMNS + " FROM anchor_leaf WHERE seq BETWEEN ?1 AND ?2"
                + " ORDER BY seq").setParameter(1, fromSeq).setParameter(2, toSeq));
    }

    @Override
    public long lastSeq() {
        return ((Number) em.createNativeQuery("SELECT COALESCE(MAX(seq), 0) FROM anchor_leaf").getSingleResult())
                .longValue();
    }

    @Override
    public Optional<Anchor> sent(String contract) {
        return anchors(em.createNativeQuery("SELECT " + ANCHOR_COLUMNS + " FROM anchor WHERE contract_address = ?1"
                + " AND status = 'SENT'").setParameter(1, contract)).stream().findFirst();
    }

    @Override
    public Optional<Anchor> anchoredCovering(String contract, long seq) {
        return anchors(em.createNativeQuery("SELECT " + ANCHOR_COLUMNS + " FROM anchor WHERE contract_address = ?1"
                + " AND status = 'ANCHORED' AND from_seq <= ?2 AND to_seq >= ?2 ORDER BY id DESC LIMIT 1")
                .setParameter(1, contract).setParameter(2, seq)).stream().findFirst();
    }

    @Override
    public Optional<Anchor> byId(long id) {
        return anchors(em.createNativeQuery("SELECT " + ANCHOR_COLUMNS + " FROM anchor WHERE id = ?1")
                .setParameter(1, id)).stream().findFirst();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long insertSent(NewAnchor a) {
        return ((Number) em.createNativeQuery("INSERT INTO anchor (contract_address, chain_id, status, root, from_seq,"
                        + " to_seq, leaf_count, evm_tx_hash, signed_tx, requested_by, created_at)"
                        + " VALUES (?1, ?2, 'SENT', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id")
                .setParameter(1, a.contract())
                .setParameter(2, a.chainId())
                .setParameter(3, a.root())
                .setParameter(4, a.fromSeq())
                .setParameter(5, a.toSeq())
                .setParameter(6, a.leafCount())
                .setParameter(7, a.evmTxHash())
                .setParameter(8, a.signedTx())
                .setParameter(9, a.requestedBy())
                .setParameter(10, a.createdAt())
                .getSingleResult()).longValue();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void markAnchored(long id, long anchorIndex, long evmBlock, Instant evmBlockTime, Instant at) {
        em.createNativeQuery("UPDATE anchor SET status = 'ANCHORED', anchor_index = ?2, evm_block = ?3,"
                        + " evm_block_time = ?4, anchored_at = ?5 WHERE id = ?1 AND status = 'SENT'")
                .setParameter(1, id).setParameter(2, anchorIndex).setParameter(3, evmBlock)
                .setParameter(4, evmBlockTime).setParameter(5, at)
                .executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void markFailed(long id, String reason, Instant at) {
        em.createNativeQuery("UPDATE anchor SET status = 'FAILED', reason = ?2, anchored_at = ?3"
                        + " WHERE id = ?1 AND status = 'SENT'")
                .setParameter(1, id).setParameter(2, reason).setParameter(3, at)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private static List<StoredLeaf> leafRows(Query query) {
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new StoredLeaf(((Number) r[0]).longValue(),
                AnchorLeaf.Kind.valueOf(((String) r[1]).toUpperCase(Locale.ROOT)), (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], ((Number) r[6]).longValue())).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Anchor> anchors(Query query) {
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Anchor(((Number) r[0]).longValue(), (String) r[1],
                ((Number) r[2]).longValue(), (String) r[3], (String) r[4], ((Number) r[5]).longValue(),
                ((Number) r[6]).longValue(), ((Number) r[7]).intValue(), (String) r[8], (String) r[9],
                r[10] == null ? null : ((Number) r[10]).longValue(), r[11] == null ? null : ((Number) r[11]).longValue(),
                r[12] == null ? null : SqlSignalStore.instant(r[12]), (String) r[13], (String) r[14],
                SqlSignalStore.instant(r[15]), r[16] == null ? null : SqlSignalStore.instant(r[16]))).toList();
    }
}
