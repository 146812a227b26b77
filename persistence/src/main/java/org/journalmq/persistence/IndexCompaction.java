package org.journalmq.persistence;

import java.util.List;

/**
 * What one run of the compaction did (PostgreSQL: {@code REINDEX TABLE CONCURRENTLY} of the
 * journal's tables whose indexes a drained backlog left far larger than their rows need; HSQLDB:
 * {@code CHECKPOINT DEFRAG} of a data file far larger than its live part, reported as one "table"
 * named after the file, its sizes the file's).
 *
 * @param outcome  how the run ended
 * @param tables   the tables rebuilt, in order (empty unless {@link Outcome#COMPACTED})
 * @param leftoversDropped invalid indexes of an interrupted earlier rebuild that this run dropped
 * @param detail   a sentence for operators: why nothing was done, or what failed
 */
public record IndexCompaction(Outcome outcome, List<Table> tables, int leftoversDropped, String detail) {

    public IndexCompaction {
        tables = List.copyOf(tables);
    }

    /** How a run ended. */
    public enum Outcome {
        /** The journal has no compaction for this database (MariaDB). */
        UNSUPPORTED,
        /** Automatic compaction is off ({@code indexCompactionMinBytes=0}) or was stopped after a refusal. */
        DISABLED,
        /** No table's indexes were large enough, or out of proportion to their rows. */
        NOT_NEEDED,
        /** Another JVM is compacting this journal right now. */
        BUSY,
        /** The database user may not rebuild the indexes (it does not own the tables). */
        NOT_PERMITTED,
        /** At least one table was rebuilt. */
        COMPACTED,
        /** A rebuild failed; its invalid leftover index is dropped by the next run. */
        FAILED
    }

    /**
     * One rebuilt table.
     *
     * @param name        the table
     * @param liveRows    the estimated live rows that decided it
     * @param bytesBefore the bytes of its indexes before
     * @param bytesAfter  the bytes of its indexes after
     * @param millis      how long the rebuild took
     */
    public record Table(String name, long liveRows, long bytesBefore, long bytesAfter, long millis) {
    }

    public static IndexCompaction of(Outcome outcome, String detail) {
        return new IndexCompaction(outcome, List.of(), 0, detail);
    }
}
