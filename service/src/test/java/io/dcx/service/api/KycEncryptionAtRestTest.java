package io.dcx.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcx.service.application.kyc.KycView;
import io.dcx.service.application.port.KycStore;
import io.dcx.service.domain.kyc.KycTestData;
import io.dcx.service.infrastructure.crypto.AesGcmFieldCipher;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** What PostgreSQL holds of a KYC submission: ciphertext with its key id, keyed hashes, nothing readable. */
@QuarkusTest
class KycEncryptionAtRestTest {
    @Inject
    KycFixtures fixtures;
    @Inject
    KycStore store;
    @Inject
    AesGcmFieldCipher cipher;

    @Test
    void theStoredRowsHoldNoPlainPersonalData() {
        String subject = KycFixtures.newSubject("encrypted");
        String idNumber = KycTestData.randomResidentIdEndingInX();
        String phone = KycTestData.randomPhone();
        String card = KycTestData.randomBankCard();
        var submission = new io.dcx.service.application.kyc.KycSubmissions.Submission("INDIVIDUAL", "欧阳娜娜",
                idNumber, phone, card, "上海市黄浦区中山东一路1号", "device-7f3a9c", null, null);
        KycView view = fixtures.submit(subject, submission);

        String row = fixtures.text("SELECT row_to_json(k)::text FROM kyc_application k WHERE id = ?1", view.id());
        assertThat(row).doesNotContain(idNumber, idNumber.substring(0, 17), phone, card, "欧阳娜娜", "中山东一路",
                "device-7f3a9c", idNumber.substring(6, 14));
        String sealedId = fixtures.text("SELECT id_number_enc FROM kyc_application WHERE id = ?1", view.id());
        assertThat(sealedId).startsWith("v1:" + cipher.currentKeyId() + ":");
        assertThat(fixtures.text("SELECT name_enc FROM kyc_application WHERE id = ?1", view.id()))
                .startsWith("v1:test-2:");

        String signals = fixtures.text("SELECT string_agg(row_to_json(s)::text, ',') FROM kyc_signal s"
                + " WHERE account_id = ?1", view.accountId());
        assertThat(signals).contains("PHONE", "BANK_CARD", "ID_NUMBER", "DEVICE", "ADDRESS")
                .doesNotContain(idNumber, phone, card, "device-7f3a9c");
        assertThat(fixtures.text("SELECT row_to_json(a)::text FROM account a WHERE id = ?1", view.accountId()))
                .doesNotContain(subject);
        String audit = fixtures.text("SELECT string_agg(coalesce(before_json, '') || after_json, ',') FROM audit_event"
                + " WHERE subject_id = ?1", view.id());
        assertThat(audit).contains("SUBMITTED", "INDIVIDUAL").doesNotContain(idNumber, phone, card, "欧阳娜娜");

        // The store decrypts for the use cases.
        assertThat(store.find(view.id()).orElseThrow().data().idNumber()).isEqualTo(idNumber);
        assertThat(store.find(view.id()).orElseThrow().data().address()).isEqualTo("上海市黄浦区中山东一路1号");
    }

    @Test
    void valuesSealedWithARetiredKeyStillDecrypt() {
        String subject = KycFixtures.newSubject("rotated");
        KycView view = fixtures.submit(subject, KycFixtures.individual("钱二"));
        String oldKeys = ConfigProvider.getConfig().getValue("dcx.personal-data.old-keys", String.class);
        String[] idAndKey = oldKeys.split(":", 2);
        // As if this row had been written before the rotation from test-1 to test-2.
        AesGcmFieldCipher before = new AesGcmFieldCipher(idAndKey[0], idAndKey[1], "");
        String oldPhone = "13900001111";
        fixtures.execute("UPDATE kyc_application SET phone_enc = ?1 WHERE id = ?2",
                before.seal(oldPhone, "kyc_application/" + view.id() + "/phone"), view.id());

        assertThat(fixtures.text("SELECT phone_enc FROM kyc_application WHERE id = ?1", view.id()))
                .startsWith("v1:test-1:");
        assertThat(store.find(view.id()).orElseThrow().data().phone()).isEqualTo(oldPhone);
        assertThat(cipher.needsRotation(fixtures.text("SELECT phone_enc FROM kyc_application WHERE id = ?1",
                view.id()))).isTrue();
    }
}
