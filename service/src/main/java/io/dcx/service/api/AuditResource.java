package io.dcx.service.api;

import io.dcx.service.api.dto.AuditEventResponse;
import io.dcx.service.api.dto.AuditPageResponse;
import io.dcx.service.application.audit.AuditQueries;
import io.dcx.service.application.port.AuditTrail;
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

/** The audit log, read-only, for operators and regulators: events with filters and a check of the hash chain. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class AuditResource {
    private final AuditQueries audit;

    public AuditResource(AuditQueries audit) {
        this.audit = audit;
    }

    @GET
    @Path("/events")
    @RolesAllowed({"operator", "regulator"})
    @Operation(summary = "Audit events, newest first, with filters and cursor pagination")
    public AuditPageResponse events(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("subjectType") String subjectType, @QueryParam("subjectId") String subjectId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        AuditTrail.Filter filter = new AuditTrail.Filter(actor, action, subjectType, subjectId,
                BoardInput.instant("from", from, ErrorCode.INVALID_REQUEST),
                BoardInput.instant("to", to, ErrorCode.INVALID_REQUEST));
        AuditQueries.Page page = audit.page(filter, cursor, limit);
        return new AuditPageResponse(page.events().stream().map(AuditEventResponse::of).toList(), page.nextCursor());
    }

    @GET
    @Path("/integrity")
    @RolesAllowed({"operator", "regulator"})
    @Operation(summary = "Walk the audit log's hash chain: intact, or where it breaks (an edited or deleted row)")
    public AuditQueries.Integrity integrity() {
        return audit.verify();
    }
}
