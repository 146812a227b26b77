package org.journalmq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The commands against PostgreSQL, in tables of a random prefix dropped afterwards. */
class PostgresCommandsTest extends CommandContract {

    private static final PostgresJournal PG = new PostgresJournal();

    @BeforeAll
    static void requirePostgres() {
        PG.requireReachable();
    }

    @AfterAll
    static void dropTables() throws SQLException {
        PG.dropTables();
    }

    @Test
    void refusedCredentialsFailInOneLineWithoutThePassword() {
        Cli.Result r = Cli.run("receive", "--url", PG.url, "--user", "no_such_role_" + PG.prefix,
                "--password", "pw-never-shown", "--table-prefix", PG.prefix, "--queue", "q", "--timeout", "0");
        assertEquals(JournalMq.EXIT_ERROR, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("journalmq receive: "), r::toString);
        assertTrue(r.err().contains("refused the credentials"), r::toString);
        assertTrue(r.err().contains(PG.url), r::toString);
        assertFalse(r.err().contains("pw-never-shown"), r::toString);
        assertEquals(1, r.err().strip().lines().count(), r::toString);
    }

    @Override
    List<String> journal() {
        return PG.options();
    }
}
