package org.journalmq.ra;

import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The inbound delivery tests on a PostgreSQL journal, where competing delivery sessions claim with
 * FOR UPDATE SKIP LOCKED (a fresh table prefix per test; skipped without PostgreSQL, mandatory when
 * CI=true). The database-outage test stays HSQLDB-only: it stops an HSQLDB server in the test JVM.
 */
class InboundDeliveryPostgresTest extends InboundDeliveryTest {

    private JournalConfig config;

    @BeforeEach
    @Override
    void setUp() throws Exception {
        config = TestDatabases.postgres().build();
        super.setUp();
    }

    @AfterEach
    @Override
    void tearDown() throws Exception {
        try {
            super.tearDown();
        } finally {
            TestDatabases.dropAll(config);
        }
    }

    @Override
    String journalUrl() {
        return config.jdbcUrl();
    }

    @Override
    String user() {
        return config.user();
    }

    @Override
    String tablePrefix() {
        return config.tablePrefix();
    }

    /** Not run here (no @Test): it needs an HSQLDB server it can stop and start. */
    @Override
    void databaseDownAtActivation() {
    }
}
