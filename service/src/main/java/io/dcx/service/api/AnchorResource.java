package io.dcx.service.api;

import io.dcx.service.api.dto.AnchorResponse;
import io.dcx.service.api.dto.AnchorRunResponse;
import io.dcx.service.application.anchor.Anchoring;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Anchoring on an EVM chain, on an operator's request (service/AUDIT.md, "Anchoring and proofs"). */
@Path("/api/v1/audit/anchors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class AnchorResource {
    private final Anchoring anchoring;
    private final Caller caller;

    public AnchorResource(Anchoring anchoring, Caller caller) {
        this.anchoring = anchoring;
        this.caller = caller;
    }

    @POST
    @RolesAllowed("operator")
    @Operation(summary = "Anchor now: the Merkle root over the leaves since the last anchor, recorded on the EVM chain"
            + " (201 with the anchor; 200 with anchored=false when there was nothing to anchor; 202 while the"
            + " transaction is not mined yet)")
    public Response anchorNow() {
        Anchoring.Run run = anchoring.anchorNow(caller.actor());
        if (run.anchor() == null) {
            return Response.ok(new AnchorRunResponse(false, null, run.pendingLeaves())).build();
        }
        AnchorResponse anchor = AnchorResponse.of(run.anchor());
        int status = switch (run.anchor().status()) {
            case "ANCHORED" -> 201;
            case "SENT" -> 202;
            default -> 200;
        };
        return Response.status(status).entity(new AnchorRunResponse("ANCHORED".equals(anchor.status()), anchor,
                run.pendingLeaves())).build();
    }
}
