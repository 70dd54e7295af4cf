package io.dcx.service.application.board;

import io.dcx.service.application.audit.Actor;
import io.dcx.service.application.port.TradeStore;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.board.Trade;
import io.dcx.service.domain.board.TradeStepRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.regex.Pattern;

/** Trades as their parties (and operators and regulators) see them; anyone else gets 404. */
@ApplicationScoped
public class TradeQueries {
    private static final Pattern TRADE_ID = Pattern.compile("trd_[0-9a-f]{20}");

    private final TradeStore trades;

    public TradeQueries(TradeStore trades) {
        this.trades = trades;
    }

    /** A trade with its saga steps. */
    public record TradeView(Trade trade, List<TradeStepRecord> steps) {
    }

    public TradeView get(Actor actor, String tradeId, boolean readsAll) {
        if (tradeId == null || !TRADE_ID.matcher(tradeId).matches()) {
            throw notFound(tradeId);
        }
        Trade trade = trades.find(tradeId).orElseThrow(() -> notFound(tradeId));
        if (!readsAll && !actor.accountId().equals(trade.buyerId()) && !actor.accountId().equals(trade.sellerId())) {
            throw notFound(tradeId);
        }
        return new TradeView(trade, trades.steps(tradeId));
    }

    /** The caller's trades, or with {@code readsAll} everyone's; newest first. */
    public List<Trade> search(Actor actor, boolean readsAll, String assetId, String status, int offset, int limit) {
        return trades.search(readsAll ? null : actor.accountId(), assetId, status, Math.max(0, offset),
                Math.max(1, Math.min(limit, 500)));
    }

    private static DcxException notFound(String tradeId) {
        return new DcxException(ErrorCode.TRADE_NOT_FOUND, "no trade with id " + tradeId);
    }
}
