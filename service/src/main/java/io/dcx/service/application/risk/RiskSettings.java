package io.dcx.service.application.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcx.service.application.audit.Actor;
import io.dcx.service.application.port.AuditLog;
import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import io.dcx.service.domain.risk.SurveillanceThresholds;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The surveillance thresholds an operator sets at run time. The engine reads {@link #current()} on every event, so a
 * change applies to the next event. Stored in one row; each change is audited with before and after. Every field is
 * required on a change (a partial update could silently keep a value the operator did not look at).
 */
@ApplicationScoped
@Startup
public class RiskSettings {
    /** The longest window accepted: the replay on start covers it, so it bounds the start-up work. */
    public static final Duration MAX_WINDOW = Duration.ofDays(90);
    static final List<String> FIELDS = List.of("velocityMaxTrades", "velocityWindow", "circularWindow",
            "pumpRiseBps", "pumpFallBps", "pumpMaxAccounts", "pumpMinTrades", "pumpWindow", "concentrationBps",
            "concentrationMinSeries", "repeatedPairMax", "repeatedPairWindow");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RiskStore store;
    private final AuditLog audit;
    private volatile SurveillanceThresholds current = SurveillanceThresholds.defaults();

    public RiskSettings(RiskStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    @PostConstruct
    void init() {
        // Lifecycle callbacks are not intercepted: the transaction is explicit.
        QuarkusTransaction.requiringNew().run(this::load);
    }

    private void load() {
        current = store.thresholdsJson().map(j -> parse(read(j))).orElse(SurveillanceThresholds.defaults());
    }

    public SurveillanceThresholds current() {
        return current;
    }

    @Transactional
    public SurveillanceThresholds change(Actor operator, JsonNode body) {
        SurveillanceThresholds next = parse(body);
        SurveillanceThresholds before = current;
        Instant now = Instant.now();
        String after = toJson(next);
        store.saveThresholds(after, now, operator.accountId());
        audit.record(new AuditLog.Event(now, operator.accountId(), "RISK_SETTINGS_CHANGED", "risk_settings",
                "surveillance", toJson(before), after, operator.requestId()));
        current = next;
        return next;
    }

    /** Reloads the stored thresholds (after a rollback, or a change made by another instance). */
    @Transactional
    public void reload() {
        load();
    }

    /** The thresholds as JSON: counts and basis points as integers, windows as ISO-8601 durations. */
    public static String toJson(SurveillanceThresholds t) {
        ObjectNode n = JSON.createObjectNode();
        n.put("velocityMaxTrades", t.velocityMaxTrades());
        n.put("velocityWindow", t.velocityWindow().toString());
        n.put("circularWindow", t.circularWindow().toString());
        n.put("pumpRiseBps", t.pumpRiseBps());
        n.put("pumpFallBps", t.pumpFallBps());
        n.put("pumpMaxAccounts", t.pumpMaxAccounts());
        n.put("pumpMinTrades", t.pumpMinTrades());
        n.put("pumpWindow", t.pumpWindow().toString());
        n.put("concentrationBps", t.concentrationBps());
        n.put("concentrationMinSeries", t.concentrationMinSeries());
        n.put("repeatedPairMax", t.repeatedPairMax());
        n.put("repeatedPairWindow", t.repeatedPairWindow().toString());
        return n.toString();
    }

    /**
     * Strict: every field present, counts as JSON integers, windows as ISO-8601 durations (INVALID_RISK_SETTINGS,
     * 400); values the rules cannot work with (RISK_SETTINGS_OUT_OF_RANGE, 422).
     */
    public static SurveillanceThresholds parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new DcxException(ErrorCode.INVALID_RISK_SETTINGS, "a JSON object with every threshold is required");
        }
        for (java.util.Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                throw new DcxException(ErrorCode.INVALID_RISK_SETTINGS, "unknown field " + name,
                        Map.of("field", name));
            }
        }
        SurveillanceThresholds t;
        try {
            t = new SurveillanceThresholds(integer(body, "velocityMaxTrades"), duration(body, "velocityWindow"),
                    duration(body, "circularWindow"), integer(body, "pumpRiseBps"), integer(body, "pumpFallBps"),
                    integer(body, "pumpMaxAccounts"), integer(body, "pumpMinTrades"), duration(body, "pumpWindow"),
                    integer(body, "concentrationBps"), integer(body, "concentrationMinSeries"),
                    integer(body, "repeatedPairMax"), duration(body, "repeatedPairWindow"));
        } catch (IllegalArgumentException e) {
            throw new DcxException(ErrorCode.RISK_SETTINGS_OUT_OF_RANGE, "thresholds out of range: counts at least 1"
                    + " (pumpMaxAccounts, pumpMinTrades, concentrationMinSeries at least 2), pumpFallBps below 10000,"
                    + " concentrationBps at most 10000, windows positive");
        }
        if (t.longestWindow().compareTo(MAX_WINDOW) > 0) {
            throw new DcxException(ErrorCode.RISK_SETTINGS_OUT_OF_RANGE, "windows are at most " + MAX_WINDOW,
                    Map.of("maxWindow", MAX_WINDOW.toString()));
        }
        return t;
    }

    private static int integer(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new DcxException(ErrorCode.INVALID_RISK_SETTINGS, field + ": required, a JSON integer",
                    Map.of("field", field));
        }
        return n.intValue();
    }

    private static Duration duration(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || !n.isTextual()) {
            throw new DcxException(ErrorCode.INVALID_RISK_SETTINGS, field + ": required, an ISO-8601 duration such as"
                    + " PT1H or P7D", Map.of("field", field));
        }
        try {
            return Duration.parse(n.asText());
        } catch (DateTimeParseException e) {
            throw new DcxException(ErrorCode.INVALID_RISK_SETTINGS, field + ": not an ISO-8601 duration: "
                    + n.asText(), Map.of("field", field));
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored risk settings are not JSON", e);
        }
    }
}
