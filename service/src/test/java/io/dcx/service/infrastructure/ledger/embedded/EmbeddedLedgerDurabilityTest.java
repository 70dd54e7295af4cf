package io.dcx.service.infrastructure.ledger.embedded;

import static io.dcx.service.application.ledger.LedgerContractTest.sha256Hex;
import static io.dcx.service.application.ledger.LedgerContractTest.workJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcx.service.application.ledger.BlockHeader;
import io.dcx.service.application.ledger.ChaincodeEvent;
import io.dcx.service.application.ledger.CommittedTransaction;
import io.dcx.service.application.ledger.ContractRejectedException;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.ledger.TransactionConflictException;
import io.dcx.service.infrastructure.ledger.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded ledger with the real dcx contract across restarts: the chain, state, history, identities and event
 * positions survive; the hash chain exposes tampering; concurrent registrations conflict only when they must.
 */
class EmbeddedLedgerDurabilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestDatabase database;
    private final List<EmbeddedLedger> ledgers = new ArrayList<>();

    @BeforeEach
    void freshSchema() {
        database = TestDatabase.freshSchema("embedded_durability");
    }

    @AfterEach
    void closeAll() throws Exception {
        ledgers.forEach(EmbeddedLedger::close);
        database.close();
    }

    private EmbeddedLedger start(EmbeddedLedger.Options options) {
        EmbeddedLedger ledger = EmbeddedLedger.start(database.dataSource(), options);
        ledgers.add(ledger);
        return ledger;
    }

    private EmbeddedLedger start() {
        return start(EmbeddedLedger.Options.defaults());
    }

    private static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static CommittedTransaction register(Ledger ledger, String workId) {
        return ledger.submit(LedgerIdentity.COPYRIGHT, "works:RegisterWork",
                workJson(workId, sha256Hex("content of " + workId), "acc-" + workId));
    }

    private static CompletableFuture<CommittedTransaction> registerAsync(Ledger ledger, String workId, String hash) {
        return CompletableFuture.supplyAsync(() -> ledger.submit(LedgerIdentity.COPYRIGHT, "works:RegisterWork",
                workJson(workId, hash, "acc-" + workId)));
    }

    @Test
    void aNewInstanceCarriesOnTheChainWithNothingLost() throws Exception {
        EmbeddedLedger first = start();
        String workId = id("work");
        CommittedTransaction registered = register(first, workId);
        CommittedTransaction disputed = first.submit(LedgerIdentity.EXCHANGE, "works:SetWorkStatus", workId,
                "DISPUTED", "a claim");
        long height = first.height();
        List<BlockHeader> blocks = new ArrayList<>();
        for (long n = 0; n < height; n++) {
            blocks.add(first.block(n));
        }
        Map<LedgerIdentity, String> certificates = first.certificates();
        first.close();

        EmbeddedLedger second = start();

        assertThat(second.height()).isEqualTo(height);
        for (BlockHeader block : blocks) {
            assertThat(second.block(block.number())).isEqualTo(block);
        }
        assertThat(second.certificates()).isEqualTo(certificates);
        assertThat(JSON.readTree(second.evaluate(LedgerIdentity.EXCHANGE, "works:GetWork", workId))
                .path("status").asText()).isEqualTo("DISPUTED");
        var history = JSON.readTree(second.evaluate(LedgerIdentity.REGULATOR, "works:GetWorkHistory", workId));
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("txId").asText()).isEqualTo(registered.txId());
        assertThat(history.get(1).path("txId").asText()).isEqualTo(disputed.txId());

        CommittedTransaction next = register(second, id("work"));
        assertThat(next.blockNumber()).isEqualTo(height);
        assertThat(second.block(height).previousHash()).isEqualTo(blocks.get(blocks.size() - 1).hash());
        assertThat(second.verifyChain().intact()).isTrue();
        assertThat(second.verifyChain().blocksChecked()).isEqualTo(height + 1);
    }

    @Test
    void theGenesisBlockIsMadeOnceAndFixesTheOrganisations() throws Exception {
        EmbeddedLedger ledger = start();
        BlockHeader genesis = ledger.block(0);
        assertThat(genesis.previousHash()).isEqualTo("0".repeat(64));
        assertThat(genesis.transactionCount()).isZero();
        ledger.close();

        assertThat(start().block(0)).isEqualTo(genesis);
        ledgers.get(ledgers.size() - 1).close();
        database.execute("UPDATE ledger_identity SET ca_certificate = replace(ca_certificate, 'A', 'B')"
                + " WHERE msp_id = 'RegulatorMSP'");
        EmbeddedLedger.ChainVerification verification = start().verifyChain();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenBlock()).isZero();
    }

    @Test
    void verificationFindsTheFirstTamperedBlock() throws Exception {
        EmbeddedLedger ledger = start();
        List<CommittedTransaction> txs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            txs.add(register(ledger, id("work")));
        }
        assertThat(ledger.verifyChain()).isEqualTo(new EmbeddedLedger.ChainVerification(ledger.height(), null, null));
        long target = txs.get(1).blockNumber();

        // Rewrite history: the work's stored value in that block's write set.
        database.execute("UPDATE ledger_write SET value = convert_to('{\"forged\":true}', 'UTF8')"
                + " WHERE block_number = " + target + " AND value IS NOT NULL"
                + " AND key = (SELECT key FROM ledger_write WHERE block_number = " + target
                + " ORDER BY key LIMIT 1)");
        EmbeddedLedger.ChainVerification forgedWrite = ledger.verifyChain();
        assertThat(forgedWrite.intact()).isFalse();
        assertThat(forgedWrite.firstBrokenBlock()).isEqualTo(target);
        assertThat(forgedWrite.problem()).contains("data hash");
    }

    @Test
    void verificationFindsAForgedHeaderOrAnAlteredTransaction() throws Exception {
        EmbeddedLedger ledger = start();
        List<CommittedTransaction> txs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            txs.add(register(ledger, id("work")));
        }
        long second = txs.get(1).blockNumber();
        long third = txs.get(2).blockNumber();

        database.execute("UPDATE ledger_tx SET creator_msp = 'ExchangeMSP' WHERE block_number = " + third);
        assertThat(ledger.verifyChain().firstBrokenBlock()).isEqualTo(third);

        // A forger who also recomputes the data hash still breaks the link to the next block.
        database.execute("UPDATE ledger_block SET hash = sha256(hash) WHERE number = " + second);
        EmbeddedLedger.ChainVerification verification = ledger.verifyChain();
        assertThat(verification.firstBrokenBlock()).isEqualTo(second);
        assertThat(verification.problem()).contains("does not hash to its hash");
    }

    @Test
    void resubscribingFromACheckpointAfterARestartDeliversEachEventOnce() throws Exception {
        EmbeddedLedger first = start();
        List<ChaincodeEvent> seen = new CopyOnWriteArrayList<>();
        Ledger.EventSubscription subscription = first.subscribe(0, seen::add);
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            before.add(register(first, id("work")).txId());
        }
        EmbeddedLedgerSemanticsTest.awaitSize(seen, 3);
        subscription.close();
        // The consumer's checkpoint: the block after the last one it applied.
        long checkpoint = seen.get(seen.size() - 1).blockNumber() + 1;
        first.close();

        EmbeddedLedger second = start();
        List<String> after = new ArrayList<>();
        after.add(register(second, id("work")).txId());
        List<ChaincodeEvent> resumed = new CopyOnWriteArrayList<>();
        try (Ledger.EventSubscription ignored = second.subscribe(checkpoint, resumed::add)) {
            after.add(register(second, id("work")).txId());
            EmbeddedLedgerSemanticsTest.awaitSize(resumed, 2);
            Thread.sleep(200);
        }

        assertThat(seen).extracting(ChaincodeEvent::txId).containsExactlyElementsOf(before);
        assertThat(resumed).extracting(ChaincodeEvent::txId).containsExactlyElementsOf(after);
    }

    @Test
    void registrationsOfDifferentWorksInOneBlockDoNotConflict() throws Exception {
        EmbeddedLedger ledger = start(EmbeddedLedger.Options.defaults().withMaxBlockTransactions(8)
                .withBatchTimeout(Duration.ofSeconds(20)));
        List<CompletableFuture<CommittedTransaction>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String workId = id("work");
            futures.add(registerAsync(ledger, workId, sha256Hex("content of " + workId)));
        }
        List<Long> blocks = new ArrayList<>();
        for (CompletableFuture<CommittedTransaction> future : futures) {
            blocks.add(future.get(30, TimeUnit.SECONDS).blockNumber());
        }
        assertThat(blocks).containsOnly(blocks.get(0));
        assertThat(ledger.block(blocks.get(0)).transactionCount()).isEqualTo(8);
    }

    @Test
    void twoRegistrationsOfTheSameContentInOneBlockConflictAndTheRetryIsADuplicate() throws Exception {
        EmbeddedLedger ledger = start(EmbeddedLedger.Options.defaults().withMaxBlockTransactions(2)
                .withBatchTimeout(Duration.ofSeconds(20)));
        String hash = sha256Hex("the same picture " + UUID.randomUUID());
        String a = id("work");
        String b = id("work");
        CompletableFuture<CommittedTransaction> first = registerAsync(ledger, a, hash);
        CompletableFuture<CommittedTransaction> second = registerAsync(ledger, b, hash);

        List<Throwable> failures = new ArrayList<>();
        List<CommittedTransaction> committed = new ArrayList<>();
        for (CompletableFuture<CommittedTransaction> future : List.of(first, second)) {
            try {
                committed.add(future.get(30, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        assertThat(committed).hasSize(1);
        assertThat(failures).singleElement().isInstanceOf(TransactionConflictException.class);
        String winner = JSON.readTree(committed.get(0).payload()).path("id").asText();
        String loser = winner.equals(a) ? b : a;

        assertThatThrownBy(() -> ledger.submit(LedgerIdentity.COPYRIGHT, "works:RegisterWork",
                workJson(loser, hash, "acc-" + loser)))
                .isInstanceOfSatisfying(ContractRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("DUPLICATE_CONTENT_HASH"));
        assertThat(JSON.readTree(ledger.evaluate(LedgerIdentity.EXCHANGE, "works:FindWorkByContentHash", hash))
                .path("id").asText()).isEqualTo(winner);
    }
}
