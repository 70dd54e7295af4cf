package io.dcx.service.api;

import io.dcx.service.api.dto.ReconciliationRunResponse;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.reconciliation.Reconciliation;
import io.dcx.service.application.reconciliation.ReconciliationReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Reconciliation of the service's books with the chain. Operators and regulators run it (it only reads; the run is
 * recorded and audited) and read its reports; a regulator's run reads the chain with the regulator's own identity.
 */
@Path("/api/v1/audit/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class ReconciliationResource {
    private final Caller caller;
    private final Reconciliation reconciliation;

    public ReconciliationResource(Caller caller, Reconciliation reconciliation) {
        this.caller = caller;
        this.reconciliation = reconciliation;
    }

    @POST
    @RolesAllowed({"operator", "regulator"})
    @Operation(summary = "Run a reconciliation now (assets, settled and failed trades, works) and answer its report")
    public Response run() {
        LedgerIdentity identity = caller.hasRole("regulator") ? LedgerIdentity.REGULATOR : LedgerIdentity.EXCHANGE;
        ReconciliationReport report = reconciliation.run(caller.actor(), ReconciliationReport.Trigger.ON_DEMAND,
                identity);
        return Response.created(URI.create("/api/v1/audit/reconciliation/" + report.id())).entity(report).build();
    }

    @GET
    @RolesAllowed({"operator", "regulator"})
    @Operation(summary = "The latest reconciliation report")
    public ReconciliationReport latest() {
        return reconciliation.latest();
    }

    @GET
    @Path("/runs")
    @RolesAllowed({"operator", "regulator"})
    @Operation(summary = "Recent reconciliation runs, newest first (limit 1..100, default 20), without differences")
    public List<ReconciliationRunResponse> runs(@QueryParam("limit") Integer limit) {
        return reconciliation.recent(limit).stream().map(ReconciliationRunResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"operator", "regulator"})
    @Operation(summary = "One reconciliation report")
    public ReconciliationReport byId(@PathParam("id") String id) {
        return reconciliation.byId(id);
    }
}
