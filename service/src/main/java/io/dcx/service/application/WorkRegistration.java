package io.dcx.service.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcx.service.application.ledger.CommittedTransaction;
import io.dcx.service.application.ledger.ContractRejectedException;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.ledger.TransactionConflictException;
import io.dcx.service.application.port.ChainIndex;
import io.dcx.service.application.port.ContentStore;
import io.dcx.service.application.port.RegistrationReviewStore;
import io.dcx.service.application.port.WorkCatalog;
import io.dcx.service.domain.AccountId;
import io.dcx.service.domain.ContentHash;
import io.dcx.service.domain.CreatorShare;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.Title;
import io.dcx.service.domain.Work;
import io.dcx.service.domain.WorkId;
import io.dcx.service.domain.WorkKind;
import io.dcx.service.domain.fingerprint.Fingerprint;
import io.dcx.service.domain.fingerprint.SimilarMatch;
import io.dcx.service.domain.review.RegistrationReview;
import io.dcx.service.domain.review.ReviewId;
import io.dcx.service.domain.review.ReviewStatus;
import io.dcx.service.domain.review.SimilarWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Registers a work: checks the request, hashes the bytes, fingerprints them by kind, and then either records the
 * work on chain through the copyright authority's identity (and stores the file and the read model), or, when the
 * fingerprint is close to an earlier work of someone else, holds the upload for an operator's review (nothing on
 * chain yet). The chain decides uniqueness of the content hash; the read-model check before it only spares the chain
 * an obviously doomed transaction.
 *
 * <p>Order of checks, all before anything is written: title, kind, metadata (creators' shares, parents' form), size
 * (413 past {@code dcx.upload.max-bytes}), empty file, content hash, fingerprint (kind IMAGE must decode), parents
 * exist, exact duplicate on chain (409 naming the work), same bytes already waiting for review (409 naming the
 * review), near-duplicates of other creators' works (202, held for review). Nothing is written for a refused
 * request: a held file is stored in the same database transaction that records the review, a registered one only
 * after the chain transaction committed, and a failed transaction leaves no chain state.
 */
@ApplicationScoped
public class WorkRegistration {
    private static final Logger LOG = Logger.getLogger(WorkRegistration.class);
    private static final int CONFLICT_RETRIES = 3;
    /** Matches asked of the index; the caller's own works are dropped from them, so ask for more than are shown. */
    static final int SIMILAR_CANDIDATES = 50;
    /** At most this many similar works are reported. */
    static final int SIMILAR_SHOWN = 10;

    private final Ledger ledger;
    private final WorkCatalog catalog;
    private final ChainIndex chainIndex;
    private final ContentStore contentStore;
    private final RegistrationReviewStore reviews;
    private final WorkSimilarity similarity;
    private final ContentFingerprints fingerprints;
    private final long maxBytes;
    private final Duration awaitIndex;

    @Inject
    public WorkRegistration(Ledger ledger, WorkCatalog catalog, ChainIndex chainIndex, ContentStore contentStore,
            RegistrationReviewStore reviews, WorkSimilarity similarity, ContentFingerprints fingerprints,
            @ConfigProperty(name = "dcx.upload.max-bytes", defaultValue = "52428800") long maxBytes,
            @ConfigProperty(name = "dcx.similarity.await-ready-ms", defaultValue = "10000") long awaitIndexMillis) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.chainIndex = chainIndex;
        this.contentStore = contentStore;
        this.reviews = reviews;
        this.similarity = similarity;
        this.fingerprints = fingerprints;
        this.maxBytes = maxBytes;
        this.awaitIndex = Duration.ofMillis(awaitIndexMillis);
    }

    /** What a creator sends: the uploaded file (a temporary file) and its description. */
    public record Command(
            AccountId registrant, String title, String kind, String metadataJson, Path file, String contentType) {
    }

    /** What became of an upload. */
    public sealed interface Outcome permits Registered, HeldForReview {
    }

    /**
     * Registered on chain. {@code fingerprintNote} says why there is no fingerprint when there is none (for example
     * "VIDEO works are registered by exact content hash only"); null otherwise.
     */
    public record Registered(Work work, String fingerprintNote) implements Outcome {
    }

    /** Close to earlier works of others: held for an operator's review, nothing on chain. */
    public record HeldForReview(RegistrationReview review) implements Outcome {
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Outcome register(Command command) {
        Title title = new Title(command.title());
        WorkKind kind = WorkKind.parse(command.kind());
        RegistrationMetadata metadata = RegistrationMetadata.parse(command.metadataJson(), command.registrant());
        long size = checkedSize(command.file());
        ContentHash contentHash = hashOf(command.file());
        ContentFingerprints.Result fingerprint = fingerprints.of(kind, command.file());
        requireParentsExist(metadata.parents());

        catalog.byContentHash(contentHash.hex()).ifPresent(existing -> {
            throw duplicate(contentHash, existing.id());
        });
        reviews.pendingFor(contentHash.hex()).ifPresent(pending -> {
            throw reviewPending(contentHash, pending.id());
        });

        String metadataHash = metadata.canonicalJson() == null
                ? ""
                : sha256Hex(metadata.canonicalJson().getBytes(StandardCharsets.UTF_8));
        if (fingerprint.fingerprint().isPresent()) {
            List<SimilarWork> similar = similarWorksOfOthers(fingerprint.fingerprint().get(), command.registrant());
            if (!similar.isEmpty()) {
                // The read model may lag the chain: ask the chain before holding bytes that are already registered.
                String existing = existingWorkId(contentHash);
                if (existing != null) {
                    throw duplicate(contentHash, existing);
                }
                Fingerprint fp = fingerprint.fingerprint().get();
                RegistrationReview review = new RegistrationReview(ReviewId.random().value(),
                        command.registrant().value(), title.value(), kind.name(), metadata.canonicalJson(),
                        metadataHash, metadata.creators(), metadata.parents(), contentHash.hex(),
                        command.contentType(), size, fp.kind().wireName(), fp.hex(), similar,
                        ReviewStatus.PENDING_REVIEW, Instant.now().truncatedTo(ChronoUnit.MICROS), null, null, null,
                        null, null, null);
                return new HeldForReview(holdForReview(review, command.file()));
            }
        }

        Work work = registerOnChain(new ChainRegistration(WorkId.random(), command.registrant(), title.value(),
                kind.name(), metadata.canonicalJson(), metadataHash, metadata.creators(), metadata.parents(),
                contentHash, fingerprint.fingerprint(), command.contentType(), size));
        try {
            contentStore.put(contentHash, command.file());
        } catch (IOException e) {
            // The work is on chain; the file can be uploaded again (same hash). Say so rather than hide it.
            throw new UncheckedIOException("work " + work.id() + " is registered but its file could not be stored", e);
        }
        record(work);
        fingerprint.fingerprint().ifPresent(fp -> similarity.add(work.id(), fp));
        return new Registered(work, fingerprint.note());
    }

    /** Stores the review and its file together: if either fails, neither remains. */
    @Transactional
    RegistrationReview holdForReview(RegistrationReview review, Path file) {
        Optional<String> pending = reviews.insertUnlessPending(review);
        if (pending.isPresent()) {
            throw reviewPending(new ContentHash(review.contentHash()), pending.get());
        }
        try {
            contentStore.put(new ContentHash(review.contentHash()), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the file of registration review " + review.id(), e);
        }
        LOG.infof("registration review %s opened: %s by %s is within %s of %s", review.id(), review.contentHash(),
                review.requester(), review.similar().get(0).distance() + " bits",
                review.similar().stream().map(SimilarWork::workId).toList());
        return review;
    }

    /**
     * Registers a review an operator approved, exactly as a direct registration (registrant = the requester,
     * registration time = the transaction's), under the work id derived from the review id. Must run inside the
     * transaction that records the decision. If an earlier attempt committed on chain but not in the database, the
     * work found under that id is taken instead of registering again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Work registerReviewed(RegistrationReview review) {
        WorkId id = new ReviewId(review.id()).workId();
        ContentHash contentHash = new ContentHash(review.contentHash());
        Optional<Fingerprint> fingerprint = WorkSimilarity.fingerprintOf(review.fingerprintKind(), review.fingerprint());
        ChainRegistration registration = new ChainRegistration(id, new AccountId(review.requester()), review.title(),
                review.kind(), review.metadataJson(), review.metadataHash(), review.creators(), review.parents(),
                contentHash, fingerprint, review.contentType(), review.sizeBytes());
        Work work = submitReviewed(review, registration);
        record(work);
        fingerprint.ifPresent(fp -> similarity.add(work.id(), fp));
        return work;
    }

    private Work submitReviewed(RegistrationReview review, ChainRegistration registration) {
        try {
            return registerOnChain(registration);
        } catch (DcxException refused) {
            Work earlier = alreadyRegistered(registration).orElseThrow(() -> refused);
            LOG.infof("registration review %s: work %s was already on chain (an earlier attempt); recording it",
                    review.id(), earlier.id());
            return earlier;
        }
    }

    /** The work an earlier attempt registered under this id with these bytes, if there is one. */
    private Optional<Work> alreadyRegistered(ChainRegistration registration) {
        JsonNode onChain;
        try {
            onChain = ChainJson.parse(ledger.evaluate(LedgerIdentity.EXCHANGE, "works:GetWork",
                    registration.id().value()));
        } catch (ContractRejectedException notFound) {
            return Optional.empty();
        }
        if (!registration.contentHash().hex().equals(onChain.path("contentHash").asText())) {
            return Optional.empty();
        }
        String txId = onChain.path("txId").asText();
        long block = chainIndex.blockOf(txId)
                .or(() -> catalog.byId(registration.id().value()).map(Work::blockNumber))
                .orElse(-1L);
        return Optional.of(withOffChainFacts(ChainJson.work(onChain, block), registration, txId, block));
    }

    /** Everything a chain registration needs, whether it comes from an upload or an approved review. */
    record ChainRegistration(WorkId id, AccountId registrant, String title, String kind, String metadataJson,
            String metadataHash, List<CreatorShare> creators, List<String> parents, ContentHash contentHash,
            Optional<Fingerprint> fingerprint, String contentType, long sizeBytes) {
    }

    private Work registerOnChain(ChainRegistration r) {
        ObjectNode request = ChainJson.object();
        request.put("id", r.id().value());
        request.put("contentHash", r.contentHash().hex());
        request.put("fingerprint", r.fingerprint().map(Fingerprint::hex).orElse(""));
        request.put("fingerprintKind", r.fingerprint().map(fp -> fp.kind().wireName()).orElse("none"));
        request.put("title", r.title());
        request.put("kind", r.kind());
        ArrayNode creators = request.putArray("creators");
        for (CreatorShare creator : r.creators()) {
            creators.addObject().put("accountId", creator.accountId()).put("shareBps", creator.shareBps());
        }
        request.put("metadataHash", r.metadataHash());
        ArrayNode parents = request.putArray("parents");
        r.parents().forEach(parents::add);
        request.put("registrant", r.registrant().value());

        CommittedTransaction tx = submitWithRetry(r.contentHash(), ChainJson.write(request));
        Work onChain = ChainJson.work(ChainJson.parse(tx.payload()), tx.blockNumber());
        return withOffChainFacts(onChain, r, tx.txId(), tx.blockNumber());
    }

    private static Work withOffChainFacts(Work onChain, ChainRegistration r, String txId, long blockNumber) {
        return new Work(onChain.id(), onChain.contentHash(), onChain.title(), onChain.kind(),
                onChain.fingerprint(), onChain.fingerprintKind(), onChain.status(), onChain.registrant(),
                onChain.creators(), onChain.metadataHash(), r.metadataJson(), r.contentType(), r.sizeBytes(),
                txId, blockNumber, onChain.registeredAt());
    }

    @Transactional
    void record(Work work) {
        chainIndex.recordTransaction(work.txId(), work.blockNumber(), work.registeredAt());
        catalog.upsert(work);
    }

    /** Similar works whose creators do not include {@code caller}, closest first. */
    private List<SimilarWork> similarWorksOfOthers(Fingerprint fingerprint, AccountId caller) {
        if (!similarity.awaitCaughtUp(awaitIndex)) {
            throw new DcxException(ErrorCode.SIMILARITY_INDEX_NOT_READY,
                    "the similarity index is still being rebuilt from the ledger; try again shortly");
        }
        List<SimilarWork> similar = new ArrayList<>();
        for (SimilarMatch match : similarity.near(fingerprint, SIMILAR_CANDIDATES)) {
            Optional<Work> work = workFacts(match.workId());
            if (work.isEmpty() || "REVOKED".equals(work.get().status())
                    || work.get().creators().stream().anyMatch(c -> c.accountId().equals(caller.value()))) {
                continue;
            }
            similar.add(new SimilarWork(match.workId(), work.get().title(), match.distance()));
            if (similar.size() == SIMILAR_SHOWN) {
                break;
            }
        }
        return similar;
    }

    /** A work from the read model, or from the chain when the read model has not caught up with it yet. */
    private Optional<Work> workFacts(String id) {
        Optional<Work> known = catalog.byId(id);
        if (known.isPresent()) {
            return known;
        }
        try {
            return Optional.of(ChainJson.work(
                    ChainJson.parse(ledger.evaluate(LedgerIdentity.EXCHANGE, "works:GetWork", id)), -1));
        } catch (ContractRejectedException notFound) {
            return Optional.empty();
        }
    }

    private void requireParentsExist(List<String> parents) {
        for (String parent : parents) {
            if (workFacts(parent).isEmpty()) {
                throw RegistrationMetadata.parentNotFound(parent);
            }
        }
    }

    private CommittedTransaction submitWithRetry(ContentHash contentHash, String requestJson) {
        for (int attempt = 1; ; attempt++) {
            try {
                return ledger.submit(LedgerIdentity.COPYRIGHT, "works:RegisterWork", requestJson);
            } catch (TransactionConflictException conflict) {
                if (attempt >= CONFLICT_RETRIES) {
                    throw new DcxException(ErrorCode.LEDGER_CONFLICT,
                            "the ledger kept rejecting the registration as a conflict; try again", Map.of(), conflict);
                }
            } catch (ContractRejectedException rejected) {
                if ("DUPLICATE_CONTENT_HASH".equals(rejected.code())) {
                    throw duplicate(contentHash, existingWorkId(contentHash));
                }
                if ("PARENT_NOT_FOUND".equals(rejected.code())) {
                    throw new DcxException(ErrorCode.PARENT_NOT_FOUND, rejected.detail());
                }
                throw new DcxException(ErrorCode.CONTRACT_REJECTED, rejected.detail(),
                        Map.of("contractCode", rejected.code()));
            }
        }
    }

    private String existingWorkId(ContentHash contentHash) {
        try {
            JsonNode work = ChainJson.parse(
                    ledger.evaluate(LedgerIdentity.EXCHANGE, "works:FindWorkByContentHash", contentHash.hex()));
            return work.path("id").asText(null);
        } catch (ContractRejectedException notFound) {
            return null;
        }
    }

    private static DcxException duplicate(ContentHash contentHash, String existingId) {
        return new DcxException(ErrorCode.DUPLICATE_CONTENT,
                "a work with content hash " + contentHash.hex() + " is already registered"
                        + (existingId == null ? "" : " as " + existingId),
                existingId == null ? Map.of("contentHash", contentHash.hex())
                        : Map.of("contentHash", contentHash.hex(), "existingWorkId", existingId));
    }

    private static DcxException reviewPending(ContentHash contentHash, String reviewId) {
        return new DcxException(ErrorCode.REVIEW_PENDING,
                "these bytes (content hash " + contentHash.hex() + ") already wait for an operator's review"
                        + (reviewId.isEmpty() ? "; try again" : " as " + reviewId),
                reviewId.isEmpty() ? Map.of("contentHash", contentHash.hex())
                        : Map.of("contentHash", contentHash.hex(), "pendingReviewId", reviewId));
    }

    /** The file's size, checked: 1 byte up to {@code dcx.upload.max-bytes}. */
    private long checkedSize(Path file) {
        if (file == null) {
            throw new DcxException(ErrorCode.EMPTY_FILE, "a file is required");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
        if (size == 0) {
            throw new DcxException(ErrorCode.EMPTY_FILE, "the file is empty");
        }
        if (size > maxBytes) {
            throw new DcxException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "the file has " + size + " bytes; at most " + maxBytes + " are accepted",
                    Map.of("maxBytes", maxBytes));
        }
        return size;
    }

    private static ContentHash hashOf(Path file) {
        try {
            MessageDigest digest = sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return ContentHash.of(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

}
