package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.dcx.service.application.money.Balances;
import io.dcx.service.application.money.Funds;
import io.dcx.service.application.money.Holds;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.money.Money;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real concurrent requests against PostgreSQL: racing withdrawals never overdraw, concurrent deposits and holds all
 * count, concurrent retries of one Idempotency-Key move money once; afterwards every posting balances (all lines sum
 * to zero), no customer balance is negative, and the cached balances equal the sums of their lines.
 */
@QuarkusTest
class MoneyConcurrencyTest {
    private static final int THREADS = 20;

    @Inject
    KycFixtures fixtures;
    @Inject
    Funds funds;
    @Inject
    Holds holds;
    @Inject
    Balances balances;

    /** Brings the account's available balance to exactly {@code fen} (the database outlives a run). */
    private String accountWithAvailable(String subject, long fen) {
        String account = fixtures.approved(subject);
        long available = balances.of(account).available().fen();
        if (available < fen) {
            funds.deposit(fixtures.actor(subject), Money.fen(fen - available));
        } else if (available > fen) {
            holds.place(account, "drain-" + UUID.randomUUID(), Money.fen(available - fen));
        }
        assertThat(balances.of(account).available().fen()).isEqualTo(fen);
        return account;
    }

    private static <T> List<T> race(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @AfterEach
    void theBooksBalance() {
        assertThat(fixtures.count("SELECT COALESCE(SUM(amount_fen), 0)::bigint FROM journal_line WHERE ?1 = ?1", 1)).isZero();
        assertThat(fixtures.count("SELECT count(*) FROM (SELECT entry_id FROM journal_line GROUP BY entry_id"
                + " HAVING SUM(amount_fen) <> 0) unbalanced")).isZero();
        assertThat(fixtures.count("SELECT count(*) FROM book_balance WHERE balance_fen < 0")).isZero();
        assertThat(fixtures.count("SELECT count(*) FROM book_balance b WHERE b.balance_fen <> (SELECT"
                + " COALESCE(SUM(l.amount_fen), 0) FROM journal_line l WHERE l.account_code = b.account_code)"))
                .isZero();
        assertThat(fixtures.count("SELECT count(*) FROM (SELECT l.account_code FROM journal_line l"
                + " WHERE l.account_code LIKE 'user:%' GROUP BY l.account_code HAVING SUM(l.amount_fen) < 0) neg"))
                .isZero();
    }

    @Test
    @TestSecurity(user = "race-wanda", roles = "trader")
    void racingWithdrawalsNeverOverdraw() throws Exception {
        String account = accountWithAvailable("race-wanda", 1_000);
        long heldBefore = balances.of(account).held().fen();

        List<Integer> statuses = race(THREADS, () -> given().contentType("application/json")
                .body(Map.of("amountFen", 300))
                .post("/api/v1/accounts/me/withdrawals").then().extract().statusCode());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(THREADS - 3);
        Balances.AccountBalances after = balances.of(account);
        assertThat(after.available().fen()).isEqualTo(100);
        assertThat(after.held().fen()).isEqualTo(heldBefore);
    }

    @Test
    @TestSecurity(user = "race-dora", roles = "trader")
    void concurrentDepositsAllCountAndConcurrentRetriesCountOnce() throws Exception {
        String account = accountWithAvailable("race-dora", 0);

        List<Integer> statuses = race(THREADS, () -> given().contentType("application/json")
                .body(Map.of("amountFen", 50))
                .post("/api/v1/accounts/me/deposits").then().extract().statusCode());
        assertThat(statuses).containsOnly(201);
        assertThat(balances.of(account).available().fen()).isEqualTo(THREADS * 50);

        String key = "retry-" + UUID.randomUUID();
        List<String> ids = race(10, () -> given().contentType("application/json").header("Idempotency-Key", key)
                .body(Map.of("amountFen", 70))
                .post("/api/v1/accounts/me/deposits").then().statusCode(201).extract().<String>path("id"));
        assertThat(ids).hasSize(10).containsOnly(ids.get(0));
        assertThat(balances.of(account).available().fen()).isEqualTo(THREADS * 50 + 70);
        assertThat(fixtures.count("SELECT count(*) FROM deposit WHERE id = ?1", ids.get(0))).isEqualTo(1);
    }

    @Test
    void concurrentHoldsStopAtTheAvailableBalanceAndReleaseBackInFull() throws Exception {
        String subject = KycFixtures.newSubject("race-holds");
        String account = accountWithAvailable(subject, 1_000);
        long heldBefore = balances.of(account).held().fen();
        String trade = "trade-" + UUID.randomUUID() + "-";
        List<String> placed = race(THREADS, () -> {
            String reference = trade + UUID.randomUUID();
            try {
                holds.place(account, reference, Money.fen(100));
                return reference;
            } catch (DcxException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_FUNDS);
                return null;
            }
        });
        List<String> succeeded = placed.stream().filter(r -> r != null).toList();
        assertThat(succeeded).hasSize(10);
        assertThat(balances.of(account).available().fen()).isZero();
        assertThat(balances.of(account).held().fen()).isEqualTo(heldBefore + 1_000);

        // Mixed: half released, half captured to the exchange, concurrently; each one exactly once.
        List<Integer> done = race(succeeded.size(), new Callable<>() {
            private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

            @Override
            public Integer call() {
                int i = next.getAndIncrement();
                String reference = succeeded.get(i);
                if (i % 2 == 0) {
                    holds.release(reference);
                    holds.release(reference); // a repeat is a no-op
                } else {
                    holds.capture(reference, Map.of(io.dcx.service.domain.money.BookAccount.exchange("fees"),
                            Money.fen(100)));
                }
                return i;
            }
        });
        assertThat(done).hasSize(10);
        assertThat(balances.of(account).available().fen()).isEqualTo(500);
        assertThat(balances.of(account).held().fen()).isEqualTo(heldBefore);
    }
}
