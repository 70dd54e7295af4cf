package io.dcx.service.domain.licence;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;

/**
 * What a licence allows: commercial use, derivative works, where (a territory, 1 to 100 characters, for example
 * {@code CN} or {@code Mainland China}), and whether it is exclusive (an exclusive licence may not overlap any other
 * licence of the work in time).
 */
public record LicenceScope(boolean commercialUse, boolean derivatives, String territory, boolean exclusive) {
    public static final int MAX_TERRITORY = 100;

    public LicenceScope {
        if (territory == null || territory.isBlank()) {
            throw new DcxException(ErrorCode.INVALID_LICENCE_SCOPE, "scope.territory is required");
        }
        territory = territory.strip();
        if (territory.codePointCount(0, territory.length()) > MAX_TERRITORY) {
            throw new DcxException(ErrorCode.INVALID_LICENCE_SCOPE,
                    "scope.territory must be at most " + MAX_TERRITORY + " characters");
        }
        if (territory.chars().anyMatch(Character::isISOControl)) {
            throw new DcxException(ErrorCode.INVALID_LICENCE_SCOPE, "scope.territory contains control characters");
        }
    }
}
