package io.dcx.service.domain.kyc;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * Only adults open accounts. A person is an adult from their 18th birthday on, counted on the calendar of the
 * given clock (the service uses Asia/Shanghai). Someone born on 29 February becomes an adult on 28 February of a
 * common year: the period ends on the last day of the month that has no corresponding day (Civil Code art. 202).
 */
public final class AdultCheck {
    public static final int AGE_OF_MAJORITY = 18;

    private final Clock clock;

    public AdultCheck(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public boolean isAdult(LocalDate birthDate) {
        return !birthDate.plusYears(AGE_OF_MAJORITY).isAfter(today());
    }

    public void requireAdult(ResidentIdNumber id) {
        if (!isAdult(id.birthDate())) {
            throw new DcxException(ErrorCode.NOT_ADULT,
                    "accounts are open to adults only (" + AGE_OF_MAJORITY + " or older)",
                    Map.of("adultFrom", id.birthDate().plusYears(AGE_OF_MAJORITY).toString()));
        }
    }
}
