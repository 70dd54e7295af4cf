package io.dcx.service.api;

import io.dcx.service.api.dto.TokenTransferResponse;
import io.dcx.service.application.port.TokenTransfers;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators' view of the e-CNY token rail: transfers into the escrow (unmatched ones to resolve) and the watcher. */
@Path("/api/v1/rails/ecny")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "accounts")
public class TokenRailResource {
    private final TokenTransfers transfers;

    public TokenRailResource(TokenTransfers transfers) {
        this.transfers = transfers;
    }

    @GET
    @Path("/transfers")
    @RolesAllowed({"operator", "regulator"})
    @Operation(summary = "Token transfers into the escrow: UNMATCHED (default) or CREDITED, newest first")
    public List<TokenTransferResponse> list(@QueryParam("status") String status, @QueryParam("limit") Integer limit) {
        String state = status == null || status.isBlank() ? "UNMATCHED" : status.strip().toUpperCase(Locale.ROOT);
        if (!state.equals("UNMATCHED") && !state.equals("CREDITED")) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "status: UNMATCHED or CREDITED");
        }
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > 500) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "limit: 1 to 500");
        }
        return transfers.inState(state, size).stream().map(TokenTransferResponse::of).toList();
    }

    @GET
    @Path("/status")
    @RolesAllowed({"operator", "regulator"})
    @Operation(summary = "Whether the rail is on, where deposits go, and the watcher's checkpoint (halted after a reorg)")
    public Map<String, Object> status() {
        Map<String, Object> answer = new LinkedHashMap<>();
        var target = transfers.depositTarget();
        answer.put("enabled", target.isPresent());
        target.ifPresent(t -> {
            answer.put("escrowAddress", t.escrowAddress());
            answer.put("tokenAddress", t.tokenAddress());
            answer.put("confirmations", t.confirmations());
        });
        transfers.scanState().ifPresent(s -> {
            answer.put("lastScannedBlock", s.lastBlock());
            answer.put("lastScannedBlockHash", s.lastBlockHash());
            answer.put("haltedReason", s.haltedReason());
        });
        return answer;
    }
}
