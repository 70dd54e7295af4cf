package io.dcx.service.domain.board;

/**
 * A trade's settlement state: {@code SETTLING} while the saga runs (or waits to be resumed), then {@code SETTLED} or
 * {@code FAILED} with a reason; both are final.
 */
public enum TradeStatus {
    SETTLING, SETTLED, FAILED;

    public boolean isFinal() {
        return this != SETTLING;
    }
}
