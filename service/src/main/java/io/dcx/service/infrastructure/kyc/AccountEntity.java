package io.dcx.service.infrastructure.kyc;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code account}. */
@Entity
@Table(name = "account")
public class AccountEntity extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "subject_hash")
    public String subjectHash;
    public String type;
    @Column(name = "kyc_status")
    public String kycStatus;
    public String tier;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
