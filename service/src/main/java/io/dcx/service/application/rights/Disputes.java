package io.dcx.service.application.rights;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcx.service.application.ChainJson;
import io.dcx.service.application.WorkQueries;
import io.dcx.service.application.ledger.CommittedTransaction;
import io.dcx.service.application.ledger.ContractRejectedException;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.port.ChainIndex;
import io.dcx.service.application.port.DisputeBook;
import io.dcx.service.application.port.WorkCatalog;
import io.dcx.service.domain.AccountId;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.RandomIds;
import io.dcx.service.domain.Work;
import io.dcx.service.domain.dispute.Claim;
import io.dcx.service.domain.dispute.DecisionReason;
import io.dcx.service.domain.dispute.Dispute;
import io.dcx.service.domain.dispute.DisputeDecision;
import io.dcx.service.domain.dispute.DisputeEvent;
import io.dcx.service.domain.dispute.DisputeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Infringement claims. A rights holder (a creator) files a claim against someone else's work, optionally naming an
 * earlier work of their own as evidence; an operator decides it. MARK_DISPUTED and FREEZE restrict the work on chain
 * (works:SetWorkStatus DISPUTED or FROZEN, signed by the exchange), after which the contract refuses to lock, settle
 * or transfer its assets (WORK_NOT_TRADABLE); RESOLVE lifts the restriction; DISMISS leaves the work alone.
 *
 * <p>The work's status is the strongest restriction among all its disputes still in force, so deciding one claim
 * never undoes what another claim holds. The chain is written first and the dispute row after, in one database
 * transaction that holds the work's dispute rows locked: a refused or failed chain write leaves the dispute as it
 * was, and two operators deciding claims of one work cannot interleave.
 */
@ApplicationScoped
public class Disputes {
    private static final Pattern DISPUTE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int LIST_LIMIT = 500;

    private final LedgerWrites writes;
    private final Ledger ledger;
    private final WorkQueries works;
    private final WorkCatalog catalog;
    private final DisputeBook book;
    private final ChainIndex chainIndex;
    private final Clock clock = Clock.systemUTC();

    public Disputes(LedgerWrites writes, Ledger ledger, WorkQueries works, WorkCatalog catalog, DisputeBook book,
            ChainIndex chainIndex) {
        this.writes = writes;
        this.ledger = ledger;
        this.works = works;
        this.catalog = catalog;
        this.book = book;
        this.chainIndex = chainIndex;
    }

    @Transactional
    public Dispute file(String workId, AccountId claimant, Claim claim, String evidenceWorkId) {
        Work work = works.byId(workId);
        if (OwnWorks.isCreator(work, claimant.value())) {
            throw new DcxException(ErrorCode.OWN_WORK_DISPUTE,
                    "you are a creator of work " + work.id() + "; a claim is filed against someone else's work");
        }
        String evidence = null;
        if (evidenceWorkId != null) {
            evidence = checkedEvidence(work, evidenceWorkId, claimant);
        }
        if (book.hasPendingClaim(work.id(), claimant.value())) {
            throw new DcxException(ErrorCode.DISPUTE_ALREADY_OPEN,
                    "you already have an undecided claim against work " + work.id());
        }
        Instant now = clock.instant();
        Dispute dispute = new Dispute(RandomIds.next("dsp_"), work.id(), claimant.value(), claim.text(), evidence,
                DisputeStatus.OPEN, now, now, List.of(new DisputeEvent(now, claimant.value(), "FILED", null,
                        DisputeStatus.OPEN, null, null, null, null)));
        book.create(dispute);
        return dispute;
    }

    /** The evidence must be the claimant's own work, registered before the disputed one. */
    private String checkedEvidence(Work disputed, String evidenceWorkId, AccountId claimant) {
        Work evidence;
        try {
            evidence = works.byId(evidenceWorkId);
        } catch (DcxException e) {
            if (e.code() != ErrorCode.WORK_NOT_FOUND) {
                throw e;
            }
            evidence = null;
        }
        if (evidence == null || !OwnWorks.isCreator(evidence, claimant.value())) {
            throw new DcxException(ErrorCode.INVALID_EVIDENCE,
                    "evidenceWorkId must name a work of which you are a creator");
        }
        if (!evidence.registeredAt().isBefore(disputed.registeredAt())) {
            throw new DcxException(ErrorCode.INVALID_EVIDENCE, "evidence work " + evidence.id()
                    + " was registered at " + evidence.registeredAt() + ", not before work " + disputed.id() + " ("
                    + disputed.registeredAt() + ")");
        }
        return evidence.id();
    }

    public List<Dispute> mine(AccountId claimant) {
        return book.byClaimant(claimant.value());
    }

    /** For operators and regulators: disputes in a status, or all. */
    public List<Dispute> list(DisputeStatus status) {
        return book.byStatus(status, LIST_LIMIT);
    }

    /** A dispute, for its claimant or for someone who sees all disputes; anyone else gets DISPUTE_NOT_FOUND. */
    public Dispute byId(String id, AccountId caller, boolean seesAll) {
        Dispute dispute = find(id);
        if (!seesAll && !dispute.claimant().equals(caller.value())) {
            throw notFound(id);
        }
        return dispute;
    }

    @Transactional
    public Dispute decide(String id, AccountId operator, DisputeDecision decision, DecisionReason reason) {
        if (id == null || !DISPUTE_ID.matcher(id).matches()) {
            throw notFound(id);
        }
        Dispute dispute = book.lockForDecision(id).orElseThrow(() -> notFound(id));
        DisputeStatus next = decision.apply(dispute.status());
        String newWorkStatus = null;
        CommittedTransaction tx = null;
        if (decision.changesWorkStatus()) {
            List<DisputeStatus> inForce = new ArrayList<>(book.statusesOfOtherDisputes(dispute.workId(), id));
            inForce.add(next);
            String target = DisputeStatus.workStatusFor(inForce);
            String current = chainStatus(dispute.workId());
            if ("REVOKED".equals(current)) {
                throw new DcxException(ErrorCode.WORK_REVOKED,
                        "work " + dispute.workId() + " is revoked; its status no longer changes");
            }
            if (!target.equals(current)) {
                tx = writes.submit(LedgerIdentity.EXCHANGE, "works:SetWorkStatus",
                        rejected -> refusal(rejected, dispute.workId()), dispute.workId(), target, reason.text());
                newWorkStatus = target;
                chainIndex.recordTransaction(tx.txId(), tx.blockNumber(), tx.timestamp());
                JsonNode changed = ChainJson.parse(tx.payload());
                // Read-your-writes for the work's status; the registration projector writes the same later.
                catalog.byId(dispute.workId()).ifPresent(
                        known -> catalog.upsert(ChainJson.work(changed, known.blockNumber())));
            }
        }
        Instant now = clock.instant();
        book.update(id, next, now, new DisputeEvent(now, operator.value(), decision.name(), dispute.status(), next,
                reason.text(), newWorkStatus, tx == null ? null : tx.txId(), tx == null ? null : tx.blockNumber()));
        return find(id);
    }

    private String chainStatus(String workId) {
        try {
            return ChainJson.parse(ledger.evaluate(LedgerIdentity.EXCHANGE, "works:GetWork", workId))
                    .path("status").asText();
        } catch (ContractRejectedException e) {
            throw new DcxException(ErrorCode.WORK_NOT_FOUND, "no work with id " + workId);
        }
    }

    private Dispute find(String id) {
        if (id == null || !DISPUTE_ID.matcher(id).matches()) {
            throw notFound(id);
        }
        return book.byId(id).orElseThrow(() -> notFound(id));
    }

    private static DcxException notFound(String id) {
        return new DcxException(ErrorCode.DISPUTE_NOT_FOUND, "no dispute with id " + id);
    }

    private static DcxException refusal(ContractRejectedException rejected, String workId) {
        return switch (rejected.code()) {
            case "WORK_REVOKED" -> new DcxException(ErrorCode.WORK_REVOKED, rejected.detail());
            case "WORK_NOT_FOUND" -> new DcxException(ErrorCode.WORK_NOT_FOUND, "no work with id " + workId);
            default -> null;
        };
    }
}
