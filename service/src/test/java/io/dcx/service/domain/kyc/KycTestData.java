package io.dcx.service.domain.kyc;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Valid (and deliberately invalid) identity data for tests. Check characters are computed here with an
 * independent, table-free implementation of the standards, so tests do not only echo the production code.
 */
public final class KycTestData {
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String USCC_SET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private KycTestData() {
    }

    /** GB 11643: weights are 2^(17-i) mod 11; check = (12 - sum mod 11) mod 11, 10 written X. */
    public static char idCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int weight = (int) (Math.pow(2, 17 - i) % 11);
            if (weight != ID_WEIGHTS[i]) {
                throw new AssertionError("weight table disagrees with 2^(17-i) mod 11 at " + i);
            }
            sum += (first17.charAt(i) - '0') * weight;
        }
        int check = (12 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    public static String residentId(String region, LocalDate birth, int sequence) {
        String first17 = region + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + idCheck(first17);
    }

    /** A valid id of an adult born between 1960 and 2000, in Beijing Chaoyang. */
    public static String randomResidentId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1960 + r.nextInt(40), 1 + r.nextInt(12), 1 + r.nextInt(28));
        return residentId("110105", birth, r.nextInt(1000));
    }

    /** A valid id whose check character is X. */
    public static String randomResidentIdEndingInX() {
        for (int attempt = 0; ; attempt++) {
            String id = randomResidentId();
            if (id.endsWith("X")) {
                return id;
            }
        }
    }

    /** The same number with a different (wrong) check character. */
    public static String withWrongCheck(String id) {
        char right = id.charAt(17);
        char wrong = right == '0' ? '1' : right == 'X' ? '0' : 'X';
        return id.substring(0, 17) + wrong;
    }

    public static String birthdayIdOfAge(int years, int plusDays) {
        LocalDate birth = LocalDate.now(SHANGHAI).minusYears(years).plusDays(plusDays);
        return residentId("310101", birth, ThreadLocalRandom.current().nextInt(1000));
    }

    /** GB 32100: check value = 31 - (sum mod 31), 31 meaning 0. */
    public static char creditCodeCheck(String first17) {
        int[] weights = new int[17];
        for (int i = 0; i < 17; i++) {
            weights[i] = (int) (Math.pow(3, i) % 31); // 1, 3, 9, 27, 19, 26, ...
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_SET.indexOf(first17.charAt(i)) * weights[i];
        }
        int check = 31 - sum % 31;
        return USCC_SET.charAt(check == 31 ? 0 : check);
    }

    public static String randomCreditCode() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder s = new StringBuilder("91310000");
        for (int i = 0; i < 9; i++) {
            s.append(USCC_SET.charAt(r.nextInt(USCC_SET.length())));
        }
        return s.toString() + creditCodeCheck(s.toString());
    }

    public static String randomPhone() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "1" + (3 + r.nextInt(7)) + String.format("%09d", r.nextInt(1_000_000_000));
    }

    /** A 16-digit card with a valid Luhn digit. */
    public static String randomBankCard() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String body = "6222" + String.format("%011d", r.nextLong(100_000_000_000L));
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return body + (10 - sum % 10) % 10;
    }
}
