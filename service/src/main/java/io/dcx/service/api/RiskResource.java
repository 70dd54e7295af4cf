package io.dcx.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcx.service.api.dto.RiskSettingsResponse;
import io.dcx.service.application.risk.RiskSettings;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The surveillance thresholds: operators and regulators read them, operators change them at run time. */
@Path("/api/v1/risk")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "risk")
public class RiskResource {
    private final Caller caller;
    private final RiskSettings settings;

    public RiskResource(Caller caller, RiskSettings settings) {
        this.caller = caller;
        this.settings = settings;
    }

    @GET
    @Path("/settings")
    @RolesAllowed({"operator", "regulator"})
    @Operation(summary = "The surveillance thresholds in force")
    public RiskSettingsResponse settings() {
        return RiskSettingsResponse.of(settings.current());
    }

    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    @Operation(summary = "Replace every surveillance threshold (durations ISO-8601); applies to the next event;"
            + " audited with before and after")
    public RiskSettingsResponse change(JsonNode body) {
        if (body == null || body.isNull()) {
            throw new DcxException(ErrorCode.INVALID_RISK_SETTINGS, "a JSON object with every threshold is required");
        }
        return RiskSettingsResponse.of(settings.change(caller.actor(), body));
    }
}
