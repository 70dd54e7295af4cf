package io.dcx.service.domain.board;

/**
 * A bid's life.
 * <ul>
 * <li>English: {@code ACTIVE} (the highest bid; its money is held) until {@code OUTBID} (hold released in the
 * transaction of the better bid, also when the bidder raises their own bid).</li>
 * <li>Sealed: {@code COMMITTED} (a hash only, no money held) until {@code REPLACED} by the bidder's newer commitment
 * or revealed: {@code REVEALED} (valid, money held) or {@code INVALID} (revealed, but below the reserve or not
 * covered by the bidder's money; {@link Bid#invalidReason()} says which).</li>
 * <li>At the close: the winning bid is {@code WON} (its hold becomes the trade's), every other bid that held money
 * is {@code LOST} (hold released), and commitments never revealed are {@code LAPSED}.</li>
 * </ul>
 */
public enum BidStatus {
    ACTIVE, OUTBID, COMMITTED, REPLACED, REVEALED, INVALID, WON, LOST, LAPSED;

    /** Whether the bidder's money is held for this bid (and must be released unless it wins). */
    public boolean holdsMoney() {
        return this == ACTIVE || this == REVEALED;
    }
}
