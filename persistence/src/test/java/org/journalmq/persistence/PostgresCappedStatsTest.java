package org.journalmq.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CappedStatsContract} on PostgreSQL, each test with its own table prefix. The shared test
 * server runs with autovacuum off, so the tests that need the planner's statistics ANALYZE themselves.
 */
class PostgresCappedStatsTest extends CappedStatsContract {

    @BeforeEach
    void needsPostgres() {
        TestDatabases.assumePostgres();
    }

    @Override
    JournalConfig.Builder freshConfig() {
        return TestDatabases.postgres();
    }

    @Override
    void cleanUp(JournalConfig config) {
        TestDatabases.dropAll(config);
    }

    /**
     * Under row-level security (migration 10) a client role sees only the rows the ACL lets it
     * browse; the capped figures come from a SECURITY DEFINER function, as the full count does, so
     * that a client is shown every destination's counts (names and counts only), deep or not.
     */
    @Test
    void aClientRoleUnderRowSecuritySeesEveryDestinationsFigures() {
        PostgresRoles.ensure();
        String prefix = TestDatabases.randomPrefix();
        JournalConfig admin = PostgresRoles.as(PostgresRoles.ADMIN, prefix).build();
        try (Journal owner = Journals.open(admin)) {
            PostgresRoles.grantClient(prefix, PostgresRoles.ALICE);
            PostgresRoles.permit(prefix, PostgresRoles.ALICE, "browse", "queue:a.*");
            java.util.List<NewMessage> rows = new java.util.ArrayList<>();
            for (int i = 0; i < 15; i++) {
                rows.add(ConformanceSupport.message("Q:b.1", 4, "b" + i));
            }
            rows.add(ConformanceSupport.message("Q:a.1", 4, "a"));
            ConformanceSupport.sendAll(owner, rows);
            try (Journal alice = Journals.open(PostgresRoles.as(PostgresRoles.ALICE, prefix).build())) {
                JournalOverview o = alice.overview(LIMIT);
                DestinationStats theirs = of(o, "Q:b.1");
                assertTrue(theirs.waitingEstimated(), "15 rows it may not browse, limit 10: " + theirs);
                assertTrue(theirs.ready() > LIMIT, theirs.toString());
                DestinationStats mine = of(o, "Q:a.1");
                assertEquals(1, mine.ready());
                assertEquals(false, mine.estimated());
            }
        } finally {
            TestDatabases.dropAll(admin);
        }
    }

    /** Once analyzed, a deep destination's estimate is the planner's row estimate for it. */
    @Test
    void analyzedTheEstimateIsThePlannersForTheDestination() throws Exception {
        Journal j = filled();
        try (Connection c = TestDatabases.connect(config); Statement s = c.createStatement()) {
            s.execute("ANALYZE " + config.tablePrefix() + "DELIVERY");
        }
        DestinationStats deep = of(j.overview(LIMIT), DEEP);
        assertTrue(deep.waitingEstimated());
        // 35 rows, all sampled: the statistics hold each destination's and state's frequency exactly
        long waiting = deep.ready() + deep.scheduled();
        assertTrue(waiting >= 24 && waiting <= 30, "27 waiting, estimated " + waiting);
        assertEquals(3, deep.inFlight());
    }
}
