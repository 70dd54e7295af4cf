package io.dcx.service.api;

import io.dcx.service.api.dto.BoardPolicyRequest;
import io.dcx.service.api.dto.BoardPolicyResponse;
import io.dcx.service.api.dto.HaltRequest;
import io.dcx.service.api.dto.HaltResponse;
import io.dcx.service.application.board.BoardPolicies;
import io.dcx.service.application.board.Halts;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.asset.Asset.AssetKind;
import io.dcx.service.domain.board.BoardRules;
import io.dcx.service.domain.board.HaltScope;
import io.dcx.service.domain.board.ListingType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Board policy (everyone reads, operators change) and trading halts (operators set and lift, regulators read). */
@Path("/api/v1/board")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "board")
public class BoardResource {
    private final Caller caller;
    private final BoardPolicies policies;
    private final Halts halts;

    public BoardResource(Caller caller, BoardPolicies policies, Halts halts) {
        this.caller = caller;
        this.policies = policies;
        this.halts = halts;
    }

    @GET
    @Path("/policy")
    @RolesAllowed({"creator", "trader", "operator", "regulator", "admin"})
    public BoardPolicyResponse policy() {
        return BoardPolicyResponse.of(policies.current());
    }

    @PUT
    @Path("/policy")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    @Operation(summary = "Replace the board policy (every field); audited with before and after")
    public BoardPolicyResponse change(BoardPolicyRequest body) {
        BoardPolicyRequest r = JsonInput.required(body);
        if (r.listingTypes() == null || r.feeBps() == null || r.royaltyBps() == null || r.priceBandBps() == null
                || r.holdingPeriodSeconds() == null || r.dailyTransferCapPerAsset() == null
                || r.dailyTransferCapPerAccount() == null) {
            throw new DcxException(ErrorCode.INVALID_POLICY, "every field of the policy is required");
        }
        Map<AssetKind, Set<ListingType>> types = new EnumMap<>(AssetKind.class);
        for (Map.Entry<String, List<String>> e : r.listingTypes().entrySet()) {
            AssetKind kind = BoardInput.named(AssetKind.class, "listingTypes key", e.getKey(), ErrorCode.INVALID_POLICY);
            Set<ListingType> set = EnumSet.noneOf(ListingType.class);
            for (String t : e.getValue() == null ? List.<String>of() : e.getValue()) {
                set.add(BoardInput.named(ListingType.class, "listingTypes", t, ErrorCode.INVALID_POLICY));
            }
            types.put(kind, set);
        }
        BoardRules rules = new BoardRules(types, r.feeBps(), r.royaltyBps(), r.priceBandBps());
        return BoardPolicyResponse.of(policies.change(caller.actor(), rules, r.holdingPeriodSeconds(),
                r.dailyTransferCapPerAsset(), r.dailyTransferCapPerAccount()));
    }

    @GET
    @Path("/halts")
    @RolesAllowed({"operator", "regulator"})
    @Operation(summary = "Halts in force")
    public List<HaltResponse> halts() {
        return halts.inForce(Instant.now()).stream().map(HaltResponse::of).toList();
    }

    @POST
    @Path("/halts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    @Operation(summary = "Pause trading of the board, an asset or a listing, with a reason (and optional until)")
    public Response halt(HaltRequest body) {
        HaltRequest r = JsonInput.required(body);
        HaltScope scope = BoardInput.named(HaltScope.class, "scope", r.scope(), ErrorCode.INVALID_HALT);
        Instant until = BoardInput.instant("until", r.until(), ErrorCode.INVALID_HALT);
        return Response.status(201)
                .entity(HaltResponse.of(halts.halt(caller.actor(), scope, r.targetId(), r.reason(), until))).build();
    }

    @POST
    @Path("/halts/{id}/lift")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed("operator")
    public HaltResponse lift(@PathParam("id") String id) {
        return HaltResponse.of(halts.lift(caller.actor(), id));
    }
}
