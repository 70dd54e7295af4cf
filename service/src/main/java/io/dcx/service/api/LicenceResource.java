package io.dcx.service.api;

import io.dcx.service.api.dto.LicenceResponse;
import io.dcx.service.application.rights.Licensing;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reading one licence. */
@Path("/api/v1/licences")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "licences")
public class LicenceResource {
    private final Licensing licensing;

    public LicenceResource(Licensing licensing) {
        this.licensing = licensing;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CREATOR, Roles.TRADER, Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
    @Operation(summary = "Read a licence")
    public LicenceResponse get(@PathParam("id") String id) {
        return LicenceResponse.of(licensing.byId(id));
    }
}
