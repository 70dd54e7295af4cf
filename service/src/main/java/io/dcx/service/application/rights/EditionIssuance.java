package io.dcx.service.application.rights;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcx.service.application.ChainJson;
import io.dcx.service.application.ledger.CommittedTransaction;
import io.dcx.service.application.ledger.ContractRejectedException;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.port.AssetBook;
import io.dcx.service.application.port.ChainIndex;
import io.dcx.service.domain.AccountId;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.Work;
import io.dcx.service.domain.asset.Asset;
import io.dcx.service.domain.asset.EditionIssue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issues the assets of a work on chain, signed by the copyright authority: a limited series of editions (once per
 * work) or the copyright itself (once). Only a creator of the work may, and the assets go to the caller. The read
 * model is written right after the commit, so the caller reads what it just issued; the projector writes the same
 * rows again from the chain events, harmlessly.
 */
@ApplicationScoped
public class EditionIssuance {
    private final LedgerWrites ledger;
    private final OwnWorks ownWorks;
    private final AssetBook assets;
    private final ChainIndex chainIndex;

    public EditionIssuance(LedgerWrites ledger, OwnWorks ownWorks, AssetBook assets, ChainIndex chainIndex) {
        this.ledger = ledger;
        this.ownWorks = ownWorks;
        this.assets = assets;
        this.chainIndex = chainIndex;
    }

    /** The issued assets and the transaction that issued them. */
    public record Issued(String workId, List<Asset> assets, String txId, long blockNumber) {
    }

    public Issued issueEditions(String workId, AccountId caller, EditionIssue issue) {
        Work work = ownWorks.of(workId, caller);
        requireActive(work);
        if (assets.hasEditions(work.id())) {
            // The chain would refuse it too; this spares it an obviously doomed transaction.
            throw alreadyIssued(work.id());
        }
        CommittedTransaction tx = ledger.submit(LedgerIdentity.COPYRIGHT, "assets:IssueEditions",
                rejected -> refusal(rejected, work.id()), work.id(), caller.value(),
                Integer.toString(issue.count()), Long.toString(issue.issuePriceFen()));
        List<Asset> issued = new ArrayList<>(issue.count());
        for (JsonNode asset : ChainJson.parse(tx.payload())) {
            issued.add(RightsJson.asset(asset, tx.blockNumber()));
        }
        record(tx, issued);
        return new Issued(work.id(), issued, tx.txId(), tx.blockNumber());
    }

    public Asset issueCopyright(String workId, AccountId caller) {
        Work work = ownWorks.of(workId, caller);
        requireActive(work);
        if (assets.byId(work.id() + "-c").isPresent()) {
            throw copyrightIssued(work.id());
        }
        CommittedTransaction tx = ledger.submit(LedgerIdentity.COPYRIGHT, "assets:IssueCopyright",
                rejected -> refusal(rejected, work.id()), work.id(), caller.value());
        Asset copyright = RightsJson.asset(ChainJson.parse(tx.payload()), tx.blockNumber());
        record(tx, List.of(copyright));
        return copyright;
    }

    @Transactional
    void record(CommittedTransaction tx, List<Asset> issued) {
        chainIndex.recordTransaction(tx.txId(), tx.blockNumber(), tx.timestamp());
        assets.upsert(issued);
    }

    private static void requireActive(Work work) {
        if (!"ACTIVE".equals(work.status())) {
            throw notTradable(work.id(), work.status());
        }
    }

    private static DcxException refusal(ContractRejectedException rejected, String workId) {
        return switch (rejected.code()) {
            case "EDITIONS_ALREADY_ISSUED" -> alreadyIssued(workId);
            case "ASSET_EXISTS" -> copyrightIssued(workId);
            case "WORK_NOT_TRADABLE" -> new DcxException(ErrorCode.WORK_NOT_TRADABLE, rejected.detail());
            case "WORK_NOT_FOUND", "NOT_OWNER" -> new DcxException(ErrorCode.WORK_NOT_FOUND, "no work with id " + workId);
            default -> null;
        };
    }

    private static DcxException copyrightIssued(String workId) {
        return new DcxException(ErrorCode.COPYRIGHT_ALREADY_ISSUED,
                "the copyright of work " + workId + " is already issued", Map.of("assetId", workId + "-c"));
    }

    private static DcxException alreadyIssued(String workId) {
        return new DcxException(ErrorCode.EDITIONS_ALREADY_ISSUED,
                "editions of work " + workId + " are already issued; a work has one limited series");
    }

    static DcxException notTradable(String workId, String status) {
        return new DcxException(ErrorCode.WORK_NOT_TRADABLE,
                "work " + workId + " is " + status + "; only an ACTIVE work can be issued, licensed or traded",
                Map.of("workStatus", status));
    }
}
