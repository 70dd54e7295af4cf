package io.dcx.service.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcx.service.application.ledger.ChaincodeEvent;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerException;
import io.dcx.service.domain.fingerprint.Fingerprint;
import io.dcx.service.domain.fingerprint.FingerprintKind;
import io.dcx.service.domain.fingerprint.SimilarMatch;
import io.dcx.service.domain.fingerprint.SimilarityIndex;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The similarity index of registered works' perceptual fingerprints, rebuilt from the ledger on every start: the
 * ledger is the truth, the index only a way to ask it "which works look like this?" without a scan.
 *
 * <p>On start it subscribes to the chain's events from block 0 and applies, in order, {@code WorkRegistered},
 * {@code WorksRegistered} ({@code {"works":[..]}}) and {@code WorkStatusChanged} (a REVOKED work leaves the index).
 * The same subscription then follows new blocks, so works registered by other clients of the chain are indexed too;
 * a registration made through this service is also added right after its commit, so the very next request sees it.
 *
 * <p>Caught up: the replay has delivered the events of every block below the height the chain had when the
 * replay started. Events arrive per event, not per block, and the last blocks may hold no event at all (a no-op
 * write, or only invalid transactions), so the replay also counts as caught up when the subscription has been
 * quiet for {@code dcx.similarity.replay-quiet-ms} after its last event: events of committed blocks are read back
 * in pages, so a pause that long means there is nothing left to read. Until then registrations that need the
 * index wait (up to {@code dcx.similarity.await-ready-ms}) and the readiness check reports DOWN.
 */
@ApplicationScoped
public class WorkSimilarity {
    private static final Logger LOG = Logger.getLogger(WorkSimilarity.class);

    private final Ledger ledger;
    private final SimilarityIndex index = new SimilarityIndex();
    private final int imageMaxDistance;
    private final int textMaxDistance;
    private final long quietNanos;
    private final Duration startupWait;
    private final Object progress = new Object();

    private volatile Ledger.EventSubscription subscription;
    private volatile Thread starter;
    /** The chain's height when the replay started; -1 before. */
    private volatile long targetHeight = -1;
    private volatile long lastEventBlock = -1;
    private volatile long lastActivityNanos;
    private volatile boolean caughtUp;
    private volatile boolean stopped;

    @Inject
    public WorkSimilarity(Ledger ledger,
            @ConfigProperty(name = "dcx.similarity.image-max-distance", defaultValue = "10") int imageMaxDistance,
            @ConfigProperty(name = "dcx.similarity.text-max-distance", defaultValue = "8") int textMaxDistance,
            @ConfigProperty(name = "dcx.similarity.replay-quiet-ms", defaultValue = "2000") long replayQuietMillis,
            @ConfigProperty(name = "dcx.similarity.startup-wait-ms", defaultValue = "60000") long startupWaitMillis) {
        this.ledger = ledger;
        this.startupWait = Duration.ofMillis(startupWaitMillis);
        this.imageMaxDistance = checkDistance("dcx.similarity.image-max-distance", imageMaxDistance);
        this.textMaxDistance = checkDistance("dcx.similarity.text-max-distance", textMaxDistance);
        this.quietNanos = Duration.ofMillis(replayQuietMillis).toNanos();
    }

    private static int checkDistance(String name, int value) {
        if (value < 0 || value > SimilarityIndex.MAX_DISTANCE) {
            throw new IllegalStateException(name + " must be 0.." + SimilarityIndex.MAX_DISTANCE + ", is " + value);
        }
        return value;
    }

    void onStart(@Observes StartupEvent startup) {
        start();
        // Start serving with a complete index when that is quick; otherwise readiness stays DOWN until it is.
        if (!awaitCaughtUp(startupWait)) {
            LOG.warnf("similarity index: replay not caught up after %s (at block %d of %d); readiness stays DOWN"
                    + " until it is", startupWait, lastEventBlock, targetHeight);
        }
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        stop();
    }

    /** Starts the replay from block 0; if the ledger is not reachable yet, keeps trying in the background. */
    public void start() {
        if (tryStart()) {
            return;
        }
        Thread retry = new Thread(() -> {
            while (!stopped && !tryStart()) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "dcx-similarity-index-start");
        retry.setDaemon(true);
        starter = retry;
        retry.start();
    }

    private boolean tryStart() {
        long height;
        try {
            height = ledger.height();
        } catch (LedgerException | IllegalStateException e) {
            LOG.warnf("similarity index: the ledger is not available yet (%s); retrying", e.getMessage());
            return false;
        }
        targetHeight = height;
        lastActivityNanos = System.nanoTime();
        LOG.infof("similarity index: replaying work events from block 0 up to height %d", height);
        subscription = ledger.subscribe(0, this::apply);
        return true;
    }

    public void stop() {
        stopped = true;
        Thread retry = starter;
        if (retry != null) {
            retry.interrupt();
        }
        Ledger.EventSubscription current = subscription;
        if (current != null) {
            current.close();
        }
    }

    /** Applies one chain event to the index; other events only count as progress. */
    void apply(ChaincodeEvent event) {
        switch (event.name()) {
            case "WorkRegistered" -> indexWork(ChainJson.parse(event.payload()));
            case "WorksRegistered" -> {
                for (JsonNode work : ChainJson.parse(event.payload()).path("works")) {
                    indexWork(work);
                }
            }
            case "WorkStatusChanged" -> indexWork(ChainJson.parse(event.payload()));
            default -> {
                // not about works' content
            }
        }
        lastEventBlock = Math.max(lastEventBlock, event.blockNumber());
        lastActivityNanos = System.nanoTime();
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    private void indexWork(JsonNode work) {
        String id = work.path("id").asText(null);
        if (id == null) {
            return;
        }
        if ("REVOKED".equals(work.path("status").asText())) {
            index.remove(id);
            return;
        }
        fingerprintOf(work.path("fingerprintKind").asText("none"), work.path("fingerprint").asText(""))
                .ifPresent(fingerprint -> index.add(id, fingerprint));
    }

    /** A work's fingerprint as the chain records it; empty for kind none or a kind this service does not know. */
    static Optional<Fingerprint> fingerprintOf(String kindWireName, String hex) {
        try {
            FingerprintKind kind = FingerprintKind.fromWireName(kindWireName);
            return kind == FingerprintKind.NONE ? Optional.empty() : Optional.of(Fingerprint.parse(kind, hex));
        } catch (IllegalArgumentException unknown) {
            LOG.debugf("similarity index: skipping fingerprint %s:%s (%s)", kindWireName, hex, unknown.getMessage());
            return Optional.empty();
        }
    }

    /** Indexes a work this service just registered (its event will say the same again later: adding is idempotent). */
    public void add(String workId, Fingerprint fingerprint) {
        index.add(workId, fingerprint);
    }

    /** The configured threshold for a kind of fingerprint, in bits. */
    public int maxDistance(FingerprintKind kind) {
        return switch (kind) {
            case IMAGE_DCT64 -> imageMaxDistance;
            case TEXT_SIMHASH64 -> textMaxDistance;
            case NONE -> throw new IllegalArgumentException("no threshold for kind none");
        };
    }

    /** Registered works within the kind's threshold of a fingerprint, closest first, at most {@code limit}. */
    public List<SimilarMatch> near(Fingerprint fingerprint, int limit) {
        return index.near(fingerprint, maxDistance(fingerprint.kind()), limit);
    }

    public int size() {
        return index.size();
    }

    /** Whether the replay has caught up with the chain's height at start (see the class comment). */
    public boolean caughtUp() {
        if (caughtUp) {
            return true;
        }
        long target = targetHeight;
        if (target < 0) {
            return false;
        }
        // Block 0 is the genesis block (no events); events of block target-1 mean everything before is delivered.
        boolean done = target <= 1 || lastEventBlock >= target - 1
                || System.nanoTime() - lastActivityNanos >= quietNanos;
        if (done) {
            caughtUp = true;
            LOG.infof("similarity index: caught up with the chain (height %d at start, last work event in block %d,"
                    + " %d works indexed)", target, lastEventBlock, index.size());
        }
        return done;
    }

    /** Waits until {@link #caughtUp()}, at most {@code timeout}. */
    public boolean awaitCaughtUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!caughtUp()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            synchronized (progress) {
                try {
                    progress.wait(Math.max(1, Math.min(50, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** For the readiness check. */
    public long targetHeight() {
        return targetHeight;
    }

    public long lastEventBlock() {
        return lastEventBlock;
    }
}
