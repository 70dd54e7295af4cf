package io.dcx.service.domain.risk;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What surveillance found: the rule, what it is about ({@code subjectType} {@code account}, {@code asset},
 * {@code work} or {@code pair}, and its id), the evidence (the trades or transfers by reference, the accounts, and
 * the facts that crossed the threshold), and a one-line summary. {@code dedupKey} identifies the finding, so the same
 * finding raised again (after a replay of events) is one alert.
 */
public record Alert(RiskRule rule, String subjectType, String subjectId, Instant at, List<String> references,
        Set<String> accounts, Set<String> assets, Map<String, Object> facts, String summary, String dedupKey) {

    public Alert {
        references = List.copyOf(references);
        accounts = Set.copyOf(accounts);
        assets = Set.copyOf(assets);
        facts = Map.copyOf(facts);
    }
}
