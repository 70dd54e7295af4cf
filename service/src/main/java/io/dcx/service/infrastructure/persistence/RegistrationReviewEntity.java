package io.dcx.service.infrastructure.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code registration_review}: an upload held for an operator's review, and the decision on it. */
@Entity
@Table(name = "registration_review")
public class RegistrationReviewEntity extends PanacheEntityBase {
    @Id
    public String id;
    public String requester;
    public String title;
    public String kind;
    @Column(name = "metadata_json")
    public String metadataJson;
    @Column(name = "metadata_hash")
    public String metadataHash;
    @Column(name = "creators_json")
    public String creatorsJson;
    @Column(name = "parents_json")
    public String parentsJson;
    @Column(name = "content_hash")
    public String contentHash;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public long sizeBytes;
    @Column(name = "fingerprint_kind")
    public String fingerprintKind;
    public String fingerprint;
    @Column(name = "similar_json")
    public String similarJson;
    public String status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "decided_by")
    public String decidedBy;
    public String decision;
    public String reason;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "work_id")
    public String workId;
    @Column(name = "tx_id")
    public String txId;
}
