package io.dcx.service.api;

import io.dcx.service.api.dto.LineageResponse;
import io.dcx.service.application.rights.LineageQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The derivation graph of a work. */
@Path("/api/v1/works/{workId}/lineage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "works")
public class LineageResource {
    private final LineageQueries lineage;

    public LineageResource(LineageQueries lineage) {
        this.lineage = lineage;
    }

    @GET
    @RolesAllowed({Roles.CREATOR, Roles.TRADER, Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
    @Operation(summary = "Ancestors and descendants of a work, with their distance in generations")
    public LineageResponse get(@PathParam("workId") String workId) {
        return LineageResponse.of(lineage.of(workId));
    }
}
