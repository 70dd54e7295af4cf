package io.dcx.chaincode;

import static io.dcx.chaincode.TestIdentity.COPYRIGHT;
import static io.dcx.chaincode.TestIdentity.EXCHANGE;
import static io.dcx.chaincode.TestIdentity.REGULATOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.contract.ScanningContractRouter;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.DataType;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InProcessRouterTest {
    private static ContractRouter scanning;

    @BeforeAll
    static void buildTheShimsOwnRouter() {
        assertThat(TestChain.ROUTER).as("TestChain quiets the shim's log first").isNotNull();
        scanning = ScanningContractRouter.create();
    }

    @Test
    void servesExactlyTheTransactionsTheShimsScanFinds() {
        final Set<String> scanned = new TreeSet<>(ScanningContractRouter.transactionNames(scanning));
        scanned.removeIf(name -> name.startsWith("org.hyperledger.fabric:"));
        assertThat(TestChain.ROUTER.transactionNames()).isEqualTo(scanned);
    }

    @Test
    void theExplicitListsNameEveryAnnotatedClass() {
        try (ScanResult scan = new ClassGraph().enableAnnotationInfo().acceptPackages("io.dcx.chaincode").scan()) {
            final Set<String> contracts = new TreeSet<>(scan.getClassesWithAnnotation(Contract.class).getNames());
            final Set<String> dataTypes = new TreeSet<>(scan.getClassesWithAnnotation(DataType.class).getNames());
            assertThat(contracts).isEqualTo(names(DcxContracts.CONTRACT_CLASSES));
            assertThat(dataTypes).isEqualTo(names(DcxContracts.DATA_TYPE_CLASSES));
        }
        assertThat(ScanningContractRouter.dataTypeNames(scanning)).containsAll(names(DcxContracts.DATA_TYPE_CLASSES));
    }

    @Test
    void theContractMetadataValidatesAndDescribesTheRecords() {
        final String metadata = ScanningContractRouter.metadata();
        assertThat(metadata).contains("\"works\"", "\"assets\"", "\"policy\"", "RegisterWorks", "SettleTrade");
        assertThat(Result.parse(metadata).path("components").path("schemas").has("Work")).isTrue();
    }

    @Test
    void reportsTheIntentOfEachTransaction() {
        assertThat(TestChain.ROUTER.intent("works:RegisterWork")).contains(Transaction.TYPE.SUBMIT);
        assertThat(TestChain.ROUTER.intent("works:GetWorkHistory")).contains(Transaction.TYPE.EVALUATE);
        assertThat(TestChain.ROUTER.intent("policy:GetBoardPolicy")).contains(Transaction.TYPE.EVALUATE);
        assertThat(TestChain.ROUTER.intent("works:Nope")).isEmpty();
        assertThat(TestChain.ROUTER.intent("RegisterWork")).isEmpty();
    }

    @Test
    void anUnknownTransactionOfAKnownContractIsRefusedWithItsCode() {
        new TestChain().submit(EXCHANGE, "works:DeleteWork", "wk_1").refused(ErrorCode.UNKNOWN_TRANSACTION);
        new TestChain().submit(EXCHANGE, "assets:Burn").refused(ErrorCode.UNKNOWN_TRANSACTION);
        new TestChain().submit(EXCHANGE, "policy:Reset").refused(ErrorCode.UNKNOWN_TRANSACTION);
    }

    @Test
    void routingEdgeCasesBehaveAsTheShimsRouter() {
        for (final List<String> args : List.of(
                List.<String>of(),
                List.of("nowhere:GetWork", "wk_1"),
                List.of("GetWork", "wk_1"),
                List.of("works:GetWork"),
                List.of("assets:LockAsset", "a", "b"),
                List.of("works:GetWork", "wk_1", "extra"))) {
            final Result ours = new TestChain().raw(REGULATOR, args);
            final Result theirs = new TestChain(scanning).raw(REGULATOR, args);
            assertThat(ours.status).as("%s", args).isEqualTo(theirs.status);
            assertThat(ours.message).as("%s", args).isEqualTo(theirs.message);
            assertThat(ours.payload).as("%s", args).isEqualTo(theirs.payload);
        }
        assertThat(new TestChain().raw(REGULATOR, List.of()).status).isEqualTo(200);
        assertThat(new TestChain().raw(REGULATOR, List.of("nowhere:GetWork", "wk_1")).message)
                .isEqualTo("Undefined contract called");
        assertThat(new TestChain().raw(REGULATOR, List.of("works:GetWork")).message)
                .as("too few arguments fail inside the shim, before the contract").isEqualTo("Unexpected error");
        assertThat(new TestChain().raw(REGULATOR, List.of("works:GetWork", "wk_1", "extra")).message)
                .as("extra arguments are ignored by the shim").startsWith("WORK_NOT_FOUND");
    }

    /** One script of writes and reads, successes and refusals across the three contracts. */
    private static List<Result> script(final TestChain chain) {
        final List<Result> results = new ArrayList<>();
        results.add(chain.submit(COPYRIGHT, "works:RegisterWork", Fixtures.work("wk_1", "acc_a", "acc_b").toString()));
        results.add(chain.submit(COPYRIGHT, "works:RegisterWork", Fixtures.work("wk_1").toString()));
        results.add(chain.submit(COPYRIGHT, "works:RegisterWork", "{broken"));
        results.add(chain.submit(COPYRIGHT, "works:RegisterWorks", "{\"works\":[" + Fixtures.work("wk_2") + ","
                + Fixtures.work("wk_1") + "]}"));
        results.add(chain.submit(REGULATOR, "works:SetWorkStatus", "wk_1", "FROZEN", "r"));
        results.add(chain.submit(COPYRIGHT, "works:GrantLicence",
                Fixtures.licence("lic_1", "wk_1", "acc_a", "acc_z", true, "2025-01-01", "2026-01-01").toString()));
        results.add(chain.submit(EXCHANGE, "assets:IssueEditions", "wk_1", "acc_a", "3", "100"));
        results.add(chain.submit(EXCHANGE, "assets:LockAsset", "wk_1-1", "tr_1", "acc_a", "acc_c",
                Fixtures.terms("1")));
        results.add(chain.submit(EXCHANGE, "assets:SettleTrade", "wk_1-1", "tr_1", "acc_c", Fixtures.terms("1")));
        results.add(chain.submit(EXCHANGE, "assets:SettleTrade", "wk_1-1", "tr_1", "acc_c", Fixtures.terms("1")));
        results.add(chain.submit(EXCHANGE, "assets:TransferAsset", "wk_1-2", "acc_a", "acc_d", "gift"));
        results.add(chain.submit(EXCHANGE, "assets:FreezeAsset", "wk_1-3", "review"));
        results.add(chain.submit(EXCHANGE, "policy:SetBoardPolicy", "{\"holdingPeriodSeconds\":60}"));
        results.add(chain.evaluate(REGULATOR, "works:GetWorkHistory", "wk_1"));
        results.add(chain.evaluate(REGULATOR, "assets:ListAssetsByOwner", "acc_a"));
        results.add(chain.evaluate(REGULATOR, "assets:GetAssetHistory", "wk_1-1"));
        results.add(chain.evaluate(REGULATOR, "works:ListWorksByCreator", "acc_b"));
        results.add(chain.evaluate(REGULATOR, "policy:GetBoardPolicy"));
        results.add(chain.evaluate(REGULATOR, "assets:GetTrade", "tr_404"));
        return results;
    }

    @Test
    void answersWritesAndEventsAreTheSameAsThroughTheShimsRouter() {
        final List<Result> ours = script(new TestChain());
        final List<Result> theirs = script(new TestChain(scanning));
        assertThat(ours).hasSameSizeAs(theirs);
        for (int i = 0; i < ours.size(); i++) {
            final Result a = ours.get(i);
            final Result b = theirs.get(i);
            assertThat(a.status).as("status of step %d %s", i, a.transaction).isEqualTo(b.status);
            assertThat(a.message).as("message of step %d %s", i, a.transaction).isEqualTo(b.message);
            assertThat(a.payload).as("payload of step %d %s", i, a.transaction).isEqualTo(b.payload);
            assertThat(a.eventName).as("event of step %d", i).isEqualTo(b.eventName);
            assertThat(a.eventPayload).as("event payload of step %d", i).isEqualTo(b.eventPayload);
            assertThat(a.writes.keySet()).as("writes of step %d", i).isEqualTo(b.writes.keySet());
            for (final Map.Entry<String, byte[]> w : a.writes.entrySet()) {
                assertThat(w.getValue()).as("write %s of step %d", w.getKey(), i).isEqualTo(b.writes.get(w.getKey()));
            }
        }
        assertThat(ours.stream().filter(Result::isOk).count()).isGreaterThan(10);
    }

    @Test
    void oneRouterServesManyThreads() throws Exception {
        final ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            final List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                final int thread = t;
                runs.add(pool.submit(() -> {
                    final TestChain chain = new TestChain();
                    int ok = 0;
                    for (int i = 0; i < 50; i++) {
                        final String id = "wk_" + thread + "_" + i;
                        chain.submit(COPYRIGHT, "works:RegisterWork", Fixtures.work(id).toString()).ok();
                        if (chain.evaluate(REGULATOR, "works:GetWork", id).isOk()) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            for (final Future<Integer> run : runs) {
                assertThat(run.get()).isEqualTo(50);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Set<String> names(final List<? extends Class<?>> classes) {
        final Set<String> names = new TreeSet<>();
        classes.forEach(c -> names.add(c.getName()));
        return names;
    }
}
