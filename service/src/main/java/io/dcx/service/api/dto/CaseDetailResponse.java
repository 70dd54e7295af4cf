package io.dcx.service.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dcx.service.application.risk.RiskCases;
import io.dcx.service.application.risk.RiskStore;
import io.dcx.service.domain.board.Trade;
import io.dcx.service.domain.risk.MarketEvent;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A case with its evidence: the alerts, each change of owner they refer to as the chain recorded it (with the
 * board's trade where one exists: listing, status, price), the accounts and the facts pairs of them share, and the
 * history of the case.
 */
public record CaseDetailResponse(String id, String subjectType, String subjectId, String rule, String status,
        Instant openedAt, Instant updatedAt, List<AlertResponse> alerts, List<CaseEvidenceEvent> events,
        Set<String> accounts, Set<String> assets, List<CaseLink> links, List<CaseHistoryEntry> history) {

    /** A settled trade ({@code tradeId} set) or a transfer outside the board. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseEvidenceEvent(String reference, String tradeId, String txId, long blockNumber, String assetId,
            String workId, Integer editionCount, String sellerId, String buyerId, Long verifiedPriceFen, Instant at,
            Instant committedAt, CaseBoardTrade boardTrade) {
    }

    /** The board's record of the trade. */
    public record CaseBoardTrade(String listingId, String status, long priceFen, String origin, String termsHash) {
    }

    public record CaseLink(String accountId, String linkedAccountId, List<String> shared) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseHistoryEntry(Instant at, String actor, String from, String to, String action, String target,
            String note) {
    }

    public static CaseDetailResponse of(RiskCases.CaseDetail d) {
        RiskStore.RiskCase c = d.riskCase();
        return new CaseDetailResponse(c.id(), c.subjectType(), c.subjectId(), c.rule(), c.status().name(),
                c.openedAt(), c.updatedAt(), d.alerts().stream().map(AlertResponse::of).toList(),
                d.events().stream().map(e -> event(e, d)).toList(), d.accounts(), d.assets(),
                d.links().stream().map(l -> new CaseLink(l.accountId(), l.linkedAccountId(), l.shared())).toList(),
                d.history().stream().map(h -> new CaseHistoryEntry(h.at(), h.actor(),
                        h.from() == null ? null : h.from().name(), h.to().name(), h.action(), h.target(), h.note()))
                        .toList());
    }

    private static CaseEvidenceEvent event(RiskStore.RecordedEvent r, RiskCases.CaseDetail d) {
        MarketEvent e = r.event();
        Trade t = e.tradeId() == null ? null : d.boardTrades().get(e.tradeId());
        return new CaseEvidenceEvent(e.reference(), e.tradeId(), e.txId(), e.blockNumber(), e.assetId(), e.workId(),
                e.editionCount(), e.sellerId(), e.buyerId(), e.priceFen(), e.at(), r.committedAt(),
                t == null ? null : new CaseBoardTrade(t.listingId(), t.status().name(), t.price().fen(),
                        t.origin().name(), t.termsHash()));
    }
}
