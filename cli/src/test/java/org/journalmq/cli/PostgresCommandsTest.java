package org.journalmq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The commands against PostgreSQL, in tables of a random prefix dropped afterwards (TestDatabases). */
class PostgresCommandsTest extends CommandContract {

    private static JournalConfig pg;

    @BeforeAll
    static void requirePostgres() {
        pg = TestDatabases.postgres().build();
    }

    @AfterAll
    static void dropTables() {
        if (pg != null) {
            TestDatabases.dropAll(pg);
        }
    }

    @Test
    void refusedCredentialsFailInOneLineWithoutThePassword() {
        Cli.Result r = Cli.run("receive", "--url", pg.jdbcUrl(), "--user", "no_such_role_" + pg.tablePrefix(),
                "--password", "pw-never-shown", "--table-prefix", pg.tablePrefix(), "--queue", "q", "--timeout", "0");
        assertEquals(JournalMq.EXIT_ERROR, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("journalmq receive: "), r::toString);
        assertTrue(r.err().contains("refused the credentials"), r::toString);
        assertTrue(r.err().contains(pg.jdbcUrl()), r::toString);
        assertFalse(r.err().contains("pw-never-shown"), r::toString);
        assertEquals(1, r.err().strip().lines().count(), r::toString);
    }

    @Override
    List<String> journal() {
        return options(pg);
    }

    /** The CLI's connection options for a journal configuration. */
    static List<String> options(JournalConfig config) {
        return List.of("--url", config.jdbcUrl(), "--user", config.user(), "--table-prefix", config.tablePrefix());
    }
}
