package io.dcx.service.api;

import io.dcx.service.api.dto.AssetResponse;
import io.dcx.service.application.rights.AssetQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The assets of one work. */
@Path("/api/v1/works/{workId}/assets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "assets")
public class WorkAssetResource {
    private final AssetQueries queries;

    public WorkAssetResource(AssetQueries queries) {
        this.queries = queries;
    }

    @GET
    @RolesAllowed({Roles.CREATOR, Roles.TRADER, Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
    @Operation(summary = "The work's editions (in edition order) and its copyright asset")
    public List<AssetResponse> list(@PathParam("workId") String workId) {
        return queries.ofWork(workId).stream().map(AssetResponse::of).toList();
    }
}
