package io.dcx.service.infrastructure.audit;

import io.dcx.service.application.port.ExportSource;
import io.dcx.service.domain.audit.ExportKind;
import io.dcx.service.infrastructure.kyc.SqlSignalStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Export rows from {@code board_trade}, {@code risk_alert}, {@code risk_case} and {@code audit_event}: one short
 * read-only transaction per keyset page, ordered by (time column, id) with a row comparison the indexes of V66 serve.
 */
@ApplicationScoped
public class SqlExportSource implements ExportSource {

    /** A table's export: its columns (the first is the id), the time column that orders and bounds it. */
    private record Spec(String table, String timeColumn, boolean numericId, List<String> columns) {
    }

    private static Spec spec(ExportKind kind) {
        return switch (kind) {
            case TRADES -> new Spec("board_trade", "created_at", false, List.of("id", "created_at", "settled_at",
                    "status", "listing_id", "asset_id", "work_id", "seller_id", "buyer_id", "price_fen", "fee_fen",
                    "royalty_fen", "seller_net_fen", "origin", "rail", "resale", "failure_code", "settle_tx_id",
                    "settle_block"));
            case ALERTS -> new Spec("risk_alert", "raised_at", false, List.of("id", "raised_at", "rule",
                    "subject_type", "subject_id", "summary", "case_id", "event_at", "tx_id", "block_number",
                    "committed_at", "delay_ms", "evidence_json"));
            case CASES -> new Spec("risk_case", "opened_at", false, List.of("id", "opened_at", "updated_at",
                    "status", "rule", "subject_type", "subject_id"));
            case AUDIT_EVENTS -> new Spec("audit_event", "at", true, List.of("id", "at", "actor", "action",
                    "subject_type", "subject_id", "before_json", "after_json", "request_id", "seq", "prev_hash",
                    "hash"));
        };
    }

    private final EntityManager em;

    public SqlExportSource(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<String> header(ExportKind kind) {
        return spec(kind).columns();
    }

    @Override
    @Transactional
    public long count(ExportKind kind, Instant from, Instant to) {
        Spec s = spec(kind);
        return ((Number) em.createNativeQuery("SELECT count(*) FROM " + s.table() + " WHERE " + s.timeColumn()
                        + " >= ?1 AND " + s.timeColumn() + " < ?2")
                .setParameter(1, from).setParameter(2, to).getSingleResult()).longValue();
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public Page page(ExportKind kind, Instant from, Instant to, Long auditIdBelow, Cursor after, int limit) {
        Spec s = spec(kind);
        String t = s.timeColumn();
        StringBuilder sql = new StringBuilder("SELECT " + String.join(", ", s.columns()) + " FROM " + s.table()
                + " WHERE " + t + " >= ?1 AND " + t + " < ?2");
        List<Object> args = new ArrayList<>(List.of(from, to));
        if (after != null) {
            args.add(after.at());
            args.add(s.numericId() ? (Object) Long.valueOf(after.id()) : after.id());
            sql.append(" AND (").append(t).append(", id) > (?").append(args.size() - 1).append(", ?")
                    .append(args.size()).append(')');
        }
        if (kind == ExportKind.AUDIT_EVENTS && auditIdBelow != null) {
            args.add(auditIdBelow);
            sql.append(" AND id < ?").append(args.size());
        }
        sql.append(" ORDER BY ").append(t).append(", id LIMIT ").append(limit);
        Query q = em.createNativeQuery(sql.toString());
        for (int i = 0; i < args.size(); i++) {
            q.setParameter(i + 1, args.get(i));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Object[] r : (List<Object[]>) q.getResultList()) {
            List<Object> row = new ArrayList<>(r.length);
            for (Object v : r) {
                row.add(cell(v));
            }
            rows.add(row);
        }
        Cursor last = rows.isEmpty() ? null
                : new Cursor((Instant) rows.get(rows.size() - 1).get(1), rows.get(rows.size() - 1).get(0).toString());
        return new Page(rows, last);
    }

    private static Object cell(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long) {
            return v;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof Instant || v instanceof OffsetDateTime || v instanceof java.sql.Timestamp) {
            return SqlSignalStore.instant(v);
        }
        if (v instanceof Character c) {
            return c.toString();
        }
        return v.toString();
    }
}
