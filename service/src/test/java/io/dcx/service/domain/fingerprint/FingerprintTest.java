package io.dcx.service.domain.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FingerprintTest {
    private static final FingerprintKind IMAGE = FingerprintKind.IMAGE_DCT64;

    @Test
    void hexIsSixteenLowercaseCharactersWithLeadingZeros() {
        assertThat(new Fingerprint(IMAGE, 0L).hex()).isEqualTo("0000000000000000");
        assertThat(new Fingerprint(IMAGE, 0xABL).hex()).isEqualTo("00000000000000ab");
        assertThat(new Fingerprint(IMAGE, -1L).hex()).isEqualTo("ffffffffffffffff");
        assertThat(new Fingerprint(IMAGE, 0x8000000000000000L).hex()).isEqualTo("8000000000000000");
    }

    @Test
    void parseReadsWhatHexWrites() {
        for (long bits : new long[] {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x0123456789abcdefL}) {
            Fingerprint fp = new Fingerprint(FingerprintKind.TEXT_SIMHASH64, bits);
            assertThat(Fingerprint.parse(FingerprintKind.TEXT_SIMHASH64, fp.hex())).isEqualTo(fp);
        }
        assertThat(Fingerprint.parse(IMAGE, "F0E1D2C3B4A59687").hex()).isEqualTo("f0e1d2c3b4a59687");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "0123456789abcde", "0123456789abcdef0", "0123456789abcdeg", "+123456789abcdef",
            "-123456789abcdef", " 123456789abcdef", "０123456789abcdef"})
    void parseRefusesAnythingButSixteenHexCharacters(String hex) {
        assertThatThrownBy(() -> Fingerprint.parse(IMAGE, hex)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseRefusesNull() {
        assertThatThrownBy(() -> Fingerprint.parse(IMAGE, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void distanceIsTheNumberOfDifferingBits() {
        Fingerprint a = new Fingerprint(IMAGE, 0b1011L);
        assertThat(a.distance(a)).isZero();
        assertThat(a.distance(new Fingerprint(IMAGE, 0b0110L))).isEqualTo(3);
        assertThat(new Fingerprint(IMAGE, 0L).distance(new Fingerprint(IMAGE, -1L))).isEqualTo(64);
    }

    @Test
    void fingerprintsOfDifferentKindsAreNotComparable() {
        Fingerprint image = new Fingerprint(IMAGE, 1L);
        Fingerprint text = new Fingerprint(FingerprintKind.TEXT_SIMHASH64, 1L);
        assertThatThrownBy(() -> image.distance(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("image-dct64").hasMessageContaining("text-simhash64");
    }

    @Test
    void noneIsTheAbsenceOfAFingerprintNotAKind() {
        assertThatThrownBy(() -> new Fingerprint(FingerprintKind.NONE, 0L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fingerprint(null, 0L)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void wireNamesAreTheOnChainNames() {
        assertThat(FingerprintKind.IMAGE_DCT64.wireName()).isEqualTo("image-dct64");
        assertThat(FingerprintKind.TEXT_SIMHASH64.wireName()).isEqualTo("text-simhash64");
        assertThat(FingerprintKind.NONE.wireName()).isEqualTo("none");
        for (FingerprintKind kind : FingerprintKind.values()) {
            assertThat(FingerprintKind.fromWireName(kind.wireName())).isSameAs(kind);
        }
        assertThatThrownBy(() -> FingerprintKind.fromWireName("audio-chroma"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FingerprintKind.fromWireName("IMAGE_DCT64"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FingerprintKind.fromWireName(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
