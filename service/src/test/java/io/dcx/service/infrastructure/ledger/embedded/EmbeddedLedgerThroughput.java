package io.dcx.service.infrastructure.ledger.embedded;

import io.dcx.service.application.ledger.LedgerContractTest;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.infrastructure.ledger.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A throughput probe, not a test (it asserts nothing and is not run by the build): registers works through the
 * embedded ledger with the real contract, in a fresh schema, and prints transactions and works per second.
 * Arguments: threads, single registrations, batches, batch size (default 8 2000 200 100); with
 * {@code -Ddcx.throughput.endorseOnly=true} it also times endorsement alone (evaluate). For example:
 *
 * <pre>
 * mvn -q -pl service test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp -Dmdep.includeScope=test
 * cd service &amp;&amp; DCX_TEST_DB_URL=jdbc:postgresql://127.0.0.1:55499/dcx java -cp \
 *   target/test-classes:target/classes:$(cat /tmp/cp) \
 *   io.dcx.service.infrastructure.ledger.embedded.EmbeddedLedgerThroughput 8 2000 200 100
 * </pre>
 */
public final class EmbeddedLedgerThroughput {
    /** Simulate only (evaluate), to tell endorsement cost from ordering and commit cost. */
    private static volatile boolean endorseOnly;

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int singles = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int batches = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int batchSize = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        try (TestDatabase database = TestDatabase.freshSchema("throughput");
             EmbeddedLedger ledger = EmbeddedLedger.start(database.dataSource(), EmbeddedLedger.Options.defaults())) {
            String run = UUID.randomUUID().toString().substring(0, 6);
            // Warm-up: class loading, JIT, prepared statements.
            measure("warm-up", ledger, threads, 400, 1, run + "w");
            measure("RegisterWork x1", ledger, threads, singles, 1, run + "s");
            measure("RegisterWorks x" + batchSize, ledger, threads, batches, batchSize, run + "b");
            if (Boolean.getBoolean("dcx.throughput.endorseOnly")) {
                endorseOnly = true;
                measure("endorse only x" + batchSize, ledger, threads, batches, batchSize, run + "e");
            }
            System.out.println("height " + ledger.height() + ", chain intact: " + ledger.verifyChain().intact());
        }
    }

    private static void measure(String label, EmbeddedLedger ledger, int threads, int transactions, int batchSize,
                                String run) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        long heightBefore = ledger.height();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < transactions; i = next.getAndIncrement()) {
                    String json = batchSize == 1 ? work(run + "-" + i) : batch(run + "-" + i, batchSize);
                    String function = batchSize == 1 ? "works:RegisterWork" : "works:RegisterWorks";
                    while (true) {
                        try {
                            if (endorseOnly) {
                                ledger.evaluate(LedgerIdentity.COPYRIGHT, function, json);
                            } else {
                                ledger.submit(LedgerIdentity.COPYRIGHT, function, json);
                            }
                            break;
                        } catch (io.dcx.service.application.ledger.TransactionConflictException e) {
                            conflicts.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long blocks = ledger.height() - heightBefore;
        System.out.printf("%-22s %6d tx in %6.2f s: %8.0f tx/s, %8.0f works/s, %d blocks (%.1f tx/block), %d conflicts%n",
                label, transactions, seconds, transactions / seconds, transactions * (double) batchSize / seconds,
                blocks, transactions / (double) blocks, conflicts.get());
    }

    private static String work(String id) {
        return LedgerContractTest.workJson(id, LedgerContractTest.sha256Hex(id), "acc-" + id);
    }

    private static String batch(String prefix, int size) {
        StringBuilder json = new StringBuilder("{\"works\":[");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(work(prefix + "-" + i));
        }
        return json.append("]}").toString();
    }
}
