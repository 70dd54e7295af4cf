package io.dcx.service.security;

import io.dcx.service.application.ledger.Ledger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a refused request must not change: the row count of every table of the public schema and the ledger height,
 * read in one statement. Nothing is left out by default (the audit log included: a refused request writes no audit
 * event); {@link #IGNORED} names the tables that change without any request, each with its reason.
 */
@ApplicationScoped
public class StateFingerprint {
    /**
     * Tables whose row count moves without a request, so they cannot tell a refused request apart. Empty until a run
     * shows one; each entry needs its reason.
     */
    static final Set<String> IGNORED = Set.of(
            "flyway_schema_history"); // migrations only, never a request

    @Inject
    EntityManager em;

    @Inject
    Ledger ledger;

    private volatile String countQuery;

    /** Table name to row count, plus {@code (ledger height)}. */
    public Map<String, Long> take() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (countQuery == null) {
                @SuppressWarnings("unchecked")
                List<String> tables = em.createNativeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                        + " ORDER BY tablename").getResultList();
                StringBuilder sql = new StringBuilder();
                for (String t : tables) {
                    if (IGNORED.contains(t)) {
                        continue;
                    }
                    if (!sql.isEmpty()) {
                        sql.append(" UNION ALL ");
                    }
                    sql.append("SELECT '").append(t).append("', count(*) FROM \"").append(t).append('"');
                }
                countQuery = sql.toString();
            }
            Map<String, Long> counts = new TreeMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(countQuery).getResultList();
            for (Object[] r : rows) {
                counts.put((String) r[0], ((Number) r[1]).longValue());
            }
            counts.put("(ledger height)", ledger.height());
            return counts;
        });
    }

    /** Waits until two fingerprints 500 ms apart agree (background projection and sealing settled), at most 20 s. */
    public Map<String, Long> quiet() {
        Map<String, Long> last = take();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            sleep(500);
            Map<String, Long> now = take();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("the state did not settle within 20 s: " + last);
    }

    /** The entries that differ, as {@code table: before -> after}. */
    public static Map<String, String> diff(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> d = new TreeMap<>();
        for (String k : after.keySet()) {
            if (!after.get(k).equals(before.get(k))) {
                d.put(k, before.get(k) + " -> " + after.get(k));
            }
        }
        for (String k : before.keySet()) {
            if (!after.containsKey(k)) {
                d.put(k, before.get(k) + " -> (gone)");
            }
        }
        return d;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
