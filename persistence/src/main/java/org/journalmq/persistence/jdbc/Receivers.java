package org.journalmq.persistence.jdbc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.journalmq.persistence.StoredMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open receivers of one journal, and which of them wait. The writer asks here, for each row it
 * is about to insert ready, whether a waiting receiver takes it ({@link #handOff}); every commit
 * that makes rows ready outside that path reports here ({@link #readyCommitted}) so that the
 * receivers of the address fetch again. Timers ({@link #wakeAt}) stand in for commits that no
 * event announces: a delivery delay or a redelivery delay that runs out.
 */
final class Receivers {
    private static final Logger LOG = LoggerFactory.getLogger(Receivers.class);
    /** Timers closer together than this share one wake-up. */
    static final long TIMER_GRAIN_MILLIS = 10;
    /** Addresses remembered as primed; see {@link #primed}. */
    static final int MAX_PRIMED = 4_096;

    private final Object lock = new Object();
    /** Every open receiver by address; guarded by {@link #lock}. */
    private final Map<String, List<JdbcReceiver>> open = new HashMap<>();
    /** The waiting receivers by address, in hand-off turn; guarded by {@link #lock}. */
    private final Map<String, ArrayDeque<JdbcReceiver>> waiting = new HashMap<>();
    /**
     * Pending timer wake-ups by address: the slots already scheduled, each with its "more" flag (read
     * the address's next delayed row when it fires, see {@link DelayedRows}); guarded by {@link #lock}.
     */
    private final Map<String, java.util.TreeMap<Long, Boolean>> timers = new HashMap<>();
    /**
     * Addresses whose delayed rows this journal has read ({@link #primeDelayed}) and of which no
     * delayed row was announced since: a new receiver there needs no read of its own at its first wait.
     * Without this set every new receiver read the whole backlog again (issue 13). Any announced delay
     * ({@link #wakeAt}) takes the address out, so that the next new receiver reads again: an
     * announcement names only the earliest row of a commit, and a row announced while no receiver was
     * open got no timer. A chain of "more" timers that ends because no receiver is open any more takes
     * it out too ({@link #reread}): the rows after it have no timer. While receivers stay open, the
     * chain keeps every delayed row of the address announced (issue: delaywake), so the primed state
     * stays true. Bounded, least recently primed out first (temporary destinations come and go):
     * forgetting an address only costs one more read. Guarded by {@link #lock}.
     */
    private final Map<String, Boolean> primed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_PRIMED;
        }
    };
    private final JournalClock clock;
    private volatile ScheduledExecutorService scheduler;
    private volatile DelayedQuery earliestDelayed;

    /** The read of an address's delayed rows ({@link Claimer#earliestDelayed}). */
    @FunctionalInterface
    interface DelayedQuery {
        /** The earliest due time later than {@code after} of a waiting row of the address, 0 for none. */
        long earliestAfter(String address, long after);
    }

    Receivers(JournalClock clock) {
        this.clock = clock;
    }

    /** Set once the journal can read; priming and the timers flagged "more" need it. */
    void earliestDelayed(DelayedQuery query) {
        this.earliestDelayed = query;
    }

    /** The timer slot of a due time: the first grain boundary after it. */
    static long slot(long dueAt) {
        return (dueAt / TIMER_GRAIN_MILLIS + 1) * TIMER_GRAIN_MILLIS;
    }

    /** Set once the journal's maintenance thread exists; timers need it. */
    void scheduler(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    void add(JdbcReceiver r) {
        synchronized (lock) {
            open.computeIfAbsent(r.address, a -> new ArrayList<>()).add(r);
        }
    }

    void remove(JdbcReceiver r) {
        synchronized (lock) {
            stopWaiting(r);
            r.closed = true;
            List<JdbcReceiver> list = open.get(r.address);
            if (list != null && list.remove(r) && list.isEmpty()) {
                open.remove(r.address);
            }
        }
    }

    /**
     * A fetch begins: the receiver stops waiting, and forgets earlier wake-ups (this fetch looks at
     * what they announced).
     */
    void beginFetch(JdbcReceiver r) {
        synchronized (lock) {
            stopWaiting(r);
            r.woken = false;
            r.fetchBegan = clock.now();
        }
    }

    /**
     * Writer thread, after the commit of the fetch that found nothing: the receiver waits for up to
     * {@code room} rows, unless it was woken since its fetch began. Such a wake-up announced rows
     * the fetch may not have seen (committed while it ran); waiting now would let a later send be
     * handed over before them, so it must fetch again instead.
     *
     * @return true when the receiver waits now
     */
    boolean startWaiting(JdbcReceiver r, int room) {
        boolean prime;
        long since;
        synchronized (lock) {
            if (r.closed || room < 1 || r.woken) {
                return false;
            }
            if (r.room == 0) {
                waiting.computeIfAbsent(r.address, a -> new ArrayDeque<>()).addLast(r);
            }
            r.room = room;
            prime = !r.primed;
            r.primed = true;
            since = r.fetchBegan;
        }
        if (prime) {
            // Rows delayed before this JVM started announce themselves to nobody. A receiver that
            // claims needs no timer (its next fetch takes what came due); one that waits does.
            primeDelayed(r.address, since);
        }
        return true;
    }

    void stopWaiting(JdbcReceiver r) {
        synchronized (lock) {
            if (r.room == 0) {
                return;
            }
            r.room = 0;
            ArrayDeque<JdbcReceiver> queue = waiting.get(r.address);
            if (queue != null && queue.remove(r) && queue.isEmpty()) {
                waiting.remove(r.address);
            }
        }
    }

    boolean isWaiting(JdbcReceiver r) {
        synchronized (lock) {
            return r.room > 0;
        }
    }

    /** Cheap check before preparing a hand-off: does any receiver wait on the address? */
    boolean anyWaiting(String address) {
        synchronized (lock) {
            return waiting.containsKey(address);
        }
    }

    /**
     * Writer thread: the waiting receiver that takes {@code row} (as it would be delivered: claimed
     * once), or null when none does. The receivers of an address take turns, so that competing
     * consumers share the rows; one whose room runs out stops waiting.
     */
    JdbcReceiver handOff(StoredMessage row) {
        synchronized (lock) {
            ArrayDeque<JdbcReceiver> queue = waiting.get(row.destination());
            if (queue == null) {
                return null;
            }
            for (Iterator<JdbcReceiver> it = queue.iterator(); it.hasNext(); ) {
                JdbcReceiver r = it.next();
                if (!r.accepts(row)) {
                    continue;
                }
                it.remove();
                r.room--;
                if (r.room > 0) {
                    queue.addLast(r); // its turn is over: the next row goes to another receiver first
                } else if (queue.isEmpty()) {
                    waiting.remove(row.destination());
                }
                return r;
            }
            return null;
        }
    }

    /**
     * Rows became ready on these addresses. {@code evaluated}: the writer inserted them after offering
     * each to every waiting receiver, so those need no wake; every other receiver of the address
     * (busy, or in the middle of a fetch that may have missed them) fetches again.
     */
    void readyCommitted(Collection<String> addresses, boolean evaluated) {
        if (addresses.isEmpty()) {
            return;
        }
        List<JdbcReceiver> toWake = new ArrayList<>();
        synchronized (lock) {
            for (String address : addresses) {
                List<JdbcReceiver> list = open.get(address);
                if (list == null) {
                    continue;
                }
                for (JdbcReceiver r : list) {
                    if (!evaluated || r.room == 0) {
                        r.woken = true;
                        toWake.add(r);
                    }
                }
            }
        }
        wake(toWake);
    }

    /** Every receiver fetches again (after a LISTEN connection was re-established: events may have been lost). */
    void wakeAll() {
        List<JdbcReceiver> all = new ArrayList<>();
        synchronized (lock) {
            open.values().forEach(all::addAll);
            all.forEach(r -> r.woken = true);
        }
        wake(all);
    }

    /** The addresses that have an open receiver. */
    List<String> addresses() {
        synchronized (lock) {
            return List.copyOf(open.keySet());
        }
    }

    /**
     * Wakes the receivers of {@code address} at journal time {@code dueAt}: rows of it become ready
     * then (a delivery or redelivery delay runs out). Only addresses with a receiver in this JVM;
     * the next new receiver of the address reads its delays again ({@link #primed}).
     */
    void wakeAt(String address, long dueAt) {
        wakeAt(address, dueAt, false);
    }

    /**
     * {@link #wakeAt(String, long)}; with {@code more}, rows of the address due later follow (JMS 3.1
     * §7.9: each one must reach a waiting consumer when due), and when this timer fires the journal
     * reads the next one and sets its timer ({@link #reread}).
     */
    void wakeAt(String address, long dueAt, boolean more) {
        synchronized (lock) {
            primed.remove(address);
        }
        timer(address, dueAt, more);
    }

    /** Announces the delays of a commit of this JVM: a timer per due slot ({@link DelayedRows#forEachSlot}). */
    void wakeAt(DelayedRows delayed) {
        delayed.forEachSlot(this::wakeAt);
    }

    /**
     * Announces the delays another JVM committed: the notification names only the earliest row of
     * each address and whether more follow ({@link DelayedRows#forEach}), so the timer reads on.
     */
    void wakeAtEarliest(DelayedRows delayed) {
        delayed.forEach(this::wakeAt);
    }

    /**
     * Rows were committed on these addresses by a path that may not have announced its delays (an
     * application's own JDBC transaction, which it can commit without the journal): they may hold
     * delayed rows no timer knows of, so the next new receiver of each reads the delays again.
     */
    java.util.Set<String> forgetDelays(java.util.Set<String> addresses) {
        synchronized (lock) {
            addresses.forEach(primed::remove);
        }
        return addresses;
    }

    /** {@link #wakeAt} without forgetting that the address is primed: the prime's and re-read's own timer. */
    private void timer(String address, long dueAt, boolean more) {
        ScheduledExecutorService s = scheduler;
        long now = clock.now();
        if (dueAt <= now) {
            readyCommitted(List.of(address), false);
            if (more) {
                execute(s, () -> reread(address, now)); // not on the announcing thread: the read may be slow
            }
            return;
        }
        long slot = slot(dueAt);
        synchronized (lock) {
            if (s == null || !open.containsKey(address)) {
                if (more) {
                    primed.remove(address); // the rows after this one get no timer: the next receiver reads
                }
                return;
            }
            java.util.TreeMap<Long, Boolean> slots = timers.computeIfAbsent(address, a -> new java.util.TreeMap<>());
            Boolean scheduled = slots.get(slot);
            if (scheduled != null) {
                if (more && !scheduled) {
                    slots.put(slot, Boolean.TRUE); // the scheduled timer reads on when it fires
                }
                return; // that slot is scheduled already
            }
            slots.put(slot, more);
        }
        try {
            s.schedule(() -> {
                Boolean readOn;
                synchronized (lock) {
                    java.util.TreeMap<Long, Boolean> due = timers.get(address);
                    readOn = due == null ? null : due.remove(slot);
                    if (due != null && due.isEmpty()) {
                        timers.remove(address);
                    }
                }
                long firedAt = clock.now();
                readyCommitted(List.of(address), false);
                if (Boolean.TRUE.equals(readOn)) {
                    reread(address, firedAt); // on the scheduler thread already
                }
            }, Math.max(1, slot - clock.now()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /**
     * Scheduler thread: a timer flagged "more" fired at {@code firedAt}, or a commit announced delayed
     * rows it did not name one by one. Reads on ({@link #readDelayed}) from {@code firedAt}: the
     * receivers woken then claim every row due by it. Only while a receiver of the address is open:
     * otherwise the address is no longer primed and its next new receiver reads.
     */
    private void reread(String address, long firedAt) {
        synchronized (lock) {
            if (!open.containsKey(address)) {
                primed.remove(address);
                return;
            }
        }
        readDelayed(address, firedAt, false);
    }

    private static void execute(ScheduledExecutorService s, Runnable task) {
        if (s == null) {
            return; // no journal thread (unit tests): no timers either
        }
        try {
            s.execute(task);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /**
     * Sets the timer for the earliest delayed row of {@code address} due after {@code after} that no
     * commit of this JVM announced, unless the address is primed already (see {@link #primed}). The
     * read covers every waiting row of the address (MIN over a column outside the claim index), which
     * on a deep backlog costs as much as a scan. So it runs only once a receiver of the address waits
     * ({@link #startWaiting}), when the claimable rows are gone, not beside a new consumer's first
     * claims of a deep queue (issue 13: on HSQLDB that read evicted the head rows from the row cache
     * for the first thousands of messages); and on the timer thread, not the writer's. A row due by
     * {@code after} (the start of the fetch that found nothing) was the fetch's to claim; one due
     * since gets a timer that fires at once.
     */
    void primeDelayed(String address, long after) {
        synchronized (lock) {
            if (primed.put(address, Boolean.TRUE) != null) {
                return;
            }
        }
        ScheduledExecutorService s = scheduler;
        if (s == null) {
            readDelayed(address, after, true); // no journal thread (unit tests): read here
            return;
        }
        execute(s, () -> readDelayed(address, after, false));
    }

    /**
     * Reads the earliest delayed row of the address due after {@code after} and sets its timer,
     * flagged "more" since the read cannot tell whether others follow; a read that finds nothing
     * delayed ends the chain. A failed read forgets that the address is primed: the next new
     * receiver reads again.
     */
    private void readDelayed(String address, long after, boolean rethrow) {
        DelayedQuery query = earliestDelayed;
        if (query == null) {
            return;
        }
        try {
            long due = query.earliestAfter(address, after);
            if (due > 0) {
                timer(address, due, true);
            }
        } catch (RuntimeException e) {
            synchronized (lock) {
                primed.remove(address);
            }
            if (rethrow) {
                throw e;
            }
            LOG.warn("JMQ1018 could not read the next delayed message of {}; it is delivered at the next"
                    + " wake-up of its receivers instead: {}", address, e.toString());
        }
    }

    private static void wake(List<JdbcReceiver> receivers) {
        for (JdbcReceiver r : receivers) {
            try {
                r.callbacks.wake();
            } catch (RuntimeException e) {
                LOG.warn("JMQ1010 wake-up of a receiver of {} failed", r.address, e);
            }
        }
    }

    /** Hands the committed rows to their receivers (writer thread, after the commit). */
    static void deliver(Map<JdbcReceiver, List<StoredMessage>> handedOver) {
        handedOver.forEach((r, rows) -> {
            try {
                r.callbacks.handedOver(rows);
            } catch (RuntimeException e) {
                LOG.warn("JMQ1010 hand-over to a receiver of {} failed; the rows return when their lease expires",
                        r.address, e);
            }
        });
    }

    /** The hand-offs of one group transaction, kept until it commits or rolls back (writer thread only). */
    final class Handoffs {
        private final Map<JdbcReceiver, List<StoredMessage>> byReceiver = new LinkedHashMap<>();
        /** Addresses that got a grouped row, which no waiting receiver was offered. */
        private final java.util.Set<String> grouped = new java.util.LinkedHashSet<>();

        /**
         * Offers a row about to be inserted; true when a waiting receiver took it. A row of a
         * message group is never handed over: whether it is a receiver's turn in its group depends
         * on rows that other JVMs hold or give back (see {@code Tables#groupTurn}), which only the
         * claim statement sees. It is inserted ready, and the waiting receivers claim it.
         */
        boolean offer(StoredMessage row) {
            if (row.groupId() != null) {
                grouped.add(row.destination());
                return false;
            }
            JdbcReceiver r = handOff(row);
            if (r == null) {
                return false;
            }
            byReceiver.computeIfAbsent(r, k -> new ArrayList<>()).add(row);
            return true;
        }

        boolean isEmpty() {
            return byReceiver.isEmpty();
        }

        /** The rows handed over so far, inserted leased to this client (for LostClaims). */
        List<StoredMessage> rows() {
            List<StoredMessage> rows = new ArrayList<>();
            byReceiver.values().forEach(rows::addAll);
            return rows;
        }

        /** After the commit: the rows go to their receivers. */
        void committed() {
            deliver(byReceiver);
            byReceiver.clear();
            if (!grouped.isEmpty()) {
                readyCommitted(grouped, false); // waiting receivers too: nobody offered them these rows
                grouped.clear();
            }
        }

        /** After a rollback: the rows were never written; their receivers stop waiting and fetch again. */
        void rolledBack() {
            List<JdbcReceiver> receivers = new ArrayList<>(byReceiver.keySet());
            byReceiver.clear();
            grouped.clear();
            for (JdbcReceiver r : receivers) {
                stopWaiting(r);
            }
            wake(receivers);
        }
    }

    /** An accepting predicate for a receiver's filter and priority range. */
    static boolean accepts(Predicate<StoredMessage> filter, int minPriority, int maxPriority, StoredMessage row) {
        if (row.priority() < minPriority || row.priority() > maxPriority) {
            return false;
        }
        if (filter == null) {
            return true;
        }
        try {
            return filter.test(row);
        } catch (RuntimeException e) {
            return false; // a filter that fails matches nothing, as in a claim
        }
    }
}
