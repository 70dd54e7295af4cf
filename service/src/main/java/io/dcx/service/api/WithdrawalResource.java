package io.dcx.service.api;

import io.dcx.service.api.IdempotentResponses.Reply;
import io.dcx.service.api.dto.WithdrawalConfirmationRequest;
import io.dcx.service.api.dto.WithdrawalResponse;
import io.dcx.service.application.idempotency.Idempotency;
import io.dcx.service.application.money.Funds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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

/** Operators' side of withdrawals above the confirmation threshold. */
@Path("/api/v1/withdrawals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "accounts")
public class WithdrawalResource {
    private final Caller caller;
    private final Funds funds;
    private final IdempotentResponses idempotent;

    public WithdrawalResource(Caller caller, Funds funds, IdempotentResponses idempotent) {
        this.caller = caller;
        this.funds = funds;
        this.idempotent = idempotent;
    }

    @GET
    @RolesAllowed("operator")
    @Operation(summary = "Withdrawals in a state (default PENDING_CONFIRMATION), oldest first")
    public List<WithdrawalResponse> list(@QueryParam("status") String status, @QueryParam("limit") Integer limit) {
        return funds.withdrawalsIn(status, limit).stream().map(w -> WithdrawalResponse.of(w, null, true)).toList();
    }

    @POST
    @Path("/{id}/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    @Operation(summary = "Pay out ({\"approve\":true}) or refuse ({\"approve\":false,\"reason\":...}) a withdrawal",
            description = "409 WITHDRAWAL_NOT_PENDING once decided. Idempotency-Key accepted.")
    public Response confirm(@PathParam("id") String id, WithdrawalConfirmationRequest body,
            @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        WithdrawalConfirmationRequest r = JsonInput.required(body);
        return idempotent.respond(caller.accountId(), key, "POST", uri.getPath(), r, () -> new Reply(200,
                WithdrawalResponse.of(funds.confirm(caller.actor(), id, r.approve(), r.reason()), null, true)));
    }
}
