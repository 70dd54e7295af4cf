package io.dcx.service.infrastructure.risk;

import io.dcx.service.application.risk.CaseStatus;
import io.dcx.service.application.risk.RiskStore;
import io.dcx.service.domain.risk.MarketEvent;
import io.dcx.service.infrastructure.kyc.SqlSignalStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Surveillance's tables in PostgreSQL ({@code V40__risk_surveillance.sql}). */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SqlRiskStore implements RiskStore {
    private static final String ALERT_COLUMNS = "a.id, a.rule, a.subject_type, a.subject_id, a.evidence_json,"
            + " a.summary, a.dedup_key, a.event_at, a.tx_id, a.block_number, a.committed_at, a.raised_at, a.delay_ms,"
            + " a.case_id, c.status";
    private static final String CASE_COLUMNS = "id, subject_type, subject_id, rule, status, opened_at, updated_at";

    private final EntityManager em;

    public SqlRiskStore(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean recordEvent(MarketEvent e, Instant committedAt) {
        return em.createNativeQuery("INSERT INTO risk_market_event (reference, trade_id, tx_id, block_number,"
                        + " asset_id, work_id, edition_count, seller_id, buyer_id, price_fen, at, committed_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
                        + " ON CONFLICT (reference) DO NOTHING")
                .setParameter(1, e.reference())
                .setParameter(2, e.tradeId())
                .setParameter(3, e.txId())
                .setParameter(4, e.blockNumber())
                .setParameter(5, e.assetId())
                .setParameter(6, e.workId())
                .setParameter(7, e.editionCount())
                .setParameter(8, e.sellerId())
                .setParameter(9, e.buyerId())
                .setParameter(10, e.priceFen())
                .setParameter(11, e.at())
                .setParameter(12, committedAt)
                .executeUpdate() == 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Long> replayFrom(Duration window) {
        List<Object> newest = em.createNativeQuery("SELECT max(at) FROM risk_market_event").getResultList();
        if (newest.isEmpty() || newest.get(0) == null) {
            return Optional.empty();
        }
        Instant from = SqlSignalStore.instant(newest.get(0)).minus(window);
        List<Object> block = em.createNativeQuery("SELECT min(block_number) FROM risk_market_event WHERE at >= ?1")
                .setParameter(1, from).getResultList();
        return block.isEmpty() || block.get(0) == null ? Optional.empty()
                : Optional.of(((Number) block.get(0)).longValue());
    }

    @Override
    public boolean insertAlert(StoredAlert a, RiskCase newCase) {
        Number known = (Number) em.createNativeQuery("SELECT count(*) FROM risk_alert WHERE dedup_key = ?1")
                .setParameter(1, a.dedupKey()).getSingleResult();
        if (known.longValue() > 0) {
            return false;
        }
        if (newCase != null) {
            insertCase(newCase);
        }
        return em.createNativeQuery("INSERT INTO risk_alert (id, rule, subject_type, subject_id, evidence_json,"
                        + " summary, dedup_key, event_at, tx_id, block_number, committed_at, raised_at, delay_ms,"
                        + " case_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
                        + " ON CONFLICT (dedup_key) DO NOTHING")
                .setParameter(1, a.id())
                .setParameter(2, a.rule())
                .setParameter(3, a.subjectType())
                .setParameter(4, a.subjectId())
                .setParameter(5, a.evidenceJson())
                .setParameter(6, a.summary())
                .setParameter(7, a.dedupKey())
                .setParameter(8, a.eventAt())
                .setParameter(9, a.txId())
                .setParameter(10, a.blockNumber())
                .setParameter(11, a.committedAt())
                .setParameter(12, a.raisedAt())
                .setParameter(13, a.delayMs())
                .setParameter(14, a.caseId())
                .executeUpdate() == 1;
    }

    @Override
    public Optional<RiskCase> activeCaseFor(String subjectType, String subjectId) {
        return cases(em.createNativeQuery("SELECT " + CASE_COLUMNS + " FROM risk_case WHERE subject_type = ?1 AND"
                        + " subject_id = ?2 AND status IN ('OPEN', 'ESCALATED') FOR UPDATE")
                .setParameter(1, subjectType).setParameter(2, subjectId)).stream().findFirst();
    }

    @Override
    public void insertCase(RiskCase c) {
        em.createNativeQuery("INSERT INTO risk_case (" + CASE_COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, c.id())
                .setParameter(2, c.subjectType())
                .setParameter(3, c.subjectId())
                .setParameter(4, c.rule())
                .setParameter(5, c.status().name())
                .setParameter(6, c.openedAt())
                .setParameter(7, c.updatedAt())
                .executeUpdate();
    }

    @Override
    public void updateCase(RiskCase c) {
        em.createNativeQuery("UPDATE risk_case SET status = ?1, updated_at = ?2 WHERE id = ?3")
                .setParameter(1, c.status().name())
                .setParameter(2, c.updatedAt())
                .setParameter(3, c.id())
                .executeUpdate();
    }

    @Override
    public void addHistory(HistoryEntry h) {
        em.createNativeQuery("INSERT INTO risk_case_history (case_id, at, actor, from_status, to_status, action,"
                        + " target, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, h.caseId())
                .setParameter(2, h.at())
                .setParameter(3, h.actor())
                .setParameter(4, h.from() == null ? null : h.from().name())
                .setParameter(5, h.to().name())
                .setParameter(6, h.action())
                .setParameter(7, h.target())
                .setParameter(8, h.note())
                .executeUpdate();
    }

    @Override
    public Optional<RiskCase> findCase(String id) {
        return cases(em.createNativeQuery("SELECT " + CASE_COLUMNS + " FROM risk_case WHERE id = ?1")
                .setParameter(1, id)).stream().findFirst();
    }

    @Override
    public Optional<RiskCase> findCaseForUpdate(String id) {
        return cases(em.createNativeQuery("SELECT " + CASE_COLUMNS + " FROM risk_case WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id)).stream().findFirst();
    }

    @Override
    public List<StoredAlert> alerts(String rule, CaseStatus status, String assetId, Instant from, Instant to,
            int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + ALERT_COLUMNS
                + " FROM risk_alert a JOIN risk_case c ON c.id = a.case_id WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (rule != null) {
            params.add(rule);
            sql.append(" AND a.rule = ?").append(params.size());
        }
        if (status != null) {
            params.add(status.name());
            sql.append(" AND c.status = ?").append(params.size());
        }
        if (assetId != null) {
            // the asset is the alert's subject or one of the assets its evidence names
            params.add(assetId);
            sql.append(" AND (a.subject_id = ?").append(params.size());
            params.add("%\"" + assetId.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "\"%");
            sql.append(" OR a.evidence_json LIKE ?").append(params.size()).append(")");
        }
        if (from != null) {
            params.add(from);
            sql.append(" AND a.raised_at >= ?").append(params.size());
        }
        if (to != null) {
            params.add(to);
            sql.append(" AND a.raised_at < ?").append(params.size());
        }
        sql.append(" ORDER BY a.raised_at DESC, a.id DESC OFFSET ").append(offset).append(" LIMIT ").append(limit);
        Query q = em.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return alertRows(q);
    }

    @Override
    public List<RiskCase> cases(CaseStatus status, int offset, int limit) {
        Query q = em.createNativeQuery("SELECT " + CASE_COLUMNS + " FROM risk_case"
                + (status == null ? "" : " WHERE status = ?1") + " ORDER BY updated_at DESC, id DESC OFFSET "
                + offset + " LIMIT " + limit);
        if (status != null) {
            q.setParameter(1, status.name());
        }
        return cases(q);
    }

    @Override
    public List<StoredAlert> alertsOfCase(String caseId) {
        return alertRows(em.createNativeQuery("SELECT " + ALERT_COLUMNS
                        + " FROM risk_alert a JOIN risk_case c ON c.id = a.case_id WHERE a.case_id = ?1"
                        + " ORDER BY a.raised_at, a.id")
                .setParameter(1, caseId));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<HistoryEntry> history(String caseId) {
        List<Object[]> rows = em.createNativeQuery("SELECT case_id, at, actor, from_status, to_status, action,"
                        + " target, note FROM risk_case_history WHERE case_id = ?1 ORDER BY id")
                .setParameter(1, caseId).getResultList();
        return rows.stream().map(r -> new HistoryEntry((String) r[0], SqlSignalStore.instant(r[1]), (String) r[2],
                r[3] == null ? null : CaseStatus.valueOf((String) r[3]), CaseStatus.valueOf((String) r[4]),
                (String) r[5], (String) r[6], (String) r[7])).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<RecordedEvent> events(Collection<String> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("SELECT trade_id, asset_id, work_id, edition_count, seller_id,"
                        + " buyer_id, price_fen, at, tx_id, block_number, committed_at FROM risk_market_event"
                        + " WHERE reference IN (?1) ORDER BY block_number, at")
                .setParameter(1, List.copyOf(references)).getResultList();
        return rows.stream().map(r -> new RecordedEvent(new MarketEvent((String) r[0], (String) r[1],
                (String) r[2], r[3] == null ? null : ((Number) r[3]).intValue(), (String) r[4], (String) r[5],
                r[6] == null ? null : ((Number) r[6]).longValue(), SqlSignalStore.instant(r[7]), (String) r[8],
                ((Number) r[9]).longValue()), SqlSignalStore.instant(r[10]))).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<String> thresholdsJson() {
        List<Object> rows = em.createNativeQuery("SELECT thresholds_json FROM risk_settings WHERE id = 1")
                .getResultList();
        return rows.stream().findFirst().map(String::valueOf);
    }

    @Override
    public void saveThresholds(String json, Instant at, String by) {
        em.createNativeQuery("INSERT INTO risk_settings (id, thresholds_json, updated_at, updated_by)"
                        + " VALUES (1, ?1, ?2, ?3) ON CONFLICT (id) DO UPDATE SET thresholds_json = EXCLUDED.thresholds_json,"
                        + " updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by")
                .setParameter(1, json).setParameter(2, at).setParameter(3, by)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private static List<RiskCase> cases(Query q) {
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new RiskCase((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                CaseStatus.valueOf((String) r[4]), SqlSignalStore.instant(r[5]), SqlSignalStore.instant(r[6])))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<StoredAlert> alertRows(Query q) {
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new StoredAlert((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], SqlSignalStore.instant(r[7]), (String) r[8],
                ((Number) r[9]).longValue(), SqlSignalStore.instant(r[10]), SqlSignalStore.instant(r[11]),
                ((Number) r[12]).longValue(), (String) r[13], CaseStatus.valueOf((String) r[14]))).toList();
    }
}
