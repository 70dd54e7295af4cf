package io.dcx.service.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dcx.service.domain.board.SettlementSplit;
import io.dcx.service.domain.board.Trade;
import io.dcx.service.domain.board.TradeStepRecord;
import java.time.Instant;
import java.util.List;

/**
 * A trade and its settlement: {@code status} SETTLING, SETTLED or FAILED (then {@code failureCode} and
 * {@code failureReason}); {@code split} once the journal is posted; {@code steps} each saga step with its times and
 * chain transaction.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TradeResponse(String id, String listingId, String assetId, String workId, String sellerId,
        String buyerId, long priceFen, String currency, String origin, String rail, String termsHash, String status,
        String failureCode, String failureReason, Split split, String settleTxId, Long settleBlock,
        Instant createdAt, Instant settledAt, List<Step> steps) {

    /** Who got what, in fen. */
    public record Split(long feeFen, long royaltyFen, long sellerNetFen, List<Royalty> royalties) {
    }

    public record Royalty(String accountId, int shareBps, long amountFen) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String step, String status, int attempts, Instant startedAt, Instant finishedAt, String txId,
            Long blockNumber, String detail) {
    }

    public static TradeResponse of(Trade t, List<TradeStepRecord> steps) {
        SettlementSplit s = t.split();
        Split split = s == null ? null : new Split(s.fee().fen(), s.royaltyTotal().fen(), s.sellerNet().fen(),
                s.royalties().stream().map(r -> new Royalty(r.accountId(), r.shareBps(), r.amount().fen())).toList());
        List<Step> stepList = steps == null ? null : steps.stream().map(r -> new Step(r.step().name(),
                r.status().name(), r.attempts(), r.startedAt(), r.finishedAt(), r.txId(), r.blockNumber(),
                r.detail())).toList();
        return new TradeResponse(t.id(), t.listingId(), t.assetId(), t.workId(), t.sellerId(), t.buyerId(),
                t.price().fen(), t.price().currency(), t.origin().name(), t.rail(), t.termsHash(), t.status().name(),
                t.failureCode(), t.failureReason(), split, t.settleTxId(), t.settleBlock(), t.createdAt(),
                t.settledAt(), stepList);
    }
}
