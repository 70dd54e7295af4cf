package io.dcx.tools.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The simulated market: creators register works, issue editions and list them; traders deposit, read the board,
 * buy, and put some of what they bought back on the board. Each user is one thread that loops until the run's end.
 * What the service confirmed (201/200 with an id) is remembered, so the checks afterwards can look for every bit
 * of it.
 *
 * <p>Retries: deposits, listings and purchases carry an {@code Idempotency-Key}; when one gets no answer or a 5xx
 * (a part is down), the user sends the same request with the same key again every half second, as a careful client
 * would, until it gets an answer or the drain deadline passes. Registrations and edition issues are not retried.
 */
final class Market {
    /** The problem codes each kind of request may get as a normal refusal under contention. */
    static final Map<String, Set<String>> EXPECTED_REFUSALS = Map.of(
            "purchase", Set.of("LISTING_NOT_OPEN", "INSUFFICIENT_FUNDS", "HALT", "PRICE_BAND", "DAILY_LIMIT_EXCEEDED",
                    "CONCENTRATION", "HOLDING_PERIOD", "TRANSFER_CAP", "SELF_TRADE", "LINKED_ACCOUNTS",
                    "ASSET_NOT_TRADABLE", "NOT_OWNER", "LEDGER_CONFLICT",
                    // a retry of a purchase the service is still settling: "try again", and the user does
                    "IDEMPOTENT_REQUEST_IN_PROGRESS"),
            "list", Set.of("ASSET_ALREADY_LISTED", "ASSET_NOT_TRADABLE", "NOT_OWNER", "HALT", "HOLDING_PERIOD",
                    "PRICE_BAND", "LEDGER_CONFLICT"),
            // LEDGER_CONFLICT: the chain invalidated a concurrent write (MVCC), "try again"; counted, never hidden.
            "register", Set.of("DUPLICATE_CONTENT", "LEDGER_CONFLICT"),
            "editions", Set.of("EDITIONS_ALREADY_ISSUED", "LEDGER_CONFLICT"));

    /** Editions per work: fewer than 10, so the CONCENTRATION rule (series of 10 or more) never applies. */
    static final int EDITIONS = 5;

    /** A user of the run, with its token and account. */
    static final class User {
        final String name;
        final String role;
        final int index;
        volatile String token;
        volatile String accountId;
        volatile String kycId;
        volatile String wallet;
        final AtomicLong availableFen = new AtomicLong();
        final AtomicInteger seq = new AtomicInteger();
        /** Assets this user bought (settled) and has not listed again: asset id to the price paid. */
        final Map<String, Long> owned = new ConcurrentHashMap<>();

        User(String name, String role, int index) {
            this.name = name;
            this.role = role;
            this.index = index;
        }

        String key(String what) {
            return "load-" + name + "-" + what + "-" + seq.incrementAndGet();
        }
    }

    /** A trade the service answered with an id: who bought, and the status the answer gave. */
    record SeenTrade(String id, User buyer, String status, int httpStatus, String listingId) {
    }

    /** A deposit key: who, how much, and the deposit id once a 201 named it. */
    static final class DepositKey {
        final String key;
        final User user;
        final long amountFen;
        volatile String depositId;

        DepositKey(String key, User user, long amountFen) {
            this.key = key;
            this.user = user;
            this.amountFen = amountFen;
        }
    }

    final Map<String, String> works = new ConcurrentHashMap<>();          // work id -> content hash
    final Map<String, User> workOwners = new ConcurrentHashMap<>();
    final Map<String, User> listings = new ConcurrentHashMap<>();         // listing id -> seller
    final Map<String, SeenTrade> trades = new ConcurrentHashMap<>();
    final List<DepositKey> depositKeys = java.util.Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger settled = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger pending = new AtomicInteger();
    final AtomicInteger gaveUp = new AtomicInteger();

    private final Api api;
    private volatile long endMs;
    private volatile long drainMs;
    private final long depositFen;
    private volatile boolean stop;

    Market(Api api, long endMs, long drainMs, long depositFen) {
        this.api = api;
        this.endMs = endMs;
        this.drainMs = drainMs;
        this.depositFen = depositFen;
    }

    void stop() {
        stop = true;
    }

    long endMs() {
        return endMs;
    }

    /** Moves the end of the load (and the drain deadline with it) to {@code atMs} if that is later. */
    void extendTo(long atMs) {
        if (atMs > endMs) {
            drainMs += atMs - endMs;
            endMs = atMs;
        }
    }

    /** While true the users go on past the end: a fault is still being carried out. */
    private volatile boolean held;

    void hold(boolean on) {
        held = on;
    }

    private boolean running() {
        return !stop && (held || api.nowMs() < endMs);
    }

    /**
     * Sends until it gets a final answer, or the drain deadline passes: no answer, a 5xx and 409
     * IDEMPOTENT_REQUEST_IN_PROGRESS (the same key is still being worked on) all say "try again".
     */
    private Api.Reply retrying(Supplier<Api.Reply> call) {
        Api.Reply reply = call.get();
        while (tryAgain(reply) && api.nowMs() < drainMs) {
            sleep(500);
            reply = call.get();
        }
        if (tryAgain(reply)) {
            gaveUp.incrementAndGet();
        }
        return reply;
    }

    private static boolean tryAgain(Api.Reply reply) {
        return reply.status() == 0 || reply.status() >= 500
                || (reply.status() == 409 && "IDEMPOTENT_REQUEST_IN_PROGRESS".equals(reply.code()));
    }

    // ------------------------------------------------------------------ creators

    void creator(User u) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        while (running()) {
            byte[] content = new byte[256 + r.nextInt(768)];
            r.nextBytes(content);
            Api.Reply work = api.postFile("register", "/api/v1/works", u.token,
                    Map.of("title", "Load work " + u.name + " #" + u.seq.incrementAndGet(), "kind", "DATASET"),
                    "load.bin", content);
            if (work.status() != 201) {
                sleep(200);
                continue;
            }
            String workId = work.text("id");
            works.put(workId, work.text("contentHash"));
            workOwners.put(workId, u);
            long price = 100 + r.nextInt(30) * 100L;
            Map<String, Object> issue = new LinkedHashMap<>();
            issue.put("count", EDITIONS);
            issue.put("issuePriceFen", price);
            Api.Reply editions = api.post("editions", "/api/v1/works/" + workId + "/editions", u.token, issue, null);
            if (editions.status() != 201) {
                continue;
            }
            for (JsonNode asset : editions.body().path("assets")) {
                if (!running()) {
                    break;
                }
                list(u, asset.path("id").asText(), price, "Edition " + asset.path("edition").asInt() + " of " + EDITIONS + ", load run.");
            }
            sleep(100 + r.nextInt(200));
        }
    }

    private void list(User u, String assetId, long price, String disclosure) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assetId", assetId);
        body.put("type", "FIXED_PRICE");
        body.put("priceFen", price);
        body.put("disclosure", disclosure);
        String key = u.key("list");
        Api.Reply listing = retrying(() -> api.post("list", "/api/v1/listings", u.token, body, key));
        if (listing.status() == 201) {
            listings.put(listing.text("id"), u);
        }
    }

    // ------------------------------------------------------------------ traders

    void trader(User u) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        while (running()) {
            if (u.availableFen.get() < 5_000) {
                deposit(u);
                continue;
            }
            int offset = r.nextInt(4) == 0 ? r.nextInt(100) : 0;
            Api.Reply board = api.get("board", "/api/v1/listings?limit=20&offset=" + offset, u.token);
            if (!board.ok()) {
                sleep(200);
                continue;
            }
            List<JsonNode> candidates = new ArrayList<>();
            for (JsonNode l : board.body()) {
                if (!u.accountId.equals(l.path("sellerId").asText()) && l.path("priceFen").asLong(Long.MAX_VALUE)
                        <= u.availableFen.get()) {
                    candidates.add(l);
                }
            }
            if (!candidates.isEmpty()) {
                buy(u, candidates.get(r.nextInt(candidates.size())));
            }
            if (!u.owned.isEmpty() && r.nextInt(3) == 0) {
                Map.Entry<String, Long> asset = u.owned.entrySet().iterator().next();
                u.owned.remove(asset.getKey());
                list(u, asset.getKey(), asset.getValue(), "Resale by a load-run trader.");
            }
            if (r.nextInt(10) == 0) {
                refreshBalance(u);
            }
            sleep(150 + r.nextInt(350)); // a person reading the board, not a loop hammering it
        }
    }

    private void deposit(User u) {
        DepositKey key = new DepositKey(u.key("dep"), u, depositFen);
        depositKeys.add(key);
        Api.Reply reply = retrying(() -> api.post("deposit", "/api/v1/accounts/me/deposits", u.token,
                Map.of("amountFen", key.amountFen), key.key));
        if (reply.status() == 201) {
            key.depositId = reply.text("id");
            u.availableFen.set(reply.body().path("balances").path("available").asLong());
        } else {
            sleep(300);
        }
    }

    private void buy(User u, JsonNode listing) {
        String listingId = listing.path("id").asText();
        String key = u.key("buy");
        Api.Reply reply = retrying(() -> api.post("purchase", "/api/v1/listings/" + listingId + "/purchase", u.token,
                null, key));
        if (reply.status() == 201 || reply.status() == 202) {
            String status = reply.text("status");
            trades.put(reply.text("id"), new SeenTrade(reply.text("id"), u, status, reply.status(), listingId));
            switch (status) {
                case "SETTLED" -> {
                    settled.incrementAndGet();
                    u.owned.put(reply.text("assetId"), reply.body().path("priceFen").asLong());
                }
                case "FAILED" -> failed.incrementAndGet();
                default -> pending.incrementAndGet();
            }
            refreshBalance(u);
        } else if ("INSUFFICIENT_FUNDS".equals(reply.code())) {
            u.availableFen.set(0);
        }
    }

    private void refreshBalance(User u) {
        Api.Reply me = api.get("account", "/api/v1/accounts/me", u.token);
        if (me.ok()) {
            u.availableFen.set(me.body().path("balances").path("available").asLong());
        }
    }

    /** Counts per outcome, for the progress line. */
    Map<String, Integer> counts() {
        Map<String, Integer> out = new HashMap<>();
        out.put("works", works.size());
        out.put("listings", listings.size());
        out.put("settled", settled.get());
        out.put("failed", failed.get());
        out.put("pending", pending.get());
        out.put("deposits", (int) depositKeys.stream().filter(k -> k.depositId != null).count());
        return out;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
