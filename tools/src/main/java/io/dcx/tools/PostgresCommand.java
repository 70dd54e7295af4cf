package io.dcx.tools;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

/**
 * Runs a PostgreSQL server from the zonky embedded binaries (a Maven Central artifact, so nothing is installed
 * on the machine) until the process gets SIGTERM or SIGINT.
 *
 * <ul>
 *   <li>The data directory is persistent: it is initialised (initdb) only when it holds no cluster yet and is
 *       never cleaned, so data survives a restart.</li>
 *   <li>The role and the database are created when missing; the role's password is set on every start.</li>
 *   <li>Authentication: the {@code postgres} superuser (used only by this program) is trusted on 127.0.0.1,
 *       every other role must give its password (scram-sha-256), as against a real server.</li>
 *   <li>Running as root: initdb and postgres refuse to run as root. When the JVM runs as root, zonky itself runs
 *       every PostgreSQL binary through {@code unshare -U} (a user namespace in which the process is not root),
 *       provided that works on the machine. Where it does not, this program stops with a message and the
 *       launcher runs it as an unprivileged user instead (see {@code ./dcx}).</li>
 * </ul>
 * On SIGTERM the shutdown hook stops PostgreSQL with {@code pg_ctl stop -m fast} before the JVM exits.
 */
@Command(
        name = "postgres",
        mixinStandardHelpOptions = true,
        description = {
                "Run an embedded PostgreSQL server with a persistent data directory until SIGTERM.",
                "Prints '" + PostgresCommand.READY_PREFIX + " <jdbc-url>' once the database accepts connections."})
public final class PostgresCommand implements Callable<Integer> {

    /** The launcher waits for a line starting with this. Keep it stable. */
    static final String READY_PREFIX = "dcx-postgres ready:";

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Data directory (created and initialised when empty; kept across restarts).")
    Path data;

    @Option(names = "--port", required = true, paramLabel = "N", description = "TCP port on 127.0.0.1.")
    int port;

    @Option(names = "--db", defaultValue = "dcx", paramLabel = "NAME", description = "Database to create if missing (default: ${DEFAULT-VALUE}).")
    String database;

    @Option(names = "--user", defaultValue = "dcx", paramLabel = "NAME", description = "Role that owns the database (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password", defaultValue = "dcx", paramLabel = "SECRET", description = "Password of that role (default: ${DEFAULT-VALUE}).")
    String password;

    @Option(names = "--binaries", paramLabel = "DIR",
            description = "Where to unpack the PostgreSQL binaries (default: zonky's, under java.io.tmpdir).")
    Path binaries;

    @Option(names = "--startup-timeout", defaultValue = "120", paramLabel = "SECONDS",
            description = "How long to wait for the server to accept connections (default: ${DEFAULT-VALUE}).")
    int startupTimeoutSeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Checks the options beyond what picocli checks; throws ParameterException with a plain message. */
    void validate() {
        if (port < 1 || port > 65535) {
            throw bad("--port must be between 1 and 65535, got " + port);
        }
        if (!IDENTIFIER.matcher(database).matches()) {
            throw bad("--db must be a lower-case SQL identifier ([a-z_][a-z0-9_]*), got '" + database + "'");
        }
        if (!IDENTIFIER.matcher(user).matches()) {
            throw bad("--user must be a lower-case SQL identifier ([a-z_][a-z0-9_]*), got '" + user + "'");
        }
        if ("postgres".equals(user)) {
            throw bad("--user postgres is the internal superuser; choose another role name");
        }
        if (password.isEmpty()) {
            throw bad("--password must not be empty");
        }
        if (startupTimeoutSeconds < 1) {
            throw bad("--startup-timeout must be at least 1 second");
        }
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    @Override
    public Integer call() throws Exception {
        validate();
        Path dataDir = data.toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        refuseIfAlreadyRunning(dataDir);
        if (isRoot() && !unshareWorks()) {
            System.err.println("dcx-postgres: running as root, and 'unshare -U' does not work here, so initdb and"
                    + " postgres cannot drop root. Run this program as an unprivileged user (./dcx does so"
                    + " automatically).");
            return 2;
        }

        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.toFile())
                .setCleanDataDirectory(false)          // persistent: never wiped on close
                .setRegisterShutdownHook(false)        // our own hook below, so the order is ours
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(startupTimeoutSeconds))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8")
                .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
                .setErrorRedirector(ProcessBuilder.Redirect.INHERIT)
                .setDataDirectoryCustomizer(PostgresCommand::writeHbaConf);
        if (binaries != null) {
            File dir = binaries.toAbsolutePath().normalize().toFile();
            Files.createDirectories(dir.toPath());
            builder.setOverrideWorkingDirectory(dir);
        }

        long started = System.nanoTime();
        EmbeddedPostgres postgres = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("dcx-postgres: stopping PostgreSQL on port " + port);
            try {
                postgres.close();
                System.out.println("dcx-postgres: stopped");
            } catch (IOException | RuntimeException e) {
                System.err.println("dcx-postgres: stop failed: " + e);
            } finally {
                stopped.countDown();
            }
        }, "dcx-postgres-stop"));

        try {
            ensureRoleAndDatabase(postgres);
        } catch (SQLException e) {
            System.err.println("dcx-postgres: could not create role/database: " + e.getMessage());
            return 1; // System.exit runs the hook, which stops PostgreSQL
        }
        System.out.printf("%s %s (user %s, data %s, %d ms)%n", READY_PREFIX, jdbcUrl(), user, dataDir,
                (System.nanoTime() - started) / 1_000_000);
        System.out.flush();
        stopped.await(); // until SIGTERM/SIGINT runs the hook
        return 0;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void ensureRoleAndDatabase(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            boolean roleExists = exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", user);
            try (Statement s = c.createStatement()) {
                String verb = roleExists ? "ALTER ROLE " : "CREATE ROLE ";
                s.execute(verb + quoteIdent(user) + " LOGIN PASSWORD " + quoteLiteral(password));
                if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                    s.execute("CREATE DATABASE " + quoteIdent(database) + " OWNER " + quoteIdent(user)
                            + " ENCODING 'UTF8'");
                    System.out.println("dcx-postgres: created database " + database + " owned by " + user);
                }
            }
        }
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static String quoteIdent(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String quoteLiteral(String literal) {
        return "'" + literal.replace("'", "''") + "'";
    }

    /** Written on every start (after initdb, before the server starts). */
    private static void writeHbaConf(File dataDir) {
        List<String> lines = List.of(
                "# Written by dcx-tools postgres on every start; edits are overwritten.",
                "# TYPE  DATABASE  USER      ADDRESS        METHOD",
                "local   all       postgres                 trust",
                "host    all       postgres  127.0.0.1/32   trust",
                "local   all       all                      scram-sha-256",
                "host    all       all       127.0.0.1/32   scram-sha-256");
        try {
            Files.write(dataDir.toPath().resolve("pg_hba.conf"), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write pg_hba.conf in " + dataDir, e);
        }
    }

    /** PostgreSQL removes a stale postmaster.pid itself; a live one means another server owns the directory. */
    private static void refuseIfAlreadyRunning(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return;
        }
        String pid = lines.get(0).trim();
        if (pid.matches("\\d+") && Files.exists(Path.of("/proc", pid))) {
            throw new IllegalStateException("PostgreSQL (pid " + pid + ") is already running on " + dataDir
                    + "; stop it first (./dcx down)");
        }
    }

    private static boolean isRoot() {
        try {
            Object unix = Class.forName("com.sun.security.auth.module.UnixSystem").getDeclaredConstructor().newInstance();
            return ((Number) unix.getClass().getMethod("getUid").invoke(unix)).longValue() == 0L;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** Same probe as zonky's LinuxUtils: inside 'unshare -U' we must not be uid 0 any more. */
    private static boolean unshareWorks() {
        try {
            Process p = new ProcessBuilder("unshare", "-U", "id", "-u").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 && !out.equals("0") && !out.isEmpty();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
