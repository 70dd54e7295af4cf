package io.dcx.service.api;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a failure that only means "PostgreSQL cannot be reached right now" from a genuine fault: the server is down,
 * restarting or shutting down, a pooled session was cut, or no connection could be had from the pool in time. Such a
 * request is answered 503 DATABASE_UNAVAILABLE (try again), not 500. Found by the load run with faults (issue 10),
 * which stops PostgreSQL under load: every request in flight used to answer 500 INTERNAL_ERROR.
 */
final class DatabaseUnavailable {
    /**
     * In both of Agroal's messages when no connection could be had within the acquisition timeout (it sets no
     * SQLState): "Sorry, acquisition timeout!" (none became free) and "Acquisition timeout while waiting for new
     * connection" (a new one could not be opened in time).
     */
    private static final String ACQUISITION_TIMEOUT = "acquisition timeout";

    private DatabaseUnavailable() {
    }

    /**
     * True if {@code failure}, one of its causes or a suppressed exception (a failed commit reports the driver's error
     * as the suppressed XAException of Narayana's RollbackException) is a lost or refused database connection.
     */
    static boolean causedBy(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                if (connectionState(sql.getSQLState())) {
                    return true;
                }
                if (sql.getSQLState() == null && sql.getMessage() != null
                        && sql.getMessage().toLowerCase(Locale.ROOT).contains(ACQUISITION_TIMEOUT)) {
                    return true;
                }
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            todo.addAll(List.of(t.getSuppressed()));
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception: refused, broken, failure), and 57P01 admin_shutdown, 57P02
     * crash_shutdown, 57P03 cannot_connect_now (starting up or shutting down).
     */
    static boolean connectionState(String state) {
        return state != null && (state.startsWith("08") || "57P01".equals(state) || "57P02".equals(state)
                || "57P03".equals(state));
    }
}
