package io.dcx.service.application.port;

import io.dcx.service.domain.asset.Asset;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The service's read model of assets (a projection of the chain). Writers are the request that committed a
 * transaction (read-your-writes) and the chain event projector; a row is only ever replaced by facts from the same
 * or a later block, so the two may run in any order.
 */
public interface AssetBook {
    Optional<Asset> byId(String id);

    /** The work's assets: editions in edition order, then the copyright. */
    List<Asset> byWork(String workId);

    /** The assets the account owns now, by work and edition. */
    List<Asset> byOwner(String ownerId);

    boolean hasEditions(String workId);

    /** Inserts each asset or refreshes it unless the stored row comes from a later block. */
    void upsert(Collection<Asset> assets);

    /** A settled trade: the buyer owns the asset since {@code settledAt}, by TRADE, unlocked. */
    void recordSale(String assetId, String buyerId, Instant settledAt, String txId, long blockNumber);
}
