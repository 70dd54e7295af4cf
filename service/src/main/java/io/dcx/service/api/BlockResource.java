package io.dcx.service.api;

import io.dcx.service.application.ledger.BlockHeader;
import io.dcx.service.application.reconciliation.BlockChecks;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Block integrity for operators and regulators: walk the chain of block hashes, read one block's header. */
@Path("/api/v1/audit/blocks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class BlockResource {
    private final Caller caller;
    private final BlockChecks blocks;

    public BlockResource(Caller caller, BlockChecks blocks) {
        this.caller = caller;
        this.blocks = blocks;
    }

    @GET
    @Path("/verify")
    @RolesAllowed({"operator", "regulator"})
    @Operation(summary = "Recompute every block's hashes and links from block 0: intact, or the first break")
    public BlockChecks.Report verify() {
        return blocks.verify(caller.actor());
    }

    @GET
    @Path("/{number}")
    @RolesAllowed({"operator", "regulator"})
    @Operation(summary = "One block's header: number, previous hash, data hash, hash, transaction count")
    public BlockHeader block(@PathParam("number") String number) {
        long n;
        try {
            n = Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "number: a block number, 0 or more");
        }
        if (n < 0) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "number: a block number, 0 or more");
        }
        return blocks.block(n);
    }
}
