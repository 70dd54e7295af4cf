package io.dcx.service.infrastructure.board;

import static io.dcx.service.infrastructure.board.Rows.bind;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcx.service.application.port.TradeStore;
import io.dcx.service.domain.board.SagaStep;
import io.dcx.service.domain.board.SettlementSplit;
import io.dcx.service.domain.board.StepStatus;
import io.dcx.service.domain.board.Trade;
import io.dcx.service.domain.board.TradeOrigin;
import io.dcx.service.domain.board.TradeStatus;
import io.dcx.service.domain.board.TradeStepRecord;
import io.dcx.service.domain.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Trades and saga steps in PostgreSQL ({@code board_trade}, {@code board_trade_step}). */
@ApplicationScoped
public class SqlTradeStore implements TradeStore {
    private static final String COLUMNS = "id, listing_id, asset_id, work_id, seller_id, buyer_id, price_fen, origin,"
            + " hold_reference, rail, resale, terms_hash, status, failure_code, failure_reason, fee_fen, royalty_fen,"
            + " seller_net_fen, royalties_json, settle_tx_id, settle_block, created_at, settled_at, updated_at";

    private final EntityManager em;
    private final ObjectMapper json;

    public SqlTradeStore(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Trade t) {
        bind(em.createNativeQuery("INSERT INTO board_trade (" + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                        + " ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)"),
                values(t)).executeUpdate();
    }

    @Override
    @Transactional
    public Optional<Trade> find(String id) {
        return rows(bind(em.createNativeQuery("SELECT " + COLUMNS + " FROM board_trade WHERE id = ?1"), id)
                .getResultList()).stream().findFirst();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(Trade t) {
        SettlementSplit s = t.split();
        bind(em.createNativeQuery("UPDATE board_trade SET status = ?1, failure_code = ?2, failure_reason = ?3,"
                        + " fee_fen = ?4, royalty_fen = ?5, seller_net_fen = ?6, royalties_json = ?7, settle_tx_id = ?8,"
                        + " settle_block = ?9, settled_at = ?10, updated_at = ?11 WHERE id = ?12"),
                t.status().name(), t.failureCode(), t.failureReason(), s == null ? null : s.fee().fen(),
                s == null ? null : s.royaltyTotal().fen(), s == null ? null : s.sellerNet().fen(), royaltiesJson(s),
                t.settleTxId(), t.settleBlock(), t.settledAt(), t.updatedAt(), t.id()).executeUpdate();
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<TradeStepRecord> steps(String tradeId) {
        List<TradeStepRecord> out = new ArrayList<>();
        for (Object[] r : (List<Object[]>) bind(em.createNativeQuery("SELECT trade_id, step, status, attempts,"
                + " started_at, finished_at, tx_id, block_number, detail FROM board_trade_step WHERE trade_id = ?1"
                + " ORDER BY started_at, step"), tradeId).getResultList()) {
            out.add(new TradeStepRecord((String) r[0], SagaStep.valueOf((String) r[1]),
                    StepStatus.valueOf((String) r[2]), ((Number) r[3]).intValue(), Rows.instant(r[4]),
                    Rows.instant(r[5]), (String) r[6], Rows.longOrNull(r[7]), (String) r[8]));
        }
        return out;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void stepStarted(String tradeId, SagaStep step, Instant at) {
        bind(em.createNativeQuery("INSERT INTO board_trade_step (trade_id, step, status, attempts, started_at)"
                + " VALUES (?1, ?2, 'STARTED', 1, ?3) ON CONFLICT (trade_id, step) DO UPDATE SET status = 'STARTED',"
                + " attempts = board_trade_step.attempts + 1, finished_at = NULL, detail = NULL"),
                tradeId, step.name(), at).executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void stepFinished(String tradeId, SagaStep step, StepStatus status, Instant at, String txId,
            Long blockNumber, String detail) {
        bind(em.createNativeQuery("UPDATE board_trade_step SET status = ?1, finished_at = ?2, tx_id = ?3,"
                + " block_number = ?4, detail = ?5 WHERE trade_id = ?6 AND step = ?7"), status.name(), at, txId,
                blockNumber, detail, tradeId, step.name()).executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean tryLease(String tradeId, Instant now, Instant until) {
        return bind(em.createNativeQuery("UPDATE board_trade SET lease_until = ?1 WHERE id = ?2 AND status ="
                + " 'SETTLING' AND (lease_until IS NULL OR lease_until < ?3)"), until, tradeId, now)
                .executeUpdate() == 1;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void releaseLease(String tradeId) {
        bind(em.createNativeQuery("UPDATE board_trade SET lease_until = NULL WHERE id = ?1"), tradeId)
                .executeUpdate();
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> resumable(Instant now, int limit) {
        return bind(em.createNativeQuery("SELECT id FROM board_trade WHERE status = 'SETTLING' AND (lease_until IS"
                + " NULL OR lease_until < ?1) ORDER BY created_at LIMIT " + limit), now).getResultList();
    }

    @Override
    @Transactional
    public List<Trade> search(String partyId, String assetId, String status, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM board_trade WHERE true");
        List<Object> args = new ArrayList<>();
        if (partyId != null) {
            args.add(partyId);
            sql.append(" AND (buyer_id = ?").append(args.size()).append(" OR seller_id = ?").append(args.size())
                    .append(")");
        }
        if (assetId != null) {
            args.add(assetId);
            sql.append(" AND asset_id = ?").append(args.size());
        }
        if (status != null) {
            args.add(status);
            sql.append(" AND status = ?").append(args.size());
        }
        sql.append(" ORDER BY created_at DESC, id LIMIT ").append(limit).append(" OFFSET ").append(offset);
        return rows(bind(em.createNativeQuery(sql.toString()), args.toArray()).getResultList());
    }

    @Override
    @Transactional
    public Money boughtSince(String buyerId, Instant since) {
        Object sum = bind(em.createNativeQuery("SELECT COALESCE(sum(price_fen), 0) FROM board_trade WHERE buyer_id = ?1"
                + " AND status IN ('SETTLING', 'SETTLED') AND created_at >= ?2"), buyerId, since).getSingleResult();
        return Money.fen(((Number) sum).longValue());
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public Optional<Money> lastPrice(String assetId) {
        List<Object> r = bind(em.createNativeQuery("SELECT price_fen FROM board_trade WHERE asset_id = ?1 AND status ="
                + " 'SETTLED' ORDER BY settled_at DESC LIMIT 1"), assetId).getResultList();
        return r.stream().findFirst().map(Rows::money);
    }

    private Object[] values(Trade t) {
        SettlementSplit s = t.split();
        return new Object[] {t.id(), t.listingId(), t.assetId(), t.workId(), t.sellerId(), t.buyerId(),
                t.price().fen(), t.origin().name(), t.holdReference(), t.rail(), t.resale(), t.termsHash(), t.status().name(),
                t.failureCode(), t.failureReason(), s == null ? null : s.fee().fen(),
                s == null ? null : s.royaltyTotal().fen(), s == null ? null : s.sellerNet().fen(), royaltiesJson(s),
                t.settleTxId(), t.settleBlock(), t.createdAt(), t.settledAt(), t.updatedAt()};
    }

    private String royaltiesJson(SettlementSplit s) {
        if (s == null) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        for (SettlementSplit.Royalty r : s.royalties()) {
            out.add(java.util.Map.of("accountId", r.accountId(), "shareBps", r.shareBps(), "amountFen",
                    r.amount().fen()));
        }
        try {
            return json.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Trade> rows(List<?> result) {
        List<Trade> out = new ArrayList<>();
        for (Object[] r : (List<Object[]>) result) {
            Money price = Rows.money(r[6]);
            SettlementSplit split = null;
            if (r[15] != null) {
                List<SettlementSplit.Royalty> royalties = new ArrayList<>();
                try {
                    for (JsonNode n : json.readTree((String) r[18])) {
                        royalties.add(new SettlementSplit.Royalty(n.get("accountId").asText(),
                                n.get("shareBps").asInt(), Money.fen(n.get("amountFen").asLong())));
                    }
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("board_trade " + r[0] + " has unreadable royalties", e);
                }
                split = new SettlementSplit(price, Rows.money(r[15]), royalties, Rows.money(r[17]));
            }
            out.add(new Trade((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], price, TradeOrigin.valueOf((String) r[7]), (String) r[8], (String) r[9],
                    (Boolean) r[10], ((String) r[11]).strip(), TradeStatus.valueOf((String) r[12]), (String) r[13],
                    (String) r[14], split, (String) r[19], Rows.longOrNull(r[20]), Rows.instant(r[21]), Rows.instant(r[22]),
                    Rows.instant(r[23])));
        }
        return out;
    }
}
