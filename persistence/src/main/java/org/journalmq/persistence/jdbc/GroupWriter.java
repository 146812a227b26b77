package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.journalmq.persistence.Ack;
import org.journalmq.persistence.ClaimRequest;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.JournalException.Kind;
import org.journalmq.persistence.NewMessage;
import org.journalmq.persistence.StoredMessage;
import org.journalmq.persistence.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one thread takes every unit queued since its last commit and applies them in one
 * transaction with JDBC batches, so N concurrent senders pay for one commit (one fsync) instead of
 * N. A unit whose ack misses must fail alone: then the group is rolled back and its units re-run one
 * transaction each, which is rare (a lease lost to a crash or a timeout).
 */
final class GroupWriter {
    private static final Logger LOG = LoggerFactory.getLogger(GroupWriter.class);
    private static final int MAX_GROUP_ROWS = 2_000;
    private static final long MAX_GROUP_BYTES = 32L << 20;
    private static final int RETRIES = 12;

    /**
     * A queued unit: a write, or a claim (an empty write plus a claim request, its rows kept in
     * {@code claimed} until the group commits).
     */
    private record Pending(UnitOfWork work, ClaimRequest claim, CompletableFuture<?> future,
                           AtomicReference<List<StoredMessage>> claimed) {
        @SuppressWarnings("unchecked")
        void complete() {
            ((CompletableFuture<Object>) future).complete(claim == null ? null : claimed.get());
        }
    }

    private static final UnitOfWork NO_WORK = new UnitOfWork(List.of(), List.of());
    private static final Pending STOP = new Pending(null, null, null, null);

    private final Database db;
    private final IdAllocator ids;
    private final JournalClock clock;
    private final String clientId;
    private final Listeners listeners;
    private final Claimer claimer;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Object submitLock = new Object();
    private final Thread thread;
    private final Fanout fanout;
    /** Subscription addresses the last {@link #apply} wrote to (writer thread only). */
    private final Set<String> published = new LinkedHashSet<>();
    private boolean accepting = true;

    GroupWriter(Database db, IdAllocator ids, JournalClock clock, String clientId, Listeners listeners,
                Claimer claimer, String threadName) {
        this.db = db;
        this.claimer = claimer;
        this.ids = ids;
        this.clock = clock;
        this.clientId = clientId;
        this.listeners = listeners;
        this.fanout = new Fanout(db, new TopicSql(db.dialect, db.tables));
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** True on the writer thread itself, where waiting for a commit would wait forever. */
    boolean isWriterThread() {
        return Thread.currentThread() == thread;
    }

    /** Queues a unit; the future completes after its transaction commits (on the writer thread). */
    CompletableFuture<Void> submit(UnitOfWork work) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        return enqueue(new Pending(work, null, future, null), future);
    }

    /**
     * Queues an unfiltered claim: it runs inside the next group's transaction, so that claims share
     * the commit (one fsync) with the sends and acks of other sessions instead of paying their own.
     */
    CompletableFuture<List<StoredMessage>> submitClaim(ClaimRequest request) {
        CompletableFuture<List<StoredMessage>> future = new CompletableFuture<>();
        return enqueue(new Pending(NO_WORK, request, future, new AtomicReference<>(List.of())), future);
    }

    private <T> CompletableFuture<T> enqueue(Pending pending, CompletableFuture<T> future) {
        synchronized (submitLock) {
            if (!accepting) {
                return CompletableFuture.failedFuture(closed());
            }
            queue.add(pending);
        }
        return future;
    }

    /** Stops accepting units, commits those already queued, and stops the thread. */
    void close(long waitMillis) {
        synchronized (submitLock) {
            if (!accepting) {
                return;
            }
            accepting = false;
            queue.add(STOP);
        }
        try {
            thread.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
        failRemaining();
    }

    private void run() {
        List<Pending> group = new ArrayList<>();
        boolean stop = false;
        try {
            while (!stop) {
                Pending first = queue.take();
                if (first == STOP) {
                    break;
                }
                group.clear();
                group.add(first);
                long rows = size(first);
                long bytes = bytes(first);
                Pending next;
                while (rows < MAX_GROUP_ROWS && bytes < MAX_GROUP_BYTES && (next = queue.poll()) != null) {
                    if (next == STOP) {
                        stop = true;
                        break;
                    }
                    group.add(next);
                    rows += size(next);
                    bytes += bytes(next);
                }
                try {
                    commitGroup(group);
                } catch (RuntimeException e) {
                    // A bug or a driver surprise fails this group, not the writer.
                    LOG.error("JMQ1011 journal write failed unexpectedly", e);
                    JournalException failure = new JournalException(Kind.INTERNAL, "write failed: " + e, e);
                    group.forEach(p -> p.future.completeExceptionally(failure));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Error e) {
            LOG.error("JMQ1011 journal writer stopped", e);
            group.forEach(p -> p.future.completeExceptionally(e));
            throw e;
        } finally {
            // Whatever stopped the thread, nobody may queue a unit that no thread will commit.
            synchronized (submitLock) {
                accepting = false;
            }
            failRemaining();
        }
    }

    private void commitGroup(List<Pending> group) {
        for (int attempt = 1; ; attempt++) {
            try {
                boolean allApplied = applyAndCommit(group);
                if (!allApplied) {
                    group.forEach(this::commitAlone);
                }
                return;
            } catch (SQLException e) {
                if (SqlErrors.isRetryable(e) && attempt < RETRIES) {
                    Database.backOff(attempt);
                    continue;
                }
                Kind kind = SqlErrors.kindOf(e);
                if (group.size() > 1 && kind != Kind.UNAVAILABLE && kind != Kind.AUTHENTICATION) {
                    // A bad unit (say, a value too long) spoils the batch; alone, only it fails.
                    group.forEach(this::commitAlone);
                } else {
                    JournalException failure = db.failure("write", e);
                    group.forEach(p -> p.future.completeExceptionally(failure));
                }
                return;
            }
        }
    }

    private void commitAlone(Pending unit) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (!applyAndCommit(List.of(unit))) {
                    unit.future.completeExceptionally(new JournalException(Kind.LEASE_LOST,
                            "an ack names a row this client no longer holds with that delivery count"
                                    + " (lease expired or message gone); nothing of the unit was applied"));
                }
                return;
            } catch (SQLException e) {
                if (SqlErrors.isRetryable(e) && attempt < RETRIES) {
                    Database.backOff(attempt);
                    continue;
                }
                unit.future.completeExceptionally(db.failure("write", e));
                return;
            }
        }
    }

    /**
     * Applies the units in one transaction. Commits and completes them when every ack matched a
     * row; otherwise rolls back and returns false.
     */
    private boolean applyAndCommit(List<Pending> units) throws SQLException {
        try (Connection c = db.connection()) {
            try {
                if (!apply(c, units)) {
                    c.rollback();
                    return false;
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                Database.rollbackQuietly(c);
                throw e;
            }
        }
        Set<String> sentTo = new LinkedHashSet<>();
        for (Pending p : units) {
            p.work.sends().forEach(m -> sentTo.add(m.destination()));
            p.complete();
        }
        sentTo.addAll(published);
        listeners.wake(sentTo);
        return true;
    }

    private boolean apply(Connection c, List<Pending> units) throws SQLException {
        long now = clock.now();
        boolean anySends = units.stream().anyMatch(p -> !p.work.sends().isEmpty());
        if (anySends) {
            try (PreparedStatement ps = c.prepareStatement(db.sql.insert)) {
                for (Pending p : units) {
                    for (NewMessage m : p.work.sends()) {
                        Sql.bindNewRow(ps, ids.next(c), m, now);
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
        }
        published.clear();
        List<org.journalmq.persistence.Publication> publications = new ArrayList<>();
        for (Pending p : units) {
            publications.addAll(p.work.publications());
        }
        if (!publications.isEmpty()) {
            published.addAll(fanout.apply(c, publications, ids, now));
        }
        if (!applyAcks(c, units)) {
            return false;
        }
        for (Pending p : units) {
            if (p.claim != null) {
                p.claimed.set(claimer.claimIn(c, p.claim));
            }
        }
        return true;
    }

    /** Deletes the acknowledged rows; false when an ack matched no row. */
    private boolean applyAcks(Connection c, List<Pending> units) throws SQLException {
        List<Ack> acks = new ArrayList<>();
        for (Pending p : units) {
            acks.addAll(p.work.acks());
        }
        if (acks.isEmpty()) {
            return true;
        }
        try (PreparedStatement ps = c.prepareStatement(db.sql.ack)) {
            return Sql.everyAckMatched(ps, acks, clientId, 1, ps1 -> { });
        }
    }

    private void failRemaining() {
        Pending p;
        while ((p = queue.poll()) != null) {
            if (p != STOP) {
                p.future.completeExceptionally(closed());
            }
        }
    }

    private static JournalException closed() {
        return new JournalException(Kind.CLOSED, "journal is closed");
    }

    private static long size(Pending p) {
        return p.work.sends().size() + (long) p.work.acks().size() + p.work.publications().size()
                + (p.claim == null ? 0 : p.claim.max());
    }

    private static long bytes(Pending p) {
        long total = 0;
        for (NewMessage m : p.work.sends()) {
            total += m.data().length;
        }
        for (var pub : p.work.publications()) {
            total += pub.message().data().length;
        }
        return total;
    }
}
