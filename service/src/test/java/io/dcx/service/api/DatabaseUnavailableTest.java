package io.dcx.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * A request that fails because PostgreSQL is down or restarting answers 503 DATABASE_UNAVAILABLE, not 500: the
 * failures the load run with faults (issue 10) saw while it stopped PostgreSQL under load, built the way the driver,
 * Agroal and Hibernate build them. Anything else stays a 500.
 */
class DatabaseUnavailableTest {
    private final ProblemMappers mappers = new ProblemMappers();

    private static Problem problem(Response r) {
        return (Problem) r.getEntity();
    }

    @Test
    void connectionRefusedWhileTheServerIsDownIs503() {
        // "Unable to acquire JDBC Connection [Connection to 127.0.0.1:55433 refused ...]"
        var refused = new PSQLException("Connection to 127.0.0.1:55433 refused.", PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        Response r = mappers.unexpected(new JDBCConnectionException("Unable to acquire JDBC Connection", refused));
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(problem(r).code()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(r.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
    }

    @Test
    void aSessionCutByTheShutdownIs503() {
        // "JDBC exception executing SQL [FATAL: terminating connection due to administrator command]"
        var cut = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        Response r = mappers.unexpected(new PersistenceException(new GenericJDBCException("JDBC exception", cut)));
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(problem(r).code()).isEqualTo("DATABASE_UNAVAILABLE");
        var io = new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE);
        assertThat(mappers.unexpected(new RuntimeException(io)).getStatus()).isEqualTo(503);
        var starting = new SQLException("FATAL: the database system is starting up", "57P03");
        assertThat(mappers.unexpected(new RuntimeException(starting)).getStatus()).isEqualTo(503);
    }

    @Test
    void aCommitCutByTheShutdownIs503() {
        // Run 3 of the load: ArcUndeclaredThrowableException <- RollbackException "ARJUNA016053: Could not commit
        // transaction", whose driver error is only the cause of a suppressed XAException.
        var cut = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        var xa = new javax.transaction.xa.XAException("Error trying to transactionCommit local transaction");
        xa.initCause(cut);
        var rollback = new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        Response r = mappers.unexpected(new io.quarkus.arc.ArcUndeclaredThrowableException("Error invoking subclass method",
                rollback));
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(problem(r).code()).isEqualTo("DATABASE_UNAVAILABLE");
        var other = new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit transaction.");
        other.addSuppressed(new IllegalStateException("a bug"));
        assertThat(mappers.unexpected(other).getStatus()).isEqualTo(500);
    }

    @Test
    void noConnectionFromThePoolInTimeIs503() {
        // Agroal: "Unable to acquire JDBC Connection [Sorry, acquisition timeout!]", no SQLState.
        Response r = mappers.unexpected(new GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!")));
        assertThat(r.getStatus()).isEqualTo(503);
        // Load run 4: "Unable to acquire JDBC Connection [Acquisition timeout while waiting for new connection]".
        var opening = new SQLException("Acquisition timeout while waiting for new connection",
                new java.util.concurrent.TimeoutException());
        assertThat(mappers.unexpected(new GenericJDBCException("Unable to acquire JDBC Connection", opening))
                .getStatus()).isEqualTo(503);
        assertThat(mappers.unexpected(new java.sql.SQLTransientConnectionException("pool closed")).getStatus())
                .isEqualTo(503);
    }

    @Test
    void otherFailuresStay500() {
        var unique = new PSQLException("duplicate key value violates unique constraint", PSQLState.UNIQUE_VIOLATION);
        assertThat(mappers.unexpected(new PersistenceException(unique)).getStatus()).isEqualTo(500);
        assertThat(problem(mappers.unexpected(new PersistenceException(unique))).code()).isEqualTo("INTERNAL_ERROR");
        assertThat(mappers.unexpected(new SQLException("Sorry, something else")).getStatus()).isEqualTo(500);
        assertThat(mappers.unexpected(new IllegalStateException("a bug")).getStatus()).isEqualTo(500);
        assertThat(mappers.unexpected(new NullPointerException()).getStatus()).isEqualTo(500);
    }

    @Test
    void aCauseLoopEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(DatabaseUnavailable.causedBy(a)).isFalse();
    }
}
