package io.dcx.service.application.port;

import io.dcx.service.application.money.Wallet;
import java.util.List;
import java.util.Optional;

/** Customers' registered token wallets: one account per address (addresses in lower case). */
public interface WalletStore {
    /** Inserts the wallet unless its address is registered already; answers whether it was inserted. */
    boolean insertIfAbsent(Wallet wallet);

    Optional<Wallet> find(String address);

    /** The account's wallets, first registered first. */
    List<Wallet> of(String accountId);
}
