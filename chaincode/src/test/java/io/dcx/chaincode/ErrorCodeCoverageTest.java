package io.dcx.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every error code has at least one test that provokes it ({@code refused(ErrorCode.X)}), so a new code needs one. */
class ErrorCodeCoverageTest {

    @Test
    void everyErrorCodeIsProvokedByATest() throws IOException {
        final StringBuilder sources = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            for (final Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.append(Files.readString(file));
            }
        }
        final List<String> untested = Arrays.stream(ErrorCode.values())
                .map(Enum::name)
                .filter(code -> !sources.toString().contains("refused(ErrorCode." + code + ")"))
                .toList();
        assertThat(untested).as("error codes without a test").isEmpty();
    }
}
