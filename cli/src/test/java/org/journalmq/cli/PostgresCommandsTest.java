package org.journalmq.cli;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

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

    @Override
    List<String> journal() {
        return PG.options();
    }
}
