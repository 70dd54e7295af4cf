package io.dcx.service.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcx.service.application.port.WorkCatalog;
import io.dcx.service.domain.CreatorShare;
import io.dcx.service.domain.Work;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The registering request and the chain event projector write the same work row at the same moment; both writes
 * must succeed and leave one row with the request's off-chain facts.
 */
@QuarkusTest
class WorkCatalogUpsertRaceTest {

    @Inject
    WorkCatalog catalog;

    private static Work work(String id, String hash, String contentType) {
        return new Work(id, hash, "race", "OTHER", "", "none", "ACTIVE", "acc_race",
                List.of(new CreatorShare("acc_race", 10_000)), "", null, contentType,
                contentType == null ? null : 3L, "tx" + id, 7, Instant.parse("2026-11-25T00:00:00Z"));
    }

    @Test
    void concurrentUpsertsOfTheSameWorkBothSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 200; round++) {
                String id = "wk_race_" + round + "_" + UUID.randomUUID().toString().substring(0, 8);
                String hash = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(id.getBytes()));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> writes = new ArrayList<>();
                for (String contentType : new String[] {"text/plain", null, null, null}) {
                    writes.add(pool.submit(() -> {
                        start.await();
                        QuarkusTransaction.requiringNew().run(() -> catalog.upsert(work(id, hash, contentType)));
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> write : writes) {
                    write.get(); // throws if either write failed
                }
                Work stored = catalog.byId(id).orElseThrow();
                assertThat(stored.contentHash()).isEqualTo(hash);
                assertThat(stored.contentType()).isEqualTo("text/plain");
                assertThat(catalog.byContentHash(hash)).map(Work::id).contains(id);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
