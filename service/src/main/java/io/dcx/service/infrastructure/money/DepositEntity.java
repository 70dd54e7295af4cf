package io.dcx.service.infrastructure.money;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code deposit}. */
@Entity
@Table(name = "deposit")
public class DepositEntity extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "account_id")
    public String accountId;
    @Column(name = "amount_fen")
    public long amountFen;
    public String currency;
    public String rail;
    @Column(name = "rail_reference")
    public String railReference;
    public Instant at;
}
