package io.dcx.service.application.board;

import io.dcx.service.application.port.TradeStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Resumes settlements that a crashed or interrupted runner left SETTLING (their lease expired), on a schedule
 * ({@code dcx.board.recovery-interval}; off in tests, which call {@link #resumeAll} themselves).
 */
@ApplicationScoped
public class SettlementRecovery {
    private static final Logger LOG = Logger.getLogger(SettlementRecovery.class);

    private final TradeStore trades;
    private final SettlementSaga saga;

    public SettlementRecovery(TradeStore trades, SettlementSaga saga) {
        this.trades = trades;
        this.saga = saga;
    }

    @Scheduled(every = "${dcx.board.recovery-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        resumeAll();
    }

    /** Runs every resumable trade once; answers how many it ran. */
    public int resumeAll() {
        List<String> ids = trades.resumable(Instant.now(), 100);
        for (String id : ids) {
            try {
                saga.run(id);
            } catch (RuntimeException e) {
                LOG.errorf(e, "resuming trade %s failed; it stays SETTLING and is tried again", id);
            }
        }
        return ids.size();
    }
}
