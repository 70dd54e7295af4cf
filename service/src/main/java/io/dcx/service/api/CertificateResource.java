package io.dcx.service.api;

import io.dcx.service.api.dto.CertificateResponse;
import io.dcx.service.application.port.CertificateRenderer;
import io.dcx.service.application.rights.Certificates;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The registration certificate of a work, as JSON or as PDF by the Accept header (JSON unless PDF is preferred).
 * Certificates attest public chain facts (creators appear only as pseudonymous account ids), so every role that
 * reads works may fetch one.
 */
@Path("/api/v1/works/{workId}/certificate")
@Tag(name = "certificates")
public class CertificateResource {
    static final String PDF = "application/pdf";
    static final String RENDERING_HEADER = "Dcx-Title-Rendering";

    private final Certificates certificates;

    public CertificateResource(Certificates certificates) {
        this.certificates = certificates;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, PDF})
    @RolesAllowed({Roles.CREATOR, Roles.TRADER, Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
    @Operation(summary = "Registration certificate: JSON (Accept: application/json) or PDF (Accept: application/pdf)")
    public Response get(@PathParam("workId") String workId, HttpHeaders headers) {
        if (prefersPdf(headers)) {
            return pdf(certificates.pdf(workId), workId);
        }
        return Response.ok(CertificateResponse.of(certificates.issue(workId)), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    private static boolean prefersPdf(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if ("application".equals(type.getType()) && "pdf".equals(type.getSubtype())) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    static Response pdf(CertificateRenderer.RenderedPdf pdf, String workId) {
        return Response.ok(pdf.bytes(), PDF)
                .header("Content-Disposition", "inline; filename=\"certificate-" + workId.replaceAll("[^A-Za-z0-9_-]",
                        "") + ".pdf\"")
                .header(RENDERING_HEADER, pdf.titleRendering())
                .build();
    }
}
