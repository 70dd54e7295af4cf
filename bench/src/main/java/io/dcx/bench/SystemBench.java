package io.dcx.bench;

import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.ledger.TransactionConflictException;
import io.dcx.service.infrastructure.ledger.embedded.EmbeddedLedger;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The system benchmarks behind {@code ./dcx bench} (bench/bench.sh runs them; bench/README.md explains them). Each
 * phase appends {@code key=value} lines to the results file given as {@code -Dbench.out}; {@link BenchReport}
 * turns them into the table, JSON, markdown and chart. Phases, each with the anchor it is compared with:
 *
 * <ul>
 *   <li>{@code jdbc}: the anchor of the ledger: a plain loop that hashes a work's JSON (SHA-256) and inserts it as one
 *       row, one autocommitted transaction per work, from N threads, on the same PostgreSQL;</li>
 *   <li>{@code ledger}: the contract alone: {@code works:RegisterWork} through {@link EmbeddedLedger} (the
 *       service's own adapter and the chaincode module's contract classes, no HTTP, no Quarkus) in a schema of its
 *       own, N threads submitting and waiting for commit; also {@code works:RegisterWorks} of 100;</li>
 *   <li>{@code http}: {@code POST /api/v1/works} (multipart, a new TEXT file each time) against a running service,
 *       with a real Keycloak access token of the demo creator alice;</li>
 *   <li>{@code trades}: KYC, deposits and the board policy set up through the API, a creator's editions listed, then
 *       concurrent {@code POST /listings/{id}/purchase} by three approved buyers; each answer must be SETTLED, so
 *       the request's latency is purchase to SETTLED; then A-B-A circles (bob, carol, bob) whose CIRCULAR_TRADE alert is awaited.</li>
 * </ul>
 *
 * <p>Usage: {@code java -Dbench.out=FILE -cp ... io.dcx.bench.SystemBench PHASE key=value...}; keys: {@code db}
 * (JDBC URL), {@code user}, {@code password}, {@code threads}, {@code warmup} and {@code seconds} (per
 * measurement), {@code url} (service), {@code oidc} (realm URL), {@code trades} (how many).
 */
public final class SystemBench {
    private static final HexFormat HEX = HexFormat.of();
    private static final String DEMO_PASSWORD = "dcx-demo";

    private final Map<String, String> options;
    private final Path out;

    private SystemBench(Map<String, String> options) {
        this.options = options;
        this.out = Path.of(System.getProperty("bench.out", "bench-results.properties"));
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: SystemBench jdbc|ledger|http|trades key=value...");
            System.exit(2);
        }
        Map<String, String> options = new TreeMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("not key=value: " + args[i]);
            }
            options.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        // The ledger and the JDBC driver log at INFO; the phases print their own lines.
        Logger.getLogger("").setLevel(Level.WARNING);
        SystemBench bench = new SystemBench(options);
        switch (args[0]) {
            case "jdbc" -> bench.jdbc();
            case "ledger" -> bench.ledger();
            case "http" -> bench.httpRegistrations();
            case "trades" -> bench.trades();
            default -> throw new IllegalArgumentException("unknown phase " + args[0]);
        }
    }

    // ------------------------------------------------------------------------------------------------ options, output

    private String opt(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    private int intOpt(String key, int fallback) {
        return Integer.parseInt(opt(key, Integer.toString(fallback)));
    }

    private synchronized void record(String key, Object value) throws IOException {
        String line = key + "=" + (value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : value) + "\n";
        Files.writeString(out, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, "    " + format + "%n", args);
        System.out.flush();
    }

    // ------------------------------------------------------------------------------------------------ the harness

    /** One operation of a measured loop; returns false when it did not do what it should (an error). */
    @FunctionalInterface
    interface Op {
        boolean run(int thread, long sequence) throws Exception;
    }

    /** What a measured loop did: completed operations, errors, and the latencies of the operations measured. */
    record Run(long ops, long errors, double seconds, long[] latencyNanos, Map<String, Long> failures) {
        double rate() {
            return ops / seconds;
        }

        double percentileMillis(double p) {
            if (latencyNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(latencyNanos.length - 1, Math.ceil(p / 100.0 * latencyNanos.length) - 1);
            return latencyNanos[Math.max(0, index)] / 1e6;
        }
    }

    /**
     * Runs {@code op} from {@code threads} threads for {@code warmup} seconds (not counted), then for {@code seconds}
     * seconds, counting the operations that finished inside the measured window and their latencies.
     */
    private static Run measure(String label, int threads, int warmupSeconds, int seconds, Op op) throws Exception {
        return measure(label, threads, warmupSeconds, seconds, op, false);
    }

    /**
     * As above; with {@code untilDone} the loop also ends when every worker's operation has thrown {@link Done} (a
     * fixed amount of work), and the rate is over the time it took.
     */
    private static Run measure(String label, int threads, int warmupSeconds, int seconds, Op op, boolean untilDone)
            throws Exception {
        Cpu.Snapshot[] cpu = new Cpu.Snapshot[2];
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(warmupSeconds * 1000L);
                cpu[0] = Cpu.snapshot();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        AtomicLong sequence = new AtomicLong();
        AtomicLong ops = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Map<String, Long> failures = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        long warmEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(threads);
        AtomicLong lastEnd = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = Thread.ofPlatform().name("bench-" + label + "-" + t).start(() -> {
                long[] mine = new long[1024];
                int count = 0;
                try {
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        boolean ok;
                        try {
                            ok = op.run(thread, sequence.getAndIncrement());
                        } catch (Done e) {
                            break;
                        } catch (Exception e) {
                            ok = false;
                            failures.merge(e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()), 1L,
                                    Long::sum);
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= warmEnd && t1 <= end) {
                            if (ok) {
                                ops.incrementAndGet();
                                if (count == mine.length) {
                                    mine = Arrays.copyOf(mine, count * 2);
                                }
                                mine[count++] = t1 - t0;
                            } else {
                                errors.incrementAndGet();
                            }
                        }
                    }
                } finally {
                    lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
                    latencies.add(Arrays.copyOf(mine, count));
                    done.countDown();
                }
            });
            workers.add(worker);
        }
        done.await();
        cpu[1] = Cpu.snapshot();
        if (cpu[0] != null) {
            say("  CPU while measured: %s", Cpu.describe(cpu[0], cpu[1]));
            lastCpu = Cpu.describe(cpu[0], cpu[1]);
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double elapsed = untilDone ? Math.max(1e-3, (Math.min(lastEnd.get(), end) - warmEnd) / 1e9) : seconds;
        Run run = new Run(ops.get(), errors.get(), elapsed, all, Map.copyOf(failures));
        say("%-34s %8.0f /s   p50 %7.2f ms   p99 %7.2f ms   (%d done, %d errors, %d threads, %.1f s)", label,
                run.rate(), run.percentileMillis(50), run.percentileMillis(99), run.ops(), run.errors(), threads,
                elapsed);
        run.failures().forEach((what, n) -> say("  failed %d x: %s", n, what));
        return run;
    }

    /** The CPU use of the last measured run, as {@link Cpu#describe} gives it. */
    private static volatile String lastCpu = "";

    private void recordRun(String key, Run run) throws IOException {
        record(key + ".cpu", lastCpu.replace(' ', '_'));
        record(key + ".rate", run.rate());
        record(key + ".p50_ms", run.percentileMillis(50));
        record(key + ".p99_ms", run.percentileMillis(99));
        record(key + ".ops", run.ops());
        record(key + ".errors", run.errors());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }

    // ------------------------------------------------------------------------------------------------ the works

    static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON of works:RegisterWork for one work of one creator (as the service sends it). */
    static String workJson(String id, String contentHash, String account) {
        return "{\"id\":\"" + id + "\",\"contentHash\":\"" + contentHash + "\",\"fingerprint\":\"\","
                + "\"fingerprintKind\":\"none\",\"title\":\"Work " + id + "\",\"kind\":\"IMAGE\","
                + "\"creators\":[{\"accountId\":\"" + account + "\",\"shareBps\":10000}],\"metadataHash\":\"\","
                + "\"parents\":[],\"registrant\":\"" + account + "\"}";
    }

    // ------------------------------------------------------------------------------------------------ jdbc

    /** A DataSource over DriverManager (the ledger keeps its own few connections; no pool is needed). */
    record DriverDataSource(String url, String user, String password) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public Connection getConnection(String u, String p) throws SQLException {
            return DriverManager.getConnection(url, u, p);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getLogger("bench");
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }

    private DriverDataSource dataSource(String schema) {
        String url = opt("db", "jdbc:postgresql://127.0.0.1:55432/dcx_bench");
        if (schema != null) {
            url += (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }
        return new DriverDataSource(url, opt("user", "dcx"), opt("password", "dcx"));
    }

    /**
     * The anchor: SHA-256 of the work's JSON and one INSERT of (id, hash, JSON) per autocommitted transaction, the
     * least a registration must do in PostgreSQL. Best of the thread counts given ({@code jdbcThreads}).
     */
    private void jdbc() throws Exception {
        DriverDataSource ds = dataSource(null);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_plain_register");
            s.execute("create table bench_plain_register (id text primary key, content_hash text not null unique,"
                    + " body text not null, created_at timestamptz not null default now())");
        }
        int warmup = intOpt("warmup", 3);
        int seconds = intOpt("seconds", 10);
        Run best = null;
        int bestThreads = 0;
        for (String t : opt("jdbcThreads", "8,32").split(",")) {
            int threads = Integer.parseInt(t.trim());
            String run = UUID.randomUUID().toString().substring(0, 8);
            Connection[] connections = new Connection[threads];
            PreparedStatement[] inserts = new PreparedStatement[threads];
            for (int i = 0; i < threads; i++) {
                connections[i] = ds.getConnection();
                inserts[i] = connections[i].prepareStatement(
                        "insert into bench_plain_register (id, content_hash, body) values (?, ?, ?)");
            }
            try {
                Run r = measure("jdbc hash+insert x" + threads, threads, warmup, seconds, (thread, seq) -> {
                    String id = "w-" + run + "-" + seq;
                    String body = workJson(id, sha256Hex(id.getBytes(StandardCharsets.UTF_8)), "acc-" + run);
                    PreparedStatement insert = inserts[thread];
                    insert.setString(1, id);
                    insert.setString(2, sha256Hex(body.getBytes(StandardCharsets.UTF_8)));
                    insert.setString(3, body);
                    return insert.executeUpdate() == 1;
                });
                record("jdbc.t" + threads + ".rate", r.rate());
                if (best == null || r.rate() > best.rate()) {
                    best = r;
                    bestThreads = threads;
                }
            } finally {
                for (Connection c : connections) {
                    c.close();
                }
            }
        }
        recordRun("jdbc", best);
        record("jdbc.threads", bestThreads);
    }

    // ------------------------------------------------------------------------------------------------ ledger

    /** The contract alone, through the embedded ledger adapter, in a fresh schema of its own. */
    private void ledger() throws Exception {
        String schema = opt("schema", "bench_ledger");
        DriverDataSource admin = dataSource(null);
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
            s.execute("create schema " + schema);
            s.execute("set search_path to " + schema);
            try (InputStream sql = EmbeddedLedger.class.getClassLoader()
                    .getResourceAsStream("db/migration/V1__embedded_ledger.sql")) {
                if (sql == null) {
                    throw new IllegalStateException("db/migration/V1__embedded_ledger.sql is not on the class path"
                            + " (the service's jar must be)");
                }
                s.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        int threads = intOpt("threads", 32);
        int warmup = intOpt("warmup", 3);
        int seconds = intOpt("seconds", 10);
        AtomicInteger conflicts = new AtomicInteger();
        try (EmbeddedLedger ledger = EmbeddedLedger.start(dataSource(schema), EmbeddedLedger.Options.defaults())) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            long height0 = ledger.height();
            Run single = measure("ledger RegisterWork x" + threads, threads, warmup, seconds, (thread, seq) -> {
                String id = "w-" + run + "-" + seq;
                return submit(ledger, conflicts, "works:RegisterWork",
                        workJson(id, sha256Hex(id.getBytes(StandardCharsets.UTF_8)), "acc-" + run + "-" + thread));
            });
            long blocks = ledger.height() - height0;
            recordRun("ledger", single);
            record("ledger.threads", threads);
            record("ledger.conflicts", conflicts.get());
            record("ledger.tx_per_block", (single.ops() + 0.0) / Math.max(1, blocks));
            int batch = intOpt("batch", 100);
            int batchThreads = Math.max(1, Math.min(threads, 8));
            Run grouped = measure("ledger RegisterWorks of " + batch + " x" + batchThreads, batchThreads, 1, seconds,
                    (thread, seq) -> {
                        StringBuilder json = new StringBuilder("{\"works\":[");
                        for (int i = 0; i < batch; i++) {
                            String id = "b-" + run + "-" + seq + "-" + i;
                            json.append(i == 0 ? "" : ",").append(workJson(id,
                                    sha256Hex(id.getBytes(StandardCharsets.UTF_8)), "acc-" + run + "-" + thread));
                        }
                        return submit(ledger, conflicts, "works:RegisterWorks", json.append("]}").toString());
                    });
            record("ledger_batch.rate", grouped.rate() * batch);
            record("ledger_batch.batch", batch);
            say("  = %.0f works/s in transactions of %d; chain intact: %s", grouped.rate() * batch, batch,
                    ledger.verifyChain().intact());
        }
    }

    private static boolean submit(Ledger ledger, AtomicInteger conflicts, String function, String json) {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                ledger.submit(LedgerIdentity.COPYRIGHT, function, json);
                return true;
            } catch (TransactionConflictException e) {
                conflicts.incrementAndGet();
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------------ http

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private String serviceUrl() {
        return opt("url", "http://127.0.0.1:8089");
    }

    /** A real access token of a demo user: password grant on the realm's dcx-cli client. */
    private String token(String user) throws Exception {
        String form = "grant_type=password&client_id=dcx-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + DEMO_PASSWORD;
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(opt("oidc", "http://127.0.0.1:8180/realms/dcx") + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + user + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
        return field(response.body(), "access_token");
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serviceUrl() + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> expect(int status, String method, String path, String token, String json)
            throws Exception {
        HttpResponse<String> response = call(method, path, token, json);
        if (response.statusCode() != status) {
            throw new IllegalStateException(method + " " + path + ": expected " + status + ", got "
                    + response.statusCode() + " " + firstLine(response.body()));
        }
        return response;
    }

    private static final String[] WORDS = ("river mountain lantern harbour silver winter garden thunder paper "
            + "window orchard meadow copper velvet candle marble shadow feather compass canyon ember willow "
            + "glacier saffron cobalt juniper horizon quartz tundra lagoon").split(" ");

    /** A text of 80 random words: a new content hash and an unrelated similarity hash every time. */
    private static byte[] randomText(Random random, String tag) {
        StringBuilder text = new StringBuilder(tag).append('\n');
        for (int i = 0; i < 80; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(i % 12 == 11 ? '\n' : ' ');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** POST /api/v1/works (multipart: file, title, kind=TEXT); returns the response. */
    private HttpResponse<String> register(String token, byte[] file, String title) throws Exception {
        String boundary = "dcxbench" + UUID.randomUUID().toString().replace("-", "");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + title + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nTEXT\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"work.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        return http.send(HttpRequest.newBuilder(URI.create(serviceUrl() + "/api/v1/works"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void httpRegistrations() throws Exception {
        String alice = token("alice");
        approve(Map.of("alice", alice), token("olivia"));
        int threads = intOpt("threads", 16);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Random[] randoms = new Random[threads];
        for (int i = 0; i < threads; i++) {
            randoms[i] = new Random(run.hashCode() * 31L + i);
        }
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        // A fresh service: its JIT needs more than the JDBC and ledger phases' warm-up (with 10 s on a loaded machine
        // the compiler threads were still the busiest and the rate a seventh of the warm one: results/system.md).
        Run r = measure("http POST /api/v1/works x" + threads, threads, Math.max(30, intOpt("warmup", 5)),
                intOpt("seconds", 20),
                (thread, seq) -> {
                    HttpResponse<String> response = register(alice, randomText(randoms[thread], run + "-" + seq),
                            "Bench " + run + " " + seq);
                    statuses.merge(response.statusCode(), 1L, Long::sum);
                    return response.statusCode() == 201;
                });
        say("  answers: %s", statuses);
        recordRun("http_register", r);
        record("http_register.threads", threads);
        record("http_register.statuses", statuses.toString().replace(' ', '_'));
    }

    // ------------------------------------------------------------------------------------------------ trades

    /** A valid 18-character resident id (GB 11643 check character) for the n-th bench person. */
    static String residentId(int n) {
        String body = "110105" + "1985" + String.format("%02d", 1 + n % 12) + String.format("%02d", 1 + n % 28)
                + String.format("%03d", 100 + n);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** A bank card number with a valid Luhn check digit. */
    static String bankCard(int n) {
        String body = "622202" + String.format("%012d", 400_000_000L + n * 7919L);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return body + (10 - sum % 10) % 10;
    }

    /** One settlement step of a trade's answer: name, startedAt, finishedAt. */
    private static final Pattern STEP = Pattern.compile("\"step\"\\s*:\\s*\"([A-Z_]+)\"[^}]*?\"startedAt\"\\s*:\\s*"
            + "\"([^\"]+)\"\\s*,\\s*\"finishedAt\"\\s*:\\s*\"([^\"]+)\"");

    private static final List<String> PEOPLE = List.of("alice", "bob", "carol", "dave");
    private static final List<String> NAMES = List.of("林测甲", "周测乙", "吴测丙", "郑测丁");

    /** Submits KYC for each user that is not approved yet and approves it as olivia (tier TIER_3). */
    private void approve(Map<String, String> tokens, String olivia) throws Exception {
        for (Map.Entry<String, String> e : new TreeMap<>(tokens).entrySet()) {
            HttpResponse<String> me = expect(200, "GET", "/api/v1/kyc/me", e.getValue(), null);
            if ("APPROVED".equals(field(me.body(), "status"))) {
                continue;
            }
            int n = PEOPLE.indexOf(e.getKey()) + 7;
            String submission = "{\"type\":\"INDIVIDUAL\",\"name\":\"" + NAMES.get(PEOPLE.indexOf(e.getKey()))
                    + "\",\"idNumber\":\"" + residentId(n) + "\",\"phone\":\"1381234" + String.format("%04d", 1000 + n)
                    + "\",\"bankCard\":\"" + bankCard(n) + "\"}";
            HttpResponse<String> submitted = expect(201, "POST", "/api/v1/kyc", e.getValue(), submission);
            String id = field(submitted.body(), "id");
            expect(200, "POST", "/api/v1/kyc/" + id + "/decision", olivia,
                    "{\"decision\":\"APPROVE\",\"tier\":\"TIER_3\",\"reason\":\"bench\"}");
        }
    }

    private void trades() throws Exception {
        int trades = intOpt("trades", 1000);
        int threads = intOpt("threads", 6);
        long price = 100;
        Map<String, String> tokens = new TreeMap<>();
        for (String user : PEOPLE) {
            tokens.put(user, token(user));
        }
        String olivia = token("olivia");
        approve(tokens, olivia);
        List<String> buyers = List.of("bob", "carol", "dave");
        for (String buyer : buyers) {
            expect(201, "POST", "/api/v1/accounts/me/deposits", tokens.get(buyer),
                    "{\"amountFen\":" + (trades * price + 10_000) + "}");
        }
        expect(201, "POST", "/api/v1/accounts/me/deposits", tokens.get("alice"), "{\"amountFen\":100000}");
        // The chain's caps (1 transfer per asset and 20 per account a day by default; the service allows at most
        // 10,000) and the holding period would refuse a market of this size; the rest of the policy stays as it is.
        String policy = expect(200, "GET", "/api/v1/board/policy", olivia, null).body();
        String updated = policy.replaceAll("\"holdingPeriodSeconds\"\\s*:\\s*\\d+", "\"holdingPeriodSeconds\":0")
                .replaceAll("\"dailyTransferCapPerAsset\"\\s*:\\s*\\d+", "\"dailyTransferCapPerAsset\":100")
                .replaceAll("\"dailyTransferCapPerAccount\"\\s*:\\s*\\d+", "\"dailyTransferCapPerAccount\":10000")
                .replaceAll(",?\"chain(UpdatedAt|TxId)\"\\s*:\\s*(null|\"[^\"]*\")", "");
        expect(200, "PUT", "/api/v1/board/policy", olivia, updated);

        String alice = tokens.get("alice");
        String run = UUID.randomUUID().toString().substring(0, 8);
        int circles = intOpt("circles", 5);
        int toList = trades + circles;
        // CONCENTRATION refuses a buyer who would hold more than 20% of a series: each work gets 400 editions of
        // which 100 are listed, so each of the three buyers ends with about 33 (8%) of any series (150 left a
        // buyer past 80 now and then: the threads do not share the works evenly).
        int perWorkListed = 100;
        int perWorkIssued = 400;
        List<String> assets = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int w = 0; assets.size() < toList; w++) {
            HttpResponse<String> work = register(alice, randomText(new Random(run.hashCode() + w), "editions " + run
                    + " " + w), "Bench editions " + run + " " + w);
            if (work.statusCode() != 201) {
                throw new IllegalStateException("registering a work failed: " + work.statusCode() + " " + work.body());
            }
            String workId = field(work.body(), "id");
            expect(201, "POST", "/api/v1/works/" + workId + "/editions", alice,
                    "{\"count\":" + perWorkIssued + ",\"issuePriceFen\":" + price + "}");
            for (int n = 1; n <= perWorkListed && assets.size() < toList; n++) {
                assets.add(workId + "-" + n);
            }
        }
        say("registered works and issued %d editions each (%d to list) in %.1f s", perWorkIssued, assets.size(),
                (System.nanoTime() - t0) / 1e9);

        // List them (alice, concurrently); the listing ids are the purchase queue.
        ConcurrentLinkedQueue<String> listings = new ConcurrentLinkedQueue<>();
        AtomicInteger nextAsset = new AtomicInteger();
        Run listed = measure("http POST /api/v1/listings x" + threads, threads, 0, 3600, (thread, seq) -> {
            int n = nextAsset.getAndIncrement();
            if (n >= assets.size()) {
                throw new Done();
            }
            String asset = assets.get(n);
            HttpResponse<String> response = call("POST", "/api/v1/listings", alice, "{\"assetId\":\"" + asset
                    + "\",\"type\":\"FIXED_PRICE\",\"priceFen\":" + price + ",\"disclosure\":\"Bench edition\"}");
            if (response.statusCode() != 201) {
                throw new IllegalStateException("listing: " + response.statusCode() + " " + firstLine(response.body()));
            }
            listings.add(field(response.body(), "id") + " " + asset);
            return true;
        }, true);
        record("http_listing.rate", listed.rate());
        List<String> circleListings = new ArrayList<>();
        for (int i = 0; i < circles && !listings.isEmpty(); i++) {
            circleListings.add(listings.poll());
        }

        Map<String, Long> outcomes = new ConcurrentHashMap<>();
        Map<String, ConcurrentLinkedQueue<Long>> stepMicros = new ConcurrentHashMap<>();
        Run bought = measure("http purchase -> SETTLED x" + threads, threads, 0, 3600, (thread, seq) -> {
            String next = listings.poll();
            if (next == null) {
                throw new Done();
            }
            String listing = next.substring(0, next.indexOf(' '));
            HttpResponse<String> response = call("POST", "/api/v1/listings/" + listing + "/purchase",
                    tokens.get(buyers.get(thread % buyers.size())), null);
            String status = response.statusCode() + " " + field(response.body(), "status")
                    + (response.statusCode() >= 400 ? " " + field(response.body(), "code") : "");
            outcomes.merge(status, 1L, Long::sum);
            if (response.statusCode() == 202) {
                // Answered before the ledger committed: the purchase ends when GET /trades/{id} says SETTLED.
                String trade = field(response.body(), "id");
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (System.nanoTime() < deadline && "SETTLING".equals(field(response.body(), "status"))) {
                    Thread.sleep(10);
                    response = call("GET", "/api/v1/trades/" + trade, tokens.get(buyers.get(thread % buyers.size())),
                            null);
                }
                outcomes.merge("202 then " + field(response.body(), "status"), 1L, Long::sum);
                return response.statusCode() == 200 && "SETTLED".equals(field(response.body(), "status"));
            }
            boolean settled = response.statusCode() == 201 && "SETTLED".equals(field(response.body(), "status"));
            if (settled) {
                Matcher step = STEP.matcher(response.body());
                while (step.find()) {
                    stepMicros.computeIfAbsent(step.group(1), k -> new ConcurrentLinkedQueue<>()).add(
                            Duration.between(java.time.Instant.parse(step.group(2)),
                                    java.time.Instant.parse(step.group(3))).toNanos() / 1000);
                }
            }
            return settled;
        }, true);
        for (Map.Entry<String, ConcurrentLinkedQueue<Long>> e : new TreeMap<>(stepMicros).entrySet()) {
            long[] us = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            double p50 = us[us.length / 2] / 1000.0;
            double p99 = us[Math.min(us.length - 1, (int) Math.ceil(us.length * 0.99) - 1)] / 1000.0;
            say("  step %-16s p50 %7.2f ms   p99 %7.2f ms   (%d trades; the service's startedAt..finishedAt)",
                    e.getKey(), p50, p99, us.length);
            record("trade.step." + e.getKey() + ".p50_ms", p50);
            record("trade.step." + e.getKey() + ".p99_ms", p99);
        }
        say("  answers: %s", outcomes);
        recordRun("trade", bought);
        record("trade.threads", threads);
        record("trade.outcomes", outcomes.toString().replace(' ', '_'));

        alertDelay(tokens, olivia, circleListings, price);
    }

    /**
     * A-B-A circles: bob buys an edition from alice (its issuer), sells it to carol, and buys it back from her
     * (the issuer cannot be A: CONCENTRATION refuses her buying back into her own series); surveillance's
     * CIRCULAR_TRADE alert is awaited through GET /api/v1/alerts. Recorded: the alert's own delayMs (commit of the closing trade to
     * the alert's insert, measured by the service) and the time from the closing purchase's answer until the alert is
     * visible to the operator.
     */
    private void alertDelay(Map<String, String> tokens, String olivia, List<String> circleListings, long price)
            throws Exception {
        List<Long> serviceDelays = new ArrayList<>();
        List<Double> visibleDelays = new ArrayList<>();
        for (String entry : circleListings) {
            String listing = entry.substring(0, entry.indexOf(' '));
            String asset = entry.substring(entry.indexOf(' ') + 1);
            expect(201, "POST", "/api/v1/listings/" + listing + "/purchase", tokens.get("bob"), null);
            String resale = "{\"assetId\":\"" + asset + "\",\"type\":\"FIXED_PRICE\",\"priceFen\":" + price
                    + ",\"disclosure\":\"Bench resale\"}";
            String toCarol = field(expect(201, "POST", "/api/v1/listings", tokens.get("bob"), resale).body(), "id");
            expect(201, "POST", "/api/v1/listings/" + toCarol + "/purchase", tokens.get("carol"), null);
            String back = field(expect(201, "POST", "/api/v1/listings", tokens.get("carol"), resale).body(), "id");
            HttpResponse<String> closing = call("POST", "/api/v1/listings/" + back + "/purchase", tokens.get("bob"),
                    null);
            long answered = System.nanoTime();
            if (closing.statusCode() != 201) {
                say("  circle on %s: closing purchase answered %d %s", asset, closing.statusCode(),
                        firstLine(closing.body()));
                continue;
            }
            String alerts = "[]";
            while (System.nanoTime() - answered < 10_000_000_000L) {
                alerts = expect(200, "GET", "/api/v1/alerts?rule=CIRCULAR_TRADE&asset="
                        + URLEncoder.encode(asset, StandardCharsets.UTF_8), olivia, null).body();
                if (alerts.contains("\"delayMs\"")) {
                    break;
                }
                Thread.sleep(5);
            }
            Matcher delay = Pattern.compile("\"delayMs\"\\s*:\\s*(\\d+)").matcher(alerts);
            if (delay.find()) {
                visibleDelays.add((System.nanoTime() - answered) / 1e6);
                serviceDelays.add(Long.parseLong(delay.group(1)));
            } else {
                say("  circle on %s: no CIRCULAR_TRADE alert within 10 s", asset);
            }
        }
        say("alert delay, commit to alert (service's delayMs): %s ms; purchase answered to alert visible: %s ms",
                serviceDelays, visibleDelays.stream().map(d -> String.format(Locale.ROOT, "%.0f", d)).toList());
        record("alert.count", serviceDelays.size());
        record("alert.circles", circleListings.size());
        if (!serviceDelays.isEmpty()) {
            record("alert.delay_max_ms", serviceDelays.stream().mapToLong(Long::longValue).max().orElseThrow());
            record("alert.delay_median_ms", serviceDelays.stream().sorted().toList().get(serviceDelays.size() / 2));
            record("alert.visible_max_ms", visibleDelays.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        }
    }

    /**
     * CPU time per process name from /proc (utime + stime), to say which process used the cores while a phase was
     * measured: this JVM ("bench client"), the other JVMs (the service), PostgreSQL's backends.
     */
    static final class Cpu {
        record Snapshot(long nanos, Map<String, Long> ticks, long busy, long total) {
        }

        /** The bench service's pid (-Dbench.servicePid), to tell its CPU from other JVMs on the machine. */
        static final long SERVICE = Long.getLong("bench.servicePid", -1);

        static Snapshot snapshot() {
            Map<String, Long> ticks = new TreeMap<>();
            long self = ProcessHandle.current().pid();
            long busy = 0;
            long total = 0;
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                for (int i = 1; i < Math.min(cpu.length, 9); i++) {
                    long v = Long.parseLong(cpu[i]);
                    total += v;
                    if (i != 4 && i != 5) {
                        busy += v; // all but idle and iowait
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no /proc/stat: no machine figure
            }
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path dir : (Iterable<Path>) dirs::iterator) {
                    String name = dir.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String stat = Files.readString(dir.resolve("stat"));
                        String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        long pid = Long.parseLong(name);
                        String who = pid == self ? "bench client" : pid == SERVICE ? "bench service"
                                : comm.startsWith("postgres") ? "postgres (all databases)"
                                : "other processes (not the bench: e.g. other builds and tests on the machine)";
                        ticks.merge(who, t, Long::sum);
                    } catch (IOException | RuntimeException e) {
                        // the process ended meanwhile
                    }
                }
            } catch (IOException e) {
                return new Snapshot(System.nanoTime(), Map.of(), busy, total);
            }
            return new Snapshot(System.nanoTime(), ticks, busy, total);
        }

        /** Cores used by each group between two snapshots (100 ticks a second), e.g. "postgres 0.62 cores". */
        static String describe(Snapshot a, Snapshot b) {
            double seconds = (b.nanos() - a.nanos()) / 1e9;
            StringBuilder out = new StringBuilder();
            if (b.total() > a.total()) {
                out.append(String.format(Locale.ROOT, "machine %.0f%% busy (%d cores); ",
                        100.0 * (b.busy() - a.busy()) / (b.total() - a.total()),
                        Runtime.getRuntime().availableProcessors()));
            }
            for (Map.Entry<String, Long> e : b.ticks().entrySet()) {
                long delta = e.getValue() - a.ticks().getOrDefault(e.getKey(), 0L);
                if (delta > 0) {
                    out.append(out.isEmpty() || out.toString().endsWith("; ") ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f cores",
                            e.getKey(), delta / 100.0 / seconds));
                }
            }
            return out.toString();
        }
    }

    /** Thrown by an operation when its queue is empty: ends that worker. */
    static final class Done extends RuntimeException {
        Done() {
            super(null, null, false, false);
        }
    }
}
