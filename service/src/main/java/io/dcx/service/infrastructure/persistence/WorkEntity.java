package io.dcx.service.infrastructure.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of the {@code work} read model. */
@Entity
@Table(name = "work")
public class WorkEntity extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "content_hash")
    public String contentHash;
    public String title;
    public String kind;
    public String fingerprint;
    @Column(name = "fingerprint_kind")
    public String fingerprintKind;
    public String status;
    public String registrant;
    @Column(name = "creators_json")
    public String creatorsJson;
    @Column(name = "metadata_hash")
    public String metadataHash;
    @Column(name = "metadata_json")
    public String metadataJson;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public Long sizeBytes;
    @Column(name = "tx_id")
    public String txId;
    @Column(name = "block_number")
    public long blockNumber;
    @Column(name = "registered_at")
    public Instant registeredAt;
}
