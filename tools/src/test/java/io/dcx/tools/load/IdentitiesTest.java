package io.dcx.tools.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentitiesTest {

    @Test
    void checkCharacterOfAPublishedExample() {
        // GB 11643's own example, 11010519491231002X.
        assertEquals('X', Identities.idCheck("11010519491231002"));
        // The weights are 2^(17-i) mod 11: computed here independently of the table.
        String first17 = "44052419800101001";
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * (int) (Math.pow(2, 17 - i) % 11);
        }
        assertEquals((char) ('0' + (12 - sum % 11) % 11), Identities.idCheck(first17));
        assertEquals('3', Identities.idCheck(first17));
    }

    @Test
    void luhnOfAKnownCard() {
        assertEquals("79927398713", Identities.luhn("7992739871"));
        assertTrue(Identities.luhnValid("79927398713"));
        assertFalse(Identities.luhnValid("79927398710"));
    }

    @Test
    void everyUserGetsAValidAdultIdentityOfItsOwn() {
        Set<String> ids = new HashSet<>();
        Set<String> phones = new HashSet<>();
        Set<String> cards = new HashSet<>();
        for (int i = 0; i < 3000; i += 7) {
            Identities.Identity id = Identities.of(4711, i);
            assertTrue(id.idNumber().matches("110105\\d{11}[0-9X]"), id.idNumber());
            assertEquals(Identities.idCheck(id.idNumber().substring(0, 17)), id.idNumber().charAt(17));
            LocalDate birth = LocalDate.parse(id.idNumber().substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
            assertTrue(birth.isBefore(LocalDate.now().minusYears(18)), "adult: " + birth);
            assertTrue(id.phone().matches("1[3-9]\\d{9}"), id.phone());
            assertTrue(id.bankCard().matches("\\d{16}") && Identities.luhnValid(id.bankCard()), id.bankCard());
            assertTrue(ids.add(id.idNumber()) && phones.add(id.phone()) && cards.add(id.bankCard()), "distinct " + i);
        }
    }

    @Test
    void twoRunsDiffer() {
        Identities.Identity a = Identities.of(1, 5);
        Identities.Identity b = Identities.of(2, 5);
        assertFalse(a.idNumber().equals(b.idNumber()) || a.phone().equals(b.phone()) || a.bankCard().equals(b.bankCard()));
    }

    @Test
    void refusesIndexesItCannotKeepDistinct() {
        assertThrows(IllegalArgumentException.class, () -> Identities.of(1, 100_000));
        assertThrows(IllegalArgumentException.class, () -> Identities.of(1, -1));
    }
}
