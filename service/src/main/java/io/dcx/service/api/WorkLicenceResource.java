package io.dcx.service.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcx.service.api.dto.LicenceResponse;
import io.dcx.service.application.rights.Licensing;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.licence.Licence;
import io.dcx.service.domain.licence.LicenceScope;
import io.dcx.service.domain.licence.LicenceTerms;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Granting and listing the licences of a work. */
@Path("/api/v1/works/{workId}/licences")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "licences")
public class WorkLicenceResource {
    private static final Set<String> MEMBERS = Set.of("licenseeId", "scope", "feeFen", "validFrom", "validUntil");
    private static final Set<String> SCOPE = Set.of("commercialUse", "derivatives", "territory", "exclusive");

    private final Licensing licensing;
    private final CurrentAccount account;

    public WorkLicenceResource(Licensing licensing, CurrentAccount account) {
        this.licensing = licensing;
        this.account = account;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CREATOR)
    @Operation(summary = "Grant a licence on your own work",
            description = "Body {\"licenseeId\":\"acc_...\",\"scope\":{\"commercialUse\":bool,\"derivatives\":bool,"
                    + "\"territory\":text,\"exclusive\":bool},\"feeFen\":integer,\"validFrom\":\"yyyy-MM-dd\","
                    + "\"validUntil\":\"yyyy-MM-dd\"} (validity [validFrom, validUntil)). Answers 201; 409 "
                    + "LICENCE_CONFLICT when an exclusive licence would overlap another in time.")
    public Response grant(@PathParam("workId") String workId, String body, UriInfo uri) {
        ObjectNode json = JsonBodies.object(body, MEMBERS);
        ObjectNode scope = JsonBodies.object(json, "scope", ErrorCode.INVALID_LICENCE_SCOPE);
        JsonBodies.rejectUnknown(scope, SCOPE, "scope.");
        LicenceTerms terms = new LicenceTerms(
                JsonBodies.text(json, "licenseeId", ErrorCode.INVALID_ACCOUNT_ID),
                new LicenceScope(
                        JsonBodies.bool(scope, "commercialUse", ErrorCode.INVALID_LICENCE_SCOPE),
                        JsonBodies.bool(scope, "derivatives", ErrorCode.INVALID_LICENCE_SCOPE),
                        JsonBodies.text(scope, "territory", ErrorCode.INVALID_LICENCE_SCOPE),
                        JsonBodies.bool(scope, "exclusive", ErrorCode.INVALID_LICENCE_SCOPE)),
                JsonBodies.wholeNumber(json, "feeFen", ErrorCode.INVALID_AMOUNT),
                LicenceTerms.date(JsonBodies.text(json, "validFrom", ErrorCode.INVALID_LICENCE_TERM), "validFrom"),
                LicenceTerms.date(JsonBodies.text(json, "validUntil", ErrorCode.INVALID_LICENCE_TERM), "validUntil"));
        Licence licence = licensing.grant(workId, account.id(), terms);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/licences/{id}").build(licence.id()))
                .entity(LicenceResponse.of(licence))
                .build();
    }

    @GET
    @RolesAllowed({Roles.CREATOR, Roles.TRADER, Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
    @Operation(summary = "The licences granted on a work, oldest first")
    public List<LicenceResponse> list(@PathParam("workId") String workId) {
        return licensing.ofWork(workId).stream().map(LicenceResponse::of).toList();
    }
}
