package io.dcx.service.application.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link Ledger} adapter must do, checked through the real dcx contract: the embedded ledger and the
 * Fabric ledger both extend this test, so the service cannot tell them apart. Each test makes its own works and
 * accounts (random ids), so the ledger may be shared and may already hold other data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LedgerContractTest {
    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);

    private Ledger ledger;

    /** The adapter under test, started over its backing store. Called once per test class. */
    protected abstract Ledger openLedger() throws Exception;

    /** Releases what {@link #openLedger()} started. */
    protected abstract void closeLedger(Ledger ledger) throws Exception;

    @BeforeAll
    void openTheLedger() throws Exception {
        ledger = openLedger();
    }

    @AfterAll
    void closeTheLedger() throws Exception {
        if (ledger != null) {
            closeLedger(ledger);
        }
    }

    protected Ledger ledger() {
        return ledger;
    }

    // ---------------------------------------------------------------- helpers

    protected static String randomId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON of works:RegisterWork for one work of one creator. */
    public static String workJson(String id, String contentHash, String account) {
        ObjectNode work = JSON.createObjectNode();
        work.put("id", id);
        work.put("contentHash", contentHash);
        work.put("fingerprint", "");
        work.put("fingerprintKind", "none");
        work.put("title", "Work " + id);
        work.put("kind", "IMAGE");
        work.putArray("creators").addObject().put("accountId", account).put("shareBps", 10_000);
        work.put("metadataHash", "");
        work.putArray("parents");
        work.put("registrant", account);
        return work.toString();
    }

    protected static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }

    /** Registers a new work of a new account as the copyright authority. */
    protected CommittedTransaction registerWork(String id) {
        return ledger.submit(LedgerIdentity.COPYRIGHT, "works:RegisterWork",
                workJson(id, sha256Hex("content of " + id), randomId("acc")));
    }

    private static List<ChaincodeEvent> await(BlockingQueue<ChaincodeEvent> queue, int count, List<String> txIds)
            throws InterruptedException {
        List<ChaincodeEvent> received = new ArrayList<>();
        long deadline = System.nanoTime() + EVENT_WAIT.toNanos();
        while (received.size() < count) {
            ChaincodeEvent event = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("only " + received.size() + " of " + count + " events arrived: " + received);
            }
            if (txIds.contains(event.txId())) {
                received.add(event);
            }
        }
        return received;
    }

    // ---------------------------------------------------------------- the port's promises

    @Test
    void submitAnswersTheTransactionIdItsBlockAndTheContractsPayload() {
        String id = randomId("work");
        long heightBefore = ledger.height();

        CommittedTransaction tx = registerWork(id);

        assertThat(tx.txId()).matches("[0-9a-f]{64}");
        assertThat(tx.blockNumber()).isGreaterThanOrEqualTo(heightBefore).isLessThan(ledger.height());
        assertThat(tx.timestamp()).isNotNull();
        JsonNode work = json(tx.payload());
        assertThat(work.path("id").asText()).isEqualTo(id);
        assertThat(work.path("contentHash").asText()).isEqualTo(sha256Hex("content of " + id));
        assertThat(work.path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void heightGrowsWithEachCommit() {
        long before = ledger.height();
        CommittedTransaction first = registerWork(randomId("work"));
        CommittedTransaction second = registerWork(randomId("work"));

        assertThat(second.blockNumber()).isGreaterThan(first.blockNumber());
        assertThat(ledger.height()).isGreaterThan(second.blockNumber()).isGreaterThanOrEqualTo(before + 2);
        BlockHeader block = ledger.block(second.blockNumber());
        assertThat(block.number()).isEqualTo(second.blockNumber());
        assertThat(block.transactionCount()).isPositive();
        assertThat(block.hash()).isNotBlank();
    }

    @Test
    void evaluateReadsCommittedStateWithoutOrderingAnything() {
        String id = randomId("work");
        registerWork(id);
        long height = ledger.height();

        JsonNode asExchange = json(ledger.evaluate(LedgerIdentity.EXCHANGE, "works:GetWork", id));
        JsonNode asRegulator = json(ledger.evaluate(LedgerIdentity.REGULATOR, "works:GetWork", id));

        assertThat(asExchange.path("id").asText()).isEqualTo(id);
        assertThat(asRegulator).isEqualTo(asExchange);
        assertThat(ledger.height()).isEqualTo(height);
    }

    @Test
    void aRefusalCarriesTheContractsCodeAndWritesNothing() {
        String first = randomId("work");
        String copy = randomId("work");
        String hash = sha256Hex("content of " + first);
        ledger.submit(LedgerIdentity.COPYRIGHT, "works:RegisterWork", workJson(first, hash, randomId("acc")));
        long height = ledger.height();

        assertThatThrownBy(() -> ledger.submit(LedgerIdentity.COPYRIGHT, "works:RegisterWork",
                workJson(copy, hash, randomId("acc"))))
                .isInstanceOfSatisfying(ContractRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("DUPLICATE_CONTENT_HASH"));

        assertThatThrownBy(() -> ledger.evaluate(LedgerIdentity.EXCHANGE, "works:GetWork", copy))
                .isInstanceOfSatisfying(ContractRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("WORK_NOT_FOUND"));
        assertThat(ledger.height()).isEqualTo(height);
        assertThat(json(ledger.evaluate(LedgerIdentity.EXCHANGE, "works:FindWorkByContentHash", hash))
                .path("id").asText()).isEqualTo(first);
    }

    @Test
    void theRegulatorMayReadButNotWrite() {
        String id = randomId("work");
        long height = ledger.height();

        assertThatThrownBy(() -> ledger.submit(LedgerIdentity.REGULATOR, "works:RegisterWork",
                workJson(id, sha256Hex("content of " + id), randomId("acc"))))
                .isInstanceOfSatisfying(ContractRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("READ_ONLY_IDENTITY"));
        assertThat(ledger.height()).isEqualTo(height);

        registerWork(id);
        assertThat(json(ledger.evaluate(LedgerIdentity.REGULATOR, "works:GetWork", id)).path("id").asText())
                .isEqualTo(id);
    }

    @Test
    void anUnknownTransactionIsRefused() {
        assertThatThrownBy(() -> ledger.submit(LedgerIdentity.EXCHANGE, "works:NoSuchTransaction", "x"))
                .isInstanceOfSatisfying(ContractRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("UNKNOWN_TRANSACTION"));
    }

    @Test
    void eventsArriveInCommitOrderFromTheRequestedBlock() throws Exception {
        List<CommittedTransaction> txs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            txs.add(registerWork(randomId("work")));
        }
        List<String> ours = new ArrayList<>(txs.stream().map(CommittedTransaction::txId).toList());

        BlockingQueue<ChaincodeEvent> fromFirst = new LinkedBlockingQueue<>();
        BlockingQueue<ChaincodeEvent> fromSecond = new LinkedBlockingQueue<>();
        try (Ledger.EventSubscription a = ledger.subscribe(txs.get(0).blockNumber(), fromFirst::add);
             Ledger.EventSubscription b = ledger.subscribe(txs.get(1).blockNumber(), fromSecond::add)) {
            // Replayed: the three committed ones, in order, each once.
            List<ChaincodeEvent> replayed = await(fromFirst, 3, ours);
            assertThat(replayed).extracting(ChaincodeEvent::txId).containsExactlyElementsOf(ours);
            assertThat(replayed).extracting(ChaincodeEvent::name).containsOnly("WorkRegistered");
            assertThat(replayed).extracting(ChaincodeEvent::blockNumber)
                    .containsExactly(txs.get(0).blockNumber(), txs.get(1).blockNumber(), txs.get(2).blockNumber());
            assertThat(json(replayed.get(0).payload()).path("id").asText())
                    .isEqualTo(json(txs.get(0).payload()).path("id").asText());

            // Live: one more, after the subscriptions caught up.
            CommittedTransaction live = registerWork(randomId("work"));
            ours.add(live.txId());
            ChaincodeEvent next = await(fromFirst, 1, ours).get(0);
            assertThat(next.txId()).isEqualTo(live.txId());
            assertThat(next.blockNumber()).isEqualTo(live.blockNumber());

            List<ChaincodeEvent> fromTheSecond = await(fromSecond, 3, ours);
            assertThat(fromTheSecond).extracting(ChaincodeEvent::txId)
                    .containsExactly(ours.get(1), ours.get(2), ours.get(3));
            Thread.sleep(200);
            assertThat(fromFirst.stream().filter(e -> ours.contains(e.txId()))).isEmpty();
        }
    }

    @Test
    void historyOfAWorkIsItsProvenance() {
        String id = randomId("work");
        CommittedTransaction registered = registerWork(id);
        CommittedTransaction disputed = ledger.submit(LedgerIdentity.EXCHANGE, "works:SetWorkStatus", id,
                "DISPUTED", "a claim by another creator");

        JsonNode history = json(ledger.evaluate(LedgerIdentity.REGULATOR, "works:GetWorkHistory", id));

        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("txId").asText()).isEqualTo(registered.txId());
        assertThat(history.get(1).path("txId").asText()).isEqualTo(disputed.txId());
        assertThat(history.get(1).path("value").path("status").asText()).isEqualTo("DISPUTED");
        assertThat(history.get(0).path("deleted").asBoolean()).isFalse();
        assertThat(history.get(0).path("timestamp").asText()).isNotBlank();
    }

    @Test
    void anEditionIsIssuedLockedAndSettledOnce() {
        String workId = randomId("work");
        String seller = randomId("acc");
        String buyer = randomId("acc");
        ledger.submit(LedgerIdentity.COPYRIGHT, "works:RegisterWork",
                workJson(workId, sha256Hex("content of " + workId), seller));
        JsonNode issued = json(ledger.submit(LedgerIdentity.EXCHANGE, "assets:IssueEditions", workId, seller, "2",
                "10000").payload());
        assertThat(issued).hasSize(2);
        String assetId = issued.get(0).path("id").asText();
        String tradeId = randomId("trade");
        String terms = sha256Hex(tradeId + " 10000 CNY");

        CommittedTransaction locked = ledger.submit(LedgerIdentity.EXCHANGE, "assets:LockAsset", assetId, tradeId,
                seller, buyer, terms);
        assertThat(json(locked.payload()).path("status").asText()).isEqualTo("LOCKED");
        CommittedTransaction settled = ledger.submit(LedgerIdentity.EXCHANGE, "assets:SettleTrade", assetId,
                tradeId, buyer, terms);
        // Settling the same trade again is a no-op, never a second transfer.
        CommittedTransaction again = ledger.submit(LedgerIdentity.EXCHANGE, "assets:SettleTrade", assetId,
                tradeId, buyer, terms);
        assertThat(json(again.payload())).isEqualTo(json(settled.payload()));

        JsonNode asset = json(ledger.evaluate(LedgerIdentity.REGULATOR, "assets:GetAsset", assetId));
        assertThat(asset.path("ownerId").asText()).isEqualTo(buyer);
        JsonNode history = json(ledger.evaluate(LedgerIdentity.REGULATOR, "assets:GetAssetHistory", assetId));
        assertThat(history).hasSize(3);
        assertThat(history.get(1).path("txId").asText()).isEqualTo(locked.txId());
        assertThat(history.get(2).path("txId").asText()).isEqualTo(settled.txId());

        assertThatThrownBy(() -> ledger.submit(LedgerIdentity.COPYRIGHT, "assets:LockAsset",
                issued.get(1).path("id").asText(), randomId("trade"), seller, buyer, terms))
                .isInstanceOfSatisfying(ContractRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("ACCESS_DENIED"));
    }
}
