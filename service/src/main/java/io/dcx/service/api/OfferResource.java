package io.dcx.service.api;

import io.dcx.service.api.IdempotentResponses.Reply;
import io.dcx.service.api.dto.OfferRequest;
import io.dcx.service.api.dto.OfferResponse;
import io.dcx.service.api.dto.TradeResponse;
import io.dcx.service.application.board.Offers;
import io.dcx.service.application.board.TradeQueries;
import io.dcx.service.application.idempotency.Idempotency;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Named offers, by id: their parties act on them (the seller accepts, rejects or counters; the buyer accepts a
 * counter or withdraws). Anyone else gets 404. Accepting answers the trade, settled in the same request.
 */
@Path("/api/v1/offers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "board")
public class OfferResource {
    private final Caller caller;
    private final Offers offers;
    private final TradeQueries trades;
    private final IdempotentResponses idempotent;

    public OfferResource(Caller caller, Offers offers, TradeQueries trades, IdempotentResponses idempotent) {
        this.caller = caller;
        this.offers = offers;
        this.trades = trades;
        this.idempotent = idempotent;
    }

    @GET
    @RolesAllowed({"creator", "trader"})
    @Operation(summary = "Offers the caller made or received, newest first")
    public List<OfferResponse> mine(@QueryParam("limit") @DefaultValue("100") int limit) {
        return offers.mine(caller.actor(), limit).stream().map(OfferResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"creator", "trader", "operator", "regulator"})
    public OfferResponse get(@PathParam("id") String id) {
        boolean readsAll = caller.hasRole("operator") || caller.hasRole("regulator");
        return OfferResponse.of(offers.get(caller.actor(), id, readsAll));
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"creator", "trader"})
    @Operation(summary = "Accept: the seller a PENDING offer, the buyer a COUNTERED one; opens and settles the trade")
    public Response accept(@PathParam("id") String id, @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        return idempotent.respondDetached(caller.accountId(), key, "POST", uri.getPath(), null, () -> {
            Trade trade = offers.accept(caller.actor(), id);
            return new Reply(trade.status() == TradeStatus.SETTLING ? 202 : 201,
                    TradeResponse.of(trade, trades.get(caller.actor(), trade.id(), true).steps()));
        });
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"creator", "trader"})
    public OfferResponse reject(@PathParam("id") String id) {
        return OfferResponse.of(offers.reject(caller.actor(), id));
    }

    @POST
    @Path("/{id}/counter")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"creator", "trader"})
    @Operation(summary = "The seller names another price (amountFen)")
    public OfferResponse counter(@PathParam("id") String id, OfferRequest body) {
        OfferRequest r = JsonInput.required(body);
        return OfferResponse.of(offers.counter(caller.actor(), id, JsonInput.fen("amountFen", r.amountFen())));
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"creator", "trader"})
    public OfferResponse withdraw(@PathParam("id") String id) {
        return OfferResponse.of(offers.withdraw(caller.actor(), id));
    }
}
