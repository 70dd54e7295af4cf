package io.dcx.service.api;

import io.dcx.service.api.dto.CaseActionRequest;
import io.dcx.service.api.dto.CaseDetailResponse;
import io.dcx.service.api.dto.CaseResponse;
import io.dcx.service.application.risk.RiskCases;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Surveillance cases: operators and regulators read them, only operators act on them. */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "risk")
public class CaseResource {
    private final Caller caller;
    private final RiskCases cases;

    public CaseResource(Caller caller, RiskCases cases) {
        this.caller = caller;
        this.cases = cases;
    }

    @GET
    @RolesAllowed({"operator", "regulator"})
    @Operation(summary = "Cases, most recently changed first; filter status; offset pagination")
    public List<CaseResponse> cases(@QueryParam("status") String status, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        return cases.cases(status, number("offset", offset), number("limit", limit)).stream().map(CaseResponse::of)
                .toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"operator", "regulator"})
    @Operation(summary = "A case with its evidence (alerts, trades and transfers, accounts and their links) and"
            + " history")
    public CaseDetailResponse detail(@PathParam("id") String id) {
        return CaseDetailResponse.of(cases.detail(id));
    }

    @POST
    @Path("/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    @Operation(summary = "HALT_ASSET, FREEZE_ASSET, SUSPEND_ACCOUNT, ESCALATE or DISMISS, with a reason; audited")
    public CaseDetailResponse act(@PathParam("id") String id, CaseActionRequest body) {
        CaseActionRequest r = JsonInput.required(body);
        return CaseDetailResponse.of(cases.act(caller.actor(), id, r.action(), r.target(), r.reason()));
    }

    /** A paging parameter: absent, or a whole number (else INVALID_REQUEST, 400). */
    static Integer number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, field + ": a whole number");
        }
    }
}
