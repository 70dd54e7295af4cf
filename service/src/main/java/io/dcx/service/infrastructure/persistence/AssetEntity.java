package io.dcx.service.infrastructure.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of the {@code asset} read model. Written by native upserts (see PanacheAssetBook); read through Panache. */
@Entity
@Table(name = "asset")
public class AssetEntity extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "work_id")
    public String workId;
    public String kind;
    public Integer edition;
    @Column(name = "edition_count")
    public Integer editionCount;
    public String owner;
    public String status;
    @Column(name = "issue_price_fen")
    public Long issuePriceFen;
    @Column(name = "acquired_at")
    public Instant acquiredAt;
    @Column(name = "acquired_by")
    public String acquiredBy;
    @Column(name = "last_action")
    public String lastAction;
    @Column(name = "tx_id")
    public String txId;
    @Column(name = "block_number")
    public long blockNumber;
}
