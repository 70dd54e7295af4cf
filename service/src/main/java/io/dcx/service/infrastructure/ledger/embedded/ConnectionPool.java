package io.dcx.service.infrastructure.ledger.embedded;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * A few long-lived connections for simulations and event replays. The embedded ledger keeps its own connections
 * rather than borrowing per call because the callers may pass a plain, unpooled {@link DataSource}, and because a
 * connection that stays open keeps its server-side prepared statements. A connection that failed is closed, not
 * reused.
 */
final class ConnectionPool implements AutoCloseable {
    @FunctionalInterface
    interface Initializer {
        void init(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final Initializer initializer;
    private final Semaphore permits;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    ConnectionPool(DataSource dataSource, int size, Initializer initializer) {
        this.dataSource = dataSource;
        this.initializer = initializer;
        this.permits = new Semaphore(size, true);
    }

    /** A connection, waiting at most {@code timeoutNanos} for one to be free; {@code null} on timeout. */
    Connection borrow(long timeoutNanos) throws SQLException, InterruptedException {
        if (!permits.tryAcquire(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS)) {
            return null;
        }
        try {
            Connection connection;
            synchronized (this) {
                if (closed) {
                    throw new SQLException("the ledger's connection pool is closed");
                }
                connection = idle.pollFirst();
            }
            if (connection == null) {
                connection = dataSource.getConnection();
                try {
                    initializer.init(connection);
                } catch (SQLException | RuntimeException e) {
                    closeQuietly(connection);
                    throw e;
                }
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /**
     * Gives a connection back; a broken one (or any after {@link #close()}) is closed instead, and so are the idle
     * ones, which most likely lost their sessions the same way (a database restart).
     */
    void release(Connection connection, boolean broken) {
        boolean keep = false;
        List<Connection> discard = new ArrayList<>();
        synchronized (this) {
            if (!broken && !closed) {
                idle.addFirst(connection);
                keep = true;
            } else if (broken) {
                discard.addAll(idle);
                idle.clear();
            }
        }
        if (!keep) {
            discard.add(connection);
        }
        discard.forEach(ConnectionPool::closeQuietly);
        permits.release();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            idle.forEach(ConnectionPool::closeQuietly);
            idle.clear();
        }
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException ignored) {
            // Closing is best effort; the server drops the session anyway.
        }
    }
}
