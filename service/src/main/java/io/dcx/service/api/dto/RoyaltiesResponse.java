package io.dcx.service.api.dto;

import io.dcx.service.application.CreatorQueries;
import io.dcx.service.application.port.CreatorStatements.RoyaltyCredit;
import java.time.Instant;
import java.util.List;

/**
 * The royalties a creator earned: {@code totalFen} over all settled resales ({@code count} credits), and the newest
 * credits, each with the trade, the work, the asset sold, the price, the creator's share and the amount (fen, CNY).
 */
public record RoyaltiesResponse(String accountId, long totalFen, long count, String currency,
        List<RoyaltyEntry> entries) {

    public record RoyaltyEntry(String tradeId, String workId, String workTitle, String workKind, String assetId,
            long priceFen, int shareBps, long amountFen, Instant settledAt) {
        static RoyaltyEntry of(RoyaltyCredit c) {
            return new RoyaltyEntry(c.tradeId(), c.workId(), c.workTitle(), c.workKind(), c.assetId(), c.priceFen(),
                    c.shareBps(), c.amountFen(), c.settledAt());
        }
    }

    public static RoyaltiesResponse of(String accountId, CreatorQueries.Royalties r) {
        return new RoyaltiesResponse(accountId, r.total().amountFen(), r.total().count(), "CNY",
                r.credits().stream().map(RoyaltyEntry::of).toList());
    }
}
