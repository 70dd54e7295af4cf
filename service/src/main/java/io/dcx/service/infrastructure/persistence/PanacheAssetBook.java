package io.dcx.service.infrastructure.persistence;

import io.dcx.service.application.port.AssetBook;
import io.dcx.service.domain.asset.Asset;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The asset read model in PostgreSQL. Upserts go through one JDBC batch on the transaction's own connection: a
 * series can have 10,000 editions, and each row must only replace facts from the same or an earlier block
 * ({@code WHERE asset.block_number <= EXCLUDED.block_number}), which plain entity merges cannot say.
 */
@ApplicationScoped
public class PanacheAssetBook implements AssetBook, PanacheRepositoryBase<AssetEntity, String> {
    private static final String UPSERT = "INSERT INTO asset (id, work_id, kind, edition, edition_count, owner, status, "
            + "issue_price_fen, acquired_at, acquired_by, last_action, tx_id, block_number) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (id) DO UPDATE SET work_id = EXCLUDED.work_id, kind = EXCLUDED.kind, "
            + "edition = EXCLUDED.edition, edition_count = EXCLUDED.edition_count, owner = EXCLUDED.owner, "
            + "status = EXCLUDED.status, issue_price_fen = EXCLUDED.issue_price_fen, "
            + "acquired_at = EXCLUDED.acquired_at, acquired_by = EXCLUDED.acquired_by, "
            + "last_action = EXCLUDED.last_action, tx_id = EXCLUDED.tx_id, block_number = EXCLUDED.block_number "
            + "WHERE asset.block_number <= EXCLUDED.block_number";
    private static final int BATCH = 1_000;

    @Override
    public Optional<Asset> byId(String id) {
        return findByIdOptional(id).map(PanacheAssetBook::toAsset);
    }

    @Override
    public List<Asset> byWork(String workId) {
        // Editions first, in edition order; the copyright (edition null) last.
        return list("workId = ?1 order by kind desc, edition", workId).stream().map(PanacheAssetBook::toAsset)
                .toList();
    }

    @Override
    public List<Asset> byOwner(String ownerId) {
        return list("owner = ?1 order by workId, kind desc, edition", ownerId).stream()
                .map(PanacheAssetBook::toAsset).toList();
    }

    @Override
    public boolean hasEditions(String workId) {
        return count("workId = ?1 and kind = 'EDITION'", workId) > 0;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void upsert(Collection<Asset> assets) {
        if (assets.isEmpty()) {
            return;
        }
        Session session = getEntityManager().unwrap(Session.class);
        // Entities read earlier in this transaction must not hide the rows written below.
        session.flush();
        session.doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
                int pending = 0;
                for (Asset a : assets) {
                    statement.setString(1, a.id());
                    statement.setString(2, a.workId());
                    statement.setString(3, a.kind().name());
                    setInteger(statement, 4, a.edition());
                    setInteger(statement, 5, a.editionCount());
                    statement.setString(6, a.ownerId());
                    statement.setString(7, a.status());
                    if (a.issuePriceFen() == null) {
                        statement.setNull(8, Types.BIGINT);
                    } else {
                        statement.setLong(8, a.issuePriceFen());
                    }
                    statement.setObject(9, OffsetDateTime.ofInstant(a.acquiredAt(), ZoneOffset.UTC));
                    statement.setString(10, a.acquiredBy());
                    statement.setString(11, a.lastAction());
                    statement.setString(12, a.txId());
                    statement.setLong(13, a.blockNumber());
                    statement.addBatch();
                    if (++pending == BATCH) {
                        statement.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    statement.executeBatch();
                }
            }
        });
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordSale(String assetId, String buyerId, Instant settledAt, String txId, long blockNumber) {
        getEntityManager().createNativeQuery("UPDATE asset SET owner = ?1, status = 'ACTIVE', acquired_at = ?2, "
                        + "acquired_by = 'TRADE', last_action = 'SETTLED', tx_id = ?3, block_number = ?4 "
                        + "WHERE id = ?5 AND block_number <= ?4")
                .setParameter(1, buyerId)
                .setParameter(2, settledAt)
                .setParameter(3, txId)
                .setParameter(4, blockNumber)
                .setParameter(5, assetId)
                .executeUpdate();
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws java.sql.SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static Asset toAsset(AssetEntity e) {
        return new Asset(e.id, e.workId, Asset.AssetKind.valueOf(e.kind), e.edition, e.editionCount, e.owner,
                e.status, e.issuePriceFen, e.acquiredAt, e.acquiredBy, e.lastAction, e.txId, e.blockNumber);
    }
}
