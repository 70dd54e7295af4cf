package io.dcx.service.domain.asset;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;

/**
 * A request to issue a limited series of a work: {@code count} editions (1 to 10,000, the contract's limit) at an
 * issue price in integer fen (CNY minor units), never negative.
 */
public record EditionIssue(int count, long issuePriceFen) {
    public static final int MAX_EDITIONS = 10_000;

    public EditionIssue {
        if (count < 1 || count > MAX_EDITIONS) {
            throw new DcxException(ErrorCode.INVALID_EDITION_COUNT,
                    "count must be between 1 and " + MAX_EDITIONS + ", was " + count);
        }
        if (issuePriceFen < 0) {
            throw new DcxException(ErrorCode.INVALID_AMOUNT,
                    "issuePriceFen must be a whole number of fen, zero or more, was " + issuePriceFen);
        }
    }
}
