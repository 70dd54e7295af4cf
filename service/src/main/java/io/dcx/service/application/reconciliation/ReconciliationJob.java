package io.dcx.service.application.reconciliation;

import io.dcx.service.application.audit.Actor;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs the reconciliation every {@code dcx.reconciliation.interval} (PT1H; {@code off} in tests), the first five minutes
 * after start, as the exchange; a run with differences is logged as a warning (the report is stored and audited).
 */
@ApplicationScoped
public class ReconciliationJob {
    private static final Logger LOG = Logger.getLogger(ReconciliationJob.class);

    private final Reconciliation reconciliation;

    public ReconciliationJob(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Scheduled(every = "${dcx.reconciliation.interval:PT1H}", delay = 5, delayUnit = TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            ReconciliationReport report = reconciliation.run(new Actor(Actor.SYSTEM, "reconciliation-"
                    + UUID.randomUUID()), ReconciliationReport.Trigger.SCHEDULED, LedgerIdentity.EXCHANGE);
            if (report.clean()) {
                LOG.infof("reconciliation %s clean: %s", report.id(), report.counts());
            } else {
                LOG.warnf("reconciliation %s found %d differences: %s", report.id(), report.differenceCount(),
                        report.counts());
            }
        } catch (RuntimeException e) {
            LOG.warn("the scheduled reconciliation failed; it runs again at the next interval", e);
        }
    }
}
