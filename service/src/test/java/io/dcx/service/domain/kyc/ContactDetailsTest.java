package io.dcx.service.domain.kyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Phones, bank cards, names and masking. */
class ContactDetailsTest {

    @Test
    void mobilePhonesAreNormalised() {
        assertThat(MobilePhone.parse("138 1234 5678").value()).isEqualTo("13812345678");
        assertThat(MobilePhone.parse("+86 138-1234-5678").value()).isEqualTo("13812345678");
        assertThat(MobilePhone.parse("008619912345678").value()).isEqualTo("19912345678");
        assertThat(MobilePhone.parse("13812345678").masked()).isEqualTo("138****5678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12812345678", "1381234567", "138123456789", "02161234567", "abc", ""})
    void otherNumbersAreNotMobilePhones(String raw) {
        assertCode(() -> MobilePhone.parse(raw), ErrorCode.INVALID_PHONE);
    }

    @Test
    void bankCardsNeedTheLuhnDigit() {
        for (int i = 0; i < 20; i++) {
            String card = KycTestData.randomBankCard();
            assertThat(BankCard.parse(card).value()).isEqualTo(card);
            char wrong = card.charAt(card.length() - 1) == '9' ? '0' : (char) (card.charAt(card.length() - 1) + 1);
            assertCode(() -> BankCard.parse(card.substring(0, card.length() - 1) + wrong), ErrorCode.INVALID_BANK_CARD);
        }
        assertThat(BankCard.parse("4111 1111 1111 1111").value()).isEqualTo("4111111111111111");
        assertThat(BankCard.parse("6222021234567890128").masked()).isEqualTo("6222***********0128");
        assertCode(() -> BankCard.parse("411111111111111"), ErrorCode.INVALID_BANK_CARD); // 15 digits
        assertCode(() -> BankCard.parse("41111111111111111111"), ErrorCode.INVALID_BANK_CARD); // 20 digits
        assertCode(() -> BankCard.parse(null), ErrorCode.INVALID_BANK_CARD);
    }

    @Test
    void namesOfAnyScript() {
        assertThat(PersonName.parse("name", "  张三 ").value()).isEqualTo("张三");
        assertThat(PersonName.parse("name", "阿依古丽·买买提").value()).isEqualTo("阿依古丽·买买提");
        assertThat(PersonName.parse("name", "Zhang  San").value()).isEqualTo("Zhang San");
        assertCode(() -> PersonName.parse("name", "Zhang3"), ErrorCode.INVALID_NAME);
        assertCode(() -> PersonName.parse("name", ""), ErrorCode.INVALID_NAME);
        assertCode(() -> PersonName.parse("name", "x".repeat(51)), ErrorCode.INVALID_NAME);
        assertThatThrownBy(() -> PersonName.parse("legalRepresentative", "<script>"))
                .hasMessageStartingWith("legalRepresentative");
    }

    @Test
    void masking() {
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("欧阳锋")).isEqualTo("欧**");
        assertThat(Masking.name("Zhang San")).isEqualTo("Z**** S**");
        assertThat(Masking.name("阿依古丽·买买提")).isEqualTo("阿***·买**");
        assertThat(Masking.name("李")).isEqualTo("*");
        assertThat(Masking.keepEnds("device-abcdef", 0, 4)).isEqualTo("*********cdef");
        assertThat(Masking.keepStart("上海市黄浦区中山东一路1号", 6)).isEqualTo("上海市黄浦区*******");
        assertThat(Masking.keepEnds("1234", 4, 4)).isEqualTo("****");
    }

    private static void assertCode(Runnable action, ErrorCode code) {
        assertThatThrownBy(action::run).isInstanceOf(DcxException.class)
                .satisfies(e -> assertThat(((DcxException) e).code()).isEqualTo(code));
    }
}
