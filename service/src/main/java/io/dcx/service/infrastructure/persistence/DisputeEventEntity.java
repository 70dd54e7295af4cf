package io.dcx.service.infrastructure.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code dispute_event}: one step in a dispute's history. */
@Entity
@Table(name = "dispute_event")
public class DisputeEventEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "dispute_id")
    public String disputeId;
    public Instant at;
    public String actor;
    public String action;
    @Column(name = "from_status")
    public String fromStatus;
    @Column(name = "to_status")
    public String toStatus;
    public String reason;
    @Column(name = "work_status")
    public String workStatus;
    @Column(name = "tx_id")
    public String txId;
    @Column(name = "block_number")
    public Long blockNumber;
}
