package io.dcx.tools.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The load run of {@code ./dcx test} (issue 10, "Load and faults"): many users registering works, depositing, listing
 * and buying through the HTTP API for a bounded time while the service is killed with SIGKILL and restarted, and
 * PostgreSQL and the EVM node are stopped and started again; then the checks of {@link Checks}. Prints progress and
 * a summary (requests per kind, p50/p99 latency, failures by kind, the outages and what failed during each), writes
 * it as JSON, and exits 0 only if every check passed.
 */
@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        description = {"Drive the dcx service with concurrent users while faults happen, then check that nothing",
                "committed was lost and the books, the chain and the audit log agree. Exit 0: every check passed."})
public final class LoadCommand implements java.util.concurrent.Callable<Integer> {
    private static final Pattern DB_NAME = Pattern.compile("jdbc:postgresql://([^/]+)/([a-z_][a-z0-9_]{0,62})");

    @Option(names = "--url", required = true, paramLabel = "URL", description = "The service, e.g. http://127.0.0.1:8092.")
    String url;

    @Option(names = "--oidc-url", required = true, paramLabel = "URL",
            description = "The Keycloak realm, e.g. http://127.0.0.1:8181/realms/dcx.")
    String oidcUrl;

    @Option(names = "--keycloak-admin", defaultValue = "admin", paramLabel = "NAME",
            description = "Keycloak's admin (master realm), to create the run's users (default: ${DEFAULT-VALUE}).")
    String keycloakAdmin;

    @Option(names = "--keycloak-admin-password", defaultValue = "admin", paramLabel = "SECRET")
    String keycloakAdminPassword;

    @Option(names = "--demo-password", defaultValue = "dcx-demo", paramLabel = "SECRET",
            description = "Password of the demo operator olivia (default: ${DEFAULT-VALUE}).")
    String demoPassword;

    @Option(names = "--jdbc-url", required = true, paramLabel = "URL",
            description = "The service's database, for the checks (read only) and --fresh-database.")
    String jdbcUrl;

    @Option(names = "--db-user", defaultValue = "dcx", paramLabel = "NAME")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "dcx", paramLabel = "SECRET")
    String dbPassword;

    @Option(names = "--fresh-database", description = "Drop and create the database of --jdbc-url (owner --db-user)"
            + " before starting the service, as the superuser postgres (trusted on 127.0.0.1 by dcx-tools postgres).")
    boolean freshDatabase;

    @Option(names = "--service-jar", paramLabel = "JAR", description = "Start the service from this quarkus-run.jar"
            + " (with this process's environment) and stop it at the end; needed for the service fault.")
    Path serviceJar;

    @Option(names = "--service-log", defaultValue = "service-load.log", paramLabel = "FILE")
    Path serviceLog;

    @Option(names = "--service-java-opt", paramLabel = "OPT", description = "A JVM option for the service (repeatable).")
    List<String> serviceJavaOptions = new ArrayList<>();

    @Option(names = "--duration", defaultValue = "90", paramLabel = "SECONDS", description = "Length of the load (default: ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--creators", defaultValue = "6", paramLabel = "N", description = "Creators (default: ${DEFAULT-VALUE}).")
    int creators;

    @Option(names = "--traders", defaultValue = "24", paramLabel = "N", description = "Traders (default: ${DEFAULT-VALUE}).")
    int traders;

    @Option(names = "--faults", defaultValue = "service,postgres,evm", split = ",", paramLabel = "PART",
            description = "Parts to take down during the load, in this order, spread over it: service, postgres, evm;"
                    + " 'none' for none (default: ${DEFAULT-VALUE}).")
    List<String> faults;

    @Option(names = "--postgres-stop", paramLabel = "CMD", description = "Shell command that stops PostgreSQL.")
    String postgresStop;

    @Option(names = "--postgres-start", paramLabel = "CMD",
            description = "Shell command that starts PostgreSQL again (may return before it accepts connections).")
    String postgresStart;

    @Option(names = "--evm-url", paramLabel = "URL", description = "The EVM node (JSON-RPC). With it, users register"
            + " payout wallets and the EVM fault is possible.")
    String evmUrl;

    @Option(names = "--evm-stop", paramLabel = "CMD")
    String evmStop;

    @Option(names = "--evm-start", paramLabel = "CMD")
    String evmStart;

    @Option(names = "--outage", defaultValue = "5", paramLabel = "SECONDS",
            description = "How long PostgreSQL and the EVM node stay down (default: ${DEFAULT-VALUE}).")
    int outageSeconds;

    @Option(names = "--grace", defaultValue = "3", paramLabel = "SECONDS", description = "After a part and the"
            + " service are ready again, failures still count as the outage's for this long (default: ${DEFAULT-VALUE}).")
    int graceSeconds;

    @Option(names = "--drain", defaultValue = "60", paramLabel = "SECONDS", description = "After the load, how long"
            + " unanswered idempotent requests are still retried (default: ${DEFAULT-VALUE}).")
    int drainSeconds;

    @Option(names = "--settle-timeout", defaultValue = "120", paramLabel = "SECONDS",
            description = "How long to wait for every trade to leave SETTLING (default: ${DEFAULT-VALUE}).")
    int settleTimeoutSeconds;

    @Option(names = "--deposit-fen", defaultValue = "100000", paramLabel = "FEN")
    long depositFen;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the summary as JSON here.")
    Path report;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private long t0;
    private Api api;

    void validate() {
        if (durationSeconds < 10 || durationSeconds > 3600) {
            throw bad("--duration must be 10..3600 seconds");
        }
        if (creators < 1 || traders < 2 || creators + traders > 500) {
            throw bad("need at least 1 creator and 2 traders, at most 500 users");
        }
        if (faults.equals(List.of("none"))) {
            faults = List.of();
        }
        for (String f : faults) {
            switch (f) {
                case "service" -> {
                    if (serviceJar == null) {
                        throw bad("the service fault needs --service-jar (the run must start the service itself)");
                    }
                }
                case "postgres" -> {
                    if (postgresStop == null || postgresStart == null) {
                        throw bad("the postgres fault needs --postgres-stop and --postgres-start");
                    }
                }
                case "evm" -> {
                    if (evmUrl == null || evmStop == null || evmStart == null) {
                        throw bad("the evm fault needs --evm-url, --evm-stop and --evm-start");
                    }
                }
                default -> throw bad("--faults: unknown part '" + f + "' (service, postgres, evm or none)");
            }
        }
        if (!DB_NAME.matcher(jdbcUrl).matches()) {
            throw bad("--jdbc-url must look like jdbc:postgresql://host:port/name");
        }
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** The faults spread over the run: the i-th of n at (i + 1) / (n + 1.3) of the duration. */
    static List<Faults.Planned> plan(List<String> parts, long durationMs) {
        List<Faults.Planned> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            out.add(new Faults.Planned(parts.get(i), Math.round(durationMs * (i + 1) / (parts.size() + 1.3))));
        }
        return out;
    }

    private void log(String message) {
        System.out.printf(Locale.ROOT, "    [%6.1fs] %s%n", api == null ? 0.0 : api.nowMs() / 1000.0, message);
        System.out.flush();
    }

    @Override
    public Integer call() throws Exception {
        validate();
        t0 = System.nanoTime();
        Recorder recorder = new Recorder(Market.EXPECTED_REFUSALS);
        api = new Api(url, recorder, t0, Duration.ofSeconds(30));
        if (freshDatabase) {
            freshDatabase();
        }
        ServiceProcess service = null;
        if (serviceJar != null) {
            service = new ServiceProcess(serviceJar, serviceLog, serviceJavaOptions, url);
            log("starting the service: " + serviceJar + " (log " + serviceLog + ")");
            long pid = service.start();
            if (!service.awaitReady(Duration.ofSeconds(240))) {
                log("the service (pid " + pid + ") did not become ready; see " + serviceLog);
                service.stop(Duration.ofSeconds(20));
                return 2;
            }
            log("service ready (pid " + pid + ")");
        }
        try {
            return run(recorder, service);
        } finally {
            if (service != null) {
                log("stopping the service");
                service.stop(Duration.ofSeconds(30));
            }
        }
    }

    private int run(Recorder recorder, ServiceProcess service) throws Exception {
        long seed = ThreadLocalRandom.current().nextLong(1, 10_000);
        Setup setup = new Setup(api, url, oidcUrl, keycloakAdmin, keycloakAdminPassword, demoPassword, this::log);
        List<Market.User> users = setup.users(seed, creators, traders);
        String operator = setup.token("olivia", demoPassword);
        setup.approveKyc(users, operator, seed);
        setup.openPolicy(operator);
        if (evmUrl != null) {
            setup.wallets(users);
        }
        log("setup done: " + creators + " creators and " + traders + " traders, KYC approved, board policy open"
                + (evmUrl != null ? ", payout wallets registered" : ""));

        long loadStart = api.nowMs();
        long durationMs = durationSeconds * 1000L;
        long endMs = loadStart + durationMs;
        Market market = new Market(api, endMs, endMs + drainSeconds * 1000L, depositFen);
        List<Thread> threads = new ArrayList<>();
        for (Market.User u : users) {
            threads.add(Thread.ofVirtual().name("load-" + u.name)
                    .start("creator".equals(u.role) ? () -> market.creator(u) : () -> market.trader(u)));
        }
        List<Faults.Planned> plan = new ArrayList<>();
        for (Faults.Planned p : plan(faults, durationMs)) {
            plan.add(new Faults.Planned(p.part(), loadStart + p.atMs()));
        }
        log("load for " + durationSeconds + " s with " + users.size() + " users; faults: "
                + (plan.isEmpty() ? "none" : plan.stream().map(p -> p.part() + " at " + Faults.secs(p.atMs())).toList()));
        Faults f = new Faults(recorder, api, service, new Faults.Commands(postgresStop, postgresStart, evmStop, evmStart),
                jdbcUrl, dbUser, dbPassword, evmUrl, url, Duration.ofSeconds(outageSeconds), Duration.ofSeconds(graceSeconds),
                this::log);
        // Every fault happens under load: when restarts take longer than planned, the load goes on until 10 s after
        // the last part is back.
        market.hold(!plan.isEmpty());
        Thread faultThread = Thread.ofPlatform().name("load-faults").start(() -> {
            try {
                f.run(plan);
                if (!plan.isEmpty() && api.nowMs() + 10_000 > market.endMs()) {
                    market.extendTo(api.nowMs() + 10_000);
                    log("load extended to " + Faults.secs(market.endMs()) + ": 10 s after the last fault's recovery");
                }
            } finally {
                market.hold(false);
            }
        });

        long lastProgress = api.nowMs();
        while (api.nowMs() < market.endMs() || faultThread.isAlive()) {
            Market.sleep(Math.max(200, Math.min(1_000, market.endMs() - api.nowMs())));
            if (api.nowMs() - lastProgress >= 10_000) {
                lastProgress = api.nowMs();
                log("progress: " + recorder.samples().size() + " requests, " + market.counts());
            }
        }
        log("progress: " + recorder.samples().size() + " requests, " + market.counts());
        log("load over; finishing requests in flight (idempotent ones are retried for up to " + drainSeconds + " s)");
        for (Thread t : threads) {
            t.join();
        }
        faultThread.join();
        market.stop();

        Checks checks = new Checks(api, market, operator, jdbcUrl, dbUser, dbPassword, evmUrl != null, this::log);
        long left = checks.awaitSagas(settleTimeoutSeconds * 1000L);
        log(left == 0 ? "every trade has left SETTLING" : left + " trade(s) still SETTLING after " + settleTimeoutSeconds + " s");
        if (service != null && !service.alive()) {
            log("the service is not running any more: see " + serviceLog);
        }
        Recorder.Classified classified = recorder.classify();
        log("checks:");
        checks.run(classified);
        boolean ok = f.failure == null && checks.results().stream().allMatch(Checks.Check::ok);
        summary(recorder, classified, market, checks, f, ok);
        return ok ? 0 : 1;
    }

    private void freshDatabase() throws SQLException {
        var m = DB_NAME.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalStateException(jdbcUrl);
        }
        String admin = "jdbc:postgresql://" + m.group(1) + "/postgres";
        String db = m.group(2);
        try (Connection c = DriverManager.getConnection(admin, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + db + "\" WITH (FORCE)");
            s.execute("CREATE DATABASE \"" + db + "\" OWNER \"" + dbUser.replace("\"", "") + "\" ENCODING 'UTF8'");
        }
        log("database " + db + " created afresh");
    }

    private void summary(Recorder recorder, Recorder.Classified classified, Market market, Checks checks, Faults f,
            boolean ok) throws java.io.IOException {
        System.out.println();
        System.out.println("    Load run summary (" + durationSeconds + " s, " + creators + " creators, " + traders
                + " traders)");
        System.out.printf(Locale.ROOT, "    %-10s %7s %7s %7s %7s %9s %8s %8s %8s%n", "kind", "count", "2xx", "4xx",
                "5xx", "no answer", "p50 ms", "p99 ms", "max ms");
        ObjectNode json = Api.JSON.createObjectNode();
        json.put("durationSeconds", durationSeconds).put("creators", creators).put("traders", traders)
                .put("ok", ok);
        ArrayNode kinds = json.putArray("kinds");
        for (Recorder.KindStats k : recorder.perKind()) {
            System.out.printf(Locale.ROOT, "    %-10s %7d %7d %7d %7d %9d %8d %8d %8d%n", k.kind(), k.count(), k.ok(),
                    k.refused(), k.serverErrors(), k.transport(), k.p50Ms(), k.p99Ms(), k.maxMs());
            kinds.add((JsonNode) Api.JSON.valueToTree(k));
        }
        Map<String, Integer> counts = market.counts();
        System.out.println("    outcomes: " + counts + ", idempotent requests given up: " + market.gaveUp.get());
        json.set("outcomes", (JsonNode) Api.JSON.valueToTree(counts));
        System.out.println("    refusals and failures by kind:");
        Map<String, Map<String, Integer>> failures = recorder.failuresByKind();
        failures.forEach((kind, m) -> System.out.println("      " + kind + ": " + m));
        json.set("failuresByKind", (JsonNode) Api.JSON.valueToTree(failures));
        System.out.println("    outages:");
        ArrayNode outages = json.putArray("outages");
        classified.duringOutages().forEach((o, samples) -> {
            Map<String, Integer> byOutcome = new LinkedHashMap<>();
            samples.forEach(s -> byOutcome.merge(s.kind() + " " + s.outcome(), 1, Integer::sum));
            System.out.printf(Locale.ROOT, "      %-8s %-16s from %6.1f s to %6.1f s (%s): %d failed request(s) %s%n",
                    o.part, o.how, o.startMs / 1000.0, o.recoveredMs / 1000.0, o.note, samples.size(), byOutcome);
            samples.stream().filter(s -> s.detail() != null).limit(2).forEach(s -> System.out.println(
                    "               e.g. " + s.kind() + " " + s.outcome() + ": " + s.detail()));
            ObjectNode n = outages.addObject();
            n.put("part", o.part).put("how", o.how).put("startMs", o.startMs).put("recoveredMs", o.recoveredMs)
                    .put("note", o.note).put("failedRequests", samples.size());
            n.set("failures", (JsonNode) Api.JSON.valueToTree(byOutcome));
        });
        if (f.failure != null) {
            System.out.println("    fault not carried out: " + f.failure);
            json.put("faultFailure", f.failure);
        }
        ArrayNode checkNodes = json.putArray("checks");
        long passed = checks.results().stream().filter(Checks.Check::ok).count();
        for (Checks.Check c : checks.results()) {
            checkNodes.add((JsonNode) Api.JSON.valueToTree(c));
        }
        System.out.println("    checks: " + passed + " of " + checks.results().size() + " passed");
        System.out.println("    load run " + (ok ? "PASSED" : "FAILED"));
        if (report != null) {
            Files.createDirectories(report.toAbsolutePath().getParent());
            Files.writeString(report, Api.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString((JsonNode) json));
            System.out.println("    report: " + report);
        }
    }
}
