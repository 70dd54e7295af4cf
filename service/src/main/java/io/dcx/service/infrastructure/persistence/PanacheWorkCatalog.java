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
        WorkEntity row = findById(work.id());
        boolean fresh = row == null;
        if (fresh) {
            row = new WorkEntity();
            row.id = work.id();
        }
        row.contentHash = work.contentHash();
        row.title = work.title();
        row.kind = work.kind();
        row.fingerprint = work.fingerprint();
        row.fingerprintKind = work.fingerprintKind();
        row.status = work.status();
        row.registrant = work.registrant();
        row.creatorsJson = write(work.creators());
        row.metadataHash = work.metadataHash();
        // Off-chain facts are only known to the request that uploaded the file: keep them when a chain event
        // refreshes the row.
        if (work.metadataJson() != null) {
            row.metadataJson = work.metadataJson();
        }
        if (work.contentType() != null) {
            row.contentType = work.contentType();
        }
        if (work.sizeBytes() != null) {
            row.sizeBytes = work.sizeBytes();
        }
        row.txId = work.txId();
        row.blockNumber = work.blockNumber();
        row.registeredAt = work.registeredAt();
        if (fresh) {
            persist(row);
        }
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
