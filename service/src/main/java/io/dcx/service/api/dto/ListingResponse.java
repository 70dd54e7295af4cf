package io.dcx.service.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dcx.service.domain.board.Listing;
import java.time.Instant;

/** A listing on the board; {@code halted} says whether a halt in force covers it now. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListingResponse(String id, String assetId, String workId, String assetKind, String sellerId,
        String type, Long priceFen, Long reserveFen, Long minIncrementFen, String currency, Instant endsAt,
        Instant revealEndsAt, Integer extensionSeconds, String disclosure, String licenceTerms, String status,
        String tradeId, boolean halted, Instant createdAt, Instant updatedAt) {

    public static ListingResponse of(Listing l, boolean halted) {
        return new ListingResponse(l.id(), l.assetId(), l.workId(), l.assetKind().name(), l.sellerId(),
                l.type().name(), l.priceFen(), l.reserveFen(), l.minIncrementFen(), "CNY", l.endsAt(),
                l.revealEndsAt(), l.extensionSeconds(), l.disclosure(), l.licenceTerms(), l.status().name(),
                l.tradeId(), halted, l.createdAt(), l.updatedAt());
    }
}
