package io.dcx.service.api;

import io.dcx.service.application.reconciliation.SupervisorStatistics;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Daily figures for supervisors (Beijing time): registrations, listings, trades, turnover, alerts by rule. */
@Path("/api/v1/audit/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class StatisticsResource {
    private final SupervisorStatistics statistics;

    public StatisticsResource(SupervisorStatistics statistics) {
        this.statistics = statistics;
    }

    @GET
    @RolesAllowed({"operator", "regulator"})
    @Operation(summary = "Per day (Asia/Shanghai) from..to inclusive (YYYY-MM-DD, at most 366 days)")
    public SupervisorStatistics.Report between(@QueryParam("from") String from, @QueryParam("to") String to) {
        return statistics.between(from, to);
    }
}
