package io.dcx.service.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dcx.service.domain.board.Listing;
import java.time.Instant;

/**
 * A listing on the board; {@code halted} says whether a halt in force covers it now. {@code workTitle},
 * {@code workKind} (IMAGE, TEXT, ...), {@code edition} and {@code editionCount} describe what is sold, for browsing
 * (given by the board's search and single-listing reads).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListingResponse(String id, String assetId, String workId, String assetKind, String sellerId,
        String type, Long priceFen, Long reserveFen, Long minIncrementFen, String currency, Instant endsAt,
        Instant revealEndsAt, Integer extensionSeconds, String disclosure, String licenceTerms, String status,
        String tradeId, boolean halted, Instant createdAt, Instant updatedAt, String workTitle, String workKind,
        Integer edition, Integer editionCount) {

    public static ListingResponse of(Listing l, boolean halted) {
        return of(l, halted, null, null, null, null);
    }

    public static ListingResponse of(Listing l, boolean halted, String workTitle, String workKind, Integer edition,
            Integer editionCount) {
        return new ListingResponse(l.id(), l.assetId(), l.workId(), l.assetKind().name(), l.sellerId(),
                l.type().name(), l.priceFen(), l.reserveFen(), l.minIncrementFen(), "CNY", l.endsAt(),
                l.revealEndsAt(), l.extensionSeconds(), l.disclosure(), l.licenceTerms(), l.status().name(),
                l.tradeId(), halted, l.createdAt(), l.updatedAt(), workTitle, workKind, edition, editionCount);
    }
}
