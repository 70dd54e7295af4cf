package io.dcx.tools.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What must hold after the load and the faults: nothing the service confirmed is lost, no trade settled twice,
 * every saga ended, the books balance, one owner per asset, the service agrees with the chain (reconciliation), the
 * audit chain and the blocks verify. Database checks read the service's tables directly (read only); the rest goes
 * through the API as the operator.
 */
final class Checks {
    /** One check's outcome; {@code detail} says what was counted, or what is wrong. */
    record Check(String name, boolean ok, String detail) {
    }

    private final Api api;
    private final Market market;
    private final String operatorToken;
    private final String jdbcUrl;
    private final String dbUser;
    private final String dbPassword;
    private final boolean payouts;
    private final List<Check> results = new ArrayList<>();
    private final Consumer<String> log;

    Checks(Api api, Market market, String operatorToken, String jdbcUrl, String dbUser, String dbPassword,
            boolean payouts, Consumer<String> log) {
        this.api = api;
        this.market = market;
        this.operatorToken = operatorToken;
        this.jdbcUrl = jdbcUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.payouts = payouts;
        this.log = log;
    }

    List<Check> results() {
        return results;
    }

    private void add(String name, boolean ok, String detail) {
        results.add(new Check(name, ok, detail));
        log.accept((ok ? "PASS " : "FAIL ") + name + ": " + detail);
    }

    private Connection db() throws SQLException {
        Connection c = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
        c.setReadOnly(true);
        return c;
    }

    /** Polls until no trade is SETTLING, at most {@code timeoutMs}; answers how many are left. */
    long awaitSagas(long timeoutMs) throws InterruptedException {
        long giveUp = System.currentTimeMillis() + timeoutMs;
        long left = -1;
        long lastPrint = 0;
        while (System.currentTimeMillis() < giveUp) {
            try (Connection c = db()) {
                left = single(c, "SELECT count(*) FROM board_trade WHERE status = 'SETTLING'");
            } catch (SQLException e) {
                left = -1;
            }
            if (left == 0) {
                return 0;
            }
            if (System.currentTimeMillis() - lastPrint > 5000) {
                log.accept("waiting for " + (left < 0 ? "the database" : left + " trade(s) still SETTLING")
                        + " (SettlementRecovery resumes them)");
                lastPrint = System.currentTimeMillis();
            }
            Thread.sleep(500);
        }
        return left;
    }

    void run(Recorder.Classified classified) throws SQLException {
        add("no 5xx and no dropped request outside the outages", classified.unexpectedServerErrors().isEmpty(),
                classified.unexpectedServerErrors().isEmpty() ? "none"
                        : classified.unexpectedServerErrors().size() + ", first: "
                        + describe(classified.unexpectedServerErrors()));
        List<Recorder.Sample> not503 = classified.otherThan503DuringOutages();
        add("during the outages, only 503 or no answer (never 500)", not503.isEmpty(),
                not503.isEmpty() ? "none" : not503.size() + ", first: " + describe(not503));
        add("no refusal (4xx) other than the expected business ones", classified.unexpectedRefusals().isEmpty(),
                classified.unexpectedRefusals().isEmpty() ? "none" : classified.unexpectedRefusals().size()
                        + ", first: " + describe(classified.unexpectedRefusals()));
        works();
        listings();
        trades();
        try (Connection c = db()) {
            deposits(c);
            sagas(c);
            settledOnce(c);
            journal(c);
            owners(c);
            if (payouts) {
                payouts(c);
            }
        }
        reconciliation();
        integrity();
        blocks();
    }

    private static String describe(List<Recorder.Sample> samples) {
        StringBuilder s = new StringBuilder();
        for (Recorder.Sample x : samples.subList(0, Math.min(5, samples.size()))) {
            s.append(String.format("%n      at %.1f s %s %s %s", x.startMs() / 1000.0, x.kind(), x.outcome(),
                    x.detail() == null ? "" : x.detail()));
        }
        return s.toString();
    }

    private void works() {
        List<String> missing = new ArrayList<>();
        market.works.forEach((id, hash) -> {
            Market.User owner = market.workOwners.get(id);
            Api.Reply r = api.get("check", "/api/v1/works/" + id, owner.token);
            if (r.status() != 200 || !hash.equals(r.text("contentHash"))) {
                missing.add(id + " (" + r.status() + ")");
            }
        });
        add("every work answered 201 is registered, with its content hash", missing.isEmpty(),
                market.works.size() + " works" + (missing.isEmpty() ? "" : "; missing or changed: " + first(missing)));
    }

    private void listings() {
        List<String> missing = new ArrayList<>();
        market.listings.forEach((id, seller) -> {
            Api.Reply r = api.get("check", "/api/v1/listings/" + id, seller.token);
            if (r.status() != 200) {
                missing.add(id + " (" + r.status() + ")");
            }
        });
        add("every listing answered 201 is there", missing.isEmpty(),
                market.listings.size() + " listings" + (missing.isEmpty() ? "" : "; missing: " + first(missing)));
    }

    private void trades() {
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> endings = new HashMap<>();
        market.trades.values().forEach(t -> {
            Api.Reply r = api.get("check", "/api/v1/trades/" + t.id(), t.buyer().token);
            String now = r.text("status");
            endings.merge(t.status() + "->" + now, 1, Integer::sum);
            if (r.status() != 200 || "SETTLING".equals(now)
                    || ("SETTLED".equals(t.status()) && !"SETTLED".equals(now))
                    || ("FAILED".equals(t.status()) && !"FAILED".equals(now))) {
                wrong.add(t.id() + " answered " + t.httpStatus() + " " + t.status() + ", now " + r.status() + " " + now);
            }
        });
        add("every trade answered 201/202 is there and ended (a SETTLED one stayed SETTLED)", wrong.isEmpty(),
                market.trades.size() + " trades " + endings + (wrong.isEmpty() ? "" : "; wrong: " + first(wrong)));
    }

    private void deposits(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        Map<String, long[]> perAccount = new HashMap<>(); // account -> {confirmed, attempted}
        int confirmed = 0;
        for (Market.DepositKey k : List.copyOf(market.depositKeys)) {
            long[] n = perAccount.computeIfAbsent(k.user.accountId, a -> new long[2]);
            n[1] += k.amountFen;
            if (k.depositId != null) {
                confirmed++;
                n[0] += k.amountFen;
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT amount_fen, account_id FROM deposit WHERE id = ?")) {
                    ps.setString(1, k.depositId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next() || rs.getLong(1) != k.amountFen || !k.user.accountId.equals(rs.getString(2))) {
                            problems.add("deposit " + k.depositId + " (key " + k.key + ") is not in the books as answered");
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, long[]> e : perAccount.entrySet()) {
            long inBooks = single(c, "SELECT COALESCE(sum(amount_fen), 0) FROM deposit WHERE account_id = ?", e.getKey());
            if (inBooks < e.getValue()[0] || inBooks > e.getValue()[1]) {
                problems.add("account " + e.getKey() + ": deposits " + inBooks + " fen in the books, "
                        + e.getValue()[0] + " confirmed and " + e.getValue()[1] + " sent (one key each)");
            }
        }
        add("every deposit answered 201 is in the books, and no key was credited twice", problems.isEmpty(),
                confirmed + " deposits confirmed, " + market.depositKeys.size() + " keys"
                        + (problems.isEmpty() ? "" : "; " + first(problems)));
    }

    private void sagas(Connection c) throws SQLException {
        List<String> settling = strings(c, "SELECT id FROM board_trade WHERE status = 'SETTLING'");
        List<String> started = strings(c, "SELECT s.trade_id || ' ' || s.step FROM board_trade_step s JOIN board_trade t"
                + " ON t.id = s.trade_id WHERE s.status = 'STARTED' AND t.status <> 'SETTLING'");
        long total = single(c, "SELECT count(*) FROM board_trade");
        add("every saga ended: no trade SETTLING, no step of a finished trade left STARTED",
                settling.isEmpty() && started.isEmpty(), total + " trades in the books; "
                        + counts(c, "SELECT status, count(*) FROM board_trade GROUP BY status")
                        + (settling.isEmpty() ? "" : "; SETTLING: " + first(settling))
                        + (started.isEmpty() ? "" : "; steps STARTED: " + first(started)));
    }

    private void settledOnce(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        problems.addAll(prefixed("captured more or less than once: ", strings(c, "SELECT t.id FROM board_trade t"
                + " WHERE t.status = 'SETTLED' AND (SELECT count(*) FROM journal_entry e WHERE e.kind = 'CAPTURE'"
                + " AND e.reference = t.hold_reference) <> 1")));
        problems.addAll(prefixed("failed but captured: ", strings(c, "SELECT t.id FROM board_trade t WHERE t.status ="
                + " 'FAILED' AND EXISTS (SELECT 1 FROM journal_entry e WHERE e.kind = 'CAPTURE' AND e.reference ="
                + " t.hold_reference)")));
        problems.addAll(prefixed("settled on chain more than once: ", strings(c, "SELECT convert_from(event_payload,"
                + " 'UTF8')::json->>'tradeId' FROM ledger_tx WHERE event_name = 'TradeSettled' AND validation_code ="
                + " 'VALID' GROUP BY 1 HAVING count(*) > 1")));
        problems.addAll(prefixed("SETTLED in the books but not on chain: ", strings(c, "SELECT t.id FROM board_trade t"
                + " WHERE t.status = 'SETTLED' AND NOT EXISTS (SELECT 1 FROM ledger_tx x WHERE x.event_name ="
                + " 'TradeSettled' AND x.validation_code = 'VALID' AND convert_from(x.event_payload, 'UTF8')::json->>"
                + "'tradeId' = t.id)")));
        problems.addAll(prefixed("on chain but not SETTLED in the books: ", strings(c, "SELECT convert_from("
                + "x.event_payload, 'UTF8')::json->>'tradeId' FROM ledger_tx x WHERE x.event_name = 'TradeSettled' AND"
                + " x.validation_code = 'VALID' AND NOT EXISTS (SELECT 1 FROM board_trade t WHERE t.status = 'SETTLED'"
                + " AND t.id = convert_from(x.event_payload, 'UTF8')::json->>'tradeId')")));
        problems.addAll(prefixed("listing sold more than once: ", strings(c, "SELECT listing_id FROM board_trade WHERE"
                + " status = 'SETTLED' GROUP BY listing_id HAVING count(*) > 1")));
        // Each asset's settled trades form one chain of owners: the seller of each is the buyer of the one before.
        problems.addAll(prefixed("broken chain of owners: ", strings(c, "SELECT id FROM (SELECT id, seller_id,"
                + " lag(buyer_id) OVER (PARTITION BY asset_id ORDER BY settle_block, settled_at) AS previous_buyer"
                + " FROM board_trade WHERE status = 'SETTLED') t WHERE previous_buyer IS NOT NULL AND previous_buyer"
                + " <> seller_id")));
        long settled = single(c, "SELECT count(*) FROM board_trade WHERE status = 'SETTLED'");
        add("no trade settled twice (books, journal and chain agree)", problems.isEmpty(),
                settled + " settled, each captured once and settled once on chain"
                        + (problems.isEmpty() ? "" : "; " + first(problems)));
    }

    private void journal(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        problems.addAll(prefixed("entry does not balance: ", strings(c, "SELECT entry_id FROM journal_line GROUP BY"
                + " entry_id, currency HAVING sum(amount_fen) <> 0")));
        long sum = single(c, "SELECT COALESCE(sum(amount_fen), 0) FROM journal_line");
        if (sum != 0) {
            problems.add("all lines sum to " + sum + ", not 0");
        }
        problems.addAll(prefixed("cached balance differs from its lines: ", strings(c, "SELECT b.account_code FROM"
                + " book_balance b LEFT JOIN (SELECT account_code, sum(amount_fen) s FROM journal_line GROUP BY"
                + " account_code) l ON l.account_code = b.account_code WHERE b.balance_fen <> COALESCE(l.s, 0)")));
        problems.addAll(prefixed("held balance differs from open holds: ", strings(c, "SELECT b.account_code FROM"
                + " book_balance b WHERE b.account_code LIKE 'user:%:held' AND b.balance_fen <> COALESCE((SELECT"
                + " sum(h.amount_fen) FROM money_hold h WHERE h.status = 'HELD' AND 'user:' || h.account_id ||"
                + " ':held' = b.account_code), 0)")));
        problems.addAll(prefixed("hold still HELD for a finished trade: ", strings(c, "SELECT t.id FROM board_trade t"
                + " JOIN money_hold h ON h.reference = t.hold_reference WHERE t.status <> 'SETTLING' AND h.status ="
                + " 'HELD'")));
        long entries = single(c, "SELECT count(*) FROM journal_entry");
        add("the journal balances (entries, total, cached balances, holds)", problems.isEmpty(),
                entries + " entries" + (problems.isEmpty() ? "" : "; " + first(problems)));
    }

    private void owners(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        problems.addAll(prefixed("left LOCKED: ", strings(c, "SELECT id FROM asset WHERE status = 'LOCKED'")));
        problems.addAll(prefixed("owner is not the last buyer: ", strings(c, "SELECT a.id FROM asset a JOIN LATERAL"
                + " (SELECT buyer_id FROM board_trade t WHERE t.asset_id = a.id AND t.status = 'SETTLED' ORDER BY"
                + " settle_block DESC, settled_at DESC LIMIT 1) last ON true WHERE a.owner <> last.buyer_id")));
        problems.addAll(prefixed("two open listings: ", strings(c, "SELECT asset_id FROM board_listing WHERE status IN"
                + " ('OPEN', 'RESERVED') GROUP BY asset_id HAVING count(*) > 1")));
        long assets = single(c, "SELECT count(*) FROM asset");
        add("one owner per asset (the last settled buyer), none left locked", problems.isEmpty(),
                assets + " assets" + (problems.isEmpty() ? "" : "; " + first(problems)));
    }

    private void payouts(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        problems.addAll(prefixed("settled trade without a finished payout step: ", strings(c, "SELECT t.id FROM"
                + " board_trade t WHERE t.status = 'SETTLED' AND t.rail <> 'internal' AND NOT EXISTS (SELECT 1 FROM"
                + " board_trade_step s WHERE s.trade_id = t.id AND s.step = 'PAY_OUT' AND s.status = 'DONE')")));
        problems.addAll(prefixed("payout not final: ", strings(c, "SELECT reference || ' ' || status FROM ecny_payout"
                + " WHERE status NOT IN ('MINED', 'ABANDONED', 'REVERTED')")));
        problems.addAll(prefixed("payout for a trade that did not settle: ", strings(c, "SELECT p.reference FROM"
                + " ecny_payout p JOIN board_trade t ON p.reference = t.id || '-payout' WHERE t.status <> 'SETTLED'"
                + " AND p.status = 'MINED'")));
        add("every seller payout on the token rail ended, none for an unsettled trade", problems.isEmpty(),
                counts(c, "SELECT status, count(*) FROM ecny_payout GROUP BY status")
                        + (problems.isEmpty() ? "" : "; " + first(problems)));
    }

    private void reconciliation() {
        Api.Reply r = api.post("check", "/api/v1/audit/reconciliation", operatorToken, null, null);
        boolean clean = r.status() == 201 && r.body().path("clean").asBoolean(false);
        String detail = r.status() != 201 ? "answered " + r.status() + " " + r.code() + " " + r.detail()
                : "clean=" + r.body().path("clean").asBoolean() + ", counts " + r.body().path("counts")
                        + (clean ? "" : ", differences " + trim(r.body().path("differences")));
        add("the service equals the chain (POST /api/v1/audit/reconciliation)", clean, detail);
    }

    private void integrity() throws SQLException {
        // The sealer seals committed audit rows about once a second: give it a moment to catch up.
        Api.Reply r = null;
        for (int i = 0; i < 10; i++) {
            r = api.get("check", "/api/v1/audit/integrity", operatorToken);
            if (r.status() == 200 && r.body().path("intact").asBoolean(false)) {
                break;
            }
            Market.sleep(1000);
        }
        boolean intact = r.status() == 200 && r.body().path("intact").asBoolean(false);
        add("the audit log's hash chain is intact (GET /api/v1/audit/integrity)", intact, trim(r.body()));
    }

    private void blocks() {
        Api.Reply r = api.get("check", "/api/v1/audit/blocks/verify", operatorToken);
        boolean intact = r.status() == 200 && r.body().path("intact").asBoolean(false);
        add("the ledger's blocks verify (GET /api/v1/audit/blocks/verify)", intact, trim(r.body()));
    }

    private static String trim(JsonNode node) {
        String s = String.valueOf(node);
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }

    private static String first(List<String> items) {
        return items.size() + " (" + String.join(", ", items.subList(0, Math.min(5, items.size())))
                + (items.size() > 5 ? ", ..." : "") + ")";
    }

    private static List<String> prefixed(String prefix, List<String> items) {
        return items.stream().map(i -> prefix + i).toList();
    }

    private static long single(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String counts(Connection c, String sql) throws SQLException {
        Map<String, Long> out = new java.util.TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out.toString();
    }
}
