package org.journalmq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.journalmq.persistence.JournalConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The commands against PostgreSQL, in tables of a random prefix dropped afterwards (TestDatabases). */
class PostgresCommandsTest extends CommandContract {

    @RegisterExtension
    static final PostgresJournal PG = new PostgresJournal();

    @Test
    void refusedCredentialsFailInOneLineWithoutThePassword() {
        JournalConfig pg = PG.config();
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
        return PG.options();
    }
}
