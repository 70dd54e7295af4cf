package io.dcx.service.application.port;

import java.time.Instant;
import java.util.List;

/**
 * What a creator has: the works they are a creator of (registrant or co-creator), and the royalties settled trades
 * paid them (the royalty lines of {@code board_trade}; the money itself was credited by the trade's journal posting).
 */
public interface CreatorStatements {

    /** The ids of the works the account is a creator of, newest registration first. */
    List<String> workIdsOf(String accountId, int limit);

    /** One royalty credit: a settled resale of an asset of one of the creator's works. */
    record RoyaltyCredit(String tradeId, String workId, String workTitle, String workKind, String assetId,
            long priceFen, int shareBps, long amountFen, Instant settledAt) {
    }

    /** The account's royalty credits, newest first. */
    List<RoyaltyCredit> royaltiesOf(String accountId, int limit);

    /** The sum of all the account's royalty credits and how many there are. */
    record RoyaltyTotal(long amountFen, long count) {
    }

    RoyaltyTotal royaltyTotalOf(String accountId);
}
