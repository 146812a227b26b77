package org.journalmq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.journalmq.persistence.TestDatabases;
import org.junit.jupiter.api.Test;

/** {@code journalmq console}'s usage errors: they stop it before it listens (exit 2). */
class ConsoleCommandTest {

    @Test
    void anotherBindAddressNeedsAPasswordFileAndAKeystore() {
        Cli.Result r = Cli.run("console", List.of("--url", TestDatabases.hsqldbMemUrl()), "--bind", "0.0.0.0",
                "--port", "0");
        assertEquals(JournalMq.EXIT_USAGE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("needs a console password (--password-file) and HTTPS (--keystore)"), r.err());
    }

    @Test
    void aSamplingPeriodBelowATenthOfASecondIsRefused() {
        Cli.Result r = Cli.run("console", List.of("--url", TestDatabases.hsqldbMemUrl()), "--sample", "0.01",
                "--port", "0");
        assertEquals(JournalMq.EXIT_USAGE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("sampling period must be at least 100 ms"), r.err());
    }
}
