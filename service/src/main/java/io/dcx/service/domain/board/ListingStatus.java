package io.dcx.service.domain.board;

/**
 * A listing's life: {@code OPEN} (buyable), {@code RESERVED} (a trade is settling; back to OPEN if it fails),
 * {@code SOLD}, {@code CANCELLED} by the owner or an operator, {@code CLOSED} (an auction that ended without a
 * sale). Pausing is a halt on the listing, not a status, so lifting it needs no memory of the status before.
 */
public enum ListingStatus {
    OPEN, RESERVED, SOLD, CANCELLED, CLOSED;

    public boolean isFinal() {
        return this == SOLD || this == CANCELLED || this == CLOSED;
    }
}
