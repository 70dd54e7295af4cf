package io.dcx.service.domain.fingerprint;

/** A work whose fingerprint is within the asked distance of a query, as answered by {@link SimilarityIndex}. */
public record SimilarMatch(String workId, int distance) {
}
