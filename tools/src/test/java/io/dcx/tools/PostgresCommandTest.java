package io.dcx.tools;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresCommandTest {

    private static PostgresCommand parse(String... args) {
        CommandLine cl = DcxTools.commandLine();
        CommandLine.ParseResult result = cl.parseArgs(args);
        return (PostgresCommand) result.subcommand().commandSpec().userObject();
    }

    @Test
    void defaultsToDcxDatabaseUserAndPassword() {
        PostgresCommand cmd = parse("postgres", "--data", "/tmp/pg", "--port", "55432");
        cmd.validate();
        assertEquals(Path.of("/tmp/pg"), cmd.data);
        assertEquals(55432, cmd.port);
        assertEquals("dcx", cmd.database);
        assertEquals("dcx", cmd.user);
        assertEquals("dcx", cmd.password);
        assertEquals("jdbc:postgresql://127.0.0.1:55432/dcx", cmd.jdbcUrl());
    }

    @Test
    void takesDatabaseUserAndPassword() {
        PostgresCommand cmd = parse("postgres", "--data", "d", "--port", "55433",
                "--db", "dcx_test", "--user", "tester", "--password", "s3cr'et");
        cmd.validate();
        assertEquals("dcx_test", cmd.database);
        assertEquals("tester", cmd.user);
        assertEquals("s3cr'et", cmd.password);
    }

    @Test
    void dataAndPortAreRequired() {
        assertThrows(CommandLine.MissingParameterException.class, () -> parse("postgres", "--port", "1"));
        assertThrows(CommandLine.MissingParameterException.class, () -> parse("postgres", "--data", "d"));
    }

    @Test
    void rejectsBadPortAndNames() {
        assertThrows(CommandLine.ParameterException.class, () -> parse("postgres", "--data", "d", "--port", "x"));
        assertThrows(CommandLine.ParameterException.class,
                () -> parse("postgres", "--data", "d", "--port", "70000").validate());
        assertThrows(CommandLine.ParameterException.class,
                () -> parse("postgres", "--data", "d", "--port", "1", "--db", "x; drop").validate());
        assertThrows(CommandLine.ParameterException.class,
                () -> parse("postgres", "--data", "d", "--port", "1", "--user", "Bob").validate());
        assertThrows(CommandLine.ParameterException.class,
                () -> parse("postgres", "--data", "d", "--port", "1", "--user", "postgres").validate());
        assertThrows(CommandLine.ParameterException.class,
                () -> parse("postgres", "--data", "d", "--port", "1", "--password", "").validate());
    }

    @Test
    void quotesSqlSafely() {
        assertEquals("'it''s'", PostgresCommand.quoteLiteral("it's"));
        assertEquals("\"a\"\"b\"", PostgresCommand.quoteIdent("a\"b"));
    }

    @Test
    void missingSubcommandIsAUsageError() {
        CommandLine cl = DcxTools.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute());
        assertTrue(err.toString().contains("Missing subcommand"), err.toString());
    }

    @Test
    void helpListsThePostgresCommand() {
        CommandLine cl = DcxTools.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("--help"));
        assertTrue(out.toString().contains("postgres"), out.toString());
    }
}
