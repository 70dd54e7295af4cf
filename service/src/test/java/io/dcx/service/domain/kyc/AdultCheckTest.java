package io.dcx.service.domain.kyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class AdultCheckTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static AdultCheck on(LocalDate today) {
        return new AdultCheck(Clock.fixed(today.atTime(12, 0).atZone(SHANGHAI).toInstant(), SHANGHAI));
    }

    @Test
    void adultFromTheEighteenthBirthdayOn() {
        AdultCheck check = on(LocalDate.of(2026, 6, 1));
        assertThat(check.isAdult(LocalDate.of(2008, 6, 1))).isTrue();
        assertThat(check.isAdult(LocalDate.of(2008, 6, 2))).isFalse();
        assertThat(check.isAdult(LocalDate.of(1950, 1, 1))).isTrue();
        assertThat(check.isAdult(LocalDate.of(2026, 6, 1))).isFalse();
    }

    @Test
    void aLeapDayBirthTurnsEighteenOnTheLastDayOfFebruary() {
        assertThat(on(LocalDate.of(2026, 2, 27)).isAdult(LocalDate.of(2008, 2, 29))).isFalse();
        assertThat(on(LocalDate.of(2026, 2, 28)).isAdult(LocalDate.of(2008, 2, 29))).isTrue();
    }

    @Test
    void theDayIsCountedInShanghai() {
        // 2026-05-31 20:00 UTC is already 1 June in Shanghai.
        Clock lateUtc = Clock.fixed(ZonedDateTime.of(2026, 5, 31, 20, 0, 0, 0, ZoneId.of("UTC")).toInstant(), SHANGHAI);
        assertThat(new AdultCheck(lateUtc).isAdult(LocalDate.of(2008, 6, 1))).isTrue();
    }

    @Test
    void requireAdultRefusesAMinorWithItsOwnCode() {
        AdultCheck check = on(LocalDate.of(2026, 6, 1));
        ResidentIdNumber minor = ResidentIdNumber.parse(KycTestData.residentId("110105", LocalDate.of(2008, 6, 2), 7),
                LocalDate.of(2026, 6, 1));
        assertThatThrownBy(() -> check.requireAdult(minor))
                .isInstanceOf(DcxException.class)
                .satisfies(e -> {
                    assertThat(((DcxException) e).code()).isEqualTo(ErrorCode.NOT_ADULT);
                    assertThat(((DcxException) e).extras()).containsEntry("adultFrom", "2026-06-02");
                });
        check.requireAdult(ResidentIdNumber.parse(KycTestData.residentId("110105", LocalDate.of(2008, 6, 1), 7),
                LocalDate.of(2026, 6, 1)));
    }
}
