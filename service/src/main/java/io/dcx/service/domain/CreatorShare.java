package io.dcx.service.domain;

/** One creator of a work and their share of its royalties, in basis points (10,000 = 100%). */
public record CreatorShare(String accountId, int shareBps) {
}
