package org.journalmq.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * When the job defragments an HSQLDB data file on its own: out of proportion to its live part, and
 * that part small enough to copy while every other session waits (a defrag holds the database).
 */
class DataFileDefragTest {
    private static final long MIB = 1L << 20;
    private static final long FLOOR = 64 * MIB;

    private static DataFileDefrag.DataFile file(long bytes, long live) {
        return new DataFileDefrag.DataFile("j.data", bytes, bytes - live);
    }

    @Test
    void aDrainedBacklogsFileIsDefragmented() {
        assertTrue(file(1_344 * MIB, 4 * MIB).worthIt(false, FLOOR));
    }

    @Test
    void aFileThatFitsItsRowsIsNot() {
        assertFalse(file(1_344 * MIB, 1_300 * MIB).worthIt(false, FLOOR), "a deep queue");
        assertFalse(file(1_344 * MIB, 1_300 * MIB).worthIt(true, 0), "not even when forced");
        assertFalse(file(400 * MIB, 101 * MIB).worthIt(true, 0), "under 4 times its live part");
    }

    @Test
    void tooMuchLiveToCopyWaitsForTheDrainUnlessForced() {
        assertFalse(file(1_344 * MIB, 40 * MIB).worthIt(false, FLOOR), "over half the floor is live");
        assertTrue(file(1_344 * MIB, 32 * MIB).worthIt(false, FLOOR));
        assertTrue(file(1_344 * MIB, 40 * MIB).worthIt(true, 0), "an operator's run copies what is live");
    }

    @Test
    void smallFilesAreLeftAlone() {
        assertFalse(file(60 * MIB, 0).worthIt(false, FLOOR), "under the floor");
        assertFalse(file(12 * MIB, 0).worthIt(true, 0), "a fresh file's table space blocks");
    }
}
