package io.dcx.service.infrastructure.money;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code withdrawal}. */
@Entity
@Table(name = "withdrawal")
public class WithdrawalEntity extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "account_id")
    public String accountId;
    @Column(name = "amount_fen")
    public long amountFen;
    public String currency;
    public String rail;
    public String status;
    @Column(name = "rail_reference")
    public String railReference;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    public String reason;
}
