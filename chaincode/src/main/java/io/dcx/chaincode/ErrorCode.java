package io.dcx.chaincode;

/**
 * The contract's stable refusal codes. Every refusal is a {@link DcxChaincodeException} whose message is exactly
 * {@code "CODE: human detail"} and whose payload is the code's UTF-8 bytes, so a client can read the code either
 * from the message (before the first colon) or from the payload. Codes are never renamed; new ones may be added.
 */
public enum ErrorCode {
    /** An argument is missing, malformed (including malformed JSON) or out of range. */
    INVALID_ARGUMENT,
    /** The caller's organisation or role may not run this transaction. */
    ACCESS_DENIED,
    /** The caller is read-only (the regulator's organisation, or an auditor or regulator role) and tried to write. */
    READ_ONLY_IDENTITY,
    /** The transaction name is not defined in the called contract. */
    UNKNOWN_TRANSACTION,
    WORK_NOT_FOUND,
    WORK_EXISTS,
    /** Another work already has this SHA-256 content hash; the message names it. */
    DUPLICATE_CONTENT_HASH,
    PARENT_NOT_FOUND,
    /** The work is disputed, frozen or revoked, so its assets cannot be issued, traded or licensed. */
    WORK_NOT_TRADABLE,
    /** The work is revoked; revocation is final. */
    WORK_REVOKED,
    ASSET_NOT_FOUND,
    ASSET_EXISTS,
    EDITIONS_ALREADY_ISSUED,
    ASSET_LOCKED,
    ASSET_FROZEN,
    ASSET_NOT_LOCKED,
    /** The trade id, buyer or terms hash does not match the asset's lock (or an earlier settlement). */
    TRADE_MISMATCH,
    NOT_OWNER,
    SELF_TRADE,
    HOLDING_PERIOD,
    TRANSFER_CAP,
    LICENCE_NOT_FOUND,
    LICENCE_EXISTS,
    LICENCE_CONFLICT,
    TRADE_NOT_FOUND;

    /** A refusal with this code; its message is {@code "CODE: detail"}. */
    public DcxChaincodeException exception(final String detail) {
        return new DcxChaincodeException(this, detail);
    }
}
