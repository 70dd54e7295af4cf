package io.dcx.service.domain.kyc;

/**
 * A screened name that resembles a listed one. {@code field} says which submitted name matched (name,
 * legalRepresentative); {@code score} is the similarity in [0, 1] of the closest romanised forms.
 */
public record WatchListHit(String entryId, String listedName, String field, double score) {
}
