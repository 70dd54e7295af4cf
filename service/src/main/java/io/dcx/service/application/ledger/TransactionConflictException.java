package io.dcx.service.application.ledger;

/** The transaction was ordered but invalidated (MVCC read conflict or phantom read); nothing was written. */
public final class TransactionConflictException extends LedgerException {
    private final String txId;

    public TransactionConflictException(String txId, String message) {
        super(message, null);
        this.txId = txId;
    }

    public String txId() {
        return txId;
    }
}
