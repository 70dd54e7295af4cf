package io.dcx.service.infrastructure.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code dispute}: an infringement claim against a work. */
@Entity
@Table(name = "dispute")
public class DisputeEntity extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "work_id")
    public String workId;
    public String claimant;
    public String claim;
    @Column(name = "evidence_work_id")
    public String evidenceWorkId;
    public String status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
