package io.dcx.service.api;

import io.dcx.service.api.dto.AssetResponse;
import io.dcx.service.application.rights.EditionIssuance;
import io.dcx.service.domain.asset.Asset;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Issuing the copyright of a work as a tradable asset. */
@Path("/api/v1/works/{workId}/copyright")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "assets")
public class CopyrightResource {
    private final EditionIssuance issuance;
    private final CurrentAccount account;

    public CopyrightResource(EditionIssuance issuance, CurrentAccount account) {
        this.issuance = issuance;
        this.account = account;
    }

    @POST
    @RolesAllowed(Roles.CREATOR)
    @Operation(summary = "Issue the copyright of your own work as an asset (once)",
            description = "Answers 201 with the asset <workId>-c; 409 COPYRIGHT_ALREADY_ISSUED or WORK_NOT_TRADABLE.")
    public Response issue(@PathParam("workId") String workId, UriInfo uri) {
        Asset copyright = issuance.issueCopyright(workId, account.id());
        return Response.created(uri.getBaseUriBuilder().path("api/v1/assets/{id}").build(copyright.id()))
                .entity(AssetResponse.of(copyright))
                .build();
    }
}
