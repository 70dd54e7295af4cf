package io.dcx.service.application.money;

import io.dcx.service.application.audit.Actor;
import io.dcx.service.application.kyc.TradingLimits;
import io.dcx.service.application.port.WalletAddresses;
import io.dcx.service.application.port.WalletStore;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Wallets of the e-CNY token rail. An approved account registers the addresses it pays in from and is paid out
 * to; an address belongs to one account only, because a transfer from it is credited to that account.
 */
@ApplicationScoped
public class Wallets {
    private final TradingLimits kyc;
    private final WalletStore store;
    private final WalletAddresses addresses;

    public Wallets(TradingLimits kyc, WalletStore store, WalletAddresses addresses) {
        this.kyc = kyc;
        this.store = store;
        this.addresses = addresses;
    }

    /** A registration's outcome: the wallet and whether this call created it (a repeat by its owner does not). */
    public record Registered(Wallet wallet, boolean created) {
    }

    /**
     * Registers {@code rawAddress} for the caller: INVALID_WALLET_ADDRESS (400), KYC_REQUIRED or ACCOUNT_SUSPENDED
     * (403), WALLET_ALREADY_REGISTERED (409) when another account has it; the owner registering it again is a no-op.
     */
    @Transactional
    public Registered register(Actor actor, String rawAddress) {
        String address = addresses.canonical(rawAddress);
        kyc.requireApproved(actor.accountId());
        Wallet wallet = new Wallet(address, actor.accountId(), Instant.now());
        if (store.insertIfAbsent(wallet)) {
            return new Registered(wallet, true);
        }
        Wallet existing = store.find(address).orElseThrow();
        if (existing.accountId().equals(actor.accountId())) {
            return new Registered(existing, false);
        }
        throw new DcxException(ErrorCode.WALLET_ALREADY_REGISTERED,
                "address " + addresses.checksummed(address) + " is registered to another account");
    }

    public List<Wallet> of(String accountId) {
        return store.of(accountId);
    }

    /** The wallet payouts of the account go to: the first it registered. */
    public Optional<Wallet> payoutWallet(String accountId) {
        return store.of(accountId).stream().findFirst();
    }

    public Optional<Wallet> owner(String canonicalAddress) {
        return store.find(canonicalAddress);
    }

    public String display(String canonicalAddress) {
        return addresses.checksummed(canonicalAddress);
    }
}
