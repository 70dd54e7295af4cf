package io.dcx.service.application.risk;

import io.dcx.service.domain.risk.MarketEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Surveillance's storage: the events it consumed, alerts, cases and their history, and the thresholds. */
public interface RiskStore {

    /** An alert as stored, with the status of its case. */
    record StoredAlert(String id, String rule, String subjectType, String subjectId, String evidenceJson,
            String summary, String dedupKey, Instant eventAt, String txId, long blockNumber, Instant committedAt,
            Instant raisedAt, long delayMs, String caseId, CaseStatus caseStatus) {
    }

    record RiskCase(String id, String subjectType, String subjectId, String rule, CaseStatus status, Instant openedAt,
            Instant updatedAt) {
        public RiskCase withStatus(CaseStatus next, Instant at) {
            return new RiskCase(id, subjectType, subjectId, rule, next, openedAt, at);
        }
    }

    record HistoryEntry(String caseId, Instant at, String actor, CaseStatus from, CaseStatus to, String action,
            String target, String note) {
    }

    /** A consumed change of owner with the time its transaction committed. */
    record RecordedEvent(MarketEvent event, Instant committedAt) {
    }

    /** Stores the event unless its reference is known (a replay); answers whether it was new. */
    boolean recordEvent(MarketEvent event, Instant committedAt);

    /**
     * The block of the oldest consumed event within {@code window} of the newest one: where a restarted engine
     * replays from. Empty before the first event.
     */
    Optional<Long> replayFrom(Duration window);

    /**
     * Inserts the alert unless one with its dedup key exists, and with it {@code newCase} (null: the alert joins an
     * existing case); answers whether it was inserted.
     */
    boolean insertAlert(StoredAlert alert, RiskCase newCase);

    Optional<RiskCase> activeCaseFor(String subjectType, String subjectId);

    void insertCase(RiskCase riskCase);

    void updateCase(RiskCase riskCase);

    void addHistory(HistoryEntry entry);

    Optional<RiskCase> findCase(String id);

    Optional<RiskCase> findCaseForUpdate(String id);

    /** Alerts newest first; null filters match everything; {@code to} is exclusive. */
    List<StoredAlert> alerts(String rule, CaseStatus status, String assetId, Instant from, Instant to, int offset,
            int limit);

    List<RiskCase> cases(CaseStatus status, int offset, int limit);

    List<StoredAlert> alertsOfCase(String caseId);

    List<HistoryEntry> history(String caseId);

    List<RecordedEvent> events(Collection<String> references);

    Optional<String> thresholdsJson();

    void saveThresholds(String json, Instant at, String by);
}
