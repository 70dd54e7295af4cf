package io.dcx.service.infrastructure.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code chain_tx}: the block of a committed transaction. */
@Entity
@Table(name = "chain_tx")
public class ChainTxEntity extends PanacheEntityBase {
    @Id
    @Column(name = "tx_id")
    public String txId;
    @Column(name = "block_number")
    public long blockNumber;
    @Column(name = "committed_at")
    public Instant committedAt;
}
