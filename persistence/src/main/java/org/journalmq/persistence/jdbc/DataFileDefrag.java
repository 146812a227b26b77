package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.journalmq.persistence.IndexCompaction;
import org.journalmq.persistence.IndexCompaction.Outcome;
import org.journalmq.persistence.dialect.DataFileCompactionSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HSQLDB's compaction: its {@code .data} file holds every table and index and reuses freed space,
 * but never gives it back (1,344 MiB after a 1,000,000-message cycle, docs/benchmarks.md); only
 * {@code CHECKPOINT DEFRAG} does, by copying the live rows to a new file. That copy holds every
 * other session of the database, so the job defragments on its own only once the file is at the
 * floor, more than {@link IndexCompactor#RATIO} times its live part, and that live part is at most
 * half the floor: after a backlog has drained, when the copy is short (280 ms for a drained 1.3 GB
 * file here). An operator's forced run copies whatever is live.
 */
final class DataFileDefrag implements IndexCompactor.Run {
    private static final Logger LOG = LoggerFactory.getLogger(DataFileDefrag.class);
    /** A fresh data file takes a few MiB (its table space blocks): below this, never worth a defrag. */
    static final long MIN_FILE_BYTES = 16L << 20;

    private final DataFileCompactionSql sql;

    DataFileDefrag(DataFileCompactionSql sql) {
        this.sql = sql;
    }

    /** The data file as its last checkpoint counted it. */
    record DataFile(String name, long bytes, long freeBytes) {
        long liveBytes() {
            return Math.max(0, bytes - freeBytes);
        }

        /** Out of proportion, and (unless forced) little enough live to copy while others wait. */
        boolean worthIt(boolean forced, long floor) {
            return bytes >= Math.max(floor, MIN_FILE_BYTES) && bytes > IndexCompactor.RATIO * liveBytes()
                    && (forced || liveBytes() <= floor / 2);
        }
    }

    @Override
    public String refusedAdvice() {
        return "the database user may not run CHECKPOINT DEFRAG (it needs the DBA role); run it as an administrator"
                + " after a large backlog drained (README, \"Disk space\")";
    }

    @Override
    public IndexCompaction compact(IndexCompactor job, Connection c, boolean forced, long floor) throws SQLException {
        c.setAutoCommit(true); // a checkpoint is no part of a transaction
        try {
            DataFile before = dataFile(c);
            if (before == null) {
                return IndexCompaction.of(Outcome.NOT_NEEDED, "the database keeps its tables in memory: no data file");
            }
            if (!before.worthIt(forced, floor)) {
                return IndexCompaction.of(Outcome.NOT_NEEDED, String.format(
                        "the data file (%d KiB, about %d KiB live) is not out of proportion to its rows%s",
                        before.bytes() / 1024, before.liveBytes() / 1024,
                        forced ? "" : ", or too much of it is live to copy while the journal waits"));
            }
            long rows = rows(c);
            long started = System.nanoTime();
            try {
                job.execute(c, sql.defrag());
            } catch (SQLException e) {
                if ("42501".equals(e.getSQLState())) {
                    return IndexCompaction.of(Outcome.NOT_PERMITTED,
                            "the database user may not defragment the data file (CHECKPOINT DEFRAG needs the DBA role)");
                }
                throw e;
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            DataFile after = dataFile(c);
            long afterBytes = after == null ? 0 : after.bytes();
            LOG.info("JMQ1023 defragmented the data file {} (about {} delivery rows): {} KiB -> {} KiB in {} ms",
                    before.name(), rows, before.bytes() / 1024, afterBytes / 1024, millis);
            return new IndexCompaction(Outcome.COMPACTED,
                    List.of(new IndexCompaction.Table(before.name(), rows, before.bytes(), afterBytes, millis)), 0,
                    "defragmented the data file");
        } finally {
            c.setAutoCommit(false);
        }
    }

    private DataFile dataFile(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.file())) {
            return rs.next() ? new DataFile(rs.getString(1), rs.getLong(2), rs.getLong(3)) : null;
        }
    }

    private long rows(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.rows())) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
