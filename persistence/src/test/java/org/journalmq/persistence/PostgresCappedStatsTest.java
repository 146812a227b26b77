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
