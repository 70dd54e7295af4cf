package io.dcx.service.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcx.service.application.kyc.TradingLimits;
import io.dcx.service.application.money.Balances;
import io.dcx.service.application.money.Funds;
import io.dcx.service.application.money.Hold;
import io.dcx.service.application.money.Holds;
import io.dcx.service.application.port.JournalStore;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.money.BookAccount;
import io.dcx.service.domain.money.Money;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The services the trading board will call: holds by trade reference, and the tier limits. */
@QuarkusTest
class HoldsAndLimitsTest {
    @Inject
    KycFixtures fixtures;
    @Inject
    Holds holds;
    @Inject
    Funds funds;
    @Inject
    Balances balances;
    @Inject
    TradingLimits limits;
    @Inject
    JournalStore journal;

    private static void assertCode(Runnable action, ErrorCode code) {
        assertThatThrownBy(action::run).isInstanceOf(DcxException.class)
                .satisfies(e -> assertThat(((DcxException) e).code()).isEqualTo(code));
    }

    @Test
    void holdsArePlacedReleasedAndCapturedOncePerReference() {
        String buyerSubject = KycFixtures.newSubject("buyer");
        String sellerSubject = KycFixtures.newSubject("seller");
        String buyer = fixtures.approved(buyerSubject);
        String seller = fixtures.approved(sellerSubject);
        funds.deposit(fixtures.actor(buyerSubject), Money.fen(10_000));
        long feesBefore = journal.balance(BookAccount.exchange("fees")).fen();

        String trade = "trd_" + UUID.randomUUID();
        Hold hold = holds.place(buyer, trade, Money.fen(8_000));
        assertThat(hold.status()).isEqualTo(Hold.Status.HELD);
        assertThat(holds.place(buyer, trade, Money.fen(8_000)).status()).isEqualTo(Hold.Status.HELD); // replay
        assertThat(balances.of(buyer).available().fen()).isEqualTo(2_000);
        assertThat(balances.of(buyer).held().fen()).isEqualTo(8_000);
        assertCode(() -> holds.place(buyer, trade, Money.fen(7_000)), ErrorCode.HOLD_CONFLICT);
        assertCode(() -> holds.place(buyer, "trd_" + UUID.randomUUID(), Money.fen(2_001)),
                ErrorCode.INSUFFICIENT_FUNDS);
        assertCode(() -> holds.place(buyer, "trd_" + UUID.randomUUID(), Money.fen(0)), ErrorCode.INVALID_AMOUNT);

        Map<BookAccount, Money> tooMuch = Map.of(BookAccount.available(seller), Money.fen(8_001));
        assertCode(() -> holds.capture(trade, tooMuch), ErrorCode.HOLD_AMOUNT_EXCEEDED);

        // Seller gets 7,000, the exchange 300 in fees; the 700 left returns to the buyer.
        Map<BookAccount, Money> payees = new LinkedHashMap<>();
        payees.put(BookAccount.available(seller), Money.fen(7_000));
        payees.put(BookAccount.exchange("fees"), Money.fen(300));
        assertThat(holds.capture(trade, payees).status()).isEqualTo(Hold.Status.CAPTURED);
        assertThat(holds.capture(trade, payees).status()).isEqualTo(Hold.Status.CAPTURED); // resumed: no second payment
        assertThat(balances.of(buyer).available().fen()).isEqualTo(2_700);
        assertThat(balances.of(buyer).held().fen()).isZero();
        assertThat(balances.of(seller).available().fen()).isEqualTo(7_000);
        assertThat(journal.balance(BookAccount.exchange("fees")).fen()).isEqualTo(feesBefore + 300);
        assertCode(() -> holds.release(trade), ErrorCode.HOLD_CONFLICT);
        assertCode(() -> holds.release("trd_unknown"), ErrorCode.HOLD_NOT_FOUND);

        String released = "trd_" + UUID.randomUUID();
        holds.place(buyer, released, Money.fen(2_700));
        holds.release(released);
        assertThat(holds.release(released).status()).isEqualTo(Hold.Status.RELEASED);
        assertThat(balances.of(buyer).available().fen()).isEqualTo(2_700);
        assertCode(() -> holds.capture(released, Map.of(BookAccount.available(seller), Money.fen(1))),
                ErrorCode.HOLD_CONFLICT);

        // The cache agrees with the journal lines.
        assertThat(journal.balanceFromLines(BookAccount.available(buyer))).isEqualTo(balances.of(buyer).available());
        assertThat(journal.balanceFromLines(BookAccount.held(buyer))).isEqualTo(Money.ZERO);
    }

    @Test
    void tradingLimitsFollowTheTierAndTheKycStatus() {
        String subject = KycFixtures.newSubject("limits");
        String account = fixtures.accountOf(subject);
        assertCode(() -> limits.requireApproved(account), ErrorCode.KYC_REQUIRED);

        fixtures.approved(subject);
        assertThat(limits.tierOf(account).name()).isEqualTo("TIER_1");
        assertThat(limits.tierOf(account).dailyBuyLimit()).isEqualTo(Money.fen(5_000_000));
        limits.requireWithinDailyBuyLimit(account, Money.fen(4_000_000), Money.fen(1_000_000));
        assertThatThrownBy(() -> limits.requireWithinDailyBuyLimit(account, Money.fen(4_000_000), Money.fen(1_000_001)))
                .isInstanceOf(DcxException.class)
                .satisfies(e -> {
                    assertThat(((DcxException) e).code()).isEqualTo(ErrorCode.DAILY_LIMIT_EXCEEDED);
                    assertThat(((DcxException) e).extras()).containsEntry("remainingFen", 1_000_000L);
                });

        fixtures.execute("UPDATE account SET kyc_status = 'SUSPENDED' WHERE id = ?1", account);
        assertCode(() -> limits.requireApproved(account), ErrorCode.ACCOUNT_SUSPENDED);
    }

    @Test
    void theDatabaseRefusesAnUnbalancedEntryAndAnyEditOfTheJournal() {
        assertThatThrownBy(() -> fixtures.execute("WITH e AS (INSERT INTO journal_entry (at, kind, reference)"
                + " VALUES (now(), 'TEST', 'unbalanced') RETURNING id) INSERT INTO journal_line (entry_id,"
                + " account_code, amount_fen, currency) SELECT id, 'exchange:test', 5, 'CNY' FROM e"))
                .hasStackTraceContaining("does not balance");
        assertThatThrownBy(() -> fixtures.execute("UPDATE journal_line SET amount_fen = amount_fen + 1"
                + " WHERE id = (SELECT max(id) FROM journal_line)"))
                .hasStackTraceContaining("append-only");
    }
}
