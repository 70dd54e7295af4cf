package io.dcx.service.application.ledger;

/** Base of the typed failures of the {@link Ledger} port. */
public abstract sealed class LedgerException extends RuntimeException
        permits ContractRejectedException, TransactionConflictException, LedgerUnavailableException {

    protected LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
