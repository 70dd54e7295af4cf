package io.dcx.service.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcx.service.api.dto.DisputeResponse;
import io.dcx.service.application.rights.Disputes;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.dispute.DecisionReason;
import io.dcx.service.domain.dispute.Dispute;
import io.dcx.service.domain.dispute.DisputeDecision;
import io.dcx.service.domain.dispute.DisputeStatus;
import io.quarkus.security.identity.SecurityIdentity;
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
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Reading and deciding disputes. Claimants see their own; operators, regulators and admins see all; only operators
 * decide. A dispute someone may not see answers 404, like one that does not exist.
 */
@Path("/api/v1/disputes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "disputes")
public class DisputeResource {
    private final Disputes disputes;
    private final CurrentAccount account;
    private final SecurityIdentity identity;

    public DisputeResource(Disputes disputes, CurrentAccount account, SecurityIdentity identity) {
        this.disputes = disputes;
        this.account = account;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.CREATOR, Roles.TRADER, Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
    @Operation(summary = "?mine=true: the disputes you filed; ?status=OPEN (operators, regulators): all in a status")
    public List<DisputeResponse> list(@QueryParam("mine") String mine, @QueryParam("status") String status) {
        DisputeStatus filter = status == null ? null : DisputeStatus.parse(status);
        if (mine != null && !"true".equals(mine) && !"false".equals(mine)) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "mine must be true or false");
        }
        List<Dispute> found;
        if ("true".equals(mine)) {
            found = disputes.mine(account.id()).stream()
                    .filter(d -> filter == null || d.status() == filter)
                    .toList();
        } else if (seesAll()) {
            found = disputes.list(filter);
        } else {
            throw new DcxException(ErrorCode.FORBIDDEN,
                    "only operators and regulators list all disputes; use ?mine=true for your own");
        }
        return found.stream().map(DisputeResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CREATOR, Roles.TRADER, Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
    @Operation(summary = "Read a dispute you filed (operators and regulators: any dispute)")
    public DisputeResponse get(@PathParam("id") String id) {
        return DisputeResponse.of(disputes.byId(id, account.id(), seesAll()));
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Decide a dispute (operators)",
            description = "Body {\"action\": MARK_DISPUTED | FREEZE | DISMISS | RESOLVE, \"reason\": text}. "
                    + "MARK_DISPUTED and FREEZE set the work's status on chain to DISPUTED or FROZEN, which stops "
                    + "its assets from trading; RESOLVE lifts it (back to ACTIVE unless another dispute holds it); "
                    + "DISMISS leaves the work as it is. 409 DISPUTE_TRANSITION for a decision the dispute's "
                    + "status does not allow.")
    public DisputeResponse decide(@PathParam("id") String id, String body) {
        ObjectNode json = JsonBodies.object(body, Set.of("action", "reason"));
        DisputeDecision decision = DisputeDecision.parse(
                JsonBodies.text(json, "action", ErrorCode.INVALID_DISPUTE_ACTION));
        DecisionReason reason = new DecisionReason(JsonBodies.text(json, "reason", ErrorCode.INVALID_REASON));
        return DisputeResponse.of(disputes.decide(id, account.id(), decision, reason));
    }

    private boolean seesAll() {
        return identity.hasRole(Roles.OPERATOR) || identity.hasRole(Roles.REGULATOR) || identity.hasRole(Roles.ADMIN);
    }
}
