package io.dcx.service.api;

import io.dcx.service.api.dto.ProofResponse;
import io.dcx.service.application.anchor.Proofs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Inclusion proofs of anchored registrations (service/AUDIT.md, "Anchoring and proofs"). A proof discloses nothing
 * private (ids, hashes, chain transaction ids), so every role may read one; {@code dcx-tools verify-proof} checks it
 * against the EVM chain without the service.
 */
@Path("/api/v1/audit/proofs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class ProofResource {
    private final Proofs proofs;

    public ProofResource(Proofs proofs) {
        this.proofs = proofs;
    }

    @GET
    @Path("/{workId}")
    @RolesAllowed({"creator", "trader", "operator", "regulator", "admin"})
    @Operation(summary = "The inclusion proof of a work's registration in an anchor on the EVM chain"
            + " (409 ANCHOR_PENDING until it is anchored)")
    public ProofResponse proof(@PathParam("workId") String workId) {
        return ProofResponse.of(proofs.ofWork(workId));
    }
}
