package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.journalmq.persistence.Ack;
import org.journalmq.persistence.ClaimRequest;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.JournalException.Kind;
import org.journalmq.persistence.NewMessage;
import org.journalmq.persistence.Publication;
import org.journalmq.persistence.Receiver.Fetched;
import org.journalmq.persistence.StoredMessage;
import org.journalmq.persistence.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one thread takes every unit queued since its last commit and applies them in one
 * transaction with JDBC batches, so N concurrent senders pay for one commit (one fsync) instead of
 * N. Consumers' fetches ride in the same transaction: their acks, and the claim of their next rows.
 * A row sent while a receiver of its address waits is inserted already claimed for it and handed
 * over after the commit ({@link Receivers}). A unit whose ack misses must fail alone: then the group
 * is rolled back and its units re-run one transaction each, which is rare (a lease lost to a crash
 * or a timeout).
 *
 * <p>The queue is bounded ({@link WriteCapacity}): a unit that sends waits for room, so producers faster
 * than the database slow down instead of filling the heap. Acks and fetches never wait: they free
 * room.
 */
final class GroupWriter {
    private static final Logger LOG = LoggerFactory.getLogger(GroupWriter.class);
    private static final int MAX_GROUP_ROWS = 2_000;
    private static final long MAX_GROUP_BYTES = 32L << 20;
    private static final int RETRIES = 12;
    /** Bounds of the queue of units that send: units, and bytes of message data. */
    static final int MAX_QUEUED_UNITS = 10_000;
    static final long MAX_QUEUED_BYTES = 64L << 20;

    /**
     * A receiver's fetch: an unfiltered claim ({@code claim}), or the {@code candidates} a filtered
     * scan read; {@code mayWait} when finding nothing lets the receiver wait.
     */
    record FetchOp(JdbcReceiver receiver, ClaimRequest claim, List<StoredMessage> candidates, boolean mayWait,
                   int max) {
    }

    private static final UnitOfWork NO_WORK = new UnitOfWork(List.of(), List.of());
    private static final QueuedUnit STOP = new QueuedUnit(NO_WORK, null, null);
    private static final Comparator<NewMessage> HIGHER_PRIORITY_FIRST =
            Comparator.comparingInt(NewMessage::priority).reversed();

    private final Database db;
    private final IdAllocator ids;
    private final JournalClock clock;
    private final String clientId;
    private final long leaseMillis;
    private final Listeners listeners;
    private final Receivers receivers;
    private final Notifier.Sender notifier;
    private final Claimer claimer;
    private final DuplicateIds duplicates;
    private final CommitOutcomes outcomes;
    /** Leases of failed commits, given back by the next transaction (writer thread only). */
    private final LostClaims lostClaims;
    private final LinkedBlockingQueue<QueuedUnit> queue = new LinkedBlockingQueue<>();
    private final WriteCapacity capacity = new WriteCapacity(MAX_QUEUED_UNITS, MAX_QUEUED_BYTES);
    private final Object submitLock = new Object();
    private final Thread thread;
    private final Fanout fanout;
    /** The writer's own connection with its statements; null on a caller's DataSource (not ours to keep). */
    private final PinnedConnection pinned;
    private volatile boolean accepting = true;
    /** The previous group carried acks: consumers are at work (writer thread only). */
    private boolean lastHadAcks;
    /** Pause between two attempts to reach a database that is down (issue 13). */
    private static final long RECONNECT_PAUSE_NANOS = 250_000_000;
    /** How long a group waits for the sessions of the last group when consumers are at work. */
    private static final long LINGER_NANOS = 150_000;
    /** Units of the previous group (writer thread only). */
    private int lastGroupSize;

    GroupWriter(Database db, IdAllocator ids, JournalClock clock, String clientId, long leaseMillis,
                Listeners listeners, Receivers receivers, Notifier.Sender notifier, Claimer claimer,
                DuplicateIds duplicates, String threadName) {
        this.db = db;
        this.duplicates = duplicates;
        this.outcomes = new CommitOutcomes(db);
        this.lostClaims = new LostClaims(db, clientId);
        this.claimer = claimer;
        this.ids = ids;
        this.clock = clock;
        this.clientId = clientId;
        this.leaseMillis = leaseMillis;
        this.listeners = listeners;
        this.receivers = receivers;
        this.notifier = notifier;
        this.fanout = new Fanout(db, new TopicSql(db.dialect, db.tables));
        this.pinned = db.ownsPool() ? new PinnedConnection(db) : null;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** True on the writer thread itself, where waiting for a commit would wait forever. */
    boolean isWriterThread() {
        return Thread.currentThread() == thread;
    }

    /**
     * Queues a unit; the future completes after its transaction commits (on the writer thread), with
     * the unit's messages that were suppressed as duplicates (by identity; usually none).
     */
    @SuppressWarnings("unchecked")
    CompletableFuture<Set<NewMessage>> submit(UnitOfWork work) {
        return (CompletableFuture<Set<NewMessage>>) (CompletableFuture<?>) enqueue(new QueuedUnit(work, null, null));
    }

    /**
     * Queues an unfiltered claim: it runs inside the next group's transaction, so that claims share
     * the commit (one fsync) with the sends and acks of other sessions instead of paying their own.
     */
    @SuppressWarnings("unchecked")
    CompletableFuture<List<StoredMessage>> submitClaim(ClaimRequest request) {
        return (CompletableFuture<List<StoredMessage>>) (CompletableFuture<?>) enqueue(
                new QueuedUnit(NO_WORK, request, null));
    }

    /** Queues a receiver's work and fetch, applied in one transaction of the next group. */
    @SuppressWarnings("unchecked")
    CompletableFuture<Fetched> submitFetch(UnitOfWork work, FetchOp fetch) {
        return (CompletableFuture<Fetched>) (CompletableFuture<?>) enqueue(new QueuedUnit(work, null, fetch));
    }

    private CompletableFuture<Object> enqueue(QueuedUnit pending) {
        boolean bounded = pending.sends();
        if (bounded) {
            if (!accepting) {
                return CompletableFuture.failedFuture(closed());
            }
            try {
                // The writer thread itself never waits for room: only it makes room.
                capacity.acquire(pending.bytes, !isWriterThread(), () -> accepting);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CompletableFuture.failedFuture(new JournalException(Kind.INTERNAL,
                        "interrupted while waiting for room in the journal's write queue", e));
            }
            pending.future.whenComplete((v, e) -> capacity.release(pending.bytes));
        }
        synchronized (submitLock) {
            if (!accepting) {
                pending.future.completeExceptionally(closed());
                return pending.future;
            }
            queue.add(pending);
        }
        return pending.future;
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
        capacity.wakeWaiters();
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
        List<QueuedUnit> group = new ArrayList<>();
        boolean stop = false;
        try {
            while (!stop) {
                QueuedUnit first = queue.take();
                if (first == STOP) {
                    break;
                }
                group.clear();
                group.add(first);
                long rows = first.rows();
                long bytes = first.bytes;
                QueuedUnit next;
                while (rows < MAX_GROUP_ROWS && bytes < MAX_GROUP_BYTES && (next = queue.poll()) != null) {
                    if (next == STOP) {
                        stop = true;
                        break;
                    }
                    group.add(next);
                    rows += next.rows();
                    bytes += next.bytes;
                }
                if (!stop && lingerFor(group)) {
                    // Sessions that took turns with these units in the last group are on their way
                    // (typically a consumer's ack after a send): a short wait lets them share this
                    // commit instead of paying the next one and falling one message behind.
                    long deadline = System.nanoTime() + LINGER_NANOS;
                    while ((group.size() < lastGroupSize || !QueuedUnit.anyAcks(group)) && rows < MAX_GROUP_ROWS) {
                        long left = deadline - System.nanoTime();
                        next = left > 0 ? queue.poll(left, java.util.concurrent.TimeUnit.NANOSECONDS) : null;
                        if (next == null) {
                            break;
                        }
                        if (next == STOP) {
                            stop = true;
                            break;
                        }
                        group.add(next);
                        rows += next.rows();
                    }
                }
                lastGroupSize = group.size();
                lastHadAcks = QueuedUnit.anyAcks(group);
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
            capacity.wakeWaiters();
            failRemaining();
            if (pinned != null) {
                pinned.close();
            }
        }
    }

    /**
     * True when the last group acked and this one acks nothing yet or is smaller: producers and
     * AUTO_ACKNOWLEDGE consumers taking turns, some of whom have not submitted yet.
     */
    private boolean lingerFor(List<QueuedUnit> group) {
        return lastHadAcks && queue.isEmpty() && (group.size() < lastGroupSize || !QueuedUnit.anyAcks(group));
    }

    /** Notes the rows the units' fetches claimed in a transaction whose commit call failed. */
    private void noteClaims(List<QueuedUnit> units) {
        for (QueuedUnit p : units) {
            if (p.fetch != null) {
                lostClaims.claimed(p.fetch, (Fetched) p.result);
            }
        }
    }

    private void commitGroup(List<QueuedUnit> group) {
        for (int attempt = 1; ; attempt++) {
            try {
                boolean allApplied = applyAndCommit(group);
                if (!allApplied) {
                    group.forEach(this::commitAlone);
                }
                return;
            } catch (CommitOutcomes.Unknown e) {
                // Neither retried nor re-run unit by unit: the group may have committed. Except a
                // receiver's units that only claim: whatever their claim may hold is given back
                // first thing in the next transaction (LostClaims), so they simply claim again and
                // the receive never hears of it. Sends and acks keep the unknown outcome.
                JournalException failure = e.toJournalException(db.url);
                group.removeIf(p -> {
                    boolean again = p.work.isEmpty() && p.fetch != null; // a receiver's (LostClaims)
                    if (!again) {
                        p.future.completeExceptionally(failure);
                    }
                    return !again;
                });
                if (group.isEmpty()) {
                    // No unit left to carry the release: one empty unit does, so that the rows do
                    // not wait for this JVM's next write. If it fails too, the next write does it.
                    enqueue(new QueuedUnit(NO_WORK, null, null));
                    return;
                }
                attempt = 0;
            } catch (SQLException e) {
                if (SqlErrors.isRetryable(e) && attempt < RETRIES) {
                    Database.backOff(attempt);
                    continue;
                }
                Kind kind = SqlErrors.kindOf(e);
                if (group.size() > 1 && kind != Kind.UNAVAILABLE && kind != Kind.AUTHENTICATION && kind != Kind.TLS) {
                    // A bad unit (say, a value too long) spoils the batch; alone, only it fails.
                    group.forEach(this::commitAlone);
                    return;
                }
                JournalException failure = db.failure("write", e);
                if (kind == Kind.UNAVAILABLE && awaitDatabase(group, failure)) {
                    attempt = 0;
                    continue;
                }
                group.forEach(p -> p.future.completeExceptionally(failure));
                return;
            }
        }
    }

    /**
     * Issue 13: a database that cannot be reached (restarting, failing over) is waited for, each
     * unit up to the reconnect time from its submission; a unit whose time is up fails naming the
     * outage, the others are applied again after a pause (the pool reconnects meanwhile). Safe to
     * apply again: the failure came before the commit call (a failed commit call goes to
     * CommitOutcomes), so nothing of the group was stored. False when no unit is left.
     */
    private boolean awaitDatabase(List<QueuedUnit> group, JournalException failure) {
        long now = System.nanoTime();
        long limit = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(db.outages.reconnectMillis());
        group.removeIf(p -> {
            boolean over = !accepting || now - p.queuedAt >= limit;
            if (over) {
                p.future.completeExceptionally(new JournalException(Kind.UNAVAILABLE, "database unavailable for "
                        + (now - p.queuedAt) / 1_000_000 + " ms, longer than reconnectTimeoutMillis="
                        + db.outages.reconnectMillis() + ": " + failure.getMessage(), failure.getCause()));
            }
            return over;
        });
        if (group.isEmpty()) {
            return false;
        }
        java.util.concurrent.locks.LockSupport.parkNanos(RECONNECT_PAUSE_NANOS);
        return !Thread.currentThread().isInterrupted();
    }

    private void commitAlone(QueuedUnit unit) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (!applyAndCommit(List.of(unit))) {
                    unit.future.completeExceptionally(new JournalException(Kind.LEASE_LOST,
                            "an ack names a row this client no longer holds with that delivery count"
                                    + " (lease expired or message gone); nothing of the unit was applied"));
                }
                return;
            } catch (CommitOutcomes.Unknown e) {
                unit.future.completeExceptionally(e.toJournalException(db.url));
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
    private boolean applyAndCommit(List<QueuedUnit> units) throws SQLException {
        Receivers.Handoffs handoffs = receivers.new Handoffs();
        GroupEffects fx = new GroupEffects();
        Connection c = pinned != null ? pinned.get() : db.connection();
        SQLException commitFailure = null;
        try {
            if (QueuedUnit.onlyClaims(units) && lostClaims.isEmpty()) {
                db.relaxCommit(c); // nothing durable to keep: a lost claim is a redelivery with a lower count
            }
            if (!apply(c, units, handoffs, fx)) {
                c.rollback();
                handoffs.rolledBack();
                return false;
            }
            commitFailure = commit(c, units);
        } catch (SQLException | RuntimeException e) {
            Database.rollbackQuietly(c);
            handoffs.rolledBack();
            if (pinned != null) {
                pinned.discard(); // it may be broken: the next group borrows a fresh one
            }
            throw e;
        } finally {
            if (pinned == null) {
                c.close();
            }
        }
        if (commitFailure != null) {
            List<Ack> acks = new ArrayList<>();
            units.forEach(p -> acks.addAll(p.work.acks()));
            List<StoredMessage> handedOff = handoffs.rows(); // before settle forgets them
            try {
                // Returns only when the group did commit; else throws (certain rollback, or unknown).
                outcomes.settle(commitFailure, units.size(), acks, fx.inserted, handoffs::rolledBack);
            } catch (CommitOutcomes.Unknown e) {
                // If it committed, its claims and hand-offs hold rows nobody will deliver (issue 13).
                noteClaims(units);
                lostClaims.handedOff(handedOff);
                throw e;
            }
        }
        lostClaims.committed(); // the leases this transaction gave back, if any
        db.outages.reached();
        // Receivers that found nothing wait from now on: this group's rows were theirs to claim, and
        // every later group offers its rows to them first.
        for (QueuedUnit p : units) {
            if (p.result instanceof Fetched f && f.waiting() && !receivers.startWaiting(p.fetch.receiver(), p.fetch.max())) {
                p.result = new Fetched(f.rows(), false, true); // woken meanwhile: look again
            }
        }
        listeners.wakeAfterOffer(fx.ready);
        if (!fx.freed.isEmpty()) {
            listeners.wake(fx.freed);
        }
        receivers.wakeAt(fx.delayed);
        duplicates.report(fx.suppressed);
        for (QueuedUnit p : units) {
            if (p.claim == null && p.fetch == null) {
                p.result = DuplicateIds.suppressedOf(p.work, fx.suppressed);
            }
            p.future.complete(p.result);
        }
        handoffs.committed();
        return true;
    }

    /**
     * Commits; a failure of the commit call itself is returned, not thrown, when the group wrote
     * something durable: its outcome is unknown until {@link CommitOutcomes} looks. A group that
     * only claimed needs no answer: what its claims may hold is given back by the next transaction
     * (LostClaims), which claims again; the failure is thrown as before.
     */
    private SQLException commit(Connection c, List<QueuedUnit> units) throws SQLException {
        try {
            c.commit();
            return null;
        } catch (SQLException e) {
            if (QueuedUnit.onlyClaims(units)) {
                noteClaims(units); // if it did commit, its rows are leased to nobody's delivery
                throw e;
            }
            Database.rollbackQuietly(c);
            if (pinned != null) {
                pinned.discard();
            }
            return e;
        }
    }

    private boolean apply(Connection c, List<QueuedUnit> units, Receivers.Handoffs handoffs, GroupEffects fx)
            throws SQLException {
        // First, before any claim: leases of earlier lost commits, which this group's claims may take again.
        lostClaims.releaseIn(c, fx.freed);
        long now = clock.now();
        List<NewMessage> written = new ArrayList<>();
        for (QueuedUnit p : units) {
            written.addAll(DuplicateIds.messagesOf(p.work));
        }
        fx.suppressed = duplicates.suppressed(c, written, now, null);
        insertSends(c, units, handoffs, fx, now);
        List<Publication> publications = new ArrayList<>();
        for (QueuedUnit p : units) {
            for (Publication pub : p.work.publications()) {
                if (!fx.suppressed.contains(pub.message())) { // one check per publish, before any copy
                    publications.add(pub);
                }
            }
        }
        if (!publications.isEmpty()) {
            fx.ready.addAll(fanout.apply(c, publications, ids, now, handoffs::offer, clientId, now + leaseMillis,
                    fx.delayed));
        }
        if (!applyAcks(c, units, fx)) {
            return false;
        }
        for (QueuedUnit p : units) {
            if (p.claim != null) {
                p.result = claimer.claimIn(c, p.claim);
            } else if (p.fetch != null) {
                p.result = claimer.fetchIn(c, p.fetch, fx.ready);
            }
        }
        fx.freed.addAll(FreedGroups.find(c, db.sql, fx.acked));
        if (fx.freed.isEmpty()) {
            notifier.notify(c, fx.ready, fx.delayed);
        } else {
            Set<String> announce = new LinkedHashSet<>(fx.ready);
            announce.addAll(fx.freed);
            notifier.notify(c, announce, fx.delayed);
        }
        return true;
    }

    /**
     * Inserts the sends, highest priority first (ids keep each priority's send order), so that a
     * waiting receiver is handed the row it would have claimed first.
     */
    private void insertSends(Connection c, List<QueuedUnit> units, Receivers.Handoffs handoffs, GroupEffects fx,
                             long now) throws SQLException {
        List<NewMessage> sends = new ArrayList<>();
        for (QueuedUnit p : units) {
            for (NewMessage m : p.work.sends()) {
                if (!fx.suppressed.contains(m)) { // a duplicate is neither written nor handed over
                    sends.add(m);
                }
            }
        }
        if (sends.isEmpty()) {
            return;
        }
        sends.sort(HIGHER_PRIORITY_FIRST); // stable: send order kept within a priority
        boolean plain = false;
        boolean leased = false;
        try (PreparedStatement ps = c.prepareStatement(db.sql.insert);
             PreparedStatement ls = c.prepareStatement(db.sql.insertLeased)) {
            for (NewMessage m : sends) {
                long id = ids.next(c);
                boolean due = m.deliverAt() <= now && (m.expiresAt() == 0 || m.expiresAt() > now);
                if (due && receivers.anyWaiting(m.destination()) && handoffs.offer(new StoredMessage(id,
                        m.destination(), m.priority(), m.deliverAt(), m.expiresAt(), 1, now, m.groupId(), m.data(),
                        null, 0))) {
                    Sql.bindNewRow(ls, id, m, now);
                    ls.setString(11, clientId);
                    ls.setLong(12, now + leaseMillis);
                    ls.addBatch();
                    fx.inserted.add(id);
                    leased = true;
                    continue;
                }
                Sql.bindNewRow(ps, id, m, now);
                ps.addBatch();
                fx.inserted.add(id);
                plain = true;
                if (due) {
                    fx.ready.add(m.destination());
                } else if (m.deliverAt() > now) {
                    fx.delayed.add(m.destination(), m.deliverAt());
                }
            }
            if (plain) {
                ps.executeBatch();
            }
            if (leased) {
                ls.executeBatch();
            }
        }
    }

    /** Deletes the acknowledged rows; false when an ack matched no row. */
    private boolean applyAcks(Connection c, List<QueuedUnit> units, GroupEffects fx) throws SQLException {
        List<Ack> acks = new ArrayList<>();
        for (QueuedUnit p : units) {
            acks.addAll(p.work.acks());
        }
        for (Ack a : acks) {
            if (a.groupId() != null && a.destination() != null) {
                fx.acked.add(List.of(a.destination(), a.groupId()));
            }
        }
        if (acks.isEmpty()) {
            return true;
        }
        try (PreparedStatement ps = c.prepareStatement(db.sql.ack)) {
            return Sql.everyAckMatched(ps, acks, clientId, 1, ps1 -> { });
        }
    }

    private void failRemaining() {
        QueuedUnit p;
        while ((p = queue.poll()) != null) {
            if (p != STOP) {
                p.future.completeExceptionally(closed());
            }
        }
    }

    private static JournalException closed() {
        return new JournalException(Kind.CLOSED, "journal is closed");
    }
}
