package io.dcx.service.api;

import io.dcx.service.api.dto.AlertResponse;
import io.dcx.service.application.risk.RiskCases;
import io.dcx.service.domain.ErrorCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Surveillance alerts, for operators and regulators. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "risk")
public class AlertResource {
    private final RiskCases cases;

    public AlertResource(RiskCases cases) {
        this.cases = cases;
    }

    @GET
    @RolesAllowed({"operator", "regulator"})
    @Operation(summary = "Alerts newest first; filters rule, status (of the alert's case), asset (the alert's subject"
            + " or an asset of its evidence), from and to (raised_at, ISO-8601, to exclusive); offset pagination")
    public List<AlertResponse> alerts(@QueryParam("rule") String rule, @QueryParam("status") String status,
            @QueryParam("asset") String asset, @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        return cases.alerts(rule, status, asset, BoardInput.instant("from", from, ErrorCode.INVALID_REQUEST),
                BoardInput.instant("to", to, ErrorCode.INVALID_REQUEST), CaseResource.number("offset", offset),
                CaseResource.number("limit", limit)).stream().map(AlertResponse::of).toList();
    }
}
