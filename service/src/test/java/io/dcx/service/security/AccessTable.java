package io.dcx.service.security;

import static io.dcx.service.security.AccessTable.Role.ADMIN;
import static io.dcx.service.security.AccessTable.Role.CREATOR;
import static io.dcx.service.security.AccessTable.Role.OPERATOR;
import static io.dcx.service.security.AccessTable.Role.REGULATOR;
import static io.dcx.service.security.AccessTable.Role.TRADER;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table of ../shared/docs/design.md section 4 ("Who may do what") as data: every operation of the API is put in
 * one of its categories, and the category says which roles may call it. Where an operation deliberately differs
 * from its category the entry names the roles itself and says why (and where that is documented).
 *
 * <p>The design table has four columns; {@code admin} ("platform administrator" in the realm) is not in it. Here
 * the admin may do what every signed-in user may (read works, provenance and the public board; see its own account)
 * and nothing of the other columns: no trading, no supervision, no party's private reads.
 *
 * <p>Every operation of the OpenAPI document must be in {@link #ENTRIES} and every entry must be in the document:
 * {@link AccessMatrixTest} fails otherwise, so a new endpoint cannot ship unclassified.
 */
final class AccessTable {

    /** A realm role and the demo user of the realm that has it. */
    enum Role {
        CREATOR("alice"), TRADER("bob"), OPERATOR("olivia"), REGULATOR("rita"), ADMIN("adam");

        final String user;

        Role(String user) {
            this.user = user;
        }
    }

    /** The rows of design.md section 4, and the few rows it implies. */
    enum Category {
        /** "register a work, issue editions, grant licences: creator, own works" (others' works answer 404). */
        OWN_WORKS_WRITE(CREATOR),
        /** "submit KYC: creator self, trader self", and the own money account that KYC opens. */
        SELF(CREATOR, TRADER),
        /** Who am I: every signed-in user reads their own account and KYC state (empty for supervisors). */
        SELF_ANY_ROLE(CREATOR, TRADER, OPERATOR, REGULATOR, ADMIN),
        /** A creator's own registrations, works and royalties. */
        CREATOR_SELF(CREATOR),
        /** "review KYC, cases, freeze, halt, board policy: operator". */
        OPERATOR_ACTION(OPERATOR),
        /** The operator's work queues behind those actions (registration reviews, withdrawals to confirm). */
        OPERATOR_QUEUE(OPERATOR),
        /** "list, offer, bid, buy: creator own assets, trader". */
        TRADING(CREATOR, TRADER),
        /** "read works, provenance, public board: every role". */
        READ(CREATOR, TRADER, OPERATOR, REGULATOR, ADMIN),
        /**
         * Records with parties (trades, offers, bids, a KYC submission): the parties read their own (others 404),
         * and "read all trades, alerts...: operator, regulator" read every one.
         */
        PARTY_READ(CREATOR, TRADER, OPERATOR, REGULATOR),
        /** "read all trades, alerts, audit log, exports, reconciliation: operator, regulator". */
        SUPERVISORY_READ(OPERATOR, REGULATOR),
        /** The regulator's own actions (design.md section 1: the regulator may resolve a pseudonym, audited). */
        REGULATOR_ACTION(REGULATOR),
        /** No token needed. */
        PUBLIC();

        final Set<Role> roles;

        Category(Role... roles) {
            this.roles = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles);
        }
    }

    /**
     * One way of calling an operation: the query string to send (may be empty) and the roles that may call it that
     * way. An operation whose rule depends on a query parameter has one probe per case.
     */
    record Probe(String query, Set<Role> roles) {
    }

    /** An operation's classification. {@code why} explains an exception to its category; null when there is none. */
    record Entry(String operation, Category category, List<Probe> probes, String why) {
        boolean isPublic() {
            return category == Category.PUBLIC;
        }
    }

    static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    private static void put(String op, Category c) {
        put(op, c, "");
    }

    private static void put(String op, Category c, String query) {
        ENTRIES.put(op, new Entry(op, c, List.of(new Probe(query, c.roles)), null));
    }

    private static void exception(String op, Category c, String why, Probe... probes) {
        ENTRIES.put(op, new Entry(op, c, List.of(probes), why));
    }

    private static Set<Role> roles(Role... r) {
        return r.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(r[0], r);
    }

    static {
        // Own works (creator; the work's creators only, others 404)
        put("POST /api/v1/works", Category.OWN_WORKS_WRITE);
        put("POST /api/v1/works/{workId}/editions", Category.OWN_WORKS_WRITE);
        put("POST /api/v1/works/{workId}/licences", Category.OWN_WORKS_WRITE);
        put("POST /api/v1/works/{workId}/copyright", Category.OWN_WORKS_WRITE);
        exception("POST /api/v1/works/{workId}/disputes", Category.OWN_WORKS_WRITE,
                "a creator files a claim against someone else's work with a work of their own as evidence"
                        + " (RIGHTS.md); a right of creators, like the other writes of this row",
                new Probe("", roles(CREATOR)));

        // KYC and the own money account (creator and trader, self)
        put("POST /api/v1/kyc", Category.SELF);
        put("POST /api/v1/accounts/me/deposits", Category.SELF);
        put("POST /api/v1/accounts/me/withdrawals", Category.SELF);
        put("GET /api/v1/accounts/me/wallets", Category.SELF);
        put("POST /api/v1/accounts/me/wallets", Category.SELF);
        put("GET /api/v1/accounts/me", Category.SELF_ANY_ROLE);
        put("GET /api/v1/kyc/me", Category.SELF_ANY_ROLE);
        put("GET /api/v1/registrations", Category.CREATOR_SELF);
        put("GET /api/v1/registrations/{id}", Category.CREATOR_SELF);
        put("GET /api/v1/accounts/me/works", Category.CREATOR_SELF);
        put("GET /api/v1/accounts/me/royalties", Category.CREATOR_SELF);

        // Review KYC, cases, freeze, halt, board policy (operator)
        put("POST /api/v1/kyc/{id}/decision", Category.OPERATOR_ACTION);
        put("POST /api/v1/cases/{id}/actions", Category.OPERATOR_ACTION);
        put("POST /api/v1/accounts/{accountId}/suspension", Category.OPERATOR_ACTION);
        put("POST /api/v1/board/halts", Category.OPERATOR_ACTION);
        put("POST /api/v1/board/halts/{id}/lift", Category.OPERATOR_ACTION);
        put("PUT /api/v1/board/policy", Category.OPERATOR_ACTION);
        put("PUT /api/v1/risk/settings", Category.OPERATOR_ACTION);
        put("POST /api/v1/registrations/reviews/{id}/decision", Category.OPERATOR_ACTION);
        put("POST /api/v1/disputes/{id}/decision", Category.OPERATOR_ACTION);
        put("POST /api/v1/withdrawals/{id}/confirmation", Category.OPERATOR_ACTION);
        exception("POST /api/v1/audit/anchors", Category.OPERATOR_ACTION,
                "anchoring signs an EVM transaction with the exchange's key: the exchange's act, refused to"
                        + " regulators (AUDIT.md, Anchoring)", new Probe("", roles(OPERATOR)));
        put("GET /api/v1/registrations/reviews", Category.OPERATOR_QUEUE);
        put("GET /api/v1/registrations/reviews/{id}", Category.OPERATOR_QUEUE);
        put("GET /api/v1/registrations/reviews/{id}/content", Category.OPERATOR_QUEUE);
        put("GET /api/v1/withdrawals", Category.OPERATOR_QUEUE);

        // List, offer, bid, buy (creator own assets, trader)
        put("POST /api/v1/listings", Category.TRADING);
        put("POST /api/v1/listings/{id}/purchase", Category.TRADING);
        put("POST /api/v1/listings/{id}/offers", Category.TRADING);
        put("POST /api/v1/listings/{listingId}/bids", Category.TRADING);
        put("POST /api/v1/listings/{listingId}/bids/{bidId}/reveal", Category.TRADING);
        put("POST /api/v1/offers/{id}/accept", Category.TRADING);
        put("POST /api/v1/offers/{id}/counter", Category.TRADING);
        put("POST /api/v1/offers/{id}/reject", Category.TRADING);
        put("POST /api/v1/offers/{id}/withdraw", Category.TRADING);
        put("GET /api/v1/offers", Category.TRADING);
        exception("POST /api/v1/listings/{id}/cancel", Category.TRADING,
                "the seller takes their listing down; an operator may take any listing down with a reason, a"
                        + " board supervision act like a halt (BOARD.md, endpoints)",
                new Probe("", roles(CREATOR, TRADER, OPERATOR)));

        // Read works, provenance, the public board (every role)
        put("GET /api/v1/works", Category.READ, "contentHash=" + "0".repeat(64));
        put("GET /api/v1/works/{id}", Category.READ);
        put("GET /api/v1/works/{id}/provenance", Category.READ);
        put("GET /api/v1/works/{id}/content", Category.READ); // the work's creators get the file, anyone else 404
        put("GET /api/v1/works/{workId}/assets", Category.READ);
        put("GET /api/v1/works/{workId}/certificate", Category.READ);
        put("GET /api/v1/works/{workId}/certificate.pdf", Category.READ);
        put("GET /api/v1/works/{workId}/licences", Category.READ);
        put("GET /api/v1/works/{workId}/lineage", Category.READ);
        put("GET /api/v1/works/{workId}/thumbnail", Category.READ);
        put("GET /api/v1/licences/{id}", Category.READ);
        put("GET /api/v1/assets", Category.READ, "owner=me");
        put("GET /api/v1/assets/{id}", Category.READ);
        put("GET /api/v1/assets/{id}/provenance", Category.READ);
        put("GET /api/v1/audit/proofs/{workId}", Category.READ); // a proof holds ids and hashes only (AUDIT.md)
        put("GET /api/v1/listings", Category.READ);
        put("GET /api/v1/listings/{id}", Category.READ);
        put("GET /api/v1/board/policy", Category.READ);
        exception("GET /api/v1/disputes", Category.READ,
                "?mine=true lists one's own claims (every role); all disputes are a supervisory read, which"
                        + " RIGHTS.md also gives the admin (disputes are a platform matter, not trading data)",
                new Probe("mine=true", Category.READ.roles), new Probe("", roles(OPERATOR, REGULATOR, ADMIN)));
        exception("GET /api/v1/disputes/{id}", Category.READ,
                "one's own claim, or any for operators, regulators and admins (RIGHTS.md); others 404",
                new Probe("", Category.READ.roles));

        // Records with parties: own for the parties, all for supervisors
        put("GET /api/v1/trades", Category.PARTY_READ);
        put("GET /api/v1/trades/{id}", Category.PARTY_READ);
        put("GET /api/v1/offers/{id}", Category.PARTY_READ);
        put("GET /api/v1/listings/{id}/offers", Category.PARTY_READ);
        put("GET /api/v1/listings/{listingId}/bids", Category.PARTY_READ);
        put("GET /api/v1/kyc/{id}", Category.PARTY_READ);

        // Read all trades, alerts, audit log, exports, reconciliation (operator, regulator)
        put("GET /api/v1/alerts", Category.SUPERVISORY_READ);
        put("GET /api/v1/cases", Category.SUPERVISORY_READ);
        put("GET /api/v1/cases/{id}", Category.SUPERVISORY_READ);
        put("GET /api/v1/kyc/reviews", Category.SUPERVISORY_READ); // "KYC decisions" (design.md section 3, Audit)
        put("GET /api/v1/board/halts", Category.SUPERVISORY_READ);
        put("GET /api/v1/risk/settings", Category.SUPERVISORY_READ);
        put("GET /api/v1/audit/events", Category.SUPERVISORY_READ);
        put("GET /api/v1/audit/integrity", Category.SUPERVISORY_READ);
        put("GET /api/v1/audit/blocks/verify", Category.SUPERVISORY_READ);
        put("GET /api/v1/audit/blocks/{number}", Category.SUPERVISORY_READ);
        put("GET /api/v1/audit/exports/{kind}.csv", Category.SUPERVISORY_READ,
                "from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z");
        put("GET /api/v1/audit/statistics", Category.SUPERVISORY_READ, "from=2026-01-01&to=2026-01-02");
        put("GET /api/v1/audit/reconciliation", Category.SUPERVISORY_READ);
        put("GET /api/v1/audit/reconciliation/runs", Category.SUPERVISORY_READ);
        put("GET /api/v1/audit/reconciliation/{id}", Category.SUPERVISORY_READ);
        exception("POST /api/v1/audit/reconciliation", Category.SUPERVISORY_READ,
                "a run only reads the books and the chain (the regulator's through RegulatorMSP) and writes its own"
                        + " report: the regulator may run it (AUDIT.md, Reconciliation; RegulatorReadOnlyTest)",
                new Probe("", roles(OPERATOR, REGULATOR)));
        put("GET /api/v1/regulator/look-through/log", Category.SUPERVISORY_READ);
        put("GET /api/v1/rails/ecny/status", Category.SUPERVISORY_READ);
        put("GET /api/v1/rails/ecny/transfers", Category.SUPERVISORY_READ);
        exception("POST /api/v1/regulator/look-through", Category.REGULATOR_ACTION,
                "a read that writes only its audit event (AUDIT.md, Look-through)", new Probe("", roles(REGULATOR)));

        // Public
        put("GET /api/v1/console/config", Category.PUBLIC); // the console reads its login settings before login
        put("GET /api/v1/certificates/verify", Category.PUBLIC,
                "workId=wk_0000000000000000&contentHash=" + "0".repeat(64)); // anyone checks a certificate
    }

    private AccessTable() {
    }
}
