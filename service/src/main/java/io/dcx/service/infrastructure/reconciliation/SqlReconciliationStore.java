package io.dcx.service.infrastructure.reconciliation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcx.service.application.port.ReconciliationStore;
import io.dcx.service.application.reconciliation.Difference;
import io.dcx.service.application.reconciliation.ReconciliationReport;
import io.dcx.service.infrastructure.kyc.SqlSignalStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs in {@code reconciliation_run}, their differences in {@code reconciliation_difference} (V60). */
@ApplicationScoped
public class SqlReconciliationStore implements ReconciliationStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<Difference.Subject, ReconciliationReport.Counts>> COUNTS =
            new TypeReference<>() { };
    private static final String COLUMNS = "id, started_at, finished_at, trigger, requested_by, ledger_msp, clean,"
            + " difference_count, truncated, counts_json";

    private final EntityManager em;

    public SqlReconciliationStore(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(ReconciliationReport r) {
        em.createNativeQuery("INSERT INTO reconciliation_run (" + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                        + " ?9, ?10)")
                .setParameter(1, r.id()).setParameter(2, r.startedAt()).setParameter(3, r.finishedAt())
                .setParameter(4, r.trigger().name()).setParameter(5, r.requestedBy()).setParameter(6, r.ledgerMsp())
                .setParameter(7, r.clean()).setParameter(8, r.differenceCount()).setParameter(9, r.truncated())
                .setParameter(10, write(r.counts())).executeUpdate();
        int position = 0;
        for (Difference d : r.differences()) {
            em.createNativeQuery("INSERT INTO reconciliation_difference (run_id, position, subject, kind, subject_id,"
                            + " field, service_value, chain_value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                    .setParameter(1, r.id()).setParameter(2, position++).setParameter(3, d.subject().name())
                    .setParameter(4, d.kind().name()).setParameter(5, d.id()).setParameter(6, d.field())
                    .setParameter(7, d.serviceValue()).setParameter(8, d.chainValue()).executeUpdate();
        }
    }

    @Override
    @Transactional
    public Optional<ReconciliationReport> latest() {
        return one("SELECT " + COLUMNS + " FROM reconciliation_run ORDER BY finished_at DESC, id DESC LIMIT 1", null);
    }

    @Override
    @Transactional
    public Optional<ReconciliationReport> byId(String id) {
        return one("SELECT " + COLUMNS + " FROM reconciliation_run WHERE id = ?1", id);
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<ReconciliationReport> recent(int limit) {
        List<ReconciliationReport> runs = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT " + COLUMNS + " FROM reconciliation_run"
                + " ORDER BY finished_at DESC, id DESC LIMIT ?1").setParameter(1, limit).getResultList()) {
            runs.add(report(r, List.of()));
        }
        return runs;
    }

    private static ReconciliationReport report(Object[] r, List<Difference> differences) {
        return new ReconciliationReport((String) r[0], SqlSignalStore.instant(r[1]), SqlSignalStore.instant(r[2]),
                ReconciliationReport.Trigger.valueOf((String) r[3]), (String) r[4], (String) r[5], (Boolean) r[6],
                ((Number) r[7]).intValue(), (Boolean) r[8], read((String) r[9]), List.copyOf(differences));
    }

    @SuppressWarnings("unchecked")
    private Optional<ReconciliationReport> one(String sql, String id) {
        var query = em.createNativeQuery(sql);
        if (id != null) {
            query.setParameter(1, id);
        }
        List<Object[]> rows = query.getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        String runId = (String) r[0];
        List<Difference> differences = new ArrayList<>();
        for (Object[] d : (List<Object[]>) em.createNativeQuery("SELECT subject, kind, subject_id, field, service_value,"
                + " chain_value FROM reconciliation_difference WHERE run_id = ?1 ORDER BY position")
                .setParameter(1, runId).getResultList()) {
            differences.add(new Difference(Difference.Subject.valueOf((String) d[0]),
                    Difference.Kind.valueOf((String) d[1]), (String) d[2], (String) d[3], (String) d[4],
                    (String) d[5]));
        }
        return Optional.of(report(r, differences));
    }

    private static String write(Map<Difference.Subject, ReconciliationReport.Counts> counts) {
        try {
            return JSON.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<Difference.Subject, ReconciliationReport.Counts> read(String json) {
        try {
            return new EnumMap<>(JSON.readValue(json, COUNTS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt counts_json", e);
        }
    }
}
