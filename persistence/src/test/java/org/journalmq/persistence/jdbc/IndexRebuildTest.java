package org.journalmq.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The thresholds of the index compaction (issue 13 item 3; README "Index compaction"). */
class IndexRebuildTest {
    private static final long MIB = 1024 * 1024;
    private static final long FLOOR = 64 * MIB;

    private static IndexRebuild.Candidate table(long liveRows, long indexBytes) {
        return new IndexRebuild.Candidate("jmq_delivery", "REINDEX", liveRows, indexBytes, 7, true, 0, true);
    }

    @Test
    @DisplayName("a drained table waits for autovacuum to clean its dead rows; without autovacuum it does not wait")
    void waitsForAutovacuum() {
        assertFalse(new IndexRebuild.Candidate("t", "R", 0, MIB, 7, true, 1_000_000, true).vacuumed());
        assertTrue(new IndexRebuild.Candidate("t", "R", 0, MIB, 7, true, 10_000, true).vacuumed());
        assertTrue(new IndexRebuild.Candidate("t", "R", 50_000, MIB, 7, true, 50_000, true).vacuumed());
        assertTrue(new IndexRebuild.Candidate("t", "R", 0, MIB, 7, true, 1_000_000, false).vacuumed());
    }

    @Test
    @DisplayName("a drained table whose indexes reach the floor is rebuilt; below the floor it is not")
    void floor() {
        assertTrue(table(0, 1186 * MIB).worthIt(FLOOR), "the 10,000,000 cycle's high-water mark");
        assertTrue(table(0, FLOOR).worthIt(FLOOR));
        assertFalse(table(0, FLOOR - 1).worthIt(FLOOR));
        assertFalse(table(0, 15 * MIB).worthIt(FLOOR), "the 100,000 baseline");
    }

    @Test
    @DisplayName("indexes that fit their live rows (4 x 64 bytes per row and index) are left alone, however large")
    void proportion() {
        // 1,000,000 live rows justify 7 x 64 B each = 427 MiB; four times that is 1,709 MiB.
        assertFalse(table(1_000_000, 174 * MIB).worthIt(FLOOR), "a full million-message queue");
        assertFalse(table(1_000_000, 1_700 * MIB).worthIt(FLOOR));
        assertTrue(table(1_000_000, 1_800 * MIB).worthIt(FLOOR));
        assertTrue(table(1_000, 174 * MIB).worthIt(FLOOR), "a million drained to a thousand");
    }

    @Test
    @DisplayName("without the floor (an operator's run), an empty table's indexes of one or two pages are left alone")
    void forcedLeavesEmptyIndexesAlone() {
        assertFalse(table(0, 7 * 8192).worthIt(0));
        assertFalse(table(0, 0).worthIt(0));
        assertTrue(table(0, MIB).worthIt(0));
    }
}
