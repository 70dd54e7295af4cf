package io.dcx.service.infrastructure.evm;

import io.dcx.service.domain.DcxException;
import io.dcx.service.infrastructure.evm.EcnyPayoutStore.Payout;
import io.dcx.service.infrastructure.evm.EcnyPayoutStore.Status;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sees every payout the escrow signed through to its receipt, whatever happened to the node or to the request that
 * signed it. An EVM node that restarts forgets the transactions in its pool, and a payout signed while the node was
 * away may never have reached it; the escrow's nonces are one sequence, so one missing transaction keeps every
 * later payout from being mined. Each round ({@code dcx.ecny.rebroadcast-interval}), in nonce order:
 * <ul>
 *   <li>a payout with a receipt is marked MINED or REVERTED (the saga waiting on it then finishes at once);</li>
 *   <li>a payout without one whose nonce the chain has already used (for another transaction) is marked ABANDONED:
 *       its payer signs it anew, after checking once more that it was not mined ({@link TokenPaymentRail});</li>
 *   <li>any other is sent again (the node answers "already known" when it has it);</li>
 *   <li>a nonce below the highest live payout that no payout holds (one given back by a payout abandoned after
 *       later ones were signed) is used up by a transaction that does nothing, so that the later ones can be
 *       mined.</li>
 * </ul>
 */
@ApplicationScoped
public class PayoutRebroadcaster {
    private static final Logger LOG = Logger.getLogger(PayoutRebroadcaster.class);
    /** A payout signed this recently is being sent by its own request; leave it to that request. */
    private static final Duration FRESH = Duration.ofSeconds(5);

    private final EcnyConfig config;
    private final EvmNode node;
    private final EcnyPayoutStore payouts;
    private final TokenPaymentRail rail;
    private final Scheduler scheduler;

    public PayoutRebroadcaster(EcnyConfig config, EvmNode node, EcnyPayoutStore payouts, TokenPaymentRail rail,
            Scheduler scheduler) {
        this.config = config;
        this.node = node;
        this.payouts = payouts;
        this.rail = rail;
        this.scheduler = scheduler;
    }

    /** What one round did. */
    public record Round(int mined, int reverted, int abandoned, int resent, List<Long> filled) {
    }

    /** Schedules the rounds only when the rail is enabled. */
    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        scheduler.newJob("ecny-payout-rebroadcaster")
                .setInterval(config.rebroadcastInterval().toSeconds() + "s")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> roundQuietly())
                .schedule();
    }

    private void roundQuietly() {
        try {
            Round round = round();
            if (round.abandoned() + round.resent() + round.filled().size() > 0) {
                LOG.infof("e-CNY payouts: %s", round);
            }
        } catch (DcxException e) {
            LOG.debugf("e-CNY payout round stopped: %s", e.getMessage());
        }
    }

    /** One round (the scheduler calls it; tests may too). PAYMENT_RAIL_UNAVAILABLE when the node is away. */
    public synchronized Round round() {
        rail.requireEnabled();
        String escrow = rail.escrowAddress();
        // The mined count first: a transaction without a receipt below it lost its nonce to another one.
        long mined = node.minedNonce(escrow);
        int minedNow = 0;
        int reverted = 0;
        int abandoned = 0;
        int resent = 0;
        List<Long> pending = new ArrayList<>();
        Instant fresh = Instant.now().minus(FRESH);
        for (Payout payout : payouts.unfinished(escrow)) {
            var outcome = rail.outcomeOf(payout);
            if (outcome.isPresent()) {
                if (outcome.get().completed()) {
                    minedNow++;
                } else {
                    reverted++;
                }
                continue;
            }
            if (payout.nonce() < mined) {
                LOG.warnf("payout %s (%s): nonce %d was used by another transaction; it will be signed again",
                        payout.reference(), payout.txHash(), payout.nonce());
                payouts.mark(payout.reference(), Status.ABANDONED, null);
                abandoned++;
                continue;
            }
            pending.add(payout.nonce());
            if (payout.status() == Status.SIGNED && payout.createdAt().isAfter(fresh)) {
                continue;
            }
            try {
                node.sendRaw(payout.rawTx());
            } catch (EvmNode.NodeRefused e) {
                LOG.debugf("payout %s sent again: %s", payout.reference(), e.getMessage());
            }
            if (payout.status() == Status.SIGNED) {
                payouts.mark(payout.reference(), Status.SENT, null);
            }
            resent++;
        }
        return new Round(minedNow, reverted, abandoned, resent, fillGaps(escrow, mined, pending));
    }

    /** Uses up every nonce from {@code mined} to the highest pending payout's that no payout holds. */
    private List<Long> fillGaps(String escrow, long mined, List<Long> pending) {
        List<Long> filled = new ArrayList<>();
        long next = mined;
        for (long nonce : pending) {
            for (; next < nonce; next++) {
                long gap = next;
                boolean sent = payouts.withFreeNonce(escrow, gap, () -> {
                    try {
                        node.sendRaw(rail.signNonceFiller(gap));
                    } catch (EvmNode.NodeRefused e) {
                        // Something holds the nonce after all (a transaction the node has and we do not).
                        LOG.debugf("nonce %d filler refused: %s", gap, e.getMessage());
                    }
                });
                if (sent) {
                    LOG.warnf("escrow nonce %d was free below pending payouts; filled it", gap);
                    filled.add(gap);
                }
            }
            next = Math.max(next, nonce + 1);
        }
        return filled;
    }
}
