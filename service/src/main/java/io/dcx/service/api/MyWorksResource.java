package io.dcx.service.api;

import io.dcx.service.api.dto.WorkResponse;
import io.dcx.service.application.CreatorQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The works of the caller as a creator (the console's "My works"). */
@Path("/api/v1/accounts/me/works")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "accounts")
public class MyWorksResource {
    private final CreatorQueries queries;
    private final CurrentAccount account;

    public MyWorksResource(CreatorQueries queries, CurrentAccount account) {
        this.queries = queries;
        this.account = account;
    }

    @GET
    @RolesAllowed(Roles.CREATOR)
    @Operation(summary = "The works the caller is a creator of (registrant or co-creator), newest first",
            description = "Registered works only; uploads held for review are at GET /api/v1/registrations.")
    @APIResponse(responseCode = "200", description = "The works", content = @Content(schema = @Schema(
            type = SchemaType.ARRAY, implementation = WorkResponse.class)))
    @APIResponse(responseCode = "400", description = "INVALID_REQUEST: limit outside 1..500")
    public List<WorkResponse> works(@QueryParam("limit") @DefaultValue("200") int limit) {
        return queries.worksOf(account.id(), limit).stream().map(WorkResponse::of).toList();
    }
}
