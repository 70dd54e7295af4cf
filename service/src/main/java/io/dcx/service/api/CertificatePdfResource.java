package io.dcx.service.api;

import io.dcx.service.application.rights.Certificates;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The registration certificate as PDF at a link that needs no Accept header (for browsers and downloads). */
@Path("/api/v1/works/{workId}/certificate.pdf")
@Tag(name = "certificates")
public class CertificatePdfResource {
    private final Certificates certificates;

    public CertificatePdfResource(Certificates certificates) {
        this.certificates = certificates;
    }

    @GET
    @Produces(CertificateResource.PDF)
    @RolesAllowed({Roles.CREATOR, Roles.TRADER, Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
    @Operation(summary = "Registration certificate as PDF, with a QR code of its verify link")
    public Response get(@PathParam("workId") String workId) {
        return CertificateResource.pdf(certificates.pdf(workId), workId);
    }
}
