package io.dcx.service.application.port;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The service's books as reconciliation reads them: assets, trades and works, in id order a page at a time
 * (keyset: the rows after {@code afterId}), so a run over a large board holds one page in memory.
 */
public interface ReconciliationBooks {

    record AssetRow(String id, String workId, String owner, String status) {
    }

    /** A trade of the board; {@code status} is SETTLING, SETTLED or FAILED. */
    record TradeRow(String id, String assetId, String sellerId, String buyerId, String termsHash, String status) {
    }

    /** {@code creators} in the service's canonical text: {@code account:bps} joined by commas, sorted by account. */
    record WorkRow(String id, String contentHash, String status, String creators) {
    }

    List<AssetRow> assets(String afterId, int limit);

    /** The asset row, or null. */
    AssetRow asset(String id);

    /** The ids of the work's assets in the read model. */
    Set<String> assetIdsOfWork(String workId);

    /** SETTLED and FAILED trades (a SETTLING one is still in flight). */
    List<TradeRow> finishedTrades(String afterId, int limit);

    /** The trade row, or null. */
    TradeRow trade(String id);

    /** Which of these trade ids the board knows (any status). */
    Set<String> knownTradeIds(Collection<String> ids);

    List<WorkRow> works(String afterId, int limit);

    /** The work row, or null. */
    WorkRow work(String id);
}
