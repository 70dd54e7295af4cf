package io.dcx.service.domain.kyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import java.time.LocalDate;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class ResidentIdNumberTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Test
    void acceptsTheStandardsExampleWithAnXCheckCharacter() {
        ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002X", TODAY);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.regionCode()).isEqualTo("110105");
        assertThat(ResidentIdNumber.checkCharacterFor("11010519491231002")).isEqualTo('X');
    }

    @Test
    void acceptsALowerCaseXFullWidthDigitsAndSurroundingSpaces() {
        assertThat(ResidentIdNumber.parse(" 11010519491231002x ", TODAY).value()).isEqualTo("11010519491231002X");
        assertThat(ResidentIdNumber.parse("１１０１０５１９４９１２３１００２Ｘ", TODAY).value())
                .isEqualTo("11010519491231002X");
    }

    @RepeatedTest(50)
    void acceptsComputedNumbersAndRefusesEveryWrongCheckCharacter() {
        String id = KycTestData.randomResidentId();
        assertThat(ResidentIdNumber.parse(id, TODAY).value()).isEqualTo(id);
        assertThat(ResidentIdNumber.checkCharacterFor(id.substring(0, 17))).isEqualTo(id.charAt(17));
        for (char c : "0123456789X".toCharArray()) {
            if (c != id.charAt(17)) {
                assertInvalid(id.substring(0, 17) + c, "check character");
            }
        }
    }

    @Test
    void computedXCheckCharacters() {
        for (int i = 0; i < 20; i++) {
            String id = KycTestData.randomResidentIdEndingInX();
            assertThat(ResidentIdNumber.parse(id, TODAY).value()).endsWith("X");
            assertInvalid(id.substring(0, 17) + "0", "check character");
        }
    }

    @Test
    void aSingleChangedDigitIsCaught() {
        String id = "11010519491231002X";
        assertInvalid("11010519491231003X", "check character");
        assertInvalid("21010519491231002X", "check character");
        assertThat(KycTestData.withWrongCheck(id)).isNotEqualTo(id);
        assertInvalid(KycTestData.withWrongCheck(id), "check character");
    }

    @Test
    void refusesWrongShapes() {
        assertInvalid(null, "required");
        assertInvalid("   ", "required");
        assertInvalid("110105194912310", "15-digit");
        assertInvalid("1101051949123100", "18 characters");
        assertInvalid("11010519491231002XX", "18 characters");
        assertInvalid("1101051949123100A2", "18 characters");
        assertInvalid("11010519491231002Y", "18 characters");
    }

    @Test
    void refusesImplausibleRegionsAndDates() {
        assertInvalid(KycTestData.residentId("010105", LocalDate.of(1990, 1, 1), 1), "region");
        assertInvalid(KycTestData.residentId("910105", LocalDate.of(1990, 1, 1), 1), "region");
        String feb30 = "11010519900230001";
        assertInvalid(feb30 + KycTestData.idCheck(feb30), "birth date");
        String month13 = "11010519901301001";
        assertInvalid(month13 + KycTestData.idCheck(month13), "birth date");
        assertInvalid(KycTestData.residentId("110105", TODAY.plusDays(1), 1), "not plausible");
        assertInvalid(KycTestData.residentId("110105", LocalDate.of(1899, 12, 31), 1), "not plausible");
        assertThat(ResidentIdNumber.parse(KycTestData.residentId("810000", LocalDate.of(1990, 1, 1), 1), TODAY)
                .regionCode()).isEqualTo("810000"); // Hong Kong residence permit
    }

    @Test
    void masksAllButTheFirstAndLastFour() {
        assertThat(ResidentIdNumber.parse("11010519491231002X", TODAY).masked()).isEqualTo("1101**********002X");
        assertThat(ResidentIdNumber.parse("11010519491231002X", TODAY).toString()).doesNotContain("19491231");
    }

    private static void assertInvalid(String raw, String detailPart) {
        assertThatThrownBy(() -> ResidentIdNumber.parse(raw, TODAY))
                .isInstanceOf(DcxException.class)
                .satisfies(e -> assertThat(((DcxException) e).code()).isEqualTo(ErrorCode.INVALID_RESIDENT_ID))
                .hasMessageContaining(detailPart);
    }
}
