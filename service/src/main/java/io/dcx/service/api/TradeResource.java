package io.dcx.service.api;

import io.dcx.service.api.dto.TradeResponse;
import io.dcx.service.application.board.TradeQueries;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.board.TradeStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Trades: parties see theirs, operators and regulators all; anyone else gets 404 for a trade id. */
@Path("/api/v1/trades")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "board")
public class TradeResource {
    private final Caller caller;
    private final TradeQueries trades;

    public TradeResource(Caller caller, TradeQueries trades) {
        this.caller = caller;
        this.trades = trades;
    }

    @GET
    @RolesAllowed({"creator", "trader", "operator", "regulator"})
    @Operation(summary = "Trades, newest first: the caller's, or for operators and regulators everyone's")
    public List<TradeResponse> search(@QueryParam("assetId") String assetId, @QueryParam("status") String status,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("100") int limit) {
        TradeStatus s = BoardInput.named(TradeStatus.class, "status", status, ErrorCode.INVALID_REQUEST);
        return trades.search(caller.actor(), readsAll(), assetId, s == null ? null : s.name(), offset, limit).stream()
                .map(t -> TradeResponse.of(t, null)).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"creator", "trader", "operator", "regulator"})
    @Operation(summary = "A trade with each settlement step, its times and chain transactions")
    public TradeResponse get(@PathParam("id") String id) {
        TradeQueries.TradeView view = trades.get(caller.actor(), id, readsAll());
        return TradeResponse.of(view.trade(), view.steps());
    }

    private boolean readsAll() {
        return caller.hasRole("operator") || caller.hasRole("regulator");
    }
}
