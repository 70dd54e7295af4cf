package io.dcx.tools.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The faults of the load run, one after the other at fixed points of the run: SIGKILL the service and start it
 * again; stop PostgreSQL and start it again; stop the EVM node and start it again. Each opens an outage in the
 * {@link Recorder} when it begins and closes it once the part and the service are ready again, plus a grace
 * period. Parts other than the service are stopped and started by shell commands the launcher gives.
 */
final class Faults {
    /** A part to take down, and when (milliseconds after the run started). */
    record Planned(String part, long atMs) {
    }

    record Commands(String postgresStop, String postgresStart, String evmStop, String evmStart) {
    }

    private final Recorder recorder;
    private final Api api;
    private final ServiceProcess service;
    private final Commands commands;
    private final String jdbcUrl;
    private final String dbUser;
    private final String dbPassword;
    private final String evmUrl;
    private final String healthUrl;
    private final Duration hold;
    private final Duration grace;
    private final Consumer<String> log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    volatile String failure;

    Faults(Recorder recorder, Api api, ServiceProcess service, Commands commands, String jdbcUrl, String dbUser,
            String dbPassword, String evmUrl, String serviceUrl, Duration hold, Duration grace, Consumer<String> log) {
        this.recorder = recorder;
        this.api = api;
        this.service = service;
        this.commands = commands;
        this.jdbcUrl = jdbcUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.evmUrl = evmUrl;
        this.healthUrl = serviceUrl.replaceAll("/+$", "") + "/q/health/ready";
        this.hold = hold;
        this.grace = grace;
        this.log = log;
    }

    /** Runs the plan; a fault that cannot be carried out (a part that does not come back) ends it with a failure. */
    void run(List<Planned> plan) {
        for (Planned p : plan) {
            long wait = p.atMs() - api.nowMs();
            if (wait > 0) {
                Market.sleep(wait);
            }
            try {
                switch (p.part()) {
                    case "service" -> killService();
                    case "postgres" -> bounce("postgres", "stop PostgreSQL", commands.postgresStop(),
                            commands.postgresStart(), this::postgresReady);
                    case "evm" -> bounce("evm", "stop the EVM node", commands.evmStop(), commands.evmStart(),
                            this::evmReady);
                    default -> throw new IllegalArgumentException("no such fault: " + p.part());
                }
            } catch (Exception e) {
                failure = p.part() + ": " + e.getMessage();
                log.accept("fault " + p.part() + " could not be carried out: " + e.getMessage());
                return;
            }
        }
    }

    private void killService() throws IOException, InterruptedException {
        if (service == null) {
            throw new IllegalStateException("the service was not started by this run (no --service-jar), so it cannot be killed");
        }
        Recorder.Outage o = recorder.outageStarted("service", "kill -9", api.nowMs());
        long pid = service.kill9();
        log.accept("fault: service killed with SIGKILL (pid " + pid + ")");
        long newPid = service.start();
        log.accept("fault: service started again (pid " + newPid + "), waiting for /q/health/ready");
        if (!service.awaitReady(Duration.ofSeconds(180))) {
            throw new IllegalStateException("the service did not become ready within 180 s after the restart");
        }
        recovered(o, "service down " + secs(api.nowMs() - o.startMs) + " (restart to ready)");
    }

    private interface Ready {
        boolean check() throws InterruptedException;
    }

    private void bounce(String part, String what, String stop, String start, Ready ready)
            throws IOException, InterruptedException {
        if (stop == null || start == null) {
            throw new IllegalStateException("no commands to stop and start " + part);
        }
        Recorder.Outage o = recorder.outageStarted(part, what, api.nowMs());
        log.accept("fault: " + what + " (" + stop + ")");
        shell(stop);
        log.accept("fault: " + part + " stopped; down for " + hold.toSeconds() + " s");
        Market.sleep(hold.toMillis());
        log.accept("fault: starting " + part + " again (" + start + ")");
        shell(start);
        if (!await(ready, Duration.ofSeconds(90))) {
            throw new IllegalStateException(part + " is not ready 90 s after its start");
        }
        long partBack = api.nowMs();
        if (!await(() -> ServiceProcess.ready(http, healthUrl), Duration.ofSeconds(120))) {
            throw new IllegalStateException("the service is not ready 120 s after " + part + " came back");
        }
        recovered(o, part + " down " + secs(partBack - o.startMs) + ", service ready "
                + secs(api.nowMs() - partBack) + " later");
    }

    private void recovered(Recorder.Outage o, String note) {
        o.recoveredMs = api.nowMs();
        o.endMs = o.recoveredMs + grace.toMillis();
        o.note = note;
        log.accept("recovered: " + note + "; failures until +" + grace.toSeconds() + " s count as this outage's");
    }

    private boolean await(Ready ready, Duration timeout) throws InterruptedException {
        long giveUp = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < giveUp) {
            if (ready.check()) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private boolean postgresReady() {
        try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private boolean evmReady() throws InterruptedException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(evmUrl)).timeout(Duration.ofSeconds(3))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"result\"");
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs a shell command, its output to ours, and fails unless it exits 0 within two minutes. */
    static void shell(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", command).inheritIO()
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("'" + command + "' did not finish within 120 s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("'" + command + "' exited with " + p.exitValue());
        }
    }

    static String secs(long ms) {
        return String.format("%.1f s", ms / 1000.0);
    }
}
