package io.dcx.service.api;

import io.dcx.service.api.IdempotentResponses.Reply;
import io.dcx.service.api.dto.AccountResponse;
import io.dcx.service.api.dto.AccountStatusResponse;
import io.dcx.service.api.dto.AmountRequest;
import io.dcx.service.api.dto.BalancesResponse;
import io.dcx.service.api.dto.DepositResponse;
import io.dcx.service.api.dto.ReasonRequest;
import io.dcx.service.api.dto.WithdrawalRequest;
import io.dcx.service.api.dto.WithdrawalResponse;
import io.dcx.service.application.idempotency.Idempotency;
import io.dcx.service.application.kyc.Account;
import io.dcx.service.application.kyc.Accounts;
import io.dcx.service.application.kyc.KycReviews;
import io.dcx.service.application.kyc.TradingLimits;
import io.dcx.service.application.money.Balances;
import io.dcx.service.application.money.Funds;
import io.dcx.service.application.money.Withdrawal;
import io.dcx.service.domain.kyc.Tier;
import io.dcx.service.domain.money.Money;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's account and money, and operators' suspensions. Deposits and withdrawals need an APPROVED account
 * (403 KYC_REQUIRED or ACCOUNT_SUSPENDED) and accept an {@code Idempotency-Key}.
 */
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "accounts")
public class AccountResource {
    private final Caller caller;
    private final Accounts accounts;
    private final Balances balances;
    private final TradingLimits limits;
    private final Funds funds;
    private final KycReviews reviews;
    private final IdempotentResponses idempotent;

    public AccountResource(Caller caller, Accounts accounts, Balances balances, TradingLimits limits, Funds funds,
            KycReviews reviews, IdempotentResponses idempotent) {
        this.caller = caller;
        this.accounts = accounts;
        this.balances = balances;
        this.limits = limits;
        this.funds = funds;
        this.reviews = reviews;
        this.idempotent = idempotent;
    }

    @GET
    @Path("/me")
    @RolesAllowed({"creator", "trader", "operator", "regulator", "admin"})
    @Operation(summary = "The caller's account (created on the first call), KYC status, tier and balances in fen")
    public AccountResponse me() {
        Account account = accounts.ensure(caller.accountId(), caller.subject());
        Tier tier = account.tier() == null ? null : limits.tierOf(account.id());
        return new AccountResponse(account.id(), account.type() == null ? null : account.type().name(),
                account.kycStatus().name(), account.tier(), tier == null ? null : tier.dailyBuyLimit().fen(),
                BalancesResponse.of(balances.of(account.id())));
    }

    @POST
    @Path("/me/deposits")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"creator", "trader"})
    @Operation(summary = "Deposit through the payment rail (internal: a simulated bank transfer, credited at once)",
            description = "Body {\"amountFen\": 10000}. 201 with the deposit and balances; 403 KYC_REQUIRED.")
    public Response deposit(AmountRequest body, @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        Money amount = funds.amount(JsonInput.fen("amountFen", JsonInput.required(body).amountFen()));
        return idempotent.respond(caller.accountId(), key, "POST", uri.getPath(), body, () -> {
            var deposit = funds.deposit(caller.actor(), amount);
            return new Reply(201, DepositResponse.of(deposit, BalancesResponse.of(balances.of(caller.accountId()))));
        });
    }

    @POST
    @Path("/me/withdrawals")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"creator", "trader"})
    @Operation(summary = "Withdraw to the verified bank account, or with \"rail\":\"ecny\" to the registered wallet",
            description = "201 COMPLETED; 202 PENDING_CONFIRMATION above the confirmation threshold (the amount is "
                    + "held until an operator decides); 422 INSUFFICIENT_FUNDS, WALLET_REQUIRED; 400 INVALID_RAIL; "
                    + "503 PAYMENT_RAIL_UNAVAILABLE (nothing moved).")
    public Response withdraw(WithdrawalRequest body, @HeaderParam(Idempotency.HEADER) String key, UriInfo uri) {
        Money amount = funds.amount(JsonInput.fen("amountFen", JsonInput.required(body).amountFen()));
        funds.rail(body.rail());
        return idempotent.respond(caller.accountId(), key, "POST", uri.getPath(), body, () -> {
            Withdrawal withdrawal = funds.withdraw(caller.actor(), amount, body.rail(), key);
            int status = withdrawal.status() == Withdrawal.Status.PENDING_CONFIRMATION ? 202 : 201;
            return new Reply(status, WithdrawalResponse.of(withdrawal,
                    BalancesResponse.of(balances.of(caller.accountId())), false));
        });
    }

    @POST
    @Path("/{accountId}/suspension")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    @Operation(summary = "Suspend an approved account (reason required)")
    public AccountStatusResponse suspend(@PathParam("accountId") String accountId, ReasonRequest body) {
        String reason = JsonInput.required(body).reason();
        return AccountStatusResponse.of(reviews.suspend(caller.actor(), accountId, reason));
    }
}
