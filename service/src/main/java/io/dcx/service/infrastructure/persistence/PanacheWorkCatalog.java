package io.dcx.service.infrastructure.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcx.service.application.port.WorkCatalog;
import io.dcx.service.domain.CreatorShare;
import io.dcx.service.domain.Work;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** The work read model in PostgreSQL. */
@ApplicationScoped
public class PanacheWorkCatalog implements WorkCatalog, PanacheRepositoryBase<WorkEntity, String> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<CreatorShare>> CREATORS = new TypeReference<>() {
    };

    @Override
    public Optional<Work> byId(String id) {
        return findByIdOptional(id).map(PanacheWorkCatalog::toWork);
    }

    @Override
    public Optional<Work> byContentHash(String contentHash) {
        return find("contentHash", contentHash).firstResultOptional().map(PanacheWorkCatalog::toWork);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void upsert(Work work) {
        // Not find-then-persist: the request that registered a work and the chain event projector write the same
        // row at about the same time, and both must succeed. Chain facts are refreshed; off-chain
        // facts (metadata, content type, size) are only known to the request that uploaded the file, so a chain
        // event that does not carry them keeps them.
        bind(getEntityManager().createNativeQuery("""
                INSERT INTO work (id, content_hash, title, kind, fingerprint, fingerprint_kind, status, registrant,
                    creators_json, metadata_hash, metadata_json, content_type, size_bytes, tx_id, block_number,
                    registered_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
                ON CONFLICT DO NOTHING"""), work).executeUpdate();
        // ON CONFLICT without a target makes every unique index an arbiter: when the registering request and the
        // chain event projector insert the same work at once, the later one waits and does nothing instead of
        // failing on work_content_hash_key (a targeted ON CONFLICT (id) still raised that). Then refresh the row.
        bind(getEntityManager().createNativeQuery("""
                UPDATE work SET
                    content_hash = ?2, title = ?3, kind = ?4, fingerprint = ?5, fingerprint_kind = ?6, status = ?7,
                    registrant = ?8, creators_json = ?9, metadata_hash = ?10,
                    metadata_json = COALESCE(?11, metadata_json),
                    content_type = COALESCE(?12, content_type),
                    size_bytes = COALESCE(?13, size_bytes),
                    tx_id = ?14,
                    block_number = CASE WHEN ?15 < 0 THEN block_number ELSE ?15 END,
                    registered_at = ?16
                WHERE id = ?1"""), work).executeUpdate();
        // A WorkEntity read earlier in the same transaction still shows the row as it was; no caller reads it again.
    }

    /** Binds ?1..?16 of the INSERT and the UPDATE above, in the column order of the {@code work} table. */
    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, Work work) {
        return query
                .setParameter(1, work.id())
                .setParameter(2, work.contentHash())
                .setParameter(3, work.title())
                .setParameter(4, work.kind())
                .setParameter(5, work.fingerprint())
                .setParameter(6, work.fingerprintKind())
                .setParameter(7, work.status())
                .setParameter(8, work.registrant())
                .setParameter(9, write(work.creators()))
                .setParameter(10, work.metadataHash())
                .setParameter(11, work.metadataJson())
                .setParameter(12, work.contentType())
                .setParameter(13, work.sizeBytes())
                .setParameter(14, work.txId())
                .setParameter(15, work.blockNumber())
                .setParameter(16, work.registeredAt());
    }

    private static Work toWork(WorkEntity e) {
        return new Work(e.id, e.contentHash, e.title, e.kind, e.fingerprint, e.fingerprintKind, e.status,
                e.registrant, read(e.creatorsJson), e.metadataHash, e.metadataJson, e.contentType, e.sizeBytes,
                e.txId, e.blockNumber, e.registeredAt);
    }

    private static String write(List<CreatorShare> creators) {
        try {
            return JSON.writeValueAsString(creators);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<CreatorShare> read(String json) {
        try {
            return JSON.readValue(json, CREATORS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt creators_json", e);
        }
    }
}
