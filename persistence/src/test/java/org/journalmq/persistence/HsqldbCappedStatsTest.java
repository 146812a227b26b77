package org.journalmq.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link CappedStatsContract} on an in-memory HSQLDB journal. */
class HsqldbCappedStatsTest extends CappedStatsContract {

    @Override
    JournalConfig.Builder freshConfig() {
        return JournalConfig.builder(TestDatabases.hsqldbMemUrl());
    }

    @Override
    void cleanUp(JournalConfig config) {
        TestDatabases.shutdownHsqldb(config.jdbcUrl());
    }

    /**
     * HSQLDB's estimate is the table's row count less every part counted: with one deep destination
     * it comes out right: 35 rows - 5 on SMALL - 3 in flight = 27 waiting. They are split into ready
     * and scheduled as the rows read at the head are; the scheduled row is the last one, not among
     * them, so all 27 show as ready: the split is an estimate as well, and marked as one.
     */
    @Test
    void oneDeepDestinationGetsTheRowsNotCounted() {
        Journal j = filled();
        DestinationStats deep = of(j.overview(LIMIT), DEEP);
        assertTrue(deep.waitingEstimated());
        assertEquals(27, deep.ready() + deep.scheduled(), deep.toString());
        assertEquals(30, deep.depth());
    }
}
