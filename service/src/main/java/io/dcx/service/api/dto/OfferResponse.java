package io.dcx.service.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dcx.service.domain.board.Offer;
import java.time.Instant;

/** A named offer: PENDING, COUNTERED (see {@code counterFen}), ACCEPTED (see {@code tradeId}), or closed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfferResponse(String id, String listingId, String assetId, String sellerId, String buyerId,
        long amountFen, Long counterFen, String currency, String message, String status, String tradeId,
        Instant createdAt, Instant updatedAt) {

    public static OfferResponse of(Offer o) {
        return new OfferResponse(o.id(), o.listingId(), o.assetId(), o.sellerId(), o.buyerId(), o.amount().fen(),
                o.counterAmount() == null ? null : o.counterAmount().fen(), "CNY", o.message(), o.status().name(),
                o.tradeId(), o.createdAt(), o.updatedAt());
    }
}
