package io.dcx.service.domain.board;

import java.time.Instant;

/**
 * A pause of trading: set by an operator (or, later, by a risk rule's cooling-off), in force from
 * {@code createdAt} until {@code until} (null: until lifted) unless {@code liftedAt} is set. {@code targetId} is null
 * for the board.
 */
public record Halt(String id, HaltScope scope, String targetId, String reason, Instant until, String createdBy,
        Instant createdAt, Instant liftedAt, String liftedBy) {

    public boolean inForce(Instant now) {
        return liftedAt == null && (until == null || now.isBefore(until));
    }

    public boolean covers(String listingId, String assetId) {
        return switch (scope) {
            case BOARD -> true;
            case ASSET -> targetId.equals(assetId);
            case LISTING -> targetId.equals(listingId);
        };
    }
}
