package io.dcx.service.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcx.service.application.Pseudonyms;
import io.dcx.service.application.ledger.CommittedTransaction;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.port.WorkCatalog;
import io.dcx.service.application.rights.RightsProjector;
import io.dcx.service.domain.AccountId;
import io.dcx.service.domain.RandomIds;
import io.restassured.builder.MultiPartSpecBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Test helpers for everything after registration. A test method has one HTTP identity ({@code @TestSecurity}), so
 * works and assets of other people are made the way another client of the chain would make them: by transactions
 * on the ledger, which the projectors then bring into the read models. Counting helpers check that a refused request
 * left nothing behind.
 */
@ApplicationScoped
public class RightsFixtures {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(20);

    private final Ledger ledger;
    private final Pseudonyms pseudonyms;
    private final WorkCatalog catalog;
    private final RightsProjector projector;
    private final EntityManager em;

    public RightsFixtures(Ledger ledger, Pseudonyms pseudonyms, WorkCatalog catalog, RightsProjector projector,
            EntityManager em) {
        this.ledger = ledger;
        this.pseudonyms = pseudonyms;
        this.catalog = catalog;
        this.projector = projector;
        this.em = em;
    }

    /** The account of a user (a {@code @TestSecurity} user name is the subject). */
    public String account(String user) {
        return pseudonyms.accountFor(user).value();
    }

    public AccountId accountId(String user) {
        return pseudonyms.accountFor(user);
    }

    public static byte[] uniqueBytes() {
        return ("dcx rights test " + UUID.randomUUID() + " " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Registers a work through the API as the test's current identity (kind OTHER: an exact-hash registration, no
     * similarity review). Answers the work's id.
     */
    static String registerWork(String title) {
        return given()
                .multiPart("file", "work.bin", uniqueBytes(), "application/octet-stream")
                .multiPart(new MultiPartSpecBuilder(title).controlName("title").charset("UTF-8").build())
                .multiPart("kind", "OTHER")
                .post("/api/v1/works")
                .then().statusCode(201)
                .extract().path("id");
    }

    /** A work registered directly on chain by the copyright authority, created by {@code user}. */
    public ChainWork workOnChain(String user, String title, String... parents) {
        ObjectNode work = workRequest(account(user), title, parents);
        CommittedTransaction tx = ledger.submit(LedgerIdentity.COPYRIGHT, "works:RegisterWork", write(work));
        ChainWork registered = new ChainWork(work.path("id").asText(), work.path("contentHash").asText(),
                tx.txId(), tx.blockNumber());
        awaitWorkInCatalog(registered.id());
        return registered;
    }

    /** Several works in one works:RegisterWorks transaction (event WorksRegistered); ids in input order. */
    public List<String> worksOnChainInOneBatch(String user, List<ObjectNode> works) {
        ObjectNode batch = JSON.createObjectNode();
        batch.putArray("works").addAll(works);
        CommittedTransaction tx = ledger.submit(LedgerIdentity.COPYRIGHT, "works:RegisterWorks", write(batch));
        List<String> ids = works.stream().map(w -> w.path("id").asText()).toList();
        awaitProjected(tx.blockNumber());
        ids.forEach(this::awaitWorkInCatalog);
        return ids;
    }

    public ObjectNode workRequest(String creatorAccount, String title, String... parents) {
        byte[] bytes = uniqueBytes();
        ObjectNode work = JSON.createObjectNode();
        work.put("id", RandomIds.next("wk_"));
        work.put("contentHash", sha256(bytes));
        work.put("fingerprint", "");
        work.put("fingerprintKind", "none");
        work.put("title", title);
        work.put("kind", "OTHER");
        work.putArray("creators").addObject().put("accountId", creatorAccount).put("shareBps", 10_000);
        work.put("metadataHash", "");
        ArrayNode parentIds = work.putArray("parents");
        for (String parent : parents) {
            parentIds.add(parent);
        }
        work.put("registrant", creatorAccount);
        return work;
    }

    /** A work on chain, and the transaction that registered it. */
    public record ChainWork(String id, String contentHash, String txId, long blockNumber) {
    }

    /** Editions issued on chain directly (as another client would), then projected into the read model. */
    public JsonNode editionsOnChain(String workId, String user, int count, long priceFen) {
        CommittedTransaction tx = ledger.submit(LedgerIdentity.COPYRIGHT, "assets:IssueEditions", workId,
                account(user), Integer.toString(count), Long.toString(priceFen));
        awaitProjected(tx.blockNumber());
        return parse(tx.payload());
    }

    public CommittedTransaction submit(LedgerIdentity identity, String transaction, String... args) {
        return ledger.submit(identity, transaction, args);
    }

    public long height() {
        return ledger.height();
    }

    /** Waits until the rights projector has applied every event up to and including {@code block}. */
    public void awaitProjected(long block) {
        await(() -> projector.appliedThrough() >= block, "the rights projector to reach block " + block);
    }

    public void awaitWorkInCatalog(String workId) {
        await(() -> catalog.byId(workId).isPresent(), "work " + workId + " in the read model");
    }

    public static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PROJECTION_WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Rows of one of this feature's tables. */
    public long rows(String entity) {
        return (Long) em.createQuery("select count(e) from " + entity + " e").getSingleResult();
    }

    /** What exists now, to compare before and after a refused request. */
    public record Footprint(long height, long assets, long licences, long disputes, long disputeEvents,
            long parents) {
    }

    /**
     * Everything a request of this feature could write. Waits first for the projector to catch up with the chain's
     * last event, so rows projected from earlier (valid) transactions are not mistaken for the refused request's.
     */
    public Footprint footprint() {
        long height = ledger.height();
        if (height > 0) {
            awaitQuiet();
        }
        return new Footprint(ledger.height(), rows("AssetEntity"), rows("LicenceEntity"), rows("DisputeEntity"),
                rows("DisputeEventEntity"),
                ((Number) em.createNativeQuery("select count(*) from work_parent").getSingleResult()).longValue());
    }

    /** Until the projector's position stops moving for a moment (it has applied all events it was given). */
    private void awaitQuiet() {
        long last = -2;
        int stable = 0;
        long deadline = System.nanoTime() + PROJECTION_WAIT.toNanos();
        while (stable < 3 && System.nanoTime() < deadline) {
            long now = projector.appliedThrough();
            stable = now == last ? stable + 1 : 0;
            last = now;
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public void assertNothingWritten(Footprint before) {
        assertThat(footprint()).isEqualTo(before);
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
