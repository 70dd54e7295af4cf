package io.dcx.service.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcx.service.api.dto.DisputeResponse;
import io.dcx.service.application.rights.Disputes;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.dispute.Claim;
import io.dcx.service.domain.dispute.Dispute;
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

/** Filing an infringement claim against a work. */
@Path("/api/v1/works/{workId}/disputes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "disputes")
public class WorkDisputeResource {
    private final Disputes disputes;
    private final CurrentAccount account;

    public WorkDisputeResource(Disputes disputes, CurrentAccount account) {
        this.disputes = disputes;
        this.account = account;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CREATOR)
    @Operation(summary = "File an infringement claim against someone else's work",
            description = "Body {\"claim\": 10..5000 characters, \"evidenceWorkId\": optional, a work of yours "
                    + "registered earlier}. Answers 201 with the dispute (OPEN); 422 OWN_WORK_DISPUTE against your "
                    + "own work, INVALID_EVIDENCE; 409 DISPUTE_ALREADY_OPEN.")
    public Response file(@PathParam("workId") String workId, String body, UriInfo uri) {
        ObjectNode json = JsonBodies.object(body, Set.of("claim", "evidenceWorkId"));
        Claim claim = new Claim(JsonBodies.text(json, "claim", ErrorCode.INVALID_CLAIM));
        String evidence = JsonBodies.optionalText(json, "evidenceWorkId", ErrorCode.INVALID_REQUEST);
        Dispute dispute = disputes.file(workId, account.id(), claim, evidence);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/disputes/{id}").build(dispute.id()))
                .entity(DisputeResponse.of(dispute))
                .build();
    }
}
