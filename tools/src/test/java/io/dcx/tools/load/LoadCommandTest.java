package io.dcx.tools.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LoadCommandTest {
    private static final String[] REQUIRED = {"load", "--url", "http://127.0.0.1:8092", "--oidc-url",
            "http://127.0.0.1:8181/realms/dcx", "--jdbc-url", "jdbc:postgresql://127.0.0.1:55433/dcx_load"};

    private static LoadCommand parse(String... extra) {
        String[] args = new String[REQUIRED.length + extra.length];
        System.arraycopy(REQUIRED, 0, args, 0, REQUIRED.length);
        System.arraycopy(extra, 0, args, REQUIRED.length, extra.length);
        CommandLine.ParseResult result = new CommandLine(new io.dcx.tools.DcxTools()).parseArgs(args);
        return (LoadCommand) result.subcommand().commandSpec().userObject();
    }

    @Test
    void everyFaultNeedsTheMeansToCarryItOut() {
        assertThrows(CommandLine.ParameterException.class, () -> parse().validate());  // default: all three
        assertThrows(CommandLine.ParameterException.class,
                () -> parse("--faults", "postgres", "--postgres-stop", "x").validate());
        assertThrows(CommandLine.ParameterException.class, () -> parse("--faults", "evm", "--evm-url",
                "http://127.0.0.1:8546", "--evm-stop", "x").validate());
        assertThrows(CommandLine.ParameterException.class, () -> parse("--faults", "disk").validate());
        LoadCommand ok = parse("--faults", "service,postgres", "--service-jar", "q.jar", "--postgres-stop", "a",
                "--postgres-start", "b");
        ok.validate();
        assertEquals(List.of("service", "postgres"), ok.faults);
        LoadCommand none = parse("--faults", "none");
        none.validate();
        assertTrue(none.faults.isEmpty());
    }

    @Test
    void refusesAnUnboundedOrEmptyRun() {
        assertThrows(CommandLine.ParameterException.class,
                () -> parse("--faults", "none", "--duration", "5").validate());
        assertThrows(CommandLine.ParameterException.class,
                () -> parse("--faults", "none", "--traders", "1").validate());
        LoadCommand mysql = (LoadCommand) new CommandLine(new io.dcx.tools.DcxTools()).parseArgs("load", "--url", "u",
                "--oidc-url", "o", "--jdbc-url", "jdbc:mysql://x/y", "--faults", "none").subcommand().commandSpec()
                .userObject();
        assertThrows(CommandLine.ParameterException.class, mysql::validate);
    }

    @Test
    void faultsAreSpreadOverTheRunAndEndBeforeIt() {
        List<Faults.Planned> plan = LoadCommand.plan(List.of("service", "postgres", "evm"), 100_000);
        assertEquals(List.of("service", "postgres", "evm"), plan.stream().map(Faults.Planned::part).toList());
        assertEquals(List.of(23_256L, 46_512L, 69_767L), plan.stream().map(Faults.Planned::atMs).toList());
        assertTrue(LoadCommand.plan(List.of(), 100_000).isEmpty());
    }
}
