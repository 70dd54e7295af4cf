package io.dcx.service.application.board;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcx.service.application.ChainJson;
import io.dcx.service.application.audit.Actor;
import io.dcx.service.application.audit.AuditJson;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.port.AuditLog;
import io.dcx.service.application.port.BoardRulesStore;
import io.dcx.service.application.rights.LedgerWrites;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.board.BoardRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/**
 * Board policy in its two halves: the service's {@link BoardRules} (listing types, fee, royalty, price band) and the
 * chain's policy (holding period and daily transfer caps, which the contract enforces itself so that no write to
 * the ledger can bypass them). Operators change both; every change is audited with before and after.
 */
@ApplicationScoped
public class BoardPolicies {
    private final BoardRulesStore store;
    private final BoardConfig config;
    private final Ledger ledger;
    private final LedgerWrites writes;
    private final AuditLog audit;

    public BoardPolicies(BoardRulesStore store, BoardConfig config, Ledger ledger, LedgerWrites writes,
            AuditLog audit) {
        this.store = store;
        this.config = config;
        this.ledger = ledger;
        this.writes = writes;
        this.audit = audit;
    }

    /** The chain's half of the policy. */
    public record ChainPolicy(long holdingPeriodSeconds, int dailyTransferCapPerAsset, int dailyTransferCapPerAccount,
            Instant updatedAt, String txId) {
    }

    /** Both halves. */
    public record Policy(BoardRules rules, ChainPolicy chain) {
    }

    public BoardRules rules() {
        return store.current().orElseGet(() -> BoardRules.defaults(config.feeBps(), config.royaltyBps(),
                config.priceBandBps()));
    }

    public ChainPolicy chain() {
        JsonNode n = ChainJson.parse(ledger.evaluate(LedgerIdentity.EXCHANGE, "policy:GetBoardPolicy"));
        return new ChainPolicy(n.path("holdingPeriodSeconds").asLong(), n.path("dailyTransferCapPerAsset").asInt(),
                n.path("dailyTransferCapPerAccount").asInt(),
                n.path("updatedAt").isTextual() ? Instant.parse(n.path("updatedAt").asText()) : null,
                n.path("txId").isTextual() ? n.path("txId").asText() : null);
    }

    public Policy current() {
        return new Policy(rules(), chain());
    }

    /**
     * Replaces the policy. The chain half is written first (it can be refused); the service half and the audit event
     * commit together after it. A chain half equal to the current one is not written again.
     */
    @Transactional
    public Policy change(Actor operator, BoardRules rules, long holdingPeriodSeconds, int capPerAsset,
            int capPerAccount) {
        if (holdingPeriodSeconds < 0 || holdingPeriodSeconds > 10L * 365 * 86_400 || capPerAsset < 1
                || capPerAccount < 1 || capPerAsset > 10_000 || capPerAccount > 10_000) {
            throw new DcxException(ErrorCode.INVALID_POLICY, "the holding period is 0..10 years in seconds and each"
                    + " daily transfer cap 1..10000");
        }
        Policy before = current();
        ChainPolicy chain = before.chain();
        if (chain.holdingPeriodSeconds() != holdingPeriodSeconds || chain.dailyTransferCapPerAsset() != capPerAsset
                || chain.dailyTransferCapPerAccount() != capPerAccount) {
            String policyJson = ChainJson.write(Map.of("holdingPeriodSeconds", holdingPeriodSeconds,
                    "dailyTransferCapPerAsset", capPerAsset, "dailyTransferCapPerAccount", capPerAccount));
            writes.submit(LedgerIdentity.EXCHANGE, "policy:SetBoardPolicy",
                    rejected -> new DcxException(ErrorCode.INVALID_POLICY, rejected.detail()), policyJson);
        }
        Instant now = Instant.now();
        store.save(rules, operator.accountId(), now);
        Policy after = current();
        audit.record(new AuditLog.Event(now, operator.accountId(), "BOARD_POLICY_CHANGED", "board_policy", "board",
                describe(before), describe(after), operator.requestId()));
        return after;
    }

    private static String describe(Policy p) {
        return AuditJson.of("listingTypes", p.rules().listingTypes(), "feeBps", p.rules().feeBps(), "royaltyBps",
                p.rules().royaltyBps(), "priceBandBps", p.rules().priceBandBps(), "holdingPeriodSeconds",
                p.chain().holdingPeriodSeconds(), "dailyTransferCapPerAsset", p.chain().dailyTransferCapPerAsset(),
                "dailyTransferCapPerAccount", p.chain().dailyTransferCapPerAccount());
    }
}
