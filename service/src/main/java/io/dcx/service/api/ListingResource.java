package io.dcx.service.api;

import io.dcx.service.api.IdempotentResponses.Reply;
import io.dcx.service.api.dto.ListingRequest;
import io.dcx.service.api.dto.ListingResponse;
import io.dcx.service.api.dto.OfferRequest;
import io.dcx.service.api.dto.OfferResponse;
import io.dcx.service.api.dto.ReasonRequest;
import io.dcx.service.api.dto.TradeResponse;
import io.dcx.service.application.board.BoardSearch;
import io.dcx.service.application.board.Halts;
import io.dcx.service.application.board.Listings;
import io.dcx.service.application.board.Offers;
import io.dcx.service.application.board.Purchases;
import io.dcx.service.application.board.TradeQueries;
import io.dcx.service.application.idempotency.Idempotency;
import io.dcx.service.application.port.BoardSearchIndex;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.asset.Asset.AssetKind;
import io.dcx.service.domain.board.Listing;
import io.dcx.service.domain.board.ListingStatus;
import io.dcx.service.domain.board.ListingType;
import io.dcx.service.domain.board.Trade;
import io.dcx.service.domain.board.TradeStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The board: listings, purchases at the asking price and named offers. Listing, buying and offering need an
 * approved account; purchase and offer accept an {@code Idempotency-Key}. A purchase answers 201 with the trade
 * (SETTLED or FAILED with its reason), or 202 while it waits for the ledger.
 */
@Path("/api/v1/listings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "board")
public class ListingResource {
    private final Caller caller;
    private final Listings listings;
    private final Purchases purchases;
    private final Offers offers;
    private final Halts halts;
    private final TradeQueries tradeQueries;
    private final IdempotentResponses idempotent;
    private final BoardSearch boardSearch;

    public ListingResource(Caller caller, Listings listings, Purchases purchases, Offers offers, Halts halts,
            TradeQueries tradeQueries, IdempotentResponses idempotent, BoardSearch boardSearch) {
        this.boardSearch = boardSearch;
        this.caller = caller;
        this.listings = listings;
        this.purchases = purchases;
        this.offers = offers;
        this.halts = halts;
        this.tradeQueries = tradeQueries;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"creator", "trader"})
    @Operation(summary = "List an asset the caller owns",
            description = "422 NOT_OWNER, LISTING_TYPE_NOT_ALLOWED, HOLDING_PERIOD, PRICE_BAND; 409 ASSET_ALREADY_LISTED,"
                    + " ASSET_NOT_TRADABLE, WORK_NOT_TRADABLE, HALT; 403 KYC_REQUIRED.")
    public Response create(ListingRequest body, @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        ListingRequest r = JsonInput.required(body);
        ErrorCode bad = ErrorCode.INVALID_LISTING;
        Listings.NewListing listing = new Listings.NewListing(r.assetId(),
                BoardInput.named(ListingType.class, "type", r.type(), bad),
                JsonInput.optionalFen("priceFen", r.priceFen()), JsonInput.optionalFen("reserveFen", r.reserveFen()),
                JsonInput.optionalFen("minIncrementFen", r.minIncrementFen()),
                BoardInput.instant("endsAt", r.endsAt(), bad), BoardInput.instant("revealEndsAt", r.revealEndsAt(), bad),
                BoardInput.integer("extensionSeconds", r.extensionSeconds(), bad), r.disclosure(), r.licenceTerms());
        return idempotent.respond(caller.accountId(), key, "POST", uri.getPath(), r, () -> new Reply(201,
                view(listings.create(caller.actor(), listing, Instant.now()))));
    }

    @GET
    @RolesAllowed({"creator", "trader", "operator", "regulator", "admin"})
    @Operation(summary = "The board: listings, newest first (default status OPEN; status=ALL for every status)",
            description = "Filters: type, assetKind (EDITION, COPYRIGHT), q (a work title, any part, any case; or a"
                    + " work, asset or listing id), minPriceFen and maxPriceFen (the asking price or opening bid,"
                    + " else the reserve; OFFERS_ONLY listings have none), workId, sellerId. Each listing comes with"
                    + " its work's title and kind and the edition it sells.")
    public List<ListingResponse> search(@QueryParam("status") @DefaultValue("OPEN") String status,
            @QueryParam("type") String type, @QueryParam("workId") String workId,
            @QueryParam("sellerId") String sellerId, @QueryParam("assetKind") String assetKind,
            @QueryParam("q") String q, @QueryParam("minPriceFen") Long minPriceFen,
            @QueryParam("maxPriceFen") Long maxPriceFen, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        ListingStatus s = "ALL".equals(status) ? null
                : BoardInput.named(ListingStatus.class, "status", status, ErrorCode.INVALID_REQUEST);
        ListingType t = BoardInput.named(ListingType.class, "type", type, ErrorCode.INVALID_REQUEST);
        AssetKind kind = BoardInput.named(AssetKind.class, "assetKind", assetKind, ErrorCode.INVALID_REQUEST);
        return boardSearch.search(new BoardSearch.Filter(s, t, kind, q, minPriceFen, maxPriceFen, workId, sellerId),
                offset, limit).stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"creator", "trader", "operator", "regulator", "admin"})
    @Operation(summary = "One listing, with its disclosure and licence terms")
    public ListingResponse get(@PathParam("id") String id) {
        return view(boardSearch.get(id));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"creator", "trader", "operator"})
    @Operation(summary = "Take an OPEN listing off the board (its seller; an operator for any, with a reason)")
    public ListingResponse cancel(@PathParam("id") String id, ReasonRequest body) {
        boolean operator = caller.hasRole("operator");
        return view(listings.cancel(caller.actor(), id, operator, body == null ? null : body.reason()));
    }

    @POST
    @Path("/{id}/purchase")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"creator", "trader"})
    @Operation(summary = "Buy a FIXED_PRICE listing at its asking price; settles at once",
            description = "409 LISTING_NOT_OPEN when another buyer got there first; 422 INSUFFICIENT_FUNDS,"
                    + " SELF_TRADE, LINKED_ACCOUNTS, PRICE_BAND, HOLDING_PERIOD, DAILY_LIMIT_EXCEEDED; 409 HALT.")
    public Response purchase(@PathParam("id") String id, @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        return idempotent.respondDetached(caller.accountId(), key, "POST", uri.getPath(), null, () -> {
            Trade trade = purchases.buy(caller.actor(), id);
            return new Reply(trade.status() == TradeStatus.SETTLING ? 202 : 201, tradeView(trade));
        });
    }

    @POST
    @Path("/{id}/offers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"creator", "trader"})
    @Operation(summary = "Make a named offer; the amount is held until the offer ends")
    public Response offer(@PathParam("id") String id, OfferRequest body, @HeaderParam(Idempotency.HEADER) String key,
            UriInfo uri) {
        OfferRequest r = JsonInput.required(body);
        long amount = JsonInput.fen("amountFen", r.amountFen());
        return idempotent.respond(caller.accountId(), key, "POST", uri.getPath(), r, () -> new Reply(201,
                OfferResponse.of(offers.make(caller.actor(), id, amount, r.message()))));
    }

    @GET
    @Path("/{id}/offers")
    @RolesAllowed({"creator", "trader", "operator", "regulator"})
    @Operation(summary = "A listing's offers: all for its seller, operators and regulators; the caller's own else")
    public List<OfferResponse> offers(@PathParam("id") String id) {
        return offers.ofListing(caller.actor(), id, readsAll()).stream().map(OfferResponse::of).toList();
    }

    private boolean readsAll() {
        return caller.hasRole("operator") || caller.hasRole("regulator");
    }

    private ListingResponse view(Listing l) {
        return ListingResponse.of(l, halts.halted(l.id(), l.assetId(), Instant.now()));
    }

    private ListingResponse view(BoardSearchIndex.Entry e) {
        Listing l = e.listing();
        return ListingResponse.of(l, halts.halted(l.id(), l.assetId(), Instant.now()), e.workTitle(), e.workKind(),
                e.edition(), e.editionCount());
    }

    private TradeResponse tradeView(Trade trade) {
        return TradeResponse.of(trade, tradeQueries.get(caller.actor(), trade.id(), true).steps());
    }
}
