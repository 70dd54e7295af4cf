package io.dcx.service.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcx.service.domain.DcxException;
import io.dcx.service.domain.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @Test
    void onlyCny() {
        assertThat(Money.fen(100).currency()).isEqualTo("CNY");
        assertThatThrownBy(() -> new Money(100, "USD")).isInstanceOf(DcxException.class)
                .satisfies(e -> assertThat(((DcxException) e).code()).isEqualTo(ErrorCode.INVALID_CURRENCY));
        assertThatThrownBy(() -> new Money(100, null)).isInstanceOf(DcxException.class);
    }

    @Test
    void parsesWholeFenOnly() {
        assertThat(Money.parseFen("1050").fen()).isEqualTo(1050);
        assertThat(Money.parseFen("-7").fen()).isEqualTo(-7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.5", "1e3", "1,000", " 100", "+100", "", "0x10", "9999999999999999999"})
    void refusesAnythingButDigits(String raw) {
        assertThatThrownBy(() -> Money.parseFen(raw)).isInstanceOf(DcxException.class)
                .satisfies(e -> assertThat(((DcxException) e).code()).isEqualTo(ErrorCode.INVALID_AMOUNT));
    }

    @Test
    void arithmeticIsExact() {
        assertThat(Money.fen(10).plus(Money.fen(5)).minus(Money.fen(20))).isEqualTo(Money.fen(-5));
        assertThatThrownBy(() -> Money.fen(Long.MAX_VALUE).plus(Money.fen(1))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void postingsMustBalance() {
        BookAccount a = BookAccount.available("acc_0123456789abcdef01234567");
        BookAccount rail = BookAccount.railClearing("internal");
        Posting ok = Posting.transfer("DEPOSIT", "dep_1", rail, a, Money.fen(500));
        assertThat(ok.lines()).extracting(l -> l.amount().fen()).containsExactly(-500L, 500L);
        assertThatThrownBy(() -> new Posting("DEPOSIT", "dep_2",
                List.of(new PostingLine(rail, Money.fen(-500)), new PostingLine(a, Money.fen(499)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unbalanced");
        assertThatThrownBy(() -> new Posting("X", "r", List.of(new PostingLine(a, Money.fen(1)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PostingLine(a, Money.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bookAccountCodes() {
        assertThat(BookAccount.held("acc_0123456789abcdef01234567").code())
                .isEqualTo("user:acc_0123456789abcdef01234567:held");
        assertThat(BookAccount.available("acc_0123456789abcdef01234567").isCustomer()).isTrue();
        assertThat(BookAccount.exchange("fees").isCustomer()).isFalse();
        assertThatThrownBy(() -> new BookAccount("user:bob:available")).isInstanceOf(IllegalArgumentException.class);
    }
}
