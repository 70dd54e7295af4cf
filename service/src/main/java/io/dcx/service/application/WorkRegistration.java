package io.dcx.service.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcx.service.application.ledger.CommittedTransaction;
import io.dcx.service.application.ledger.ContractRejectedException;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.ledger.TransactionConflictException;
import io.dcx.service.application.port.ChainIndex;
import io.dcx.service.application.port.ContentStore;
import io.dcx.service.application.port.WorkCatalog;
import io.dcx.service.domain.AccountId;
import io.dcx.service.domain.ContentHash;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.Title;
import io.dcx.service.domain.Work;
import io.dcx.service.domain.WorkId;
import io.dcx.service.domain.WorkKind;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.HexFormat;
import java.util.Map;

/**
 * Registers a work: checks the request, hashes the bytes, records the work on chain through the copyright
 * authority's identity, then stores the file and the read model. The chain decides uniqueness of the content hash;
 * the read model check before it only spares the chain an obviously doomed transaction.
 *
 * <p>Nothing is written for a refused request: the file is stored only after the transaction committed, and a
 * failed transaction leaves no chain state.
 */
@ApplicationScoped
public class WorkRegistration {
    private static final int CONFLICT_RETRIES = 3;

    private final Ledger ledger;
    private final WorkCatalog catalog;
    private final ChainIndex chainIndex;
    private final ContentStore contentStore;

    public WorkRegistration(Ledger ledger, WorkCatalog catalog, ChainIndex chainIndex, ContentStore contentStore) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.chainIndex = chainIndex;
        this.contentStore = contentStore;
    }

    /** What a creator sends: the uploaded file (a temporary file) and its description. */
    public record Command(
            AccountId registrant, String title, String kind, String metadataJson, Path file, String contentType) {
    }

    public Work register(Command command) {
        Title title = new Title(command.title());
        WorkKind kind = WorkKind.parse(command.kind());
        String metadata = command.metadataJson() == null || command.metadataJson().isBlank()
                ? null
                : ChainJson.canonicalMetadata(command.metadataJson());
        ContentHash contentHash = hashOf(command.file());

        catalog.byContentHash(contentHash.hex()).ifPresent(existing -> {
            throw duplicate(contentHash, existing.id());
        });

        WorkId id = WorkId.random();
        ObjectNode request = ChainJson.object();
        request.put("id", id.value());
        request.put("contentHash", contentHash.hex());
        request.put("fingerprint", "");
        request.put("fingerprintKind", "none");
        request.put("title", title.value());
        request.put("kind", kind.name());
        request.putArray("creators").addObject()
                .put("accountId", command.registrant().value())
                .put("shareBps", 10_000);
        request.put("metadataHash", metadata == null ? "" : sha256Hex(metadata.getBytes(StandardCharsets.UTF_8)));
        request.putArray("parents");
        request.put("registrant", command.registrant().value());

        CommittedTransaction tx = submitWithRetry(contentHash, ChainJson.write(request));
        Work onChain = ChainJson.work(ChainJson.parse(tx.payload()), tx.blockNumber());
        Work work = new Work(onChain.id(), onChain.contentHash(), onChain.title(), onChain.kind(),
                onChain.fingerprint(), onChain.fingerprintKind(), onChain.status(), onChain.registrant(),
                onChain.creators(), onChain.metadataHash(), metadata, command.contentType(), sizeOf(command.file()),
                tx.txId(), tx.blockNumber(), onChain.registeredAt());
        try {
            contentStore.put(contentHash, command.file());
        } catch (IOException e) {
            // The work is on chain; the file can be uploaded again (same hash). Say so rather than hide it.
            throw new UncheckedIOException("work " + work.id() + " is registered but its file could not be stored", e);
        }
        record(work, tx);
        return work;
    }

    @Transactional
    void record(Work work, CommittedTransaction tx) {
        chainIndex.recordTransaction(tx.txId(), tx.blockNumber(), tx.timestamp());
        catalog.upsert(work);
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

    private static ContentHash hashOf(Path file) {
        if (file == null) {
            throw new DcxException(ErrorCode.EMPTY_FILE, "a file is required");
        }
        try {
            if (Files.size(file) == 0) {
                throw new DcxException(ErrorCode.EMPTY_FILE, "the file is empty");
            }
            MessageDigest digest = sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return ContentHash.of(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
