package io.dcx.service.infrastructure.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code chain_checkpoint}: the next block a chain event consumer has to process. */
@Entity
@Table(name = "chain_checkpoint")
public class ChainCheckpointEntity extends PanacheEntityBase {
    @Id
    public String consumer;
    @Column(name = "next_block")
    public long nextBlock;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
