package io.dcx.service.api;

import io.dcx.service.api.dto.WalletRequest;
import io.dcx.service.api.dto.WalletResponse;
import io.dcx.service.api.dto.WalletsResponse;
import io.dcx.service.application.money.Wallet;
import io.dcx.service.application.money.Wallets;
import io.dcx.service.application.port.TokenTransfers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's e-CNY wallets: transfers from them to the escrow are credited, payouts on the ecny rail go to them. */
@Path("/api/v1/accounts/me/wallets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "accounts")
public class WalletResource {
    private final Caller caller;
    private final Wallets wallets;
    private final TokenTransfers rail;

    public WalletResource(Caller caller, Wallets wallets, TokenTransfers rail) {
        this.caller = caller;
        this.wallets = wallets;
        this.rail = rail;
    }

    @GET
    @RolesAllowed({"creator", "trader"})
    @Operation(summary = "The caller's wallets, and the escrow and token to send eCNY to for a deposit")
    public WalletsResponse list() {
        List<Wallet> mine = wallets.of(caller.accountId());
        List<WalletResponse> shown = new java.util.ArrayList<>();
        for (int i = 0; i < mine.size(); i++) {
            shown.add(new WalletResponse(wallets.display(mine.get(i).address()), mine.get(i).registeredAt(), i == 0));
        }
        var target = rail.depositTarget();
        return new WalletsResponse(shown, target.map(TokenTransfers.DepositTarget::escrowAddress).orElse(null),
                target.map(TokenTransfers.DepositTarget::tokenAddress).orElse(null),
                target.map(TokenTransfers.DepositTarget::confirmations).orElse(null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"creator", "trader"})
    @Operation(summary = "Register a wallet address (approved accounts; one account per address)",
            description = "201 new, 200 already yours; 400 INVALID_WALLET_ADDRESS; 403 KYC_REQUIRED; "
                    + "409 WALLET_ALREADY_REGISTERED.")
    public Response register(WalletRequest body) {
        Wallets.Registered registered = wallets.register(caller.actor(), JsonInput.required(body).address());
        boolean payout = wallets.payoutWallet(caller.accountId()).map(w -> w.address()
                .equals(registered.wallet().address())).orElse(false);
        return Response.status(registered.created() ? 201 : 200)
                .entity(new WalletResponse(wallets.display(registered.wallet().address()),
                        registered.wallet().registeredAt(), payout))
                .build();
    }
}
