package io.dcx.service.application.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcx.service.application.ChainJson;
import io.dcx.service.application.audit.Actor;
import io.dcx.service.application.audit.AuditJson;
import io.dcx.service.application.ledger.ContractRejectedException;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.port.AuditLog;
import io.dcx.service.application.port.ReconciliationBooks;
import io.dcx.service.application.port.ReconciliationBooks.AssetRow;
import io.dcx.service.application.port.ReconciliationBooks.TradeRow;
import io.dcx.service.application.port.ReconciliationBooks.WorkRow;
import io.dcx.service.application.port.ReconciliationStore;
import io.dcx.service.application.reconciliation.Difference.Kind;
import io.dcx.service.application.reconciliation.Difference.Subject;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.RandomIds;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Compares the service's books with the chain: (a) owner and status of every asset of the read model with
 * {@code assets:GetAsset}, and the assets the chain lists for every known work ({@code assets:ListAssetsByWork})
 * that the read model lacks; (b) every SETTLED trade with {@code assets:GetTrade} (asset, seller, buyer, terms
 * hash), every FAILED trade must have no chain trade, and every trade the assets' histories show settled on chain
 * must be known to the board; (c) every registered work with {@code works:GetWork} (content hash, status,
 * creators). SETTLING trades are in flight and left out.
 *
 * <p>The read model follows the chain a moment behind (the projector runs on the ledger's event thread), so a
 * record that differs is read again on both sides after {@code dcx.reconciliation.recheck-delay} and reported only
 * if it still differs. The run and its audit event are stored in one transaction; the chain is read outside it.
 */
@ApplicationScoped
public class Reconciliation {
    /** At most this many differences are kept per run; the count is always complete. */
    public static final int MAX_DIFFERENCES = 10_000;
    private static final int PAGE = 500;

    private final ReconciliationBooks books;
    private final ReconciliationStore store;
    private final AuditLog audit;
    private final Ledger ledger;
    private final Duration recheckDelay;

    public Reconciliation(ReconciliationBooks books, ReconciliationStore store, AuditLog audit, Ledger ledger,
            @ConfigProperty(name = "dcx.reconciliation.recheck-delay", defaultValue = "PT1S") Duration recheckDelay) {
        this.books = books;
        this.store = store;
        this.audit = audit;
        this.ledger = ledger;
        this.recheckDelay = recheckDelay;
    }

    /** Runs now, reading the chain as {@code identity}; stores and audits the run and answers its report. */
    public ReconciliationReport run(Actor actor, ReconciliationReport.Trigger trigger, LedgerIdentity identity) {
        // Microseconds: what PostgreSQL keeps, so a stored report reads back equal to the one answered.
        Instant started = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Run run = new Run(identity);
        run.assets();
        run.works();
        run.trades();
        run.recheck();
        Instant finished = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<Subject, ReconciliationReport.Counts> counts = new EnumMap<>(Subject.class);
        for (Subject s : Subject.values()) {
            long found = run.differences.stream().filter(d -> d.subject() == s).count();
            counts.put(s, new ReconciliationReport.Counts(run.checked.getOrDefault(s, 0L), found));
        }
        List<Difference> all = run.differences;
        ReconciliationReport report = new ReconciliationReport(RandomIds.next("rcn_"), started, finished, trigger,
                actor.accountId(), identity.mspId(), all.isEmpty(), all.size(), all.size() > MAX_DIFFERENCES,
                counts, List.copyOf(all.subList(0, Math.min(all.size(), MAX_DIFFERENCES))));
        QuarkusTransaction.requiringNew().run(() -> {
            store.save(report);
            Map<String, Object> countsJson = new LinkedHashMap<>();
            counts.forEach((k, v) -> countsJson.put(k.name(), Map.of("checked", v.checked(),
                    "differences", v.differences())));
            audit.record(new AuditLog.Event(finished, actor.accountId(), "RECONCILIATION_RUN", "RECONCILIATION",
                    report.id(), null, AuditJson.of("trigger", trigger, "ledgerMsp", identity.mspId(), "clean",
                            report.clean(), "differences", report.differenceCount(), "counts", countsJson),
                    actor.requestId()));
        });
        return report;
    }

    public ReconciliationReport latest() {
        return store.latest().orElseThrow(() -> new DcxException(ErrorCode.RECONCILIATION_NOT_FOUND,
                "no reconciliation has run yet"));
    }

    /** The newest runs first (1..100, default 20), without their differences. */
    public List<ReconciliationReport> recent(Integer limit) {
        int n = limit == null ? 20 : limit;
        if (n < 1 || n > 100) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "limit: 1..100");
        }
        return store.recent(n);
    }

    public ReconciliationReport byId(String id) {
        return store.byId(id).orElseThrow(() -> new DcxException(ErrorCode.RECONCILIATION_NOT_FOUND,
                "no reconciliation run with id " + id));
    }

    /** The state of one run: what was checked, what differs, what to read again. */
    private final class Run {
        private final LedgerIdentity identity;
        private final List<Difference> differences = new ArrayList<>();
        private final Map<Subject, Long> checked = new EnumMap<>(Subject.class);
        private final Set<String> chainTradeIds = new LinkedHashSet<>();
        private final Map<String, Subject> suspects = new LinkedHashMap<>();

        Run(LedgerIdentity identity) {
            this.identity = identity;
        }

        private void count(Subject subject) {
            checked.merge(subject, 1L, Long::sum);
        }

        void assets() {
            String after = "";
            while (true) {
                List<AssetRow> page = books.assets(after, PAGE);
                for (AssetRow row : page) {
                    count(Subject.ASSET);
                    JsonNode chain = read("assets:GetAsset", "ASSET_NOT_FOUND", row.id());
                    if (!compareAsset(row, chain).isEmpty()) {
                        suspects.put(row.id(), Subject.ASSET);
                    }
                    if (chain != null) {
                        collectSettledTrades(row.id());
                    }
                }
                if (page.size() < PAGE) {
                    return;
                }
                after = page.get(page.size() - 1).id();
            }
        }

        void works() {
            String after = "";
            while (true) {
                List<WorkRow> page = books.works(after, PAGE);
                for (WorkRow row : page) {
                    count(Subject.WORK);
                    JsonNode chain = read("works:GetWork", "WORK_NOT_FOUND", row.id());
                    if (!compareWork(row, chain).isEmpty()) {
                        suspects.put(row.id(), Subject.WORK);
                    }
                    if (chain == null) {
                        continue;
                    }
                    // Assets on chain the read model does not have.
                    Set<String> known = books.assetIdsOfWork(row.id());
                    for (JsonNode asset : ChainJson.parse(ledger.evaluate(identity, "assets:ListAssetsByWork",
                            row.id()))) {
                        String assetId = asset.path("id").asText();
                        if (!known.contains(assetId)) {
                            count(Subject.ASSET);
                            suspects.put(assetId, Subject.ASSET);
                            collectSettledTrades(assetId);
                        }
                    }
                }
                if (page.size() < PAGE) {
                    return;
                }
                after = page.get(page.size() - 1).id();
            }
        }

        void trades() {
            String after = "";
            while (true) {
                List<TradeRow> page = books.finishedTrades(after, PAGE);
                for (TradeRow row : page) {
                    count(Subject.TRADE);
                    if (!compareTrade(row, read("assets:GetTrade", "TRADE_NOT_FOUND", row.id())).isEmpty()) {
                        suspects.put(row.id(), Subject.TRADE);
                    }
                }
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).id();
            }
            // Trades settled on chain that the board does not know at all.
            List<String> ids = new ArrayList<>(chainTradeIds);
            for (int i = 0; i < ids.size(); i += PAGE) {
                List<String> batch = ids.subList(i, Math.min(ids.size(), i + PAGE));
                Set<String> known = books.knownTradeIds(batch);
                for (String id : batch) {
                    if (!known.contains(id)) {
                        count(Subject.TRADE);
                        suspects.put(id, Subject.TRADE);
                    }
                }
            }
        }

        /** Reads every suspect again on both sides after the projection had time to catch up. */
        void recheck() {
            if (suspects.isEmpty()) {
                return;
            }
            sleep(recheckDelay);
            for (Map.Entry<String, Subject> suspect : suspects.entrySet()) {
                String id = suspect.getKey();
                switch (suspect.getValue()) {
                    case ASSET -> differences.addAll(compareAsset(books.asset(id),
                            read("assets:GetAsset", "ASSET_NOT_FOUND", id)));
                    case WORK -> differences.addAll(compareWork(books.work(id),
                            read("works:GetWork", "WORK_NOT_FOUND", id)));
                    case TRADE -> {
                        TradeRow row = books.trade(id);
                        JsonNode chain = read("assets:GetTrade", "TRADE_NOT_FOUND", id);
                        if (row == null) {
                            if (chain != null) {
                                differences.add(new Difference(Subject.TRADE, Kind.MISSING_IN_SERVICE, id, "exists",
                                        null, "SETTLED asset " + chain.path("assetId").asText() + " to "
                                        + chain.path("buyerId").asText()));
                            }
                        } else if (!"SETTLING".equals(row.status())) {
                            differences.addAll(compareTrade(row, chain));
                        }
                    }
                }
            }
        }

        /** The trade ids of every settlement in the asset's history (each SETTLED write follows its lock). */
        private void collectSettledTrades(String assetId) {
            JsonNode history = read("assets:GetAssetHistory", "ASSET_NOT_FOUND", assetId);
            if (history == null) {
                return;
            }
            String lockedBy = null;
            for (JsonNode entry : history) {
                JsonNode value = entry.path("value");
                if (value.isTextual()) {
                    value = ChainJson.parse(value.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                String action = entry.path("action").asText(value.path("lastAction").asText(""));
                if (value.path("lock").hasNonNull("tradeId")) {
                    lockedBy = value.path("lock").path("tradeId").asText();
                }
                if ("SETTLED".equals(action) && lockedBy != null) {
                    chainTradeIds.add(lockedBy);
                    lockedBy = null;
                }
            }
        }

        private JsonNode read(String transaction, String notFoundCode, String id) {
            try {
                return ChainJson.parse(ledger.evaluate(identity, transaction, id));
            } catch (ContractRejectedException e) {
                // An id the contract refuses outright (INVALID_ARGUMENT) cannot be on chain either: one bad row in
                // the books is a difference, not the end of the run.
                if (notFoundCode.equals(e.code()) || "INVALID_ARGUMENT".equals(e.code())) {
                    return null;
                }
                throw e;
            }
        }
    }

    static List<Difference> compareAsset(AssetRow row, JsonNode chain) {
        if (row == null && chain == null) {
            return List.of();
        }
        if (row == null) {
            return List.of(new Difference(Subject.ASSET, Kind.MISSING_IN_SERVICE, chain.path("id").asText(), "exists",
                    null, "owner " + chain.path("ownerId").asText() + ", " + chain.path("status").asText()));
        }
        if (chain == null) {
            return List.of(new Difference(Subject.ASSET, Kind.MISSING_ON_CHAIN, row.id(), "exists",
                    "owner " + row.owner() + ", " + row.status(), null));
        }
        List<Difference> out = new ArrayList<>();
        field(out, Subject.ASSET, row.id(), "owner", row.owner(), chain.path("ownerId").asText(null));
        field(out, Subject.ASSET, row.id(), "status", row.status(), chain.path("status").asText(null));
        field(out, Subject.ASSET, row.id(), "workId", row.workId(), chain.path("workId").asText(null));
        return out;
    }

    static List<Difference> compareTrade(TradeRow row, JsonNode chain) {
        if ("FAILED".equals(row.status())) {
            return chain == null ? List.of() : List.of(new Difference(Subject.TRADE, Kind.UNEXPECTED_ON_CHAIN,
                    row.id(), "status", "FAILED", "SETTLED"));
        }
        if (chain == null) {
            return List.of(new Difference(Subject.TRADE, Kind.MISSING_ON_CHAIN, row.id(), "exists", row.status(),
                    null));
        }
        List<Difference> out = new ArrayList<>();
        field(out, Subject.TRADE, row.id(), "assetId", row.assetId(), chain.path("assetId").asText(null));
        field(out, Subject.TRADE, row.id(), "sellerId", row.sellerId(), chain.path("sellerId").asText(null));
        field(out, Subject.TRADE, row.id(), "buyerId", row.buyerId(), chain.path("buyerId").asText(null));
        field(out, Subject.TRADE, row.id(), "termsHash", row.termsHash(), chain.path("termsHash").asText(null));
        return out;
    }

    static List<Difference> compareWork(WorkRow row, JsonNode chain) {
        if (row == null) {
            return List.of();
        }
        if (chain == null) {
            return List.of(new Difference(Subject.WORK, Kind.MISSING_ON_CHAIN, row.id(), "exists", row.status(),
                    null));
        }
        List<Difference> out = new ArrayList<>();
        field(out, Subject.WORK, row.id(), "contentHash", row.contentHash(), chain.path("contentHash").asText(null));
        field(out, Subject.WORK, row.id(), "status", row.status(), chain.path("status").asText(null));
        field(out, Subject.WORK, row.id(), "creators", row.creators(), creators(chain.path("creators")));
        return out;
    }

    /** Creators as {@code account:bps}, sorted by account, joined by commas (the books' canonical text). */
    public static String creators(Iterable<JsonNode> creators) {
        Map<String, Integer> sorted = new TreeMap<>();
        for (JsonNode c : creators) {
            sorted.put(c.path("accountId").asText(), c.path("shareBps").asInt());
        }
        return canonicalCreators(sorted);
    }

    public static String canonicalCreators(Map<String, Integer> byAccount) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(byAccount).forEach((account, bps) -> {
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(account).append(':').append(bps);
        });
        return out.toString();
    }

    private static void field(List<Difference> out, Subject subject, String id, String name, String service,
            String chain) {
        if (!Objects.equals(service, chain)) {
            out.add(Difference.mismatch(subject, id, name, service, chain));
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
