package io.dcx.service.api;

import io.dcx.service.api.dto.RoyaltiesResponse;
import io.dcx.service.application.CreatorQueries;
import io.dcx.service.domain.AccountId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The royalties the caller earned as a creator (the console's "Royalties"). */
@Path("/api/v1/accounts/me/royalties")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "accounts")
public class RoyaltyResource {
    private final CreatorQueries queries;
    private final CurrentAccount account;

    public RoyaltyResource(CreatorQueries queries, CurrentAccount account) {
        this.queries = queries;
        this.account = account;
    }

    @GET
    @RolesAllowed(Roles.CREATOR)
    @Operation(summary = "Royalties the caller earned on resales of their works: the total and the newest credits",
            description = "One entry per settled trade that paid the caller a royalty (primary sales pay none), with"
                    + " the work, the asset, the price, the caller's share in basis points and the amount in fen.")
    @APIResponse(responseCode = "200", description = "The total and the newest credits",
            content = @Content(schema = @Schema(implementation = RoyaltiesResponse.class)))
    @APIResponse(responseCode = "400", description = "INVALID_REQUEST: limit outside 1..500")
    public RoyaltiesResponse royalties(@QueryParam("limit") @DefaultValue("200") int limit) {
        AccountId me = account.id();
        return RoyaltiesResponse.of(me.value(), queries.royaltiesOf(me, limit));
    }
}
