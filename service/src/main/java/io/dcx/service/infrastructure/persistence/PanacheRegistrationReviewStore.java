package io.dcx.service.infrastructure.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcx.service.application.port.RegistrationReviewStore;
import io.dcx.service.domain.CreatorShare;
import io.dcx.service.domain.review.RegistrationReview;
import io.dcx.service.domain.review.ReviewDecision;
import io.dcx.service.domain.review.ReviewStatus;
import io.dcx.service.domain.review.SimilarWork;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Registration reviews in PostgreSQL ({@code registration_review}, V3). */
@ApplicationScoped
public class PanacheRegistrationReviewStore
        implements RegistrationReviewStore, PanacheRepositoryBase<RegistrationReviewEntity, String> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<CreatorShare>> CREATORS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> PARENTS = new TypeReference<>() {
    };
    private static final TypeReference<List<SimilarWork>> SIMILAR = new TypeReference<>() {
    };

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> insertUnlessPending(RegistrationReview r) {
        // The partial unique index on content_hash (pending rows only) settles two uploads of the same bytes that
        // race: exactly one row is inserted, the other request is told which review holds the bytes.
        int inserted = getEntityManager().createNativeQuery("""
                INSERT INTO registration_review (id, requester, title, kind, metadata_json, metadata_hash,
                    creators_json, parents_json, content_hash, content_type, size_bytes, fingerprint_kind,
                    fingerprint, similar_json, status, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
                ON CONFLICT (content_hash) WHERE status = 'PENDING_REVIEW' DO NOTHING""")
                .setParameter(1, r.id())
                .setParameter(2, r.requester())
                .setParameter(3, r.title())
                .setParameter(4, r.kind())
                .setParameter(5, r.metadataJson())
                .setParameter(6, r.metadataHash())
                .setParameter(7, write(r.creators()))
                .setParameter(8, write(r.parents()))
                .setParameter(9, r.contentHash())
                .setParameter(10, r.contentType())
                .setParameter(11, r.sizeBytes())
                .setParameter(12, r.fingerprintKind())
                .setParameter(13, r.fingerprint())
                .setParameter(14, write(r.similar()))
                .setParameter(15, r.status().name())
                .setParameter(16, r.createdAt())
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        return pendingFor(r.contentHash()).map(RegistrationReview::id)
                // the pending one was decided between the insert and this read: the caller may simply try again
                .or(() -> Optional.of(""));
    }

    @Override
    public Optional<RegistrationReview> byId(String id) {
        return findByIdOptional(id).map(PanacheRegistrationReviewStore::toReview);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RegistrationReview> lockById(String id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).map(PanacheRegistrationReviewStore::toReview);
    }

    @Override
    public Optional<RegistrationReview> pendingFor(String contentHash) {
        return find("contentHash = ?1 and status = ?2", contentHash, ReviewStatus.PENDING_REVIEW.name())
                .firstResultOptional().map(PanacheRegistrationReviewStore::toReview);
    }

    @Override
    public List<RegistrationReview> list(Optional<ReviewStatus> status, int offset, int limit) {
        Sort oldestFirst = Sort.by("createdAt").and("id");
        var query = status.isPresent()
                ? find("status", oldestFirst, status.get().name())
                : findAll(oldestFirst);
        return query.range(offset, offset + limit - 1).list().stream()
                .map(PanacheRegistrationReviewStore::toReview).toList();
    }

    @Override
    public List<RegistrationReview> byRequester(String requester, int offset, int limit) {
        return find("requester", Sort.descending("createdAt", "id"), requester)
                .range(offset, offset + limit - 1).list().stream()
                .map(PanacheRegistrationReviewStore::toReview).toList();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordDecision(RegistrationReview decided) {
        RegistrationReviewEntity row = findById(decided.id());
        if (row == null) {
            throw new IllegalStateException("registration review " + decided.id() + " vanished");
        }
        row.status = decided.status().name();
        row.decidedBy = decided.decidedBy();
        row.decision = decided.decision() == null ? null : decided.decision().name();
        row.reason = decided.reason();
        row.decidedAt = decided.decidedAt();
        row.workId = decided.workId();
        row.txId = decided.txId();
    }

    static RegistrationReview toReview(RegistrationReviewEntity e) {
        return new RegistrationReview(e.id, e.requester, e.title, e.kind, e.metadataJson, e.metadataHash,
                read(e.creatorsJson, CREATORS), read(e.parentsJson, PARENTS), e.contentHash, e.contentType,
                e.sizeBytes, e.fingerprintKind, e.fingerprint, read(e.similarJson, SIMILAR),
                ReviewStatus.valueOf(e.status), e.createdAt, e.decidedBy,
                e.decision == null ? null : ReviewDecision.valueOf(e.decision), e.reason, e.decidedAt, e.workId,
                e.txId);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON column in registration_review", e);
        }
    }
}
