package io.dcx.service.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The caller's wallets, and where to send tokens to deposit: the escrow and the token contract (absent while the
 * ecny rail is off).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WalletsResponse(List<WalletResponse> wallets, String escrowAddress, String tokenAddress,
        Integer confirmations) {
}
