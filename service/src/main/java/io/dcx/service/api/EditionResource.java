package io.dcx.service.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcx.service.api.dto.AssetResponse;
import io.dcx.service.api.dto.EditionsResponse;
import io.dcx.service.application.rights.EditionIssuance;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.asset.EditionIssue;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Issuing a limited series of a work's editions. */
@Path("/api/v1/works/{workId}/editions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "assets")
public class EditionResource {
    private final EditionIssuance issuance;
    private final CurrentAccount account;

    public EditionResource(EditionIssuance issuance, CurrentAccount account) {
        this.issuance = issuance;
        this.account = account;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CREATOR)
    @Operation(summary = "Issue N editions of your own work",
            description = "Body {\"count\": 1..10000, \"issuePriceFen\": integer fen >= 0}. Answers 201 with the "
                    + "assets (edition k of N, owned by you); 409 EDITIONS_ALREADY_ISSUED (one series per work) or "
                    + "WORK_NOT_TRADABLE; 404 for a work that is not yours.")
    public Response issue(@PathParam("workId") String workId, String body, UriInfo uri) {
        ObjectNode json = JsonBodies.object(body, Set.of("count", "issuePriceFen"));
        EditionIssue issue = new EditionIssue(JsonBodies.wholeInt(json, "count", ErrorCode.INVALID_EDITION_COUNT),
                JsonBodies.wholeNumber(json, "issuePriceFen", ErrorCode.INVALID_AMOUNT));
        EditionIssuance.Issued issued = issuance.issueEditions(workId, account.id(), issue);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/works/{id}/assets").build(issued.workId()))
                .entity(new EditionsResponse(issued.workId(), issue.count(), issue.issuePriceFen(), "CNY",
                        issued.txId(), issued.blockNumber(),
                        issued.assets().stream().map(AssetResponse::of).toList()))
                .build();
    }
}
