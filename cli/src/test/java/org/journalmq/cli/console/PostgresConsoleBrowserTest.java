package org.journalmq.cli.console;

import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.TestDatabases;
import org.junit.jupiter.api.AfterAll;

/** The browser tests on PostgreSQL, in tables of a random prefix dropped afterwards (TestDatabases). */
class PostgresConsoleBrowserTest extends ConsoleBrowserContract {
    private final JournalConfig pg = TestDatabases.postgres().build();

    @AfterAll
    void dropTables() {
        TestDatabases.dropAll(pg);
    }

    @Override
    JournalConnectionFactory factory() {
        JournalConnectionFactory f = new JournalConnectionFactory(pg.jdbcUrl());
        f.setUser(pg.user());
        f.setTablePrefix(pg.tablePrefix());
        f.setJmxEnabled(false);
        return f;
    }

    @Override
    String database() {
        return "postgresql";
    }
}
