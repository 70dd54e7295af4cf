package io.dcx.service.domain.kyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91440300708461136T", "91110000802100433B", "91330100716105852F", "91350100M000100Y43",
            "9144030071526726XG"})
    void acceptsRealCodes(String code) {
        assertThat(UnifiedSocialCreditCode.parse(code).value()).isEqualTo(code);
        assertThat(KycTestData.creditCodeCheck(code.substring(0, 17))).isEqualTo(code.charAt(17));
    }

    @Test
    void acceptsLowerCaseAndSpaces() {
        assertThat(UnifiedSocialCreditCode.parse(" 91440300708461136t ").value()).isEqualTo("91440300708461136T");
    }

    @RepeatedTest(50)
    void acceptsComputedCodesAndRefusesEveryOtherCheckCharacter() {
        String code = KycTestData.randomCreditCode();
        assertThat(UnifiedSocialCreditCode.parse(code).value()).isEqualTo(code);
        for (char c : UnifiedSocialCreditCode.CHARACTERS.toCharArray()) {
            if (c != code.charAt(17)) {
                assertInvalid(code.substring(0, 17) + c, "check character");
            }
        }
    }

    @Test
    void theCheckValue31IsWrittenZero() {
        // Find a code whose raw check value is 31 (sum divisible by 31): its check character must be '0'.
        String found = null;
        for (int n = 0; n < 100_000 && found == null; n++) {
            String first17 = "91310000" + String.format("%09d", n);
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += UnifiedSocialCreditCode.CHARACTERS.indexOf(first17.charAt(i)) * (int) (Math.pow(3, i) % 31);
            }
            if (sum % 31 == 0) {
                found = first17;
            }
        }
        assertThat(found).isNotNull();
        assertThat(UnifiedSocialCreditCode.checkCharacterFor(found)).isEqualTo('0');
        assertThat(UnifiedSocialCreditCode.parse(found + "0").value()).endsWith("0");
    }

    @Test
    void refusesWrongShapesAndCharactersOutsideTheSet() {
        assertInvalid(null, "required");
        assertInvalid("9144030070846113", "18 characters");
        assertInvalid("91440300708461136TT", "18 characters");
        for (char forbidden : "IOSVZ".toCharArray()) {
            assertInvalid("914403007084611" + forbidden + "6T", "only 0-9");
        }
        assertInvalid("91AB0300708461136T", "region code");
        assertInvalid("91440300708461136U", "check character");
    }

    private static void assertInvalid(String raw, String detailPart) {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse(raw))
                .isInstanceOf(DcxException.class)
                .satisfies(e -> assertThat(((DcxException) e).code()).isEqualTo(ErrorCode.INVALID_CREDIT_CODE))
                .hasMessageContaining(detailPart);
    }
}
