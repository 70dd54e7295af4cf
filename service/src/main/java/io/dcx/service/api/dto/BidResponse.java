package io.dcx.service.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dcx.service.domain.board.Bid;
import io.dcx.service.domain.board.Listing;
import java.time.Instant;

/**
 * A bid as shown on the board. {@code bidder} is the bidder's pseudonymous account id; {@code amountFen} is absent
 * for a sealed bid not yet revealed; {@code salt} is shown to the bidder, and to everyone once the auction is over,
 * so anyone can recheck {@code commitment}. {@code status}: ACTIVE, OUTBID (English), COMMITTED, REPLACED,
 * REVEALED, INVALID with {@code invalidReason} (sealed), WON, LOST, LAPSED (after the close). The answer to a new bid
 * also carries the auction's {@code endsAt} after it (an English bid in the last {@code extensionSeconds} moves it)
 * and {@code revealEndsAt}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BidResponse(String id, String listingId, String bidder, Long amountFen, String currency,
        String commitment, String salt, String status, String invalidReason, Instant placedAt, Instant revealedAt,
        Instant closedAt, Instant endsAt, Instant revealEndsAt) {

    public static BidResponse of(Bid b, boolean showSalt) {
        return new BidResponse(b.id(), b.listingId(), b.bidderId(), b.amountFen(),
                b.amountFen() == null ? null : "CNY", b.commitment(), showSalt ? b.salt() : null, b.status().name(),
                b.invalidReason(), b.placedAt(), b.revealedAt(), b.closedAt(), null, null);
    }

    public static BidResponse placed(Bid b, Listing after) {
        BidResponse r = of(b, true);
        return new BidResponse(r.id(), r.listingId(), r.bidder(), r.amountFen(), r.currency(), r.commitment(),
                r.salt(), r.status(), r.invalidReason(), r.placedAt(), r.revealedAt(), r.closedAt(), after.endsAt(),
                after.revealEndsAt());
    }
}
