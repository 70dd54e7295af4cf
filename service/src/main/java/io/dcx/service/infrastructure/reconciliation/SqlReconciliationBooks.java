package io.dcx.service.infrastructure.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcx.service.application.port.ReconciliationBooks;
import io.dcx.service.application.reconciliation.Reconciliation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads the read model ({@code asset}, {@code work}) and the board's trades ({@code board_trade}) for reconciliation. */
@ApplicationScoped
public class SqlReconciliationBooks implements ReconciliationBooks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager em;

    public SqlReconciliationBooks(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<AssetRow> assets(String afterId, int limit) {
        return ((List<Object[]>) em.createNativeQuery("SELECT id, work_id, owner, status FROM asset WHERE id > ?1"
                + " ORDER BY id LIMIT " + limit).setParameter(1, afterId).getResultList()).stream()
                .map(SqlReconciliationBooks::asset).toList();
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public AssetRow asset(String id) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, work_id, owner, status FROM asset WHERE id = ?1")
                .setParameter(1, id).getResultList();
        return rows.isEmpty() ? null : asset(rows.get(0));
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public Set<String> assetIdsOfWork(String workId) {
        return new HashSet<>(em.createNativeQuery("SELECT id FROM asset WHERE work_id = ?1").setParameter(1, workId)
                .getResultList());
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<TradeRow> finishedTrades(String afterId, int limit) {
        return ((List<Object[]>) em.createNativeQuery("SELECT id, asset_id, seller_id, buyer_id, terms_hash, status"
                + " FROM board_trade WHERE status IN ('SETTLED', 'FAILED') AND id > ?1 ORDER BY id LIMIT " + limit)
                .setParameter(1, afterId).getResultList()).stream().map(SqlReconciliationBooks::trade).toList();
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public TradeRow trade(String id) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, asset_id, seller_id, buyer_id, terms_hash, status"
                + " FROM board_trade WHERE id = ?1").setParameter(1, id).getResultList();
        return rows.isEmpty() ? null : trade(rows.get(0));
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public Set<String> knownTradeIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createNativeQuery("SELECT id FROM board_trade WHERE id = ANY(?1)")
                .setParameter(1, ids.toArray(String[]::new)).getResultList());
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<WorkRow> works(String afterId, int limit) {
        return ((List<Object[]>) em.createNativeQuery("SELECT id, content_hash, status, creators_json FROM work"
                + " WHERE id > ?1 ORDER BY id LIMIT " + limit).setParameter(1, afterId).getResultList()).stream()
                .map(SqlReconciliationBooks::work).toList();
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public WorkRow work(String id) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, content_hash, status, creators_json FROM work"
                + " WHERE id = ?1").setParameter(1, id).getResultList();
        return rows.isEmpty() ? null : work(rows.get(0));
    }

    private static AssetRow asset(Object[] r) {
        return new AssetRow((String) r[0], (String) r[1], (String) r[2], (String) r[3]);
    }

    private static TradeRow trade(Object[] r) {
        return new TradeRow((String) r[0], (String) r[1], (String) r[2], (String) r[3], text(r[4]), (String) r[5]);
    }

    private static WorkRow work(Object[] r) {
        return new WorkRow((String) r[0], text(r[1]), (String) r[2], creators((String) r[3]));
    }

    /** CHAR(n) columns may arrive as String or Character padded; compare their text. */
    private static String text(Object value) {
        return value == null ? null : value.toString().strip();
    }

    private static String creators(String json) {
        Map<String, Integer> byAccount = new TreeMap<>();
        try {
            for (JsonNode c : JSON.readTree(json)) {
                byAccount.put(c.path("accountId").asText(), c.path("shareBps").asInt());
            }
        } catch (IOException e) {
            return "unreadable creators_json";
        }
        return Reconciliation.canonicalCreators(byAccount);
    }
}
