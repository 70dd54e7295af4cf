package io.dcx.service.infrastructure.kyc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcx.service.application.kyc.KycRecord;
import io.dcx.service.application.kyc.PersonalData;
import io.dcx.service.application.port.KycStore;
import io.dcx.service.domain.kyc.AccountType;
import io.dcx.service.domain.kyc.KycStatus;
import io.dcx.service.domain.kyc.WatchListHit;
import io.dcx.service.infrastructure.crypto.AesGcmFieldCipher;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * KYC submissions in PostgreSQL. Each personal field is sealed with AES-GCM bound to
 * {@code kyc_application/<id>/<column>}, so the rows hold no readable personal data and a value moved to another
 * row or column fails to decrypt.
 */
@ApplicationScoped
public class PanacheKycStore implements KycStore, PanacheRepositoryBase<KycApplicationEntity, String> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<WatchListHit>> HITS = new TypeReference<>() {
    };

    private final AesGcmFieldCipher cipher;

    public PanacheKycStore(AesGcmFieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(KycRecord r) {
        KycApplicationEntity e = new KycApplicationEntity();
        e.id = r.id();
        e.accountId = r.accountId();
        e.type = r.type().name();
        PersonalData d = r.data();
        e.nameEnc = seal(e.id, "name", d.name());
        e.idNumberEnc = seal(e.id, "id_number", d.idNumber());
        e.phoneEnc = seal(e.id, "phone", d.phone());
        e.bankCardEnc = seal(e.id, "bank_card", d.bankCard());
        e.addressEnc = seal(e.id, "address", d.address());
        e.deviceIdEnc = seal(e.id, "device_id", d.deviceId());
        e.creditCodeEnc = seal(e.id, "credit_code", d.creditCode());
        e.legalRepresentativeEnc = seal(e.id, "legal_representative", d.legalRepresentative());
        e.watchListHitsJson = write(r.watchListHits());
        e.submittedAt = r.submittedAt();
        copyReview(r, e);
        persist(e);
    }

    @Override
    public Optional<KycRecord> find(String id) {
        return findByIdOptional(id).map(this::toRecord);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<KycRecord> findForUpdate(String id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).map(this::toRecord);
    }

    @Override
    public Optional<KycRecord> latestOf(String accountId) {
        return find("accountId", Sort.descending("submittedAt"), accountId).firstResultOptional().map(this::toRecord);
    }

    @Override
    public Optional<KycRecord> latestApprovedOf(String accountId) {
        return find("accountId = ?1 and status = ?2", Sort.descending("submittedAt"), accountId,
                KycStatus.APPROVED.name()).firstResultOptional().map(this::toRecord);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void updateReview(KycRecord r) {
        copyReview(r, findById(r.id()));
    }

    @Override
    public List<KycRecord> inStates(Set<KycStatus> states, int limit) {
        return find("status in ?1", Sort.ascending("submittedAt"), states.stream().map(Enum::name).toList())
                .page(0, limit).list().stream().map(this::toRecord).toList();
    }

    private static void copyReview(KycRecord r, KycApplicationEntity e) {
        e.status = r.status().name();
        e.openedBy = r.openedBy();
        e.openedAt = r.openedAt();
        e.decidedBy = r.decidedBy();
        e.decidedAt = r.decidedAt();
        e.reason = r.reason();
        e.watchListOverride = r.watchListOverride();
        e.tier = r.tier();
    }

    private KycRecord toRecord(KycApplicationEntity e) {
        PersonalData data = new PersonalData(open(e.id, "name", e.nameEnc), open(e.id, "id_number", e.idNumberEnc),
                open(e.id, "phone", e.phoneEnc), open(e.id, "bank_card", e.bankCardEnc),
                open(e.id, "address", e.addressEnc), open(e.id, "device_id", e.deviceIdEnc),
                open(e.id, "credit_code", e.creditCodeEnc),
                open(e.id, "legal_representative", e.legalRepresentativeEnc));
        return new KycRecord(e.id, e.accountId, AccountType.valueOf(e.type), KycStatus.valueOf(e.status), data,
                read(e.watchListHitsJson), e.submittedAt, e.openedBy, e.openedAt, e.decidedBy, e.decidedAt, e.reason,
                e.watchListOverride, e.tier);
    }

    private String seal(String id, String column, String value) {
        return cipher.seal(value, context(id, column));
    }

    private String open(String id, String column, String sealed) {
        return cipher.open(sealed, context(id, column));
    }

    static String context(String id, String column) {
        return "kyc_application/" + id + "/" + column;
    }

    private static String write(List<WatchListHit> hits) {
        try {
            return JSON.writeValueAsString(hits);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<WatchListHit> read(String json) {
        try {
            return JSON.readValue(json, HITS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt watch_list_hits_json", e);
        }
    }
}
