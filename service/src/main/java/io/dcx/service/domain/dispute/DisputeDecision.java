package io.dcx.service.domain.dispute;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What an operator decides on a claim, and from which statuses it may be decided:
 * <ul>
 * <li>MARK_DISPUTED: OPEN or FROZEN to DISPUTED (the work stays listed but cannot trade);</li>
 * <li>FREEZE: OPEN or DISPUTED to FROZEN;</li>
 * <li>DISMISS: OPEN to DISMISSED (the claim is unfounded; the work's status is left as it is);</li>
 * <li>RESOLVE: OPEN, DISPUTED or FROZEN to RESOLVED (the restriction this claim caused is lifted).</li>
 * </ul>
 * A final claim (DISMISSED, RESOLVED) takes no further decision.
 */
public enum DisputeDecision {
    MARK_DISPUTED(DisputeStatus.DISPUTED, EnumSet.of(DisputeStatus.OPEN, DisputeStatus.FROZEN)),
    FREEZE(DisputeStatus.FROZEN, EnumSet.of(DisputeStatus.OPEN, DisputeStatus.DISPUTED)),
    DISMISS(DisputeStatus.DISMISSED, EnumSet.of(DisputeStatus.OPEN)),
    RESOLVE(DisputeStatus.RESOLVED, EnumSet.of(DisputeStatus.OPEN, DisputeStatus.DISPUTED, DisputeStatus.FROZEN));

    private final DisputeStatus target;
    private final Set<DisputeStatus> from;

    DisputeDecision(DisputeStatus target, Set<DisputeStatus> from) {
        this.target = target;
        this.from = from;
    }

    public static DisputeDecision parse(String text) {
        String normalised = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (DisputeDecision decision : values()) {
            if (decision.name().equals(normalised)) {
                return decision;
            }
        }
        throw new DcxException(ErrorCode.INVALID_DISPUTE_ACTION,
                "action must be one of " + Arrays.toString(values()) + (text == null ? "" : ", was '" + text + "'"));
    }

    /** The status after this decision, or a refusal if the claim is not in a status it applies to. */
    public DisputeStatus apply(DisputeStatus current) {
        if (!from.contains(current)) {
            throw new DcxException(ErrorCode.DISPUTE_TRANSITION,
                    "a " + current + " dispute cannot be decided " + name() + " (allowed from " + from + ")");
        }
        return target;
    }

    /** Whether the work's status on chain follows from this decision (DISMISS leaves it alone). */
    public boolean changesWorkStatus() {
        return this != DISMISS;
    }
}
