package org.journalmq.micrometer;

import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The binder on PostgreSQL, in tables of a random prefix dropped afterwards. */
class PostgresMetricsTest extends MetricsContract {

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

    @Override
    JournalConnectionFactory factory() {
        JournalConnectionFactory f = new JournalConnectionFactory(pg.jdbcUrl());
        f.setUser(pg.user());
        f.setTablePrefix(pg.tablePrefix());
        return f;
    }
}
