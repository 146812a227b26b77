package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.journalmq.persistence.IndexCompaction;
import org.journalmq.persistence.IndexCompaction.Outcome;
import org.journalmq.persistence.dialect.IndexCompactionSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's compaction: its B-trees keep their high-water mark after the rows are gone, vacuumed
 * or not (1,186 MiB after a 10,000,000-message cycle, docs/benchmarks.md); only a rebuild shrinks
 * them, and {@code REINDEX TABLE CONCURRENTLY} rebuilds without blocking sends, claims or acks. A
 * table is rebuilt when its indexes reach the floor and exceed {@link IndexCompactor#RATIO} times
 * what its estimated live rows need, once autovacuum has cleaned it. One JVM at a time (an
 * advisory lock).
 */
final class IndexRebuild implements IndexCompactor.Run {
    private static final Logger LOG = LoggerFactory.getLogger(IndexRebuild.class);
    /**
     * Bytes one live row is allowed per index: a B-tree entry of the journal's keys (8-byte ids, a
     * destination name) with page overhead and half-empty pages is well below it, so a healthy
     * table stays under RATIO times this.
     */
    static final long BYTES_PER_ENTRY = 64;
    /**
     * Dead rows a table may hold (beyond its live ones) and still count as vacuumed. Until
     * autovacuum has cleaned a drained table, a rebuild would read its whole dead heap, cancel the
     * vacuum (their locks conflict), and record the table as empty at its full page count, which
     * the planner then believes until the next analyze; after the vacuum it costs milliseconds.
     */
    static final long DEAD_SLACK = 10_000;

    private final IndexCompactionSql sql;

    IndexRebuild(IndexCompactionSql sql) {
        this.sql = sql;
    }

    @Override
    public String refusedAdvice() {
        return "the database user does not own the journal's tables, so it may not rebuild their indexes; run"
                + " REINDEX TABLE CONCURRENTLY as the owner after a large backlog drained (README, \"Index compaction\")";
    }

    @Override
    public IndexCompaction compact(IndexCompactor job, Connection c, boolean forced, long floor) throws SQLException {
        c.setAutoCommit(true); // REINDEX/DROP INDEX CONCURRENTLY refuse a transaction block
        try {
            if (!queryBoolean(c, sql.tryLock())) {
                return IndexCompaction.of(Outcome.BUSY, "another JVM is compacting this journal's indexes");
            }
            try {
                return locked(job, c, forced, floor);
            } finally {
                queryBoolean(c, sql.unlock());
            }
        } finally {
            c.setAutoCommit(false);
        }
    }

    private IndexCompaction locked(IndexCompactor job, Connection c, boolean forced, long floor) throws SQLException {
        List<Candidate> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.sizes())) {
            while (rs.next()) {
                tables.add(new Candidate(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getInt(5), rs.getBoolean(6), rs.getLong(7), rs.getBoolean(8)));
            }
        }
        // A user that owns none of the tables (a client role under row-level security) may neither
        // rebuild nor drop their indexes: known before anything is tried, and the job stops.
        if (tables.stream().noneMatch(Candidate::mayRebuild)) {
            return notPermitted(0);
        }
        int dropped = 0;
        for (String drop : strings(c, sql.leftovers())) {
            job.execute(c, drop);
            dropped++;
        }
        if (dropped > 0) {
            LOG.info("JMQ1023 dropped {} invalid index(es) an interrupted rebuild left behind", dropped);
        }
        List<Candidate> due = tables.stream()
                .filter(t -> t.mayRebuild() && t.worthIt(floor) && (forced || t.vacuumed())).toList();
        if (due.isEmpty()) {
            return new IndexCompaction(Outcome.NOT_NEEDED, List.of(), dropped,
                    "no table's indexes are out of proportion to its rows (or autovacuum has yet to clean it)");
        }
        List<IndexCompaction.Table> done = new ArrayList<>();
        for (Candidate t : due) {
            long started = System.nanoTime();
            try {
                job.execute(c, t.reindex());
            } catch (SQLException e) {
                if ("42501".equals(e.getSQLState())) {
                    return notPermitted(dropped);
                }
                throw e;
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            long after = indexBytes(c, t.name());
            done.add(new IndexCompaction.Table(t.name(), t.liveRows(), t.indexBytes(), after, millis));
            LOG.info("JMQ1023 rebuilt the indexes of {} (about {} live rows): {} KiB -> {} KiB in {} ms", t.name(),
                    t.liveRows(), t.indexBytes() / 1024, after / 1024, millis);
        }
        return new IndexCompaction(Outcome.COMPACTED, done, dropped, "rebuilt " + done.size() + " table(s)");
    }

    private static IndexCompaction notPermitted(int dropped) {
        return new IndexCompaction(Outcome.NOT_PERMITTED, List.of(), dropped,
                "the database user may not rebuild the journal's indexes (it does not own the tables)");
    }

    private long indexBytes(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.sizes())) {
            while (rs.next()) {
                if (rs.getString(1).equals(table)) {
                    return rs.getLong(4);
                }
            }
        }
        return 0;
    }

    private static boolean queryBoolean(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static List<String> strings(Connection c, String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** A table as the size query saw it. */
    record Candidate(String name, String reindex, long liveRows, long indexBytes, int indexes,
                     boolean mayRebuild, long deadRows, boolean autovacuumed) {

        /** Cleaned by autovacuum already, or never to be (autovacuum off: then nothing to wait for). */
        boolean vacuumed() {
            return !autovacuumed || deadRows <= Math.max(liveRows, DEAD_SLACK);
        }

        /** At the floor, and more than RATIO times what the live rows need. */
        boolean worthIt(long floor) {
            long justified = liveRows * Math.max(1, indexes) * BYTES_PER_ENTRY;
            return indexBytes > 0 && indexBytes >= floor && indexBytes > IndexCompactor.RATIO * justified
                    && indexBytes > (long) indexes * 8192 * 2; // an empty index is one 8 KiB page, or two
        }
    }
}
