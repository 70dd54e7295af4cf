package io.dcx.service.api;

import io.dcx.service.api.dto.LookThroughLogResponse;
import io.dcx.service.application.audit.LookThroughLog;
import io.dcx.service.domain.ErrorCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The log of look-throughs, for the exchange's compliance officer (role operator) and regulators: who resolved which
 * pseudonymous account, when and why. Read-only; it is the audit log filtered to LOOK_THROUGH events.
 */
@Path("/api/v1/regulator/look-through/log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "regulator")
public class LookThroughLogResource {
    private final LookThroughLog log;

    public LookThroughLogResource(LookThroughLog log) {
        this.log = log;
    }

    @GET
    @RolesAllowed({"operator", "regulator"})
    @Operation(summary = "Look-throughs made (who, when, which account, reason), newest first, with a cursor")
    public LookThroughLogResponse list(@QueryParam("accountId") String accountId,
            @QueryParam("regulator") String regulator, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("100") int limit) {
        return LookThroughLogResponse.of(log.page(accountId, regulator,
                BoardInput.instant("from", from, ErrorCode.INVALID_REQUEST),
                BoardInput.instant("to", to, ErrorCode.INVALID_REQUEST), cursor, limit));
    }
}
