package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.journalmq.persistence.IndexCompaction;
import org.journalmq.persistence.IndexCompaction.Outcome;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.dialect.IndexCompactionSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives back the index space a drained backlog left behind (issue 13 item 3). PostgreSQL's B-trees
 * keep their high-water mark after the rows are gone, vacuumed or not (1,186 MiB after a
 * 10,000,000-message cycle, docs/benchmarks.md); only a rebuild shrinks them, and
 * {@code REINDEX TABLE CONCURRENTLY} rebuilds without blocking sends, claims or acks. A table is
 * rebuilt only when worth it: its indexes reach the floor ({@code indexCompactionMinBytes}) and
 * exceed {@link #RATIO} times what its estimated live rows need. Runs on a thread of its own,
 * never the maintenance thread, whose heartbeats must not wait on a rebuild.
 */
final class IndexCompactor {
    private static final Logger LOG = LoggerFactory.getLogger(IndexCompactor.class);
    /**
     * Bytes one live row is allowed per index: a B-tree entry of the journal's keys (8-byte ids, a
     * destination name) with page overhead and half-empty pages is well below it, so a healthy
     * table stays under RATIO times this.
     */
    static final long BYTES_PER_ENTRY = 64;
    /** How many times what the live rows justify the indexes must exceed: far larger, not a bit. */
    static final long RATIO = 4;
    /**
     * Dead rows a table may hold (beyond its live ones) and still count as vacuumed. Until
     * autovacuum has cleaned a drained table, a rebuild would read its whole dead heap, cancel the
     * vacuum (their locks conflict), and record the table as empty at its full page count, which
     * the planner then believes until the next analyze; after the vacuum it costs milliseconds.
     */
    static final long DEAD_SLACK = 10_000;
    /** How often the scheduled job looks at the sizes: one catalog query, cheap at any depth. */
    static final long CHECK_MILLIS = 60_000;

    private final Database db;
    private final IndexCompactionSql sql;
    private final long minBytes;
    /** Set once the database refused a rebuild (or the user owns no table): scheduled runs stop. */
    private volatile boolean refused;
    private volatile boolean failureLogged;
    private volatile Statement running;
    private volatile boolean closing;
    /** Its own thread: a rebuild may take minutes, and the maintenance thread's heartbeats go on meanwhile. */
    private final ScheduledExecutorService thread;

    private IndexCompactor(Database db, IndexCompactionSql sql, long minBytes, int instance) {
        this.db = db;
        this.sql = sql;
        this.minBytes = minBytes;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "journalmq-compaction-" + instance);
            t.setDaemon(true);
            return t;
        });
    }

    /** The compaction of a journal, its job scheduled unless the floor is 0 (off). */
    static IndexCompactor start(Database db, IndexCompactionSql sql, long minBytes, int instance) {
        IndexCompactor compactor = new IndexCompactor(db, sql, minBytes, instance);
        if (minBytes > 0) {
            compactor.thread.scheduleWithFixedDelay(compactor::runScheduled, CHECK_MILLIS, CHECK_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
        return compactor;
    }

    /** A run on the compaction thread, so that two of this journal never overlap; waits for it. */
    IndexCompaction compactNow(boolean forced) {
        try {
            return thread.submit(() -> compact(forced)).get();
        } catch (RejectedExecutionException e) {
            throw new JournalException(JournalException.Kind.CLOSED, "journal closed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalException(JournalException.Kind.CLOSED, "interrupted while compacting indexes", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Stops the job; cancels a rebuild in progress, whose invalid index the next run drops. */
    void close() {
        closing = true;
        thread.shutdown();
        cancel();
    }

    /** The scheduled job: never throws, so the schedule continues. */
    void runScheduled() {
        try {
            compact(false);
        } catch (RuntimeException e) {
            LOG.warn("JMQ1025 index compaction failed", e);
        }
    }

    /**
     * One run. Forced (an operator's request) ignores the floor and a previous refusal, not the
     * proportion: a table whose indexes fit its rows is never rebuilt.
     */
    IndexCompaction compact(boolean forced) {
        if (!forced && (minBytes <= 0 || refused)) {
            return IndexCompaction.of(Outcome.DISABLED, minBytes <= 0 ? "indexCompactionMinBytes is 0"
                    : "the database user may not rebuild the journal's indexes");
        }
        try (Connection c = db.connection()) {
            c.setAutoCommit(true); // REINDEX/DROP INDEX CONCURRENTLY refuse a transaction block
            try {
                if (!queryBoolean(c, sql.tryLock())) {
                    return IndexCompaction.of(Outcome.BUSY, "another JVM is compacting this journal's indexes");
                }
                try {
                    return locked(c, forced);
                } finally {
                    queryBoolean(c, sql.unlock());
                }
            } finally {
                c.setAutoCommit(false);
            }
        } catch (SQLException e) {
            return failed(e);
        }
    }

    private void cancel() {
        Statement s = running;
        if (s != null) {
            try {
                s.cancel();
            } catch (SQLException ignored) {
                // The connection is going away with the pool anyway.
            }
        }
    }

    private IndexCompaction locked(Connection c, boolean forced) throws SQLException {
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
            execute(c, drop);
            dropped++;
        }
        if (dropped > 0) {
            LOG.info("JMQ1023 dropped {} invalid index(es) an interrupted rebuild left behind", dropped);
        }
        long floor = forced ? 0 : minBytes;
        List<Candidate> due = tables.stream()
                .filter(t -> t.mayRebuild() && t.worthIt(floor) && (forced || t.vacuumed())).toList();
        failureLogged = false;
        if (due.isEmpty()) {
            return new IndexCompaction(Outcome.NOT_NEEDED, List.of(), dropped,
                    "no table's indexes are out of proportion to its rows (or autovacuum has yet to clean it)");
        }
        List<IndexCompaction.Table> done = new ArrayList<>();
        for (Candidate t : due) {
            long started = System.nanoTime();
            try {
                execute(c, t.reindex());
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

    private IndexCompaction notPermitted(int dropped) {
        if (!refused) {
            refused = true;
            LOG.info("JMQ1024 index compaction stops: the database user does not own the journal's tables, so it"
                    + " may not rebuild their indexes; run REINDEX TABLE CONCURRENTLY as the owner after a large"
                    + " backlog drained (README, \"Index compaction\")");
        }
        return new IndexCompaction(Outcome.NOT_PERMITTED, List.of(), dropped,
                "the database user may not rebuild the journal's indexes (it does not own the tables)");
    }

    private IndexCompaction failed(SQLException e) {
        if (closing) { // the rebuild close() cancelled: no failure to report
            return IndexCompaction.of(Outcome.FAILED, "cancelled: the journal closed");
        }
        JournalException failure = db.failure("index compaction", e); // an outage is reported there, once
        if (failure.kind() != JournalException.Kind.UNAVAILABLE && failure.kind() != JournalException.Kind.CLOSED) {
            if (!failureLogged) {
                failureLogged = true; // once until a run succeeds: the job retries every minute
                LOG.warn("JMQ1025 index compaction failed; the next run retries and drops its leftovers: {}",
                        failure.getMessage());
            } else {
                LOG.debug("JMQ1025 index compaction failed again: {}", failure.getMessage());
            }
        }
        return IndexCompaction.of(Outcome.FAILED, failure.getMessage());
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

    private void execute(Connection c, String statement) throws SQLException {
        try (Statement s = c.createStatement()) {
            running = s;
            s.execute(statement);
        } finally {
            running = null;
        }
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
            return indexBytes > 0 && indexBytes >= floor && indexBytes > RATIO * justified
                    && indexBytes > (long) indexes * 8192 * 2; // an empty index is one 8 KiB page, or two
        }
    }
}
