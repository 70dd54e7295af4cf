package io.dcx.service.infrastructure.evm;

import io.dcx.service.infrastructure.kyc.SqlSignalStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Payouts from the escrow ({@code ecny_payout}). Every write commits on its own (REQUIRES_NEW), independent of the
 * withdrawal's transaction: the signed transaction must be on disk before it is broadcast, and must stay there
 * even if the withdrawal's transaction rolls back afterwards, so that a retry re-sends it instead of signing a
 * second one.
 */
@ApplicationScoped
public class EcnyPayoutStore {
    private static final String COLUMNS = "reference, account_id, to_address, amount_fen, escrow, nonce, tx_hash,"
            + " raw_tx, status, created_at";

    private final EntityManager em;

    public EcnyPayoutStore(EntityManager em) {
        this.em = em;
    }

    public enum Status {
        SIGNED, SENT, MINED, REVERTED, ABANDONED
    }

    public record Payout(String reference, String accountId, String toAddress, long amountFen, String escrow,
            long nonce, String txHash, String rawTx, Status status, Instant createdAt) {
    }

    /** A transaction signed for a nonce. */
    public record Signed(String txHash, String rawTx) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public Optional<Payout> find(String reference) {
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM ecny_payout WHERE reference = ?1")
                .setParameter(1, reference)
                .getResultList();
        return rows.stream().findFirst().map(EcnyPayoutStore::payout);
    }

    private static Payout payout(Object[] r) {
        return new Payout((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue(), (String) r[4],
                ((Number) r[5]).longValue(), (String) r[6], (String) r[7], Status.valueOf((String) r[8]),
                SqlSignalStore.instant(r[9]));
    }

    /**
     * Allocates a nonce of the escrow, signs with it and stores the payout as SIGNED, replacing an ABANDONED one of
     * the same reference; commits before returning. The nonce is the lowest one from the node's pending count up
     * that no live payout holds: so a nonce an abandoned payout gave back is used again, instead of leaving a gap
     * that would keep every later payout from being mined. Serialised per escrow by an advisory lock.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Payout prepare(String reference, String accountId, String toAddress, long amountFen, String escrow,
            long nodePendingNonce, LongFunction<Signed> signer) {
        lockEscrow(escrow);
        long nonce = nodePendingNonce;
        for (long taken : liveNoncesFrom(escrow, nodePendingNonce)) {
            if (taken != nonce) {
                break;
            }
            nonce++;
        }
        Signed signed = signer.apply(nonce);
        Instant now = Instant.now();
        int written = em.createNativeQuery("INSERT INTO ecny_payout (reference, account_id, to_address, amount_fen,"
                        + " escrow, nonce, tx_hash, raw_tx, status, created_at, updated_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'SIGNED', ?9, ?9)"
                        + " ON CONFLICT (reference) DO UPDATE SET account_id = EXCLUDED.account_id,"
                        + " to_address = EXCLUDED.to_address, amount_fen = EXCLUDED.amount_fen, escrow = EXCLUDED.escrow,"
                        + " nonce = EXCLUDED.nonce, tx_hash = EXCLUDED.tx_hash, raw_tx = EXCLUDED.raw_tx,"
                        + " status = 'SIGNED', updated_at = EXCLUDED.updated_at WHERE ecny_payout.status = 'ABANDONED'")
                .setParameter(1, reference)
                .setParameter(2, accountId)
                .setParameter(3, toAddress)
                .setParameter(4, amountFen)
                .setParameter(5, escrow)
                .setParameter(6, nonce)
                .setParameter(7, signed.txHash())
                .setParameter(8, signed.rawTx())
                .setParameter(9, now)
                .executeUpdate();
        if (written != 1) {
            throw new IllegalStateException("payout " + reference + " was prepared concurrently");
        }
        return new Payout(reference, accountId, toAddress, amountFen, escrow, nonce, signed.txHash(), signed.rawTx(),
                Status.SIGNED, now);
    }

    /**
     * Runs {@code send} with {@code nonce} while no payout can be prepared, if no live payout holds that nonce;
     * answers whether it ran. For the transaction that fills a gap in the escrow's nonces.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean withFreeNonce(String escrow, long nonce, Runnable send) {
        lockEscrow(escrow);
        List<Long> taken = liveNoncesFrom(escrow, nonce);
        if (!taken.isEmpty() && taken.get(0) == nonce) {
            return false;
        }
        send.run();
        return true;
    }

    /** The escrow's payouts signed or sent but not known to be mined, by nonce. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public List<Payout> unfinished(String escrow) {
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM ecny_payout WHERE escrow = ?1"
                        + " AND status IN ('SIGNED', 'SENT') ORDER BY nonce")
                .setParameter(1, escrow)
                .getResultList();
        return rows.stream().map(EcnyPayoutStore::payout).toList();
    }

    private void lockEscrow(String escrow) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('ecny-escrow:' || ?1))")
                .setParameter(1, escrow).getSingleResult();
    }

    @SuppressWarnings("unchecked")
    private List<Long> liveNoncesFrom(String escrow, long from) {
        List<Number> rows = em.createNativeQuery("SELECT nonce FROM ecny_payout WHERE escrow = ?1 AND nonce >= ?2"
                        + " AND status <> 'ABANDONED' ORDER BY nonce")
                .setParameter(1, escrow).setParameter(2, from)
                .getResultList();
        return rows.stream().map(Number::longValue).toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void mark(String reference, Status status, Long blockNumber) {
        em.createNativeQuery("UPDATE ecny_payout SET status = ?1, block_number = coalesce(CAST(?2 AS BIGINT), block_number),"
                        + " updated_at = ?3 WHERE reference = ?4")
                .setParameter(1, status.name())
                .setParameter(2, blockNumber)
                .setParameter(3, Instant.now())
                .setParameter(4, reference)
                .executeUpdate();
    }
}
