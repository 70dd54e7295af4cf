package io.dcx.service.infrastructure.persistence;

import io.dcx.service.application.port.ChainIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** Transaction-to-block index and consumer checkpoints in PostgreSQL. */
@ApplicationScoped
public class PanacheChainIndex implements ChainIndex {
    private final EntityManager em;

    public PanacheChainIndex(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordTransaction(String txId, long blockNumber, Instant committedAt) {
        // Both the submitting request and the event projector record a transaction: first one wins.
        em.createNativeQuery("INSERT INTO chain_tx (tx_id, block_number, committed_at) VALUES (?1, ?2, ?3) "
                        + "ON CONFLICT (tx_id) DO NOTHING")
                .setParameter(1, txId)
                .setParameter(2, blockNumber)
                .setParameter(3, committedAt)
                .executeUpdate();
    }

    @Override
    public Optional<Long> blockOf(String txId) {
        return Optional.ofNullable(em.find(ChainTxEntity.class, txId)).map(tx -> tx.blockNumber);
    }

    @Override
    public long nextBlock(String consumer) {
        ChainCheckpointEntity checkpoint = em.find(ChainCheckpointEntity.class, consumer);
        return checkpoint == null ? 0 : checkpoint.nextBlock;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void advance(String consumer, long nextBlock) {
        em.createNativeQuery("INSERT INTO chain_checkpoint (consumer, next_block, updated_at) VALUES (?1, ?2, now()) "
                        + "ON CONFLICT (consumer) DO UPDATE SET next_block = GREATEST(chain_checkpoint.next_block, "
                        + "EXCLUDED.next_block), updated_at = now()")
                .setParameter(1, consumer)
                .setParameter(2, nextBlock)
                .executeUpdate();
    }
}
