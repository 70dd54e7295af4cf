package io.dcx.service.domain.review;

/** An earlier work whose perceptual fingerprint is within {@code distance} bits of an upload's. */
public record SimilarWork(String workId, String title, int distance) {
}
