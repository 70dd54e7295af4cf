package io.dcx.service.application.audit;

import io.dcx.service.application.port.AuditTrail;
import io.dcx.service.domain.audit.AuditChain;
import io.dcx.service.domain.audit.AuditEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Seals committed audit rows into the hash chain, in batches, soon after they commit
 * ({@code dcx.audit.seal-interval}, 1 s). Rows are sealed in id order among those committed; a row whose
 * transaction commits late is sealed later, with a later seq, so the chain's order is the order of sealing. Sealers
 * lock the chain's head, so several service instances never fork the chain.
 */
@ApplicationScoped
public class AuditSealer {
    private static final int BATCH = 1000;

    private final AuditTrail trail;

    public AuditSealer(AuditTrail trail) {
        this.trail = trail;
    }

    @Scheduled(every = "${dcx.audit.seal-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sealAll();
    }

    /** Seals everything committed so far; answers how many rows it sealed. */
    public int sealAll() {
        int total = 0;
        while (true) {
            int sealed = QuarkusTransaction.requiringNew().call(this::sealBatch);
            total += sealed;
            if (sealed < BATCH) {
                return total;
            }
        }
    }

    private int sealBatch() {
        AuditTrail.Head head = trail.lockHead();
        List<AuditEntry> rows = trail.unsealed(BATCH);
        long seq = head.seq();
        String prev = head.hash();
        Instant now = Instant.now();
        for (AuditEntry row : rows) {
            seq++;
            String hash = AuditChain.hashOf(seq, row, prev);
            trail.seal(row.id(), seq, prev, hash, now);
            prev = hash;
        }
        return rows.size();
    }
}
