package io.dcx.service.infrastructure.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AesGcmFieldCipherTest {
    private static final String OLD = key();
    private static final String NEW = key();

    private static String key() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void sealsWithARandomNonceAndTheKeyIdAndOpensAgain() {
        AesGcmFieldCipher cipher = new AesGcmFieldCipher("k1", OLD, "");
        String a = cipher.seal("11010519491231002X", "kyc_application/kyc_1/id_number");
        String b = cipher.seal("11010519491231002X", "kyc_application/kyc_1/id_number");
        assertThat(a).startsWith("v1:k1:").doesNotContain("11010519491231002X").isNotEqualTo(b);
        assertThat(cipher.open(a, "kyc_application/kyc_1/id_number")).isEqualTo("11010519491231002X");
        assertThat(cipher.open(b, "kyc_application/kyc_1/id_number")).isEqualTo("11010519491231002X");
        assertThat(AesGcmFieldCipher.keyIdOf(a)).isEqualTo("k1");
        assertThat(cipher.seal(null, "x")).isNull();
        assertThat(cipher.seal("张三", "c")).satisfies(s -> assertThat(cipher.open(s, "c")).isEqualTo("张三"));
    }

    @Test
    void aValueMovedToAnotherRowOrColumnOrTamperedWithDoesNotOpen() {
        AesGcmFieldCipher cipher = new AesGcmFieldCipher("k1", OLD, "");
        String sealed = cipher.seal("13812345678", "kyc_application/kyc_1/phone");
        assertThatThrownBy(() -> cipher.open(sealed, "kyc_application/kyc_2/phone"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not authenticate");
        assertThatThrownBy(() -> cipher.open(sealed, "kyc_application/kyc_1/bank_card"))
                .isInstanceOf(IllegalStateException.class);
        byte[] raw = Base64.getDecoder().decode(sealed.substring("v1:k1:".length()));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:k1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.open(tampered, "kyc_application/kyc_1/phone"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterARotationOldValuesStillOpenAndNewOnesUseTheNewKey() {
        String sealedBefore = new AesGcmFieldCipher("k1", OLD, "").seal("secret", "ctx");
        AesGcmFieldCipher rotated = new AesGcmFieldCipher("k2", NEW, "k1:" + OLD);
        assertThat(rotated.open(sealedBefore, "ctx")).isEqualTo("secret");
        assertThat(rotated.needsRotation(sealedBefore)).isTrue();
        String sealedAfter = rotated.seal("secret", "ctx");
        assertThat(sealedAfter).startsWith("v1:k2:");
        assertThat(rotated.needsRotation(sealedAfter)).isFalse();

        AesGcmFieldCipher withoutOldKey = new AesGcmFieldCipher("k2", NEW, "");
        assertThatThrownBy(() -> withoutOldKey.open(sealedBefore, "ctx"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown data key id k1");
        // A key id claiming to be k1 but with another key's bytes does not open either.
        AesGcmFieldCipher wrongBytes = new AesGcmFieldCipher("k1", NEW, "");
        assertThatThrownBy(() -> wrongBytes.open(sealedBefore, "ctx")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesBadKeys() {
        assertThatThrownBy(() -> new AesGcmFieldCipher("k1", Base64.getEncoder().encodeToString(new byte[16]), ""))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new AesGcmFieldCipher("k1", "not base64!", "")).hasMessageContaining("base64");
        assertThatThrownBy(() -> new AesGcmFieldCipher("bad id", OLD, "")).hasMessageContaining("key id");
        assertThatThrownBy(() -> new AesGcmFieldCipher("k1", OLD, "k1:" + NEW)).hasMessageContaining("twice");
    }
}
