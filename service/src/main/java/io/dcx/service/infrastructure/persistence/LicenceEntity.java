package io.dcx.service.infrastructure.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** Row of the {@code licence} read model. */
@Entity
@Table(name = "licence")
public class LicenceEntity extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "work_id")
    public String workId;
    public String licensee;
    public String grantor;
    @Column(name = "commercial_use")
    public boolean commercialUse;
    public boolean derivatives;
    public String territory;
    public boolean exclusive;
    @Column(name = "fee_fen")
    public long feeFen;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_until")
    public LocalDate validUntil;
    @Column(name = "granted_at")
    public Instant grantedAt;
    @Column(name = "tx_id")
    public String txId;
    @Column(name = "block_number")
    public long blockNumber;
}
