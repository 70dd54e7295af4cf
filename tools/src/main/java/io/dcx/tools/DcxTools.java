package io.dcx.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the small command-line programs that the {@code ./dcx} launcher runs.
 * Each program is a picocli subcommand; {@code java -jar dcx-tools.jar --help} lists them.
 */
@Command(
        name = "dcx-tools",
        mixinStandardHelpOptions = true,
        version = "dcx-tools 0.1.0",
        description = "Helpers for the dcx launcher.",
        subcommands = {PostgresCommand.class, VerifyProofCommand.class, io.dcx.tools.load.LoadCommand.class,
                CommandLine.HelpCommand.class})
public final class DcxTools implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    /** The command line, built in one place so tests parse exactly what {@link #main} parses. */
    static CommandLine commandLine() {
        return new CommandLine(new DcxTools());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
