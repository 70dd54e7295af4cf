package io.dcx.service.api;

import io.dcx.service.api.dto.AssetProvenanceResponse;
import io.dcx.service.api.dto.AssetResponse;
import io.dcx.service.application.rights.AssetQueries;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.asset.Asset;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reading assets and their provenance. */
@Path("/api/v1/assets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "assets")
public class AssetResource {
    private final AssetQueries queries;
    private final CurrentAccount account;

    public AssetResource(AssetQueries queries, CurrentAccount account) {
        this.queries = queries;
        this.account = account;
    }

    @GET
    @RolesAllowed({Roles.CREATOR, Roles.TRADER, Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
    @Operation(summary = "Your own assets: ?owner=me")
    public List<AssetResponse> mine(@QueryParam("owner") String owner) {
        if (!"me".equals(owner)) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "query parameter owner=me is required");
        }
        return queries.ownedBy(account.id()).stream().map(AssetResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CREATOR, Roles.TRADER, Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
    @Operation(summary = "Read an asset")
    public AssetResponse get(@PathParam("id") String id) {
        return AssetResponse.of(queries.byId(id));
    }

    @GET
    @Path("/{id}/provenance")
    @RolesAllowed({Roles.CREATOR, Roles.TRADER, Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
    @Operation(summary = "Chain history of an asset, oldest first: transaction, block, time, action, owner")
    public AssetProvenanceResponse provenance(@PathParam("id") String id) {
        Asset asset = queries.byId(id);
        return new AssetProvenanceResponse(asset.id(), asset.workId(), queries.provenance(asset.id()));
    }
}
