package io.dcx.service.api;

import io.dcx.service.api.dto.VerificationResponse;
import io.dcx.service.application.rights.Certificates;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public end of a certificate's QR code: anyone, without a token, can check a certificate against the ledger.
 * It reveals nothing that is not already on chain (hashes, pseudonymous creator ids, transaction ids).
 */
@Path("/api/v1/certificates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "certificates")
public class CertificateVerifyResource {
    private final Certificates certificates;

    public CertificateVerifyResource(Certificates certificates) {
        this.certificates = certificates;
    }

    @GET
    @Path("/verify")
    @PermitAll
    @Operation(summary = "Verify a registration certificate against the ledger (public, no token)",
            description = "Query: workId, contentHash, optional certificateHash. Answers 200 with valid true or "
                    + "false and the reasons; 400 for malformed input.")
    public VerificationResponse verify(@QueryParam("workId") String workId,
            @QueryParam("contentHash") String contentHash, @QueryParam("certificateHash") String certificateHash) {
        return VerificationResponse.of(certificates.verify(workId, contentHash, certificateHash));
    }
}
