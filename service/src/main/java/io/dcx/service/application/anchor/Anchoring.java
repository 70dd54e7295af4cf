package io.dcx.service.application.anchor;

import io.dcx.service.application.audit.Actor;
import io.dcx.service.application.port.AnchorChain;
import io.dcx.service.application.port.AnchorStore;
import io.dcx.service.application.port.AuditLog;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.anchor.MerkleTree;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Anchors the leaves recorded since the last anchor: their Merkle root goes to the DcxAnchor contract in one
 * transaction signed with the anchoring key. Runs on a schedule ({@code dcx.anchoring.interval}) and on an operator's
 * request (POST /api/v1/audit/anchors); one run at a time.
 *
 * <p>Crash safety: the signed transaction is stored (anchor SENT) and audited before it is broadcast, and a run
 * first finishes an anchor left SENT by broadcasting the same bytes again and reading its receipt. The range starts
 * at the contract's own {@code nextSeq}, so the database can never anchor a range twice or skip one.
 */
@ApplicationScoped
public class Anchoring {
    private static final Logger LOG = Logger.getLogger(Anchoring.class);

    private final AnchoringConfig config;
    private final AnchorStore store;
    private final AnchorChain chain;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    public Anchoring(AnchoringConfig config, AnchorStore store, AnchorChain chain, AuditLog audit) {
        this.config = config;
        this.store = store;
        this.chain = chain;
        this.audit = audit;
    }

    /** What a run did: the anchor it sent or finished (null when there was nothing to anchor), and leaves waiting. */
    public record Run(AnchorStore.Anchor anchor, long pendingLeaves) {
    }

    @Scheduled(every = "${dcx.anchoring.interval:PT10M}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        if (!config.enabled()) {
            return;
        }
        try {
            Run run = anchorNow(new Actor(Actor.SYSTEM, "anchoring-job"));
            if (run.anchor() != null) {
                LOG.infof("anchor %d: %s over leaves %d..%d (%s)", run.anchor().id(), run.anchor().root(),
                        run.anchor().fromSeq(), run.anchor().toSeq(), run.anchor().status());
            }
        } catch (DcxException e) {
            LOG.warnf("anchoring run failed: %s", e.getMessage());
        }
    }

    /** Anchors now: finishes an anchor still in flight, then sends one over the leaves not anchored yet. */
    public synchronized Run anchorNow(Actor actor) {
        if (!config.enabled()) {
            throw new DcxException(ErrorCode.ANCHORING_DISABLED,
                    "anchoring is off (dcx.anchoring.enabled=false; DCX_EVM=ganache ./dcx up turns it on)");
        }
        String contract = chain.contractAddress();
        Optional<AnchorStore.Anchor> inFlight = QuarkusTransaction.requiringNew().call(() -> store.sent(contract));
        AnchorStore.Anchor finished = null;
        if (inFlight.isPresent()) {
            chain.broadcast(inFlight.get().signedTx());
            finished = settle(inFlight.get(), actor);
            if ("SENT".equals(finished.status())) {
                return new Run(finished, pending(contract));
            }
        }
        long fromSeq = chain.nextSeq();
        AnchorStore.Anchor sent = QuarkusTransaction.requiringNew().call(() -> prepare(contract, fromSeq, actor));
        if (sent == null) {
            // Nothing new: answer the anchor this run finished, if any.
            return new Run(finished, 0);
        }
        chain.broadcast(sent.signedTx());
        AnchorStore.Anchor settled = settle(sent, actor);
        return new Run(settled, pending(contract));
    }

    private long pending(String contract) {
        long next = chain.nextSeq();
        return Math.max(0, QuarkusTransaction.requiringNew().call(store::lastSeq) - next + 1);
    }

    private AnchorStore.Anchor prepare(String contract, long fromSeq, Actor actor) {
        long last = store.lastSeq();
        if (last < fromSeq) {
            return null;
        }
        long toSeq = Math.min(last, fromSeq + config.maxLeaves() - 1);
        List<AnchorStore.StoredLeaf> leaves = store.leaves(fromSeq, toSeq);
        if (leaves.size() != toSeq - fromSeq + 1) {
            throw new IllegalStateException("anchor_leaf has gaps between " + fromSeq + " and " + toSeq);
        }
        MerkleTree tree = new MerkleTree(leaves.stream().map(l -> HexFormat.of().parseHex(l.leafHash())).toList());
        AnchorChain.Signed signed = chain.sign(tree.rootHex(), fromSeq, toSeq, leaves.size());
        var now = clock.instant();
        long id = store.insertSent(new AnchorStore.NewAnchor(contract, chain.chainId(), tree.rootHex(), fromSeq, toSeq,
                leaves.size(), signed.txHash(), signed.signedTx(), actor.accountId(), now));
        audit.record(new AuditLog.Event(now, actor.accountId(), "ANCHOR_SENT", "anchor", Long.toString(id), null,
                "{\"root\":\"" + tree.rootHex() + "\",\"fromSeq\":" + fromSeq + ",\"toSeq\":" + toSeq
                        + ",\"count\":" + leaves.size() + ",\"contract\":\"" + contract + "\",\"evmTxHash\":\""
                        + signed.txHash() + "\"}", actor.requestId()));
        return store.byId(id).orElseThrow();
    }

    /** Waits for the receipt up to the timeout; records ANCHORED or FAILED, or answers the anchor still SENT. */
    private AnchorStore.Anchor settle(AnchorStore.Anchor anchor, Actor actor) {
        long deadline = System.nanoTime() + config.receiptTimeout().toNanos();
        Optional<AnchorChain.Receipt> receipt = chain.receipt(anchor.evmTxHash());
        while (receipt.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            receipt = chain.receipt(anchor.evmTxHash());
        }
        if (receipt.isEmpty()) {
            return anchor;
        }
        AnchorChain.Receipt r = receipt.get();
        QuarkusTransaction.requiringNew().run(() -> {
            var now = clock.instant();
            if (r.success()) {
                store.markAnchored(anchor.id(), r.anchorIndex(), r.blockNumber(), r.blockTime(), now);
            } else {
                store.markFailed(anchor.id(), "the anchor transaction reverted in block " + r.blockNumber(), now);
            }
            audit.record(new AuditLog.Event(now, actor.accountId(), r.success() ? "ANCHORED" : "ANCHOR_FAILED",
                    "anchor", Long.toString(anchor.id()), "{\"status\":\"SENT\"}",
                    "{\"status\":\"" + (r.success() ? "ANCHORED" : "FAILED") + "\",\"anchorIndex\":" + r.anchorIndex()
                            + ",\"evmBlock\":" + r.blockNumber() + "}", actor.requestId()));
        });
        return QuarkusTransaction.requiringNew().call(() -> store.byId(anchor.id()).orElseThrow());
    }
}
