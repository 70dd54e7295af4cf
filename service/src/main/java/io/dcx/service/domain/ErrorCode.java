package io.dcx.service.domain;

/**
 * Stable error codes of the dcx API. Clients match on these, so a code is never renamed or reused. Each has a
 * category; the API layer turns a category into an HTTP status.
 */
public enum ErrorCode {
    // request shape
    INVALID_REQUEST(Category.INVALID),
    MALFORMED_JSON(Category.INVALID),
    EMPTY_FILE(Category.INVALID),
    INVALID_KIND(Category.INVALID),
    INVALID_TITLE(Category.INVALID),
    INVALID_METADATA(Category.INVALID),
    // creators' shares in basis points: 1..20 distinct accounts, each 1..10000, summing to 10000, registrant among them
    INVALID_SHARES(Category.UNPROCESSABLE),
    INVALID_CONTENT_HASH(Category.INVALID),
    UNSUPPORTED_MEDIA_TYPE(Category.UNSUPPORTED_MEDIA),
    PAYLOAD_TOO_LARGE(Category.TOO_LARGE),
    // security
    UNAUTHENTICATED(Category.UNAUTHENTICATED),
    FORBIDDEN(Category.FORBIDDEN),
    // resources
    NOT_FOUND(Category.NOT_FOUND),
    WORK_NOT_FOUND(Category.NOT_FOUND),
    ASSET_NOT_FOUND(Category.NOT_FOUND),
    PARENT_NOT_FOUND(Category.UNPROCESSABLE),
    // registration: kind IMAGE with bytes that are not a decodable image, or one too large to decode safely
    NOT_AN_IMAGE(Category.UNPROCESSABLE),
    IMAGE_TOO_LARGE(Category.UNPROCESSABLE),
    // the files of works (download) and registrations held for review
    CONTENT_NOT_FOUND(Category.NOT_FOUND),
    // a thumbnail is made for IMAGE works only
    NO_THUMBNAIL(Category.NOT_FOUND),
    REVIEW_NOT_FOUND(Category.NOT_FOUND),
    REVIEW_PENDING(Category.CONFLICT),
    REVIEW_ALREADY_DECIDED(Category.CONFLICT),
    DUPLICATE_CONTENT(Category.CONFLICT),
    LEDGER_CONFLICT(Category.CONFLICT),
    // editions, assets, licences, lineage, certificates, disputes
    INVALID_EDITION_COUNT(Category.INVALID),
    INVALID_AMOUNT(Category.INVALID),
    INVALID_ACCOUNT_ID(Category.INVALID),
    INVALID_LICENCE_SCOPE(Category.INVALID),
    INVALID_LICENCE_TERM(Category.INVALID),
    INVALID_CLAIM(Category.INVALID),
    INVALID_REASON(Category.INVALID),
    INVALID_DISPUTE_ACTION(Category.INVALID),
    LICENCE_NOT_FOUND(Category.NOT_FOUND),
    DISPUTE_NOT_FOUND(Category.NOT_FOUND),
    EDITIONS_ALREADY_ISSUED(Category.CONFLICT),
    COPYRIGHT_ALREADY_ISSUED(Category.CONFLICT),
    LICENCE_CONFLICT(Category.CONFLICT),
    WORK_NOT_TRADABLE(Category.CONFLICT),
    WORK_REVOKED(Category.CONFLICT),
    DISPUTE_ALREADY_OPEN(Category.CONFLICT),
    DISPUTE_TRANSITION(Category.CONFLICT),
    LICENSEE_IS_GRANTOR(Category.UNPROCESSABLE),
    OWN_WORK_DISPUTE(Category.UNPROCESSABLE),
    INVALID_EVIDENCE(Category.UNPROCESSABLE),
    // accounts, KYC and money (issue 5)
    INVALID_KYC_TYPE(Category.INVALID),
    INVALID_NAME(Category.INVALID),
    INVALID_RESIDENT_ID(Category.INVALID),
    INVALID_CREDIT_CODE(Category.INVALID),
    INVALID_PHONE(Category.INVALID),
    INVALID_BANK_CARD(Category.INVALID),
    INVALID_ADDRESS(Category.INVALID),
    INVALID_TIER(Category.INVALID),
    INVALID_CURRENCY(Category.INVALID),
    INVALID_IDEMPOTENCY_KEY(Category.INVALID),
    REASON_REQUIRED(Category.INVALID),
    NOT_ADULT(Category.UNPROCESSABLE),
    WATCH_LIST_OVERRIDE_REQUIRED(Category.UNPROCESSABLE),
    INSUFFICIENT_FUNDS(Category.UNPROCESSABLE),
    DAILY_LIMIT_EXCEEDED(Category.UNPROCESSABLE),
    HOLD_AMOUNT_EXCEEDED(Category.UNPROCESSABLE),
    IDEMPOTENCY_KEY_REUSED(Category.UNPROCESSABLE),
    IDEMPOTENT_REQUEST_IN_PROGRESS(Category.CONFLICT),
    KYC_REQUIRED(Category.FORBIDDEN),
    ACCOUNT_SUSPENDED(Category.FORBIDDEN),
    ACCOUNT_NOT_FOUND(Category.NOT_FOUND),
    KYC_NOT_FOUND(Category.NOT_FOUND),
    WITHDRAWAL_NOT_FOUND(Category.NOT_FOUND),
    HOLD_NOT_FOUND(Category.NOT_FOUND),
    KYC_ALREADY_SUBMITTED(Category.CONFLICT),
    KYC_NOT_PENDING(Category.CONFLICT),
    ACCOUNT_STATE_CONFLICT(Category.CONFLICT),
    WITHDRAWAL_NOT_PENDING(Category.CONFLICT),
    HOLD_CONFLICT(Category.CONFLICT),
    PAYMENT_RAIL_FAILED(Category.UNAVAILABLE),
    // the e-CNY token rail (issue 6): the EVM node cannot be reached; wallets customers register
    PAYMENT_RAIL_UNAVAILABLE(Category.UNAVAILABLE),
    INVALID_RAIL(Category.INVALID),
    INVALID_WALLET_ADDRESS(Category.INVALID),
    WALLET_ALREADY_REGISTERED(Category.CONFLICT),
    WALLET_REQUIRED(Category.UNPROCESSABLE),
    // the board and settlement (issue 6)
    INVALID_LISTING(Category.INVALID),
    INVALID_PRICE(Category.INVALID),
    INVALID_BID(Category.INVALID),
    INVALID_HALT(Category.INVALID),
    INVALID_POLICY(Category.INVALID),
    LISTING_NOT_FOUND(Category.NOT_FOUND),
    OFFER_NOT_FOUND(Category.NOT_FOUND),
    BID_NOT_FOUND(Category.NOT_FOUND),
    TRADE_NOT_FOUND(Category.NOT_FOUND),
    HALT_NOT_FOUND(Category.NOT_FOUND),
    LISTING_TYPE_NOT_ALLOWED(Category.UNPROCESSABLE),
    NOT_OWNER(Category.UNPROCESSABLE),
    ASSET_NOT_TRADABLE(Category.CONFLICT),
    ASSET_ALREADY_LISTED(Category.CONFLICT),
    LISTING_NOT_OPEN(Category.CONFLICT),
    OFFER_NOT_PENDING(Category.CONFLICT),
    OFFER_EXISTS(Category.CONFLICT),
    AUCTION_NOT_OPEN(Category.CONFLICT),
    BID_TOO_LOW(Category.UNPROCESSABLE),
    SELF_TRADE(Category.UNPROCESSABLE),
    LINKED_ACCOUNTS(Category.UNPROCESSABLE),
    HOLDING_PERIOD(Category.UNPROCESSABLE),
    TRANSFER_CAP(Category.UNPROCESSABLE),
    PRICE_BAND(Category.UNPROCESSABLE),
    HALT(Category.CONFLICT),
    CONCENTRATION(Category.UNPROCESSABLE),
    // surveillance: run-time thresholds, cases and their actions (issue 7)
    INVALID_RISK_SETTINGS(Category.INVALID),
    RISK_SETTINGS_OUT_OF_RANGE(Category.UNPROCESSABLE),
    INVALID_CASE_ACTION(Category.INVALID),
    CASE_NOT_FOUND(Category.NOT_FOUND),
    CASE_TARGET_NOT_IN_EVIDENCE(Category.UNPROCESSABLE),
    CASE_TRANSITION(Category.CONFLICT),
    // reconciliation, block integrity and statistics (issue 8)
    RECONCILIATION_NOT_FOUND(Category.NOT_FOUND),
    BLOCK_NOT_FOUND(Category.NOT_FOUND),
    INVALID_DATE_RANGE(Category.INVALID),
    // regulator exports (issue 8)
    INVALID_EXPORT_PERIOD(Category.INVALID),
    EXPORT_KIND_NOT_FOUND(Category.NOT_FOUND),
    // anchoring on an EVM chain and inclusion proofs (issue 8, service/AUDIT.md "Anchoring and proofs")
    ANCHOR_PENDING(Category.CONFLICT),
    ANCHORING_DISABLED(Category.CONFLICT),
    ANCHOR_CHAIN_UNAVAILABLE(Category.UNAVAILABLE),
    // contract refusals without a more specific mapping
    CONTRACT_REJECTED(Category.UNPROCESSABLE),
    // dependencies
    LEDGER_UNAVAILABLE(Category.UNAVAILABLE),
    // PostgreSQL cannot be reached right now (down, restarting, connection cut, pool exhausted): try again (issue 10)
    DATABASE_UNAVAILABLE(Category.UNAVAILABLE),
    SIMILARITY_INDEX_NOT_READY(Category.UNAVAILABLE),
    INTERNAL_ERROR(Category.INTERNAL);

    /** What kind of failure a code is; the API maps it to a status. */
    public enum Category {
        INVALID, UNSUPPORTED_MEDIA, TOO_LARGE, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, UNPROCESSABLE,
        UNAVAILABLE, INTERNAL
    }

    private final Category category;

    ErrorCode(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }
}
