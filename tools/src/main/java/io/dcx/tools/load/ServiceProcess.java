package io.dcx.tools.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The dcx service as a child process ({@code java -jar quarkus-run.jar}, with this process's environment), so the
 * run can kill it with SIGKILL and start it again. Its output is appended to one log file across restarts.
 */
final class ServiceProcess {
    private final Path jar;
    private final Path log;
    private final List<String> javaOptions;
    private final String healthUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int starts;

    ServiceProcess(Path jar, Path log, List<String> javaOptions, String baseUrl) {
        this.jar = jar;
        this.log = log;
        this.javaOptions = javaOptions;
        this.healthUrl = baseUrl.replaceAll("/+$", "") + "/q/health/ready";
        Runtime.getRuntime().addShutdownHook(new Thread(this::killQuietly, "dcx-load-service-stop"));
    }

    synchronized long start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the service is already running (pid " + process.pid() + ")");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(jar.toString());
        Files.createDirectories(log.toAbsolutePath().getParent());
        Files.writeString(log, "\n==== dcx load: service start " + (++starts) + " ====\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        return process.pid();
    }

    /** SIGKILL (Process.destroyForcibly is SIGKILL on Linux), and waits until it is gone; answers the pid. */
    synchronized long kill9() throws InterruptedException {
        long pid = process.pid();
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the service (pid " + pid + ") did not die after SIGKILL");
        }
        return pid;
    }

    /** SIGTERM, then SIGKILL after the timeout. */
    synchronized void stop(Duration timeout) throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** Waits until /q/health/ready says UP; false on timeout or when the process died. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        long giveUp = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < giveUp) {
            if (process != null && !process.isAlive()) {
                return false;
            }
            if (ready(http, healthUrl)) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    static boolean ready(HttpClient http, String healthUrl) throws InterruptedException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(healthUrl))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().replace(" ", "").contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        }
    }

    private void killQuietly() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroy();
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
    }
}
