package io.dcx.service.infrastructure.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcx.service.application.ledger.ChaincodeEvent;
import io.dcx.service.application.ledger.CommittedTransaction;
import io.dcx.service.application.ledger.ContractRejectedException;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.ledger.LedgerUnavailableException;
import io.dcx.service.application.ledger.TransactionConflictException;
import io.dcx.service.infrastructure.ledger.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fabric's simulation and validation semantics on the embedded ledger, pinned down with a chaincode written
 * straight against the stub ({@link TestChaincode}): what a simulation sees, how reads and ranges are validated in
 * block order, history, events, identities, timeouts. Each test gets its own schema and ledger.
 */
class EmbeddedLedgerSemanticsTest {
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private TestDatabase database;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private EmbeddedLedger ledger(EmbeddedLedger.Options options) {
        if (database == null) {
            database = TestDatabase.freshSchema("embedded_semantics");
            toClose.add(database);
        }
        EmbeddedLedger ledger = EmbeddedLedger.start(database.dataSource(), options, new TestChaincode());
        toClose.add(ledger);
        return ledger;
    }

    private EmbeddedLedger ledger() {
        return ledger(EmbeddedLedger.Options.defaults());
    }

    /** Blocks cut only when full (two transactions), so concurrently endorsed transactions share a block. */
    private static EmbeddedLedger.Options blocksOfTwo() {
        return EmbeddedLedger.Options.defaults().withMaxBlockTransactions(2).withBatchTimeout(Duration.ofSeconds(20));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String text(CommittedTransaction tx) {
        return tx.payloadUtf8();
    }

    private CompletableFuture<CommittedTransaction> submitAsync(Ledger ledger, String function, String... args) {
        return CompletableFuture.supplyAsync(() -> ledger.submit(LedgerIdentity.EXCHANGE, function, args));
    }

    /** Submits two transactions at once (in blocks of two they share a block) and waits for both. */
    private void inOneBlock(Ledger ledger, List<String> first, List<String> second) throws Exception {
        CompletableFuture<CommittedTransaction> a = submitAsync(ledger, first.get(0),
                first.subList(1, first.size()).toArray(String[]::new));
        CompletableFuture<CommittedTransaction> b = submitAsync(ledger, second.get(0),
                second.subList(1, second.size()).toArray(String[]::new));
        assertThat(a.get(30, TimeUnit.SECONDS).blockNumber()).isEqualTo(b.get(30, TimeUnit.SECONDS).blockNumber());
    }

    /** Waits until {@code count} endorsed transactions are ordered and not yet committed. */
    private static void awaitQueued(EmbeddedLedger ledger, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ledger.uncommittedTransactions() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("transactions were not ordered in time");
            }
            Thread.sleep(5);
        }
    }

    private String validationCode(String txId) throws Exception {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT validation_code FROM ledger_tx WHERE tx_id = ?")) {
            ps.setString(1, txId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("transaction " + txId + " is in a block").isTrue();
                return rs.getString(1);
            }
        }
    }

    private static Throwable cause(CompletableFuture<?> future) throws InterruptedException {
        try {
            future.get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer in time", e);
        }
    }

    // ---------------------------------------------------------------- simulation

    @Test
    void aSimulationReadsCommittedStateNeverItsOwnWrites() {
        EmbeddedLedger ledger = ledger();
        ledger.submit(LedgerIdentity.EXCHANGE, "test:Put", "k", "committed");

        CommittedTransaction tx = ledger.submit(LedgerIdentity.EXCHANGE, "test:PutThenGet", "k", "mine");

        assertThat(text(tx)).isEqualTo("read:committed");
        assertThat(text(ledger.evaluate(LedgerIdentity.EXCHANGE, "test:Get", "k"))).isEqualTo("mine");
        assertThat(text(ledger.evaluate(LedgerIdentity.EXCHANGE, "test:PutThenGet", "fresh", "x")))
                .as("a missing key reads as empty, and evaluate writes nothing").isEqualTo("read:");
        assertThat(text(ledger.evaluate(LedgerIdentity.EXCHANGE, "test:Get", "fresh"))).isEmpty();
    }

    @Test
    void theStubAnswersTheTransactionsFacts() {
        Instant fixed = Instant.parse("2026-05-01T08:00:00.123456789Z");
        EmbeddedLedger ledger = ledger(EmbeddedLedger.Options.defaults()
                .withClock(java.time.Clock.fixed(fixed, java.time.ZoneOffset.UTC)));

        CommittedTransaction tx = ledger.submit(LedgerIdentity.COPYRIGHT, "test:TxFacts", "a", "b");

        String[] facts = text(tx).split("\\|");
        assertThat(facts[0]).isEqualTo(tx.txId()).matches("[0-9a-f]{64}");
        assertThat(facts[1]).isEqualTo("2026-05-01T08:00:00.123456Z");
        assertThat(tx.timestamp()).isEqualTo(Instant.parse("2026-05-01T08:00:00.123456Z"));
        assertThat(facts[2]).isEqualTo("test:TxFacts");
        assertThat(facts[3]).isEqualTo("a,b");
        assertThat(facts[4]).isEqualTo("3");
    }

    @Test
    void eachOrganisationHasARealCertificateWithItsRole() {
        EmbeddedLedger ledger = ledger();

        String exchange = text(ledger.evaluate(LedgerIdentity.EXCHANGE, "test:WhoAmI"));
        String copyright = text(ledger.evaluate(LedgerIdentity.COPYRIGHT, "test:WhoAmI"));
        String regulator = text(ledger.evaluate(LedgerIdentity.REGULATOR, "test:WhoAmI"));

        assertThat(exchange).startsWith("ExchangeMSP|exchange|x509::CN=exchange-client.exchange.dcx, OU=client,"
                        + " O=ExchangeOrg, C=CN::CN=ca.exchange.dcx, O=ExchangeOrg, C=CN")
                .endsWith("|ExchangeMSP|dcx");
        assertThat(copyright).startsWith("CopyrightMSP|registrar|x509::");
        assertThat(regulator).startsWith("RegulatorMSP|auditor|x509::");
        assertThat(exchange.split("\\|")[2]).contains("::CN=ca.exchange.dcx");
    }

    @Test
    void aRefusalKeepsTheContractsCodeAndOrdersNothing() {
        EmbeddedLedger ledger = ledger();
        long height = ledger.height();

        assertThatThrownBy(() -> ledger.submit(LedgerIdentity.EXCHANGE, "test:Refuse", "ASSET_LOCKED: by trade t1"))
                .isInstanceOfSatisfying(ContractRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo("ASSET_LOCKED");
                    assertThat(e.detail()).isEqualTo("by trade t1");
                });
        assertThat(ledger.height()).isEqualTo(height);
    }

    @Test
    void whatTheEmbeddedLedgerDoesNotOfferFailsLoudly() {
        EmbeddedLedger ledger = ledger();

        assertThatThrownBy(() -> ledger.submit(LedgerIdentity.EXCHANGE, "test:PrivateData", "k"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("getPrivateData")
                .hasMessageContaining("private data");
    }

    @Test
    void onlyTheLastEventOfATransactionCounts() throws Exception {
        EmbeddedLedger ledger = ledger();
        CommittedTransaction tx = ledger.submit(LedgerIdentity.EXCHANGE, "test:TwoEvents");
        List<ChaincodeEvent> events = new CopyOnWriteArrayList<>();
        try (Ledger.EventSubscription ignored = ledger.subscribe(tx.blockNumber(), events::add)) {
            awaitSize(events, 1);
            Thread.sleep(100);
        }
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("Second");
            assertThat(text(e.payload())).isEqualTo("2");
            assertThat(e.txId()).isEqualTo(tx.txId());
        });
    }

    // ---------------------------------------------------------------- keys, ranges, history

    @Test
    void rangesFollowLevelDbOrderAndKeepCompositeKeysApart() {
        EmbeddedLedger ledger = ledger();
        String emoji = new String(Character.toChars(0x1F600));
        for (String key : List.of("b", "a", "\uFFFD", emoji, "a\u0001")) {
            ledger.submit(LedgerIdentity.EXCHANGE, "test:Put", key, "v");
        }
        ledger.submit(LedgerIdentity.EXCHANGE, "test:AddItem", "x2");
        ledger.submit(LedgerIdentity.EXCHANGE, "test:AddItem", "x1");

        // Simple-key ranges never return composite keys (they start with U+0000); order is by UTF-8 bytes.
        assertThat(text(ledger.evaluate(LedgerIdentity.EXCHANGE, "test:Range", "", "")).split("\n"))
                .containsExactly("a", "a\u0001", "b", "\uFFFD", emoji);
        assertThat(text(ledger.evaluate(LedgerIdentity.EXCHANGE, "test:Range", "a", "b")).split("\n"))
                .containsExactly("a", "a\u0001");
        assertThat(text(ledger.evaluate(LedgerIdentity.EXCHANGE, "test:Partial", "item")).split("\n"))
                .containsExactly("x1", "x2");
    }

    @Test
    void partialCompositeKeysMatchWholeAttributesOnly() {
        EmbeddedLedger ledger = ledger();
        ledger.submit(LedgerIdentity.EXCHANGE, "test:Put", "\u0000owner\u0000acc1\u0000a1\u0000", "1");
        ledger.submit(LedgerIdentity.EXCHANGE, "test:Put", "\u0000owner\u0000acc1\u0000a2\u0000", "1");
        ledger.submit(LedgerIdentity.EXCHANGE, "test:Put", "\u0000owner\u0000acc10\u0000a3\u0000", "1");
        ledger.submit(LedgerIdentity.EXCHANGE, "test:Put", "\u0000ownerx\u0000acc1\u0000a4\u0000", "1");

        assertThat(text(ledger.evaluate(LedgerIdentity.EXCHANGE, "test:Partial", "owner", "acc1")).split("\n"))
                .containsExactly("acc1/a1", "acc1/a2");
        assertThat(text(ledger.evaluate(LedgerIdentity.EXCHANGE, "test:Partial", "owner")).split("\n"))
                .containsExactly("acc1/a1", "acc1/a2", "acc10/a3");
    }

    @Test
    void historyIsNewestFirstWithDeletes() {
        EmbeddedLedger ledger = ledger();
        CommittedTransaction first = ledger.submit(LedgerIdentity.EXCHANGE, "test:Put", "h", "one");
        CommittedTransaction second = ledger.submit(LedgerIdentity.EXCHANGE, "test:Put", "h", "two");
        CommittedTransaction deleted = ledger.submit(LedgerIdentity.EXCHANGE, "test:Delete", "h");
        ledger.submit(LedgerIdentity.EXCHANGE, "test:Put", "other", "x");

        String[] history = text(ledger.evaluate(LedgerIdentity.EXCHANGE, "test:History", "h")).split("\n");

        assertThat(history).hasSize(3);
        assertThat(history[0]).startsWith(deleted.txId() + "|true||");
        assertThat(history[1]).isEqualTo(second.txId() + "|false|two|" + second.timestamp());
        assertThat(history[2]).isEqualTo(first.txId() + "|false|one|" + first.timestamp());
        assertThat(text(ledger.evaluate(LedgerIdentity.EXCHANGE, "test:Get", "h"))).isEmpty();
    }

    // ---------------------------------------------------------------- validation in block order

    @Test
    void ofTwoConcurrentReadModifyWritesInOneBlockExactlyOneCommits() throws Exception {
        EmbeddedLedger ledger = ledger(blocksOfTwo());
        inOneBlock(ledger, List.of("test:Put", "counter", "0"), List.of("test:Put", "unrelated", "0"));
        List<ChaincodeEvent> events = new CopyOnWriteArrayList<>();
        long from = ledger.height();
        Ledger.EventSubscription subscription = ledger.subscribe(from, events::add);
        toClose.add(subscription);

        CompletableFuture<CommittedTransaction> a = submitAsync(ledger, "test:Increment", "counter");
        CompletableFuture<CommittedTransaction> b = submitAsync(ledger, "test:Increment", "counter");
        Throwable failureA = cause(a);
        Throwable failureB = cause(b);

        assertThat(failureA == null ^ failureB == null).as("exactly one of the two commits").isTrue();
        CompletableFuture<CommittedTransaction> winner = failureA == null ? a : b;
        Throwable conflict = failureA == null ? failureB : failureA;
        assertThat(conflict).isInstanceOf(TransactionConflictException.class)
                .hasMessageContaining("MVCC_READ_CONFLICT");
        String loserTxId = ((TransactionConflictException) conflict).txId();
        assertThat(winner.get().blockNumber()).isEqualTo(from);
        assertThat(ledger.block(from).transactionCount()).isEqualTo(2);
        assertThat(validationCode(loserTxId)).isEqualTo("MVCC_READ_CONFLICT");
        assertThat(text(winner.get())).isEqualTo("1");

        // The loser simulates again and now commits (a lone transaction waits for a partner to fill the block).
        CompletableFuture<CommittedTransaction> retry = submitAsync(ledger, "test:Increment", "counter");
        ledger.submit(LedgerIdentity.EXCHANGE, "test:Put", "unrelated", "1");
        assertThat(text(retry.get(30, TimeUnit.SECONDS))).isEqualTo("2");
        assertThat(text(ledger.evaluate(LedgerIdentity.EXCHANGE, "test:Get", "counter"))).isEqualTo("2");

        // Only valid transactions' events: the winner's and the retry's.
        awaitSize(events, 2);
        Thread.sleep(100);
        assertThat(events).extracting(ChaincodeEvent::txId)
                .containsExactly(winner.get().txId(), retry.get().txId())
                .doesNotContain(loserTxId);
    }

    @Test
    void aWriteByAnEarlierTransactionOfTheSameBlockIsAPhantomForALaterRangeRead() throws Exception {
        EmbeddedLedger ledger = ledger(blocksOfTwo());
        inOneBlock(ledger, List.of("test:AddItem", "a"), List.of("test:AddItem", "c"));

        CompletableFuture<CommittedTransaction> add = submitAsync(ledger, "test:AddItem", "b");
        awaitQueued(ledger, 1);
        CompletableFuture<CommittedTransaction> count = submitAsync(ledger, "test:CountItems");

        assertThat(add.get(30, TimeUnit.SECONDS).blockNumber()).isEqualTo(ledger.height() - 1);
        Throwable phantom = cause(count);
        assertThat(phantom).isInstanceOf(TransactionConflictException.class)
                .hasMessageContaining("PHANTOM_READ_CONFLICT");
        assertThat(validationCode(((TransactionConflictException) phantom).txId()))
                .isEqualTo("PHANTOM_READ_CONFLICT");
        assertThat(text(ledger.evaluate(LedgerIdentity.EXCHANGE, "test:Get", "count"))).isEmpty();
    }

    @Test
    void writesOutsideARangeOrBeyondWhereItStoppedDoNotInvalidateIt() throws Exception {
        EmbeddedLedger ledger = ledger(blocksOfTwo());
        inOneBlock(ledger, List.of("test:AddItem", "a"), List.of("test:AddItem", "m"));

        // An item after the first one, and a simple key: neither is in the part of the range that was read.
        CompletableFuture<CommittedTransaction> add = submitAsync(ledger, "test:AddItem", "z");
        awaitQueued(ledger, 1);
        CompletableFuture<CommittedTransaction> first = submitAsync(ledger, "test:FirstItem");
        assertThat(add.get(30, TimeUnit.SECONDS)).isNotNull();
        assertThat(text(first.get(30, TimeUnit.SECONDS))).isEqualTo("a");

        // An item before the first one read is a phantom.
        CompletableFuture<CommittedTransaction> before = submitAsync(ledger, "test:AddItem", "0");
        awaitQueued(ledger, 1);
        CompletableFuture<CommittedTransaction> again = submitAsync(ledger, "test:FirstItem");
        assertThat(before.get(30, TimeUnit.SECONDS)).isNotNull();
        assertThat(cause(again)).isInstanceOf(TransactionConflictException.class);
    }

    @Test
    void blindWritesToTheSameKeyInOneBlockAreBothValidAndTheLastWins() throws Exception {
        EmbeddedLedger ledger = ledger(blocksOfTwo());
        CompletableFuture<CommittedTransaction> first = submitAsync(ledger, "test:Put", "k", "first");
        awaitQueued(ledger, 1);
        CompletableFuture<CommittedTransaction> second = submitAsync(ledger, "test:Put", "k", "second");

        assertThat(first.get(30, TimeUnit.SECONDS).blockNumber()).isEqualTo(second.get(30, TimeUnit.SECONDS)
                .blockNumber());
        assertThat(text(ledger.evaluate(LedgerIdentity.EXCHANGE, "test:Get", "k"))).isEqualTo("second");
        String[] history = text(ledger.evaluate(LedgerIdentity.EXCHANGE, "test:History", "k")).split("\n");
        assertThat(history).hasSize(2);
        assertThat(history[0]).startsWith(second.get().txId() + "|false|second");
    }

    // ---------------------------------------------------------------- timing and lifecycle

    @Test
    void aSubmitThatIsNotCommittedInTimeIsUnavailableButMayStillCommit() throws Exception {
        EmbeddedLedger ledger = ledger(EmbeddedLedger.Options.defaults().withMaxBlockTransactions(10)
                .withBatchTimeout(Duration.ofSeconds(2)).withSubmitTimeout(Duration.ofMillis(300)));
        long height = ledger.height();

        assertThatThrownBy(() -> ledger.submit(LedgerIdentity.EXCHANGE, "test:Put", "late", "yes"))
                .isInstanceOf(LedgerUnavailableException.class)
                .hasMessageContaining("may still commit");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ledger.height() == height && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(text(ledger.evaluate(LedgerIdentity.EXCHANGE, "test:Get", "late"))).isEqualTo("yes");
    }

    @Test
    void closingCommitsWhatWasOrderedAndThenRefuses() throws Exception {
        EmbeddedLedger ledger = ledger(EmbeddedLedger.Options.defaults().withMaxBlockTransactions(100)
                .withBatchTimeout(Duration.ofSeconds(5)));
        CompletableFuture<CommittedTransaction> pending = submitAsync(ledger, "test:Put", "drained", "yes");
        awaitQueued(ledger, 1);

        ledger.close();

        assertThat(pending.get(10, TimeUnit.SECONDS).blockNumber()).isPositive();
        assertThatThrownBy(() -> ledger.submit(LedgerIdentity.EXCHANGE, "test:Put", "after", "close"))
                .isInstanceOf(LedgerUnavailableException.class);
        EmbeddedLedger reopened = ledger();
        assertThat(text(reopened.evaluate(LedgerIdentity.EXCHANGE, "test:Get", "drained"))).isEqualTo("yes");
    }

    @Test
    void onlyOneLedgerMayRunOnASchema() {
        ledger();
        assertThatThrownBy(this::ledger).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another embedded ledger");
    }

    @Test
    void aSlowListenerNeitherBlocksCommitsNorMissesEvents() throws Exception {
        EmbeddedLedger ledger = ledger(EmbeddedLedger.Options.defaults().withEventQueueCapacity(2));
        CountDownLatch release = new CountDownLatch(1);
        List<ChaincodeEvent> slow = new CopyOnWriteArrayList<>();
        toClose.add(ledger.subscribe(0, event -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            slow.add(event);
        }));

        List<String> txIds = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            txIds.add(ledger.submit(LedgerIdentity.EXCHANGE, "test:Increment", "c").txId());
        }
        assertThat(slow).isEmpty();
        release.countDown();

        awaitSize(slow, 30);
        Thread.sleep(200);
        assertThat(slow).extracting(ChaincodeEvent::txId).containsExactlyElementsOf(txIds);
    }

    @Test
    void afterItsDatabaseSessionsAreCutTheLedgerReportsUnavailableThenRecovers() throws Exception {
        EmbeddedLedger ledger = ledger();
        ledger.submit(LedgerIdentity.EXCHANGE, "test:Put", "before", "1");
        long height = ledger.height();

        String others = " FROM pg_stat_activity WHERE application_name = '" + database.schema()
                + "' AND pid <> pg_backend_pid()";
        database.execute("SELECT pg_terminate_backend(pid)" + others);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (database.queryLong("SELECT count(*)" + others) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        int unavailable = 0;
        CommittedTransaction after = null;
        for (int attempt = 0; attempt < 10 && after == null; attempt++) {
            try {
                after = ledger.submit(LedgerIdentity.EXCHANGE, "test:Put", "after", "2");
            } catch (LedgerUnavailableException e) {
                unavailable++;
            }
        }
        assertThat(after).as("a submit succeeds again").isNotNull();
        assertThat(unavailable).as("the cut sessions were noticed").isPositive();
        assertThat(after.blockNumber()).isEqualTo(ledger.height() - 1).isGreaterThanOrEqualTo(height);
        assertThat(text(ledger.evaluate(LedgerIdentity.EXCHANGE, "test:Get", "after"))).isEqualTo("2");
        assertThat(ledger.verifyChain().intact()).isTrue();
    }

    @Test
    void anUnreachableDatabaseIsUnavailable() {
        org.postgresql.ds.PGSimpleDataSource nowhere = new org.postgresql.ds.PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:1/none");
        nowhere.setConnectTimeout(2);

        assertThatThrownBy(() -> EmbeddedLedger.start(nowhere, EmbeddedLedger.Options.defaults(), new TestChaincode()))
                .isInstanceOf(LedgerUnavailableException.class);
    }

    @Test
    void aFailingListenerGetsTheEventAgainAndAPoisonousEventIsSkipped() throws Exception {
        EmbeddedLedger ledger = ledger();
        CommittedTransaction flaky = ledger.submit(LedgerIdentity.EXCHANGE, "test:Increment", "flaky");
        CommittedTransaction poison = ledger.submit(LedgerIdentity.EXCHANGE, "test:Increment", "poison");
        CommittedTransaction fine = ledger.submit(LedgerIdentity.EXCHANGE, "test:Increment", "fine");
        java.util.concurrent.atomic.AtomicInteger flakyCalls = new java.util.concurrent.atomic.AtomicInteger();
        List<String> applied = new CopyOnWriteArrayList<>();

        toClose.add(ledger.subscribe(flaky.blockNumber(), event -> {
            String key = text(event.payload()).split("=")[0];
            if (key.equals("poison") || key.equals("flaky") && flakyCalls.incrementAndGet() < 2) {
                throw new IllegalStateException("the read model is down");
            }
            applied.add(event.txId());
        }));

        awaitSize(applied, 2);
        Thread.sleep(200);
        assertThat(applied).containsExactly(flaky.txId(), fine.txId()).doesNotContain(poison.txId());
        assertThat(flakyCalls).hasValue(2);
    }

    static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (list.size() < size) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + list.size() + " of " + size + " arrived: " + list);
            }
            Thread.sleep(10);
        }
    }
}
