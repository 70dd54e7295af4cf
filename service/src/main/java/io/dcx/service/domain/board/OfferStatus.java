package io.dcx.service.domain.board;

/**
 * A named offer's life: {@code PENDING} (the buyer's money is held), {@code COUNTERED} (the owner named another
 * price; the buyer may accept it), {@code ACCEPTED} (a trade was opened), {@code REJECTED}, {@code WITHDRAWN} by the
 * buyer, or {@code LAPSED} (the listing ended another way, or the trade failed). Only the first two are open.
 */
public enum OfferStatus {
    PENDING, COUNTERED, ACCEPTED, REJECTED, WITHDRAWN, LAPSED;

    public boolean isOpen() {
        return this == PENDING || this == COUNTERED;
    }
}
