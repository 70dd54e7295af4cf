package io.dcx.service.api;

import io.dcx.service.application.audit.Exports;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * CSV exports for operators and regulators: trades, alerts, cases and audit events of a period [from, to), streamed.
 * The export is on the audit log before the first byte leaves (see {@link Exports}).
 */
@Path("/api/v1/audit/exports")
@Tag(name = "audit")
public class ExportResource {
    static final String CSV = "text/csv; charset=UTF-8; header=present";

    private final Caller caller;
    private final Exports exports;

    public ExportResource(Caller caller, Exports exports) {
        this.caller = caller;
        this.exports = exports;
    }

    @GET
    @Path("/{kind}.csv")
    @Produces({"text/csv", "application/problem+json"})
    @RolesAllowed({"operator", "regulator"})
    @Operation(summary = "Export trades, alerts, cases or audit-events of [from, to) as CSV (RFC 4180, UTF-8 with BOM,"
            + " formula cells neutralised); every export is an audit event")
    public Response export(@PathParam("kind") String kind, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Exports.Started started = exports.start(caller.actor(), kind, instant("from", from), instant("to", to));
        StreamingOutput body = out -> exports.write(started, out);
        return Response.ok(body, CSV)
                .header("Content-Disposition", "attachment; filename=\"dcx-" + started.kind().urlName() + "-"
                        + started.from().toString().replace(':', '-') + "--"
                        + started.to().toString().replace(':', '-') + ".csv\"")
                .header("X-Export-Rows", started.rowCount())
                .header("X-Export-Audit-Event", started.auditEventId())
                .build();
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new DcxException(ErrorCode.INVALID_EXPORT_PERIOD,
                    field + ": not an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }
}
