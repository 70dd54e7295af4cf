package io.dcx.service.application.risk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcx.service.application.ChainJson;
import io.dcx.service.application.audit.Actor;
import io.dcx.service.application.audit.AuditJson;
import io.dcx.service.application.board.Halts;
import io.dcx.service.application.kyc.Ids;
import io.dcx.service.application.kyc.KycReviews;
import io.dcx.service.application.kyc.LinkedAccounts;
import io.dcx.service.application.port.TradeStore;
import io.dcx.service.domain.board.Trade;
import io.dcx.service.domain.kyc.SignalKind;
import io.dcx.service.application.ledger.ChaincodeEvent;
import io.dcx.service.application.ledger.CommittedTransaction;
import io.dcx.service.application.ledger.Ledger;
import io.dcx.service.application.ledger.LedgerIdentity;
import io.dcx.service.application.port.AssetBook;
import io.dcx.service.application.port.AuditLog;
import io.dcx.service.application.port.ChainIndex;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.asset.Asset;
import io.dcx.service.domain.board.HaltScope;
import io.dcx.service.domain.risk.Alert;
import io.dcx.service.domain.risk.MarketEvent;
import io.dcx.service.domain.risk.RiskRule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Alerts become cases, and operators act on them. Alerts about one subject (an asset, an account, a pair of
 * accounts, a series) gather in that subject's active case (OPEN or ESCALATED); otherwise a new case opens. Each
 * operator action is audited in the transaction that records it in the case's history:
 * <ul>
 * <li>HALT_ASSET: a cooling-off halt of the asset ({@code dcx.risk.cooling-off});</li>
 * <li>FREEZE_ASSET: {@code assets:FreezeAsset} on the chain as the exchange, then the read model; the contract
 * refuses to lock a frozen asset, so trading stops on the ledger itself;</li>
 * <li>SUSPEND_ACCOUNT: the account's KYC is suspended (it can no longer trade, deposit or withdraw);</li>
 * <li>ESCALATE: to the regulator (ESCALATED); DISMISS: closes the case with a reason (DISMISSED).</li>
 * </ul>
 * The target of an action must be an asset or account named in the case's alerts.
 */
@ApplicationScoped
public class RiskCases {
    public static final int MAX_PAGE = 200;
    private static final int MAX_REASON = 500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(RiskCases.class);

    /** The operator actions, by their stable names. */
    public enum Action {
        HALT_ASSET, FREEZE_ASSET, SUSPEND_ACCOUNT, ESCALATE, DISMISS
    }

    /** An alert stored for the first time, with the case it joined. */
    public record Raised(Alert alert, String alertId, String caseId, long delayMs) {
    }

    /**
     * A case with its alerts, the consumed events they refer to (with the board's trade where one is known), the
     * accounts and the identifying facts pairs of them share, and its history.
     */
    public record CaseDetail(RiskStore.RiskCase riskCase, List<RiskStore.StoredAlert> alerts,
            List<RiskStore.RecordedEvent> events, Map<String, Trade> boardTrades, Set<String> accounts,
            Set<String> assets, List<Link> links, List<RiskStore.HistoryEntry> history) {
    }

    /** Two accounts of a case that share identifying facts (phone, bank card, device, address, id number). */
    public record Link(String accountId, String linkedAccountId, List<String> shared) {
    }

    private final RiskStore store;
    private final ChainIndex chainIndex;
    private final Halts halts;
    private final KycReviews kyc;
    private final Ledger ledger;
    private final AssetBook assets;
    private final AuditLog audit;
    private final RiskConfig config;
    private final TradeStore trades;
    private final LinkedAccounts linked;

    public RiskCases(RiskStore store, ChainIndex chainIndex, Halts halts, KycReviews kyc, Ledger ledger,
            AssetBook assets, AuditLog audit, RiskConfig config, TradeStore trades, LinkedAccounts linked) {
        this.trades = trades;
        this.linked = linked;
        this.store = store;
        this.chainIndex = chainIndex;
        this.halts = halts;
        this.kyc = kyc;
        this.ledger = ledger;
        this.assets = assets;
        this.audit = audit;
        this.config = config;
    }

    /**
     * Stores one consumed event and its alerts, gathers new alerts into cases and advances the consumer's
     * checkpoint, in one transaction. Answers the alerts that were new (a replay answers none it stored before).
     */
    @Transactional
    public List<Raised> record(String consumer, ChaincodeEvent event, MarketEvent market, List<Alert> alerts) {
        store.recordEvent(market, event.timestamp());
        List<Raised> raised = new ArrayList<>();
        for (Alert alert : alerts) {
            Instant now = Instant.now();
            long delay = Math.max(0, Duration.between(event.timestamp(), now).toMillis());
            Optional<RiskStore.RiskCase> active = store.activeCaseFor(alert.subjectType(), alert.subjectId());
            RiskStore.RiskCase riskCase = active.orElseGet(() -> new RiskStore.RiskCase(Ids.next("rcs"),
                    alert.subjectType(), alert.subjectId(), alert.rule().name(), CaseStatus.OPEN, now, now));
            String alertId = Ids.next("alr");
            boolean inserted = store.insertAlert(new RiskStore.StoredAlert(alertId, alert.rule().name(),
                    alert.subjectType(), alert.subjectId(), evidence(alert), alert.summary(), alert.dedupKey(),
                    alert.at(), event.txId(), event.blockNumber(), event.timestamp(), now, delay, riskCase.id(),
                    riskCase.status()), active.isEmpty() ? riskCase : null);
            if (!inserted) {
                continue;
            }
            store.addHistory(new RiskStore.HistoryEntry(riskCase.id(), now, Actor.SYSTEM,
                    active.isPresent() ? riskCase.status() : null, riskCase.status(), "ALERT", alertId,
                    alert.rule() + ": " + alert.summary()));
            raised.add(new Raised(alert, alertId, riskCase.id(), delay));
        }
        chainIndex.advance(consumer, event.blockNumber());
        return raised;
    }

    /**
     * The automatic actions of a new alert: a cooling-off halt of its assets when its rule is in
     * {@code dcx.risk.auto-halt}, by the system actor, recorded in the case's history. The case stays as it is: a
     * cooling-off is a precaution, and an operator still decides. An alert older than the cooling-off (raised by a
     * replay) halts nothing. A failure is logged and recorded, never blocks surveillance.
     */
    public void autoActions(Raised raised) {
        Set<RiskRule> rules = config.autoHalt().orElse(Set.of());
        if (!rules.contains(raised.alert().rule())) {
            return;
        }
        Instant now = Instant.now();
        Instant until = raised.alert().at().plus(config.coolingOff());
        for (String assetId : raised.alert().assets()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> autoHalt(raised, assetId, now, until));
            } catch (RuntimeException e) {
                LOG.warnf(e, "automatic halt of %s for alert %s failed", assetId, raised.alertId());
                QuarkusTransaction.requiringNew().run(() -> history(raised.caseId(), Actor.SYSTEM, "HALT_ASSET",
                        assetId, "automatic halt failed: " + e.getMessage()));
            }
        }
    }

    private void autoHalt(Raised raised, String assetId, Instant now, Instant until) {
        String note;
        if (!until.isAfter(now)) {
            note = "not halted: the alert is older than the cooling-off period";
        } else if (halts.halted(null, assetId, now)) {
            note = "not halted again: a halt is already in force";
        } else {
            halts.halt(new Actor(Actor.SYSTEM, "risk-" + raised.alertId()), HaltScope.ASSET, assetId,
                    "cooling-off after " + raised.alert().rule() + " alert " + raised.alertId() + " (case "
                            + raised.caseId() + ")", until);
            note = "automatic cooling-off halt until " + until;
        }
        history(raised.caseId(), Actor.SYSTEM, "HALT_ASSET", assetId, note);
    }

    private void history(String caseId, String actor, String action, String target, String note) {
        RiskStore.RiskCase c = store.findCaseForUpdate(caseId).orElseThrow();
        store.addHistory(new RiskStore.HistoryEntry(caseId, Instant.now(), actor, c.status(), c.status(), action,
                target, note));
    }

    @Transactional
    public List<RiskStore.StoredAlert> alerts(String rule, String status, String assetId, Instant from, Instant to,
            Integer offset, Integer limit) {
        String ruleName = null;
        if (rule != null && !rule.isBlank()) {
            RiskRule r = named(RiskRule.class, "rule", rule);
            if (!r.isSurveillance()) {
                throw new DcxException(ErrorCode.INVALID_REQUEST, "rule: " + r + " is a pre-trade rule; alerts come"
                        + " from VELOCITY, CIRCULAR_TRADE, PUMP_AND_DUMP, CONCENTRATION, REPEATED_PAIR");
            }
            ruleName = r.name();
        }
        CaseStatus s = status == null || status.isBlank() ? null : named(CaseStatus.class, "status", status);
        String asset = assetId == null || assetId.isBlank() ? null : assetId.strip();
        return store.alerts(ruleName, s, asset, from, to, offset(offset), limit(limit));
    }

    @Transactional
    public List<RiskStore.RiskCase> cases(String status, Integer offset, Integer limit) {
        CaseStatus s = status == null || status.isBlank() ? null : named(CaseStatus.class, "status", status);
        return store.cases(s, offset(offset), limit(limit));
    }

    @Transactional
    public CaseDetail detail(String caseId) {
        RiskStore.RiskCase c = store.findCase(caseId).orElseThrow(() -> notFound(caseId));
        return detailOf(c);
    }

    private CaseDetail detailOf(RiskStore.RiskCase c) {
        List<RiskStore.StoredAlert> alerts = store.alertsOfCase(c.id());
        Set<String> references = new LinkedHashSet<>();
        Set<String> accounts = new LinkedHashSet<>();
        Set<String> assetIds = new LinkedHashSet<>();
        for (RiskStore.StoredAlert a : alerts) {
            var evidence = ChainJson.parse(a.evidenceJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            evidence.path("references").forEach(n -> references.add(n.asText()));
            evidence.path("accounts").forEach(n -> accounts.add(n.asText()));
            evidence.path("assets").forEach(n -> assetIds.add(n.asText()));
        }
        List<RiskStore.RecordedEvent> events = store.events(references);
        Map<String, Trade> boardTrades = new java.util.LinkedHashMap<>();
        for (RiskStore.RecordedEvent e : events) {
            if (e.event().tradeId() != null) {
                trades.find(e.event().tradeId()).ifPresent(t -> boardTrades.put(t.id(), t));
            }
        }
        List<Link> links = new ArrayList<>();
        List<String> all = List.copyOf(accounts);
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Set<SignalKind> shared = linked.shared(all.get(i), all.get(j));
                if (!shared.isEmpty()) {
                    links.add(new Link(all.get(i), all.get(j), shared.stream().map(Enum::name).sorted().toList()));
                }
            }
        }
        return new CaseDetail(c, alerts, events, boardTrades, accounts, assetIds, links, store.history(c.id()));
    }

    /** An operator's action on a case; answers the case after it. */
    @Transactional
    public CaseDetail act(Actor operator, String caseId, String rawAction, String rawTarget, String rawReason) {
        Action action = named(Action.class, "action", rawAction, ErrorCode.INVALID_CASE_ACTION);
        String reason = rawReason == null ? null : rawReason.strip();
        if (reason == null || reason.isEmpty() || reason.length() > MAX_REASON) {
            throw new DcxException(ErrorCode.REASON_REQUIRED, "reason: required, 1.." + MAX_REASON + " characters");
        }
        String target = rawTarget == null || rawTarget.isBlank() ? null : rawTarget.strip();
        RiskStore.RiskCase c = store.findCaseForUpdate(caseId == null ? "" : caseId)
                .orElseThrow(() -> notFound(caseId));
        CaseDetail before = detailOf(c);
        CaseStatus next = switch (action) {
            case ESCALATE -> CaseStatus.ESCALATED;
            case DISMISS -> CaseStatus.DISMISSED;
            default -> CaseStatus.ACTIONED;
        };
        boolean allowed = switch (action) {
            case ESCALATE -> c.status() == CaseStatus.OPEN || c.status() == CaseStatus.ACTIONED;
            case DISMISS -> c.status().active();
            default -> c.status() != CaseStatus.DISMISSED;
        };
        if (!allowed) {
            throw new DcxException(ErrorCode.CASE_TRANSITION, "a case in " + c.status() + " takes no " + action,
                    Map.of("status", c.status().name()));
        }
        Instant now = Instant.now();
        switch (action) {
            case HALT_ASSET -> {
                String assetId = target(target, before.assets(), "asset");
                halts.halt(operator, HaltScope.ASSET, assetId, "case " + c.id() + ": " + reason,
                        now.plus(config.coolingOff()));
                target = assetId;
            }
            case FREEZE_ASSET -> {
                String assetId = target(target, before.assets(), "asset");
                freeze(operator, assetId, "case " + c.id() + ": " + reason, now);
                target = assetId;
            }
            case SUSPEND_ACCOUNT -> {
                String accountId = target(target, before.accounts(), "account");
                kyc.suspend(operator, accountId, "case " + c.id() + ": " + reason);
                target = accountId;
            }
            case ESCALATE, DISMISS -> {
                if (target != null) {
                    throw new DcxException(ErrorCode.INVALID_CASE_ACTION, action + " takes no target");
                }
            }
        }
        RiskStore.RiskCase after = c.withStatus(next, now);
        store.updateCase(after);
        store.addHistory(new RiskStore.HistoryEntry(c.id(), now, operator.accountId(), c.status(), next,
                action.name(), target, reason));
        audit.record(new AuditLog.Event(now, operator.accountId(), "RISK_CASE_" + action.name(), "risk_case",
                c.id(), AuditJson.of("status", c.status()),
                AuditJson.of("status", next, "action", action, "target", target, "reason", reason),
                operator.requestId()));
        return detailOf(after);
    }

    /** FREEZE_ASSET: on the chain first (the contract is what stops trading), then the read model. */
    private void freeze(Actor operator, String assetId, String reason, Instant now) {
        CommittedTransaction tx = ledger.submit(LedgerIdentity.EXCHANGE, "assets:FreezeAsset", assetId, reason);
        var a = ChainJson.parse(tx.payload());
        assets.upsert(List.of(new Asset(a.path("id").asText(), a.path("workId").asText(),
                Asset.AssetKind.valueOf(a.path("kind").asText()),
                a.path("edition").isNumber() ? a.path("edition").intValue() : null,
                a.path("editionCount").isNumber() ? a.path("editionCount").intValue() : null,
                a.path("ownerId").asText(), a.path("status").asText(),
                a.path("issuePriceFen").isNumber() ? a.path("issuePriceFen").longValue() : null,
                Instant.parse(a.path("acquiredAt").asText()), a.path("acquiredBy").asText(),
                a.path("lastAction").asText(), a.path("txId").asText(tx.txId()), tx.blockNumber())));
        audit.record(new AuditLog.Event(now, operator.accountId(), "ASSET_FROZEN", "asset", assetId, null,
                AuditJson.of("status", a.path("status").asText(), "reason", reason, "txId", tx.txId()),
                operator.requestId()));
    }

    private static String target(String target, Set<String> inEvidence, String what) {
        if (target == null) {
            if (inEvidence.size() == 1) {
                return inEvidence.iterator().next();
            }
            throw new DcxException(ErrorCode.INVALID_CASE_ACTION, "target: required, one " + what + " of the case: "
                    + inEvidence);
        }
        if (!inEvidence.contains(target)) {
            throw new DcxException(ErrorCode.CASE_TARGET_NOT_IN_EVIDENCE, "target: " + target + " is not an " + what
                    + " of this case", Map.of(what + "s", List.copyOf(inEvidence)));
        }
        return target;
    }

    private static String evidence(Alert alert) {
        ObjectNode n = JSON.createObjectNode();
        alert.references().forEach(n.putArray("references")::add);
        alert.accounts().stream().sorted().forEach(n.putArray("accounts")::add);
        alert.assets().stream().sorted().forEach(n.putArray("assets")::add);
        n.set("facts", JSON.valueToTree(new java.util.TreeMap<>(alert.facts())));
        return n.toString();
    }

    private static int offset(Integer offset) {
        int o = offset == null ? 0 : offset;
        if (o < 0) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "offset: 0 or more");
        }
        return o;
    }

    private static int limit(Integer limit) {
        int l = limit == null ? 50 : limit;
        if (l < 1 || l > MAX_PAGE) {
            throw new DcxException(ErrorCode.INVALID_REQUEST, "limit: 1 to " + MAX_PAGE);
        }
        return l;
    }

    private static <E extends Enum<E>> E named(Class<E> type, String field, String value) {
        return named(type, field, value, ErrorCode.INVALID_REQUEST);
    }

    private static <E extends Enum<E>> E named(Class<E> type, String field, String value, ErrorCode code) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DcxException(code, field + ": one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static DcxException notFound(String caseId) {
        return new DcxException(ErrorCode.CASE_NOT_FOUND, "no case " + caseId);
    }
}
