package org.journalmq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures print one clear line (no stack trace, no password) and exit non-zero. */
class ErrorsTest {

    @TempDir
    Path dir;

    private static void assertOneLine(Cli.Result r) {
        assertEquals(1, r.err().strip().lines().count(), () -> "one line on stderr: " + r);
        assertFalse(r.err().contains("\tat "), () -> "no stack trace: " + r);
    }

    @Test
    void unknownDatabaseUrlNamesTheUrl() {
        Cli.Result r = Cli.run("send", "--url", "jdbc:nosuchdb:somewhere", "--queue", "q", "x");
        assertEquals(JournalMq.EXIT_ERROR, r.exitCode(), r::toString);
        assertTrue(r.err().contains("jdbc:nosuchdb:somewhere"), r::toString);
        assertTrue(r.err().startsWith("journalmq send: "), r::toString);
        assertOneLine(r);
    }

    @Test
    void unreachableDatabaseNamesTheUrlButNeverThePassword() {
        String url = "jdbc:postgresql://127.0.0.1:1/nowhere";
        Cli.Result r = Cli.run("receive", "--url", url, "--user", "u", "--password", "s3cret-pw",
                "--queue", "q", "--timeout", "0");
        assertEquals(JournalMq.EXIT_ERROR, r.exitCode(), r::toString);
        assertTrue(r.err().contains(url), r::toString);
        assertFalse(r.err().contains("s3cret-pw"), r::toString);
        assertOneLine(r);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("operator commands on an unreachable database: exit 1, one line naming the URL, no password")
    void operatorCommandsOnAnUnreachableDatabase() {
        String url = "jdbc:postgresql://127.0.0.1:1/nowhere";
        // Every operator command opens the journal through the same admin path; each try costs the
        // connect timeout (10 s), so two commands stand for all of them.
        for (String[] command : new String[][] {{"stat", "--json"}, {"dlq", "replay", "--queue", "q"}}) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command));
            args.addAll(java.util.List.of("--url", url, "--password", "s3cret-pw"));
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertEquals(JournalMq.EXIT_ERROR, r.exitCode(), r::toString);
            assertTrue(r.err().startsWith("journalmq " + String.join(" ", java.util.List.of(command).subList(0,
                    command[0].equals("dlq") ? 2 : 1)) + ": "), r::toString);
            assertTrue(r.err().contains(url), r::toString);
            assertFalse(r.err().contains("s3cret-pw"), r::toString);
            assertEquals("", r.out(), r::toString);
            assertOneLine(r);
        }
    }

    @Test
    void passwordInsideTheUrlIsMasked() {
        Cli.Result r = Cli.run("send", "--url", "jdbc:nosuchdb://h/db?user=u&password=in-url-pw", "--queue", "q", "x");
        assertEquals(JournalMq.EXIT_ERROR, r.exitCode(), r::toString);
        assertFalse(r.err().contains("in-url-pw"), r::toString);
        assertTrue(r.err().contains("password=" + Redaction.MASK), r::toString);
    }

    @Test
    void urlThatIsNotJdbcIsAUsageError() {
        Cli.Result r = Cli.run("send", "--url", "postgres://h/db", "--queue", "q", "x");
        assertEquals(JournalMq.EXIT_USAGE, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("journalmq send: property 'url' must be a JDBC URL"), r::toString);
        assertTrue(r.err().contains("postgres://h/db"), r::toString);
        assertOneLine(r);
    }

    @Test
    void invalidTablePrefixIsAUsageError() {
        Cli.Result r = Cli.run("send", "--url", "jdbc:hsqldb:file:" + dir.resolve("j"), "--table-prefix", "9bad",
                "--queue", "q", "x");
        assertEquals(JournalMq.EXIT_USAGE, r.exitCode(), r::toString);
        assertTrue(r.err().contains("9bad"), r::toString);
    }

    @Test
    void debugAddsTheStackTrace() {
        Cli.Result r = Cli.run("send", "--debug", "--url", "jdbc:nosuchdb:somewhere", "--queue", "q", "x");
        assertEquals(JournalMq.EXIT_ERROR, r.exitCode(), r::toString);
        assertTrue(r.err().contains("\tat "), r::toString);
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        String url = "jdbc:hsqldb:file:" + dir.resolve("j");
        assertEquals(JournalMq.EXIT_USAGE, Cli.run("send", "--url", url, "--queue", "q", "--priority", "10", "x").exitCode());
        assertEquals(JournalMq.EXIT_USAGE, Cli.run("send", "--url", url, "--queue", "q", "--property", "novalue", "x").exitCode());
        assertEquals(JournalMq.EXIT_USAGE, Cli.run("receive", "--url", url, "--queue", "q", "--count", "0").exitCode());
        Cli.Result noQueue = Cli.run("send", "--url", url, "x");
        assertEquals(JournalMq.EXIT_USAGE, noQueue.exitCode(), noQueue::toString);
        assertTrue(noQueue.err().contains("Missing required option: '--queue=NAME'"), noQueue::toString);
        assertOneLine(noQueue);
        assertEquals(JournalMq.EXIT_USAGE, Cli.run().exitCode(), "a subcommand is required");
    }

    @Test
    void helpListsTheExitCodes() {
        Cli.Result r = Cli.run("--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("3   receive: no message arrived within --timeout"), r::toString);
        Cli.Result receiveHelp = Cli.run("receive", "--help");
        assertTrue(receiveHelp.out().contains("3 when no message arrived within --timeout"), receiveHelp::toString);
    }
}
