package io.dcx.service.application.kyc;

import io.dcx.service.application.port.AccountStore;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.kyc.KycStatus;
import io.dcx.service.domain.kyc.Tier;
import io.dcx.service.domain.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * The pre-trade KYC checks the board and the money use cases call: is the account approved (KYC_REQUIRED,
 * ACCOUNT_SUSPENDED), and what may it buy today under its tier. Each check reads in a transaction (the caller's
 * or its own), so it never answers from a session's stale copy of the account.
 */
@ApplicationScoped
public class TradingLimits {
    private final AccountStore accounts;
    private final Tiers tiers;

    public TradingLimits(AccountStore accounts, Tiers tiers) {
        this.accounts = accounts;
        this.tiers = tiers;
    }

    /** The account's tier, or null before approval. */
    @Transactional
    public Tier tierOf(String accountId) {
        return accounts.find(accountId).map(Account::tier).map(tiers::named).orElse(null);
    }

    /** Refuses an account that is not APPROVED (a suspended one with its own code). */
    @Transactional
    public Account requireApproved(String accountId) {
        Account account = accounts.find(accountId).orElse(null);
        KycStatus status = account == null ? KycStatus.NONE : account.kycStatus();
        if (status == KycStatus.SUSPENDED) {
            throw new DcxException(ErrorCode.ACCOUNT_SUSPENDED, "the account is suspended: " + account.statusReason(),
                    Map.of("kycStatus", status.name()));
        }
        if (status != KycStatus.APPROVED) {
            throw new DcxException(ErrorCode.KYC_REQUIRED,
                    "the account's KYC is " + status + "; only approved accounts may do this",
                    Map.of("kycStatus", status.name()));
        }
        return account;
    }

    /**
     * Refuses a purchase of {@code amount} when the account has already bought {@code boughtToday} (the board
     * knows its trades) and the sum passes the tier's daily limit.
     */
    @Transactional
    public void requireWithinDailyBuyLimit(String accountId, Money boughtToday, Money amount) {
        Account account = requireApproved(accountId);
        tiers.named(account.tier()).requireWithinDailyBuyLimit(boughtToday, amount);
    }
}
