package io.dcx.service.domain.dispute;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * Where an infringement claim stands. OPEN: filed, not yet decided. DISPUTED and FROZEN: an operator restricted the
 * work (on chain, the work's status); DISMISSED and RESOLVED are final.
 */
public enum DisputeStatus {
    OPEN, DISPUTED, FROZEN, DISMISSED, RESOLVED;

    public boolean isFinal() {
        return this == DISMISSED || this == RESOLVED;
    }

    public static DisputeStatus parse(String text) {
        String normalised = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (DisputeStatus status : values()) {
            if (status.name().equals(normalised)) {
                return status;
            }
        }
        throw new DcxException(ErrorCode.INVALID_REQUEST,
                "status must be one of " + Arrays.toString(values()) + ", was '" + text + "'");
    }

    /**
     * The chain status a work must have given the statuses of all its disputes: the strongest restriction still in
     * force (FROZEN over DISPUTED), ACTIVE when none is. So resolving one claim never lifts a freeze that another
     * claim still holds.
     */
    public static String workStatusFor(Collection<DisputeStatus> disputesOfWork) {
        if (disputesOfWork.contains(FROZEN)) {
            return "FROZEN";
        }
        if (disputesOfWork.contains(DISPUTED)) {
            return "DISPUTED";
        }
        return "ACTIVE";
    }
}
