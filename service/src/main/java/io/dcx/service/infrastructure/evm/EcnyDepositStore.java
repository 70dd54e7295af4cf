package io.dcx.service.infrastructure.evm;

import io.dcx.service.application.money.TokenTransferIn;
import io.dcx.service.application.port.TokenTransfers;
import io.dcx.service.infrastructure.kyc.SqlSignalStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Transfers into the escrow and the scanner's checkpoint ({@code ecny_transfer_in}, {@code ecny_scan_checkpoint}). */
@ApplicationScoped
public class EcnyDepositStore {
    private final EntityManager em;
    private final EcnyConfig config;

    public EcnyDepositStore(EntityManager em, EcnyConfig config) {
        this.em = em;
        this.config = config;
    }

    /** Records a transfer once per (tx hash, log index); answers whether this call recorded it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean insertIfAbsent(String txHash, int logIndex, String token, long blockNumber, String blockHash,
            String from, BigInteger units, String status, String accountId, String note) {
        return em.createNativeQuery("INSERT INTO ecny_transfer_in (tx_hash, log_index, token, block_number, block_hash,"
                        + " from_address, amount_units, status, account_id, note, seen_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS NUMERIC), ?8, ?9, ?10, ?11)"
                        + " ON CONFLICT (tx_hash, log_index) DO NOTHING")
                .setParameter(1, txHash)
                .setParameter(2, logIndex)
                .setParameter(3, token)
                .setParameter(4, blockNumber)
                .setParameter(5, blockHash)
                .setParameter(6, from)
                .setParameter(7, units.toString())
                .setParameter(8, status)
                .setParameter(9, accountId)
                .setParameter(10, note)
                .setParameter(11, Instant.now())
                .executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void linkDeposit(String txHash, int logIndex, String depositId) {
        em.createNativeQuery("UPDATE ecny_transfer_in SET deposit_id = ?1 WHERE tx_hash = ?2 AND log_index = ?3")
                .setParameter(1, depositId).setParameter(2, txHash).setParameter(3, logIndex).executeUpdate();
    }

    public record Checkpoint(long lastBlock, String lastBlockHash, String haltedReason) {
    }

    /** The token's checkpoint, created at dcx.ecny.start-block - 1 on first use; locked with FOR UPDATE. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Checkpoint checkpointForUpdate(String token) {
        em.createNativeQuery("INSERT INTO ecny_scan_checkpoint (token, last_block, updated_at) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT (token) DO NOTHING")
                .setParameter(1, token).setParameter(2, config.startBlock() - 1).setParameter(3, Instant.now())
                .executeUpdate();
        Object[] r = (Object[]) em.createNativeQuery("SELECT last_block, last_block_hash, halted_reason"
                        + " FROM ecny_scan_checkpoint WHERE token = ?1 FOR UPDATE")
                .setParameter(1, token).getSingleResult();
        return new Checkpoint(((Number) r[0]).longValue(), (String) r[1], (String) r[2]);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void advance(String token, long lastBlock, String lastBlockHash) {
        em.createNativeQuery("UPDATE ecny_scan_checkpoint SET last_block = ?1, last_block_hash = ?2, updated_at = ?3"
                        + " WHERE token = ?4")
                .setParameter(1, lastBlock).setParameter(2, lastBlockHash).setParameter(3, Instant.now())
                .setParameter(4, token).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void halt(String token, String reason) {
        em.createNativeQuery("UPDATE ecny_scan_checkpoint SET halted_reason = ?1, updated_at = ?2 WHERE token = ?3")
                .setParameter(1, reason).setParameter(2, Instant.now()).setParameter(3, token).executeUpdate();
    }

    /** Moves the checkpoint back to {@code block - 1} and clears a halt (an operator's decision after a reorg). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rewind(String token, long block) {
        checkpointForUpdate(token);
        em.createNativeQuery("UPDATE ecny_scan_checkpoint SET last_block = ?1, last_block_hash = NULL,"
                        + " halted_reason = NULL, updated_at = ?2 WHERE token = ?3")
                .setParameter(1, block - 1).setParameter(2, Instant.now()).setParameter(3, token).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<TokenTransferIn> inState(String status, int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT tx_hash, log_index, block_number, from_address,"
                        + " amount_units::text, status, account_id, deposit_id, note, seen_at FROM ecny_transfer_in"
                        + " WHERE status = ?1 ORDER BY seen_at DESC, tx_hash, log_index LIMIT ?2")
                .setParameter(1, status).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new TokenTransferIn((String) r[0], ((Number) r[1]).intValue(),
                ((Number) r[2]).longValue(), (String) r[3], (String) r[4], (String) r[5], (String) r[6],
                (String) r[7], (String) r[8], SqlSignalStore.instant(r[9]))).toList();
    }

    @SuppressWarnings("unchecked")
    public Optional<TokenTransfers.ScanState> scanState() {
        String token = config.tokenAddress().filter(t -> !t.isBlank()).map(t -> t.toLowerCase(Locale.ROOT)).orElse(null);
        if (token == null) {
            return Optional.empty();
        }
        List<Object[]> rows = em.createNativeQuery("SELECT last_block, last_block_hash, halted_reason"
                        + " FROM ecny_scan_checkpoint WHERE token = ?1")
                .setParameter(1, token).getResultList();
        return rows.stream().findFirst().map(r -> new TokenTransfers.ScanState(token, ((Number) r[0]).longValue(), (String) r[1],
                (String) r[2]));
    }
}
