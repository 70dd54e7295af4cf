package io.dcx.service.api;

import io.dcx.service.api.dto.LookThroughRequest;
import io.dcx.service.api.dto.LookThroughResponse;
import io.dcx.service.application.kyc.LookThrough;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A regulator resolves a pseudonymous account to the verified party; every resolution is audited. */
@Path("/api/v1/regulator/look-through")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "regulator")
public class LookThroughResource {
    private final Caller caller;
    private final LookThrough lookThrough;

    public LookThroughResource(Caller caller, LookThrough lookThrough) {
        this.caller = caller;
        this.lookThrough = lookThrough;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("regulator")
    @Operation(summary = "Resolve an account to the person or institution behind it (reason required, audited)")
    public LookThroughResponse resolve(LookThroughRequest body) {
        LookThroughRequest r = JsonInput.required(body);
        return LookThroughResponse.of(lookThrough.resolve(caller.actor(), r.accountId(), r.reason()));
    }
}
