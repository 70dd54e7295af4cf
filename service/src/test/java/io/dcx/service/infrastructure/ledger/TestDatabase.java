package io.dcx.service.infrastructure.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh PostgreSQL schema with the service's migrations, for plain JUnit tests of the ledger adapters. The
 * server is the one {@code ./dcx test} starts: {@code DCX_TEST_DB_URL}, {@code DCX_TEST_DB_USER},
 * {@code DCX_TEST_DB_PASSWORD}. Never H2: the ledger relies on PostgreSQL's bytea order, arrays and advisory locks.
 */
public final class TestDatabase implements AutoCloseable {
    private final String url;
    private final String user;
    private final String password;
    private final String schema;
    private final PGSimpleDataSource dataSource;

    private TestDatabase(String url, String user, String password, String schema) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
        this.dataSource = dataSource(schema);
    }

    /** A new, migrated schema named after the test. */
    public static TestDatabase freshSchema(String name) {
        String url = System.getenv("DCX_TEST_DB_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("DCX_TEST_DB_URL is not set: the ledger tests need a PostgreSQL server."
                    + " Run them through ./dcx test, or export DCX_TEST_DB_URL (jdbc:postgresql://host:port/db),"
                    + " DCX_TEST_DB_USER and DCX_TEST_DB_PASSWORD.");
        }
        String user = env("DCX_TEST_DB_USER", "dcx");
        String password = env("DCX_TEST_DB_PASSWORD", "dcx");
        String schema = ("t_" + name + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        TestDatabase database = new TestDatabase(url, user, password, schema);
        Flyway.configure()
                .dataSource(database.dataSource)
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return database;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private PGSimpleDataSource dataSource(String currentSchema) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(user);
        ds.setPassword(password);
        ds.setCurrentSchema(currentSchema);
        ds.setApplicationName(currentSchema); // lets a test find (and cut) its own sessions
        return ds;
    }

    /** An unpooled data source whose connections use the test's schema. */
    public DataSource dataSource() {
        return dataSource;
    }

    public String schema() {
        return schema;
    }

    /** Runs SQL in the test's schema, for tests that tamper with rows. */
    public void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The single number a query answers. */
    public long queryLong(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Drops the schema. */
    @Override
    public void close() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
