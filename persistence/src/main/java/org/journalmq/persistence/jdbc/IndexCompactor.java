package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.journalmq.persistence.IndexCompaction;
import org.journalmq.persistence.IndexCompaction.Outcome;
import org.journalmq.persistence.JournalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives back the space a drained backlog left behind (issue 13 item 3): PostgreSQL's B-trees and
 * HSQLDB's {@code .data} file keep their high-water mark after the rows are gone. The job looks
 * once a minute, on a thread of its own (never the maintenance thread, whose heartbeats must not
 * wait on a compaction), and its {@link Run} compacts only when worth it: the storage reaches the
 * floor ({@code indexCompactionMinBytes}) and far exceeds what the live rows need.
 */
final class IndexCompactor {
    private static final Logger LOG = LoggerFactory.getLogger(IndexCompactor.class);
    /** How many times what the live rows justify the storage must exceed: far larger, not a bit. */
    static final long RATIO = 4;
    /** How often the scheduled job looks at the sizes: one catalog query, cheap at any depth. */
    static final long CHECK_MILLIS = 60_000;

    /** What one database does to compact: {@link IndexRebuild} (PostgreSQL), {@link DataFileDefrag} (HSQLDB). */
    interface Run {
        /**
         * One run on a connection of its own (autocommit off), its statements through
         * {@link IndexCompactor#execute} so that closing the journal cancels them.
         *
         * @param floor the size below which nothing is compacted (0 when an operator forces the run)
         */
        IndexCompaction compact(IndexCompactor job, Connection c, boolean forced, long floor) throws SQLException;

        /** Logged once when the database refuses (JMQ1024): why, and what an operator does instead. */
        String refusedAdvice();
    }

    private final Database db;
    private final Run run;
    private final long minBytes;
    /** Set once the database refused a compaction (or the user owns no table): scheduled runs stop. */
    private volatile boolean refused;
    private volatile boolean failureLogged;
    private volatile Statement running;
    private volatile boolean closing;
    /** Its own thread: a rebuild may take minutes, and the maintenance thread's heartbeats go on meanwhile. */
    private final ScheduledExecutorService thread;

    private IndexCompactor(Database db, Run run, long minBytes, int instance) {
        this.db = db;
        this.run = run;
        this.minBytes = minBytes;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "journalmq-compaction-" + instance);
            t.setDaemon(true);
            return t;
        });
    }

    /** The compaction of a journal, its job scheduled unless the floor is 0 (off). */
    static IndexCompactor start(Database db, Run run, long minBytes, int instance) {
        IndexCompactor compactor = new IndexCompactor(db, run, minBytes, instance);
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
     * proportion: storage that fits its rows is never compacted.
     */
    IndexCompaction compact(boolean forced) {
        if (!forced && (minBytes <= 0 || refused)) {
            return IndexCompaction.of(Outcome.DISABLED, minBytes <= 0 ? "indexCompactionMinBytes is 0"
                    : "the database user may not compact the journal's storage");
        }
        try (Connection c = db.connection()) {
            IndexCompaction done = run.compact(this, c, forced, forced ? 0 : minBytes);
            if (done.outcome() == Outcome.NOT_PERMITTED) {
                if (!refused) {
                    refused = true;
                    LOG.info("JMQ1024 index compaction stops: {}", run.refusedAdvice());
                }
            } else {
                failureLogged = false;
            }
            return done;
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

    /** Runs a statement of a run; {@link #close} cancels it. */
    void execute(Connection c, String statement) throws SQLException {
        try (Statement s = c.createStatement()) {
            running = s;
            s.execute(statement);
        } finally {
            running = null;
        }
    }
}
