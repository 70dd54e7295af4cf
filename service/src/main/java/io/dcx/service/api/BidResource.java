package io.dcx.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcx.service.api.IdempotentResponses.Reply;
import io.dcx.service.api.dto.BidRequest;
import io.dcx.service.api.dto.BidResponse;
import io.dcx.service.api.dto.BidRevealRequest;
import io.dcx.service.api.dto.BidsResponse;
import io.dcx.service.application.board.Auctions;
import io.dcx.service.application.idempotency.Idempotency;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.board.Bid;
import io.dcx.service.domain.board.BidStatus;
import io.dcx.service.domain.board.EnglishAuction;
import io.dcx.service.domain.board.ListingStatus;
import io.dcx.service.domain.board.ListingType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bids on auction listings: English bids, sealed commitments and their reveals, and the bid history. */
@Path("/api/v1/listings/{listingId}/bids")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "board")
public class BidResource {
    private final Caller caller;
    private final Auctions auctions;
    private final IdempotentResponses idempotent;

    public BidResource(Caller caller, Auctions auctions, IdempotentResponses idempotent) {
        this.caller = caller;
        this.auctions = auctions;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CREATOR, Roles.TRADER})
    @Operation(summary = "Bid: English {\"amountFen\":n}; sealed {\"commitment\":\"<64 hex>\"}",
            description = "201 with the bid (and the auction's endsAt after it). The bidder's money is held for an "
                    + "English bid; a sealed commitment (lowercase hex SHA-256 of amountFen:salt:bidderAccountId) "
                    + "holds nothing until its reveal and replaces the bidder's earlier one. 400 INVALID_BID (wrong "
                    + "shape for the type), 409 AUCTION_NOT_OPEN/LISTING_NOT_OPEN, 422 BID_TOO_LOW (minimumFen), "
                    + "SELF_TRADE, INSUFFICIENT_FUNDS and the other pre-trade codes. Idempotency-Key accepted.")
    public Response bid(@PathParam("listingId") String listingId, BidRequest body,
            @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        BidRequest r = JsonInput.required(body);
        Long amountFen = absent(r.amountFen()) ? null : JsonInput.fen("amountFen", r.amountFen());
        String commitment = r.commitment();
        return idempotent.respond(caller.accountId(), key, "POST", uri.getPath(), r, () -> {
            Auctions.Placed placed = auctions.bid(caller.actor(), listingId, amountFen, commitment, now());
            return new Reply(201, BidResponse.placed(placed.bid(), placed.listing()));
        });
    }

    @POST
    @Path("/{bidId}/reveal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CREATOR, Roles.TRADER})
    @Operation(summary = "Reveal a sealed bid: {\"amountFen\":n,\"salt\":\"...\"}",
            description = "Between the auction's endsAt and revealEndsAt. 200 REVEALED (the amount is held). 400 "
                    + "INVALID_BID when amount and salt do not match the commitment (nothing changes); 422 BID_TOO_LOW "
                    + "(below the reserve) or INSUFFICIENT_FUNDS: the bid is recorded INVALID and cannot win. "
                    + "Idempotency-Key accepted.")
    public Response reveal(@PathParam("listingId") String listingId, @PathParam("bidId") String bidId,
            BidRevealRequest body, @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        BidRevealRequest r = JsonInput.required(body);
        long amountFen = JsonInput.fen("amountFen", r.amountFen());
        Response response = idempotent.respond(caller.accountId(), key, "POST", uri.getPath(), r, () -> {
            Bid bid = auctions.reveal(caller.actor(), listingId, bidId, amountFen, r.salt(), now());
            if (bid.status() == BidStatus.INVALID) {
                ErrorCode code = ErrorCode.valueOf(bid.invalidReason());
                String detail = code == ErrorCode.BID_TOO_LOW ? "the bid is below the reserve, so it cannot win"
                        : "your available money does not cover the bid, so it cannot win";
                Response problem = ProblemMappers.problem(code, detail, Map.of("bidId", bid.id(), "status",
                        bid.status().name()));
                return new Reply(problem.getStatus(), problem.getEntity());
            }
            return new Reply(200, BidResponse.of(bid, true));
        });
        if (response.getStatus() >= 400) {
            return Response.fromResponse(response).type(Problem.MEDIA_TYPE).build();
        }
        return response;
    }

    @GET
    @RolesAllowed({Roles.CREATOR, Roles.TRADER, Roles.OPERATOR, Roles.REGULATOR})
    @Operation(summary = "The auction's bids, in the order placed",
            description = "English: every bid (bidder pseudonym, amount, time, status). Sealed: only your own until "
                    + "the reveal phase is over, then also every revealed bid with its salt.")
    public BidsResponse list(@PathParam("listingId") String listingId) {
        Instant now = now();
        String viewer = caller.accountId();
        Auctions.BidView view = auctions.bidsOf(listingId, viewer, now);
        var listing = view.listing();
        boolean over = listing.status() != ListingStatus.OPEN
                || listing.type() == ListingType.SEALED_BID_AUCTION && !now.isBefore(listing.revealEndsAt());
        Long highest = null;
        Long minimum = null;
        if (listing.type() == ListingType.ENGLISH_AUCTION && listing.status() == ListingStatus.OPEN) {
            EnglishAuction english = new EnglishAuction(listing, view.bids());
            highest = english.highest().map(Bid::amountFen).orElse(null);
            minimum = english.minimumBid().fen();
        }
        return new BidsResponse(listing.id(), listing.type().name(), listing.status().name(), listing.endsAt(),
                listing.revealEndsAt(), highest, minimum,
                view.bids().stream().map(b -> BidResponse.of(b, over || b.bidderId().equals(viewer))).toList());
    }

    /** The clock, to the microsecond the database keeps, so an answer shows the times as stored. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }
}
