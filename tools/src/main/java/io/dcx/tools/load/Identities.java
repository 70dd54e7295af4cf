package io.dcx.tools.load;

import java.time.LocalDate;

/**
 * Valid, distinct KYC identities for the load run's users: a resident id number (GB 11643 check character), a
 * mobile number and a bank card (Luhn), all derived from the run's seed and the user's index. Distinct per user,
 * because two accounts sharing a phone or card are LINKED_ACCOUNTS and may not trade with each other, and two with
 * the same id number are one person (SELF_TRADE).
 */
final class Identities {
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String[] NAMES = {"陈静", "王芳", "李娜", "张伟", "刘洋", "杨敏", "赵磊", "黄丽", "周杰", "吴婷",
            "徐强", "孙悦", "马超", "朱琳", "胡军", "郭佳"};

    private Identities() {
    }

    /** One user's identity. */
    record Identity(String name, String idNumber, String phone, String bankCard) {
    }

    /**
     * The identity of user {@code index} (0..99,999) of run {@code seed}: born on a day between 1960 and 1999 that
     * the seed picks, with the index as the three-digit sequence and the birth day moved on by index / 1000.
     */
    static Identity of(long seed, int index) {
        if (index < 0 || index > 99_999) {
            throw new IllegalArgumentException("index must be 0..99999, got " + index);
        }
        long s = Math.floorMod(seed, 10_000L);
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(s + index / 1000);
        String first17 = "110105" + birth.toString().replace("-", "") + String.format("%03d", index % 1000);
        String id = first17 + idCheck(first17);
        // 1, [3-9], then nine digits: the seed in the first four, the index in the last five.
        String phone = "1" + (3 + (int) (s % 7)) + String.format("%04d%05d", s, index);
        String card = luhn("6222" + String.format("%04d%07d", s, index));
        return new Identity(NAMES[index % NAMES.length], id, phone, card);
    }

    /** GB 11643: check = (12 - sum(digit * weight) mod 11) mod 11, 10 written X. */
    static char idCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        int check = (12 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    /** The body with its Luhn check digit appended. */
    static String luhn(String body) {
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

    /** True if the digits (check digit last) pass the Luhn test. */
    static boolean luhnValid(String digits) {
        return digits.length() > 1 && luhn(digits.substring(0, digits.length() - 1)).equals(digits);
    }
}
