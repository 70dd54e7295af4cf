package io.dcx.service.api.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcx.service.application.risk.RiskStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A surveillance alert: the rule, its subject, the evidence ({@code references} to trades or transfer
 * transactions, {@code accounts}, {@code assets}, {@code facts}), the case it belongs to and that case's status, and
 * {@code delayMs} from the commit of the transaction that completed the pattern to the alert.
 */
public record AlertResponse(String id, String rule, String subjectType, String subjectId, String summary,
        JsonNode evidence, String dedupKey, Instant eventAt, String txId, long blockNumber, Instant committedAt,
        Instant raisedAt, long delayMs, String caseId, String caseStatus) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static AlertResponse of(RiskStore.StoredAlert a) {
        try {
            return new AlertResponse(a.id(), a.rule(), a.subjectType(), a.subjectId(), a.summary(),
                    JSON.readTree(a.evidenceJson()), a.dedupKey(), a.eventAt(), a.txId(), a.blockNumber(),
                    a.committedAt(), a.raisedAt(), a.delayMs(), a.caseId(), a.caseStatus().name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
