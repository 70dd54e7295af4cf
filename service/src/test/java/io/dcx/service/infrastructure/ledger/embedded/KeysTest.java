package io.dcx.service.infrastructure.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** In-memory key order must be LevelDB's (and PostgreSQL bytea's): the order of the keys' UTF-8 bytes. */
class KeysTest {

    @Test
    void ordersKeysAsTheirUtf8Bytes() {
        Random random = new Random(42);
        int[] interesting = {0x0, 0x1, 0x41, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000,
                0x1F600, 0x10FFFF};
        for (int round = 0; round < 20_000; round++) {
            String a = randomKey(random, interesting);
            String b = randomKey(random, interesting);
            int expected = Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                    b.getBytes(StandardCharsets.UTF_8)));
            assertThat(Integer.signum(Keys.compare(a, b))).as("%s vs %s", a, b).isEqualTo(expected);
        }
    }

    private static String randomKey(Random random, int[] interesting) {
        StringBuilder key = new StringBuilder();
        int length = random.nextInt(4);
        for (int i = 0; i < length; i++) {
            key.appendCodePoint(interesting[random.nextInt(interesting.length)]);
        }
        return key.toString();
    }
}
