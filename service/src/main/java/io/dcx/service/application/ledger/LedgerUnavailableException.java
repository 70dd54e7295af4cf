package io.dcx.service.application.ledger;

/** The ledger could not be reached, or did not answer in time. Whether the transaction committed is unknown. */
public final class LedgerUnavailableException extends LedgerException {
    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
