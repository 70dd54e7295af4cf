package io.dcx.service.application.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcx.service.application.port.IdempotencyStore;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Idempotency keys whose action runs outside the claiming transaction ({@link Idempotency#executeDetached}), on
 * PostgreSQL: no transaction is open while the action runs, the answer is replayed, a concurrent duplicate waits for
 * it, a failed action frees the key, a claim whose holder died is taken over once its lease ends, and a key used for
 * another request is refused.
 */
@QuarkusTest
class DetachedIdempotencyTest {
    private static final Duration LEASE = Duration.ofSeconds(2);

    @Inject
    IdempotencyStore store;
    @Inject
    EntityManager em;

    private Idempotency idempotency() {
        return new Idempotency(store, LEASE);
    }

    /** Request hashes are SHA-256 hex, as {@code IdempotentResponses} makes them (the column is CHAR(64)). */
    private static String hash(String request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(request.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key() {
        return "detached-" + UUID.randomUUID();
    }

    @Test
    void theActionRunsOutsideAnyTransactionAndItsAnswerIsReplayed() {
        String key = key();
        AtomicInteger runs = new AtomicInteger();
        Idempotency.Outcome first = idempotency().executeDetached("acc-1", key, hash("h1"), () -> {
            runs.incrementAndGet();
            assertThat(QuarkusTransaction.isActive()).as("a transaction is open around the action").isFalse();
            return new Idempotency.Response(202, "{\"n\":1}");
        });
        Idempotency.Outcome second = idempotency().executeDetached("acc-1", key, hash("h1"), () -> {
            runs.incrementAndGet();
            return new Idempotency.Response(201, "{\"n\":2}");
        });
        assertThat(first.replayed()).isFalse();
        assertThat(second.replayed()).isTrue();
        assertThat(second.response()).isEqualTo(new Idempotency.Response(202, "{\"n\":1}"));
        assertThat(runs).hasValue(1);
        // Another scope with the same key is another request.
        assertThat(idempotency().executeDetached("acc-2", key, hash("h1"), () -> new Idempotency.Response(201, "{}"))
                .replayed()).isFalse();
    }

    @Test
    void aDuplicateWhileTheFirstRunsWaitsForItsAnswer() throws Exception {
        String key = key();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<Idempotency.Outcome> first = CompletableFuture.supplyAsync(() ->
                idempotency().executeDetached("acc-1", key, hash("h"), () -> {
                    runs.incrementAndGet();
                    running.countDown();
                    await(finish);
                    return new Idempotency.Response(201, "{\"first\":true}");
                }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Idempotency.Outcome> duplicate = CompletableFuture.supplyAsync(() ->
                idempotency().executeDetached("acc-1", key, hash("h"), () -> {
                    runs.incrementAndGet();
                    return new Idempotency.Response(201, "{\"first\":false}");
                }));
        Thread.sleep(300);
        assertThat(duplicate).isNotDone();
        finish.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).replayed()).isFalse();
        Idempotency.Outcome replay = duplicate.get(10, TimeUnit.SECONDS);
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.response().body()).isEqualTo("{\"first\":true}");
        assertThat(runs).hasValue(1);
    }

    @Test
    void aFailedActionFreesTheKeySoTheRetryRunsForReal() {
        String key = key();
        assertThatThrownBy(() -> idempotency().executeDetached("acc-1", key, hash("h"), () -> {
            throw new DcxException(ErrorCode.LISTING_NOT_OPEN, "taken");
        })).isInstanceOf(DcxException.class);
        assertThat(rows(key)).isZero();
        Idempotency.Outcome retry = idempotency().executeDetached("acc-1", key, hash("h"),
                () -> new Idempotency.Response(201, "{}"));
        assertThat(retry.replayed()).isFalse();
    }

    @Test
    void aClaimWhoseHolderDiedIsTakenOverWhenItsLeaseEnds() {
        String key = key();
        // What a service killed while running the action leaves: a claim in progress, no answer.
        claimInProgress(key, "dead-process", "1 second");
        long started = System.nanoTime();
        Idempotency.Outcome outcome = idempotency().executeDetached("acc-1", key, hash("h"),
                () -> new Idempotency.Response(201, "{\"again\":true}"));
        assertThat(outcome.replayed()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(500));
        assertThat(idempotency().executeDetached("acc-1", key, hash("h"), () -> new Idempotency.Response(500, "{}"))
                .response().body()).isEqualTo("{\"again\":true}");
    }

    @Test
    void aClaimStillInProgressAfterALeaseIsRefusedAsInProgress() {
        String key = key();
        claimInProgress(key, "slow", "1 hour");
        assertThatThrownBy(() -> idempotency().executeDetached("acc-1", key, hash("h"),
                () -> new Idempotency.Response(201, "{}")))
                .isInstanceOf(DcxException.class)
                .extracting(e -> ((DcxException) e).code()).isEqualTo(ErrorCode.IDEMPOTENT_REQUEST_IN_PROGRESS);
    }

    @Test
    void aKeyUsedForAnotherRequestIsRefused() {
        String key = key();
        idempotency().executeDetached("acc-1", key, hash("h1"), () -> new Idempotency.Response(201, "{}"));
        assertThatThrownBy(() -> idempotency().executeDetached("acc-1", key, hash("h2"),
                () -> new Idempotency.Response(201, "{}")))
                .isInstanceOf(DcxException.class)
                .extracting(e -> ((DcxException) e).code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
    }

    /** A claim of {@code key} for request "h" held by {@code token}, its lease ending after {@code lease}. */
    private void claimInProgress(String key, String token, String lease) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO idempotency_key (scope, idem_key,"
                        + " request_hash, created_at, claim_token, lease_until) VALUES ('acc-1', ?1, ?2, now(), ?3,"
                        + " now() + CAST(?4 AS INTERVAL))")
                .setParameter(1, key).setParameter(2, hash("h")).setParameter(3, token).setParameter(4, lease)
                .executeUpdate());
    }

    private long rows(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM idempotency_key WHERE idem_key = ?1").setParameter(1, key).getSingleResult())
                .longValue());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
