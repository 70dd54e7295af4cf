package io.dcx.service.application.ledger;

/**
 * The contract refused the transaction with one of its stable error codes (for example
 * {@code DUPLICATE_CONTENT_HASH}). The contract's messages have the form {@code "CODE: detail"}.
 */
public final class ContractRejectedException extends LedgerException {
    private final String code;
    private final String detail;

    public ContractRejectedException(String code, String detail) {
        super(code + ": " + detail, null);
        this.code = code;
        this.detail = detail;
    }

    /** Parses a contract message of the form {@code "CODE: detail"}; anything else gets code {@code CONTRACT_ERROR}. */
    public static ContractRejectedException fromMessage(String message) {
        if (message != null) {
            int colon = message.indexOf(':');
            if (colon > 0 && message.substring(0, colon).matches("[A-Z][A-Z0-9_]*")) {
                return new ContractRejectedException(message.substring(0, colon), message.substring(colon + 1).strip());
            }
        }
        return new ContractRejectedException("CONTRACT_ERROR", message == null ? "no message" : message);
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }
}
