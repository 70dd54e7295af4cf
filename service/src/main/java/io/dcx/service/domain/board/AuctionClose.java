package io.dcx.service.domain.board;

import io.dcx.service.domain.money.Money;
import java.util.List;
import java.util.Optional;

/**
 * What closing an auction decides: the winning bid (already {@code WON}) or why nothing sold, every bid whose status
 * changed, and the bids whose holds must now be released (all that held money except the winner's, which becomes
 * the trade's hold).
 */
public record AuctionClose(Bid winner, NoSale noSale, List<Bid> changed, List<String> holdsToRelease) {

    /** Why an auction ended without a sale. */
    public enum NoSale {
        /** Nobody bid (sealed: nobody revealed a valid bid). */
        NO_BIDS,
        /** The best bid stayed below the reserve. */
        RESERVE_NOT_MET,
        /** Every bid that could have won failed the pre-trade checks at the close. */
        PRE_TRADE_REFUSED
    }

    public AuctionClose {
        if ((winner == null) == (noSale == null)) {
            throw new IllegalArgumentException("a close has either a winner or a reason for no sale");
        }
        changed = List.copyOf(changed);
        holdsToRelease = List.copyOf(holdsToRelease);
    }

    public Optional<Bid> winningBid() {
        return Optional.ofNullable(winner);
    }

    public Optional<Money> price() {
        return winningBid().map(Bid::amount);
    }
}
