package io.dcx.service.application.money;

import io.dcx.service.application.port.JournalStore;
import io.dcx.service.domain.money.BookAccount;
import io.dcx.service.domain.money.Money;
import jakarta.enterprise.context.ApplicationScoped;

/** A customer's money: available to use, and held for trades or withdrawals in progress. */
@ApplicationScoped
public class Balances {
    private final JournalStore journal;

    public Balances(JournalStore journal) {
        this.journal = journal;
    }

    public record AccountBalances(Money available, Money held) {
    }

    public AccountBalances of(String accountId) {
        return new AccountBalances(journal.balance(BookAccount.available(accountId)),
                journal.balance(BookAccount.held(accountId)));
    }
}
