package io.dcx.service.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcx.service.api.health.SimilarityIndexReadiness;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.domain.fingerprint.Fingerprint;
import io.dcx.service.domain.fingerprint.FingerprintKind;
import io.dcx.service.domain.fingerprint.SimilarMatch;
import io.dcx.service.infrastructure.ledger.TestDatabase;
import io.dcx.service.infrastructure.ledger.embedded.EmbeddedLedger;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The similarity index is rebuilt from the ledger alone: works registered one by one and in batches are found, a
 * revoked work is not, a restart over the same chain gives the same index, and works registered after the start
 * arrive by their events. Runs {@link WorkSimilarity} directly over an embedded ledger on a fresh schema.
 */
class WorkSimilarityRebuildTest {
    private static final long IMAGE_A = 0x0f0f_3c3c_aaaa_5555L;
    private static final long TEXT_A = 0x1234_5678_9abc_def0L;

    private TestDatabase database;
    private EmbeddedLedger ledger;

    @BeforeEach
    void startLedger() {
        database = TestDatabase.freshSchema("similarity_rebuild");
        ledger = EmbeddedLedger.start(database.dataSource(), EmbeddedLedger.Options.defaults());
    }

    @AfterEach
    void stopLedger() throws Exception {
        ledger.close();
        database.close();
    }

    private static WorkSimilarity similarity(Ledger ledger) {
        return new WorkSimilarity(ledger, 10, 8, 300, 0);
    }

    private static String work(String id, String fingerprintKind, String fingerprint) {
        String hash = HexFormat.of().formatHex(UUID.randomUUID().toString().repeat(2).substring(0, 32)
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return "{\"id\":\"" + id + "\",\"contentHash\":\"" + hash + "\",\"fingerprint\":\"" + fingerprint
                + "\",\"fingerprintKind\":\"" + fingerprintKind + "\",\"title\":\"t\",\"kind\":\"IMAGE\","
                + "\"creators\":[{\"accountId\":\"acc_1\",\"shareBps\":10000}],\"metadataHash\":\"\",\"parents\":[],"
                + "\"registrant\":\"acc_1\"}";
    }

    private static String hex(long bits) {
        return new Fingerprint(FingerprintKind.IMAGE_DCT64, bits).hex();
    }

    private void register(String id, String kind, long bits) {
        ledger.submit(LedgerIdentity.COPYRIGHT, "works:RegisterWork", work(id, kind, hex(bits)));
    }

    private static List<String> near(WorkSimilarity similarity, FingerprintKind kind, long bits) {
        return similarity.near(new Fingerprint(kind, bits), 50).stream().map(SimilarMatch::workId).toList();
    }

    @Test
    void theIndexIsRebuiltFromTheChainAndFollowsIt() {
        register("wk_image_a", "image-dct64", IMAGE_A);
        register("wk_image_a_copy", "image-dct64", IMAGE_A ^ 0b1011); // 3 bits away
        register("wk_image_far", "image-dct64", ~IMAGE_A);
        register("wk_text_a", "text-simhash64", TEXT_A);
        ledger.submit(LedgerIdentity.COPYRIGHT, "works:RegisterWork", work("wk_video", "none", ""));
        ledger.submit(LedgerIdentity.COPYRIGHT, "works:RegisterWorks", "{\"works\":["
                + work("wk_batch_1", "image-dct64", hex(IMAGE_A ^ 0xff)) + ","
                + work("wk_batch_2", "text-simhash64", hex(TEXT_A ^ 1)) + "]}");
        register("wk_revoked", "image-dct64", IMAGE_A ^ 0x100);
        ledger.submit(LedgerIdentity.EXCHANGE, "works:SetWorkStatus", "wk_revoked", "REVOKED", "court order");
        // The last block holds no work event: readiness must still come (the replay goes quiet).
        ledger.submit(LedgerIdentity.EXCHANGE, "works:SetWorkStatus", "wk_image_far", "ACTIVE", "no-op");

        WorkSimilarity first = similarity(ledger);
        SimilarityIndexReadiness readiness = new SimilarityIndexReadiness(first);
        assertThat(first.caughtUp()).as("not before the replay started").isFalse();
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        first.start();
        try {
            assertThat(first.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
            assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(first.size()).isEqualTo(6);
            assertThat(near(first, FingerprintKind.IMAGE_DCT64, IMAGE_A))
                    .containsExactly("wk_image_a", "wk_image_a_copy", "wk_batch_1");
            assertThat(near(first, FingerprintKind.TEXT_SIMHASH64, TEXT_A))
                    .containsExactly("wk_text_a", "wk_batch_2");
            assertThat(first.near(new Fingerprint(FingerprintKind.IMAGE_DCT64, IMAGE_A), 5).get(1).distance())
                    .isEqualTo(3);

            // A work registered after the start arrives by its event.
            register("wk_later", "image-dct64", IMAGE_A ^ 0b111);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!near(first, FingerprintKind.IMAGE_DCT64, IMAGE_A).contains("wk_later")
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(near(first, FingerprintKind.IMAGE_DCT64, IMAGE_A)).contains("wk_later");
            ledger.submit(LedgerIdentity.EXCHANGE, "works:SetWorkStatus", "wk_later", "REVOKED", "fake");
            deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (near(first, FingerprintKind.IMAGE_DCT64, IMAGE_A).contains("wk_later")
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(near(first, FingerprintKind.IMAGE_DCT64, IMAGE_A)).doesNotContain("wk_later");
        } finally {
            first.stop();
        }

        // A restart knows nothing but the chain, and finds the same.
        WorkSimilarity restarted = similarity(ledger);
        restarted.start();
        try {
            assertThat(restarted.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
            assertThat(restarted.size()).isEqualTo(6);
            assertThat(near(restarted, FingerprintKind.IMAGE_DCT64, IMAGE_A))
                    .containsExactly("wk_image_a", "wk_image_a_copy", "wk_batch_1");
        } finally {
            restarted.stop();
        }
    }

    @Test
    void aChainWhoseLastBlockHasAWorkEventIsCaughtUpWithoutWaitingForQuiet() {
        register("wk_only", "image-dct64", IMAGE_A);
        WorkSimilarity similarity = new WorkSimilarity(ledger, 10, 8, 600_000, 0);
        similarity.start();
        try {
            assertThat(similarity.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
            assertThat(similarity.lastEventBlock()).isEqualTo(similarity.targetHeight() - 1);
            assertThat(near(similarity, FingerprintKind.IMAGE_DCT64, IMAGE_A)).containsExactly("wk_only");
        } finally {
            similarity.stop();
        }
    }

    @Test
    void aNewChainIsCaughtUpAtOnce() {
        WorkSimilarity similarity = new WorkSimilarity(ledger, 10, 8, 600_000, 0);
        similarity.start();
        try {
            assertThat(similarity.awaitCaughtUp(Duration.ofSeconds(5))).isTrue();
            assertThat(similarity.size()).isZero();
        } finally {
            similarity.stop();
        }
    }
}
