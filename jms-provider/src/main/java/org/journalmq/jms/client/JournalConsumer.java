package org.journalmq.jms.client;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.journalmq.jms.acl.AccessChecks;
import org.journalmq.jms.JmsExceptions;
import org.journalmq.jms.JournalDestination;
import org.journalmq.jms.message.MessageCodec;
import org.journalmq.jms.selector.HeaderFilter;
import org.journalmq.jms.selector.Selector;
import org.journalmq.persistence.Journal;
import org.journalmq.persistence.Receiver;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.Release;
import org.journalmq.persistence.StoredMessage;
import org.journalmq.persistence.UnitOfWork;

/**
 * A queue consumer. It reads through a journal {@link Receiver}: a fetch claims rows (one per
 * synchronous receive, so that a consumer never hides messages it was not asked for; up to the
 * prefetch for a listener), and a fetch that finds nothing leaves the receiver waiting, so that this
 * JVM's next matching send is handed over from memory instead of being claimed. The journal wakes
 * the consumer when rows became ready that it was not handed (and on journals that cannot tell of
 * every commit, the consumer also polls). Rows it holds but never handed out go back with their
 * delivery count restored when it closes.
 */
public class JournalConsumer implements QueueReceiver {

    /** Polling bounds where the journal cannot tell of other JVMs' commits (see Journal.wakesForEveryWriter). */
    static final long MIN_POLL_MILLIS = 2;
    static final long MAX_POLL_MILLIS = 200;

    private final JournalSession session;
    private final JournalDestination destination;
    private final Selector selector;
    private final ArrayDeque<StoredMessage> prefetched = new ArrayDeque<>();
    private final Signal signal = new Signal();
    private final Receiver receiver;
    /** The journal address claimed from: the queue's, or the subscription's for a topic subscriber. */
    private final String address;
    /** Set by the journal's wake-ups: rows may be ready that the receiver was not handed. */
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    /** The last fetch left the receiver waiting for hand-overs. */
    private volatile boolean waiting;
    /** The last fetch was a selector scan that stopped part-way: fetch again at once. */
    private volatile boolean more;
    /** A synchronous receive is under way (hand-overs outside one are given back). */
    private volatile boolean receiving;
    private volatile MessageListener listener;
    private volatile boolean closed;
    private final boolean matchesNothing;
    /** A fetch ahead is under way; guarded by {@link #prefetched}. */
    private boolean ahead;
    private volatile Throwable aheadFailure;
    /** Encoded size of the last row delivered; -1 before the first (see {@link #prefetchWithin}). */
    private volatile int lastRowBytes = -1;
    /** Counts {@link #releasePrefetched} calls: a fetch that started before one gives its rows back. */
    private volatile long epoch;

    JournalConsumer(JournalSession session, JournalDestination destination, Selector selector) {
        this(session, destination, selector, destination.address(), true);
    }

    /**
     * A consumer claiming from {@code address}; {@code filterOnClaim} false when the selector was
     * already applied at publish (topic subscriptions), so claims need no filter.
     */
    JournalConsumer(JournalSession session, JournalDestination destination, Selector selector, String address,
                    boolean filterOnClaim) {
        this.session = session;
        this.destination = destination;
        this.selector = selector;
        this.address = address;
        Predicate<StoredMessage> filter = selector == Selector.ALWAYS || !filterOnClaim ? null
                : row -> matches(selector, row);
        HeaderFilter range = filterOnClaim ? selector.headerFilter().orElse(null) : null;
        int minPriority = range == null || range.minPriority() == null ? 0 : Math.max(0, range.minPriority());
        int maxPriority = range == null || range.maxPriority() == null ? 9 : Math.min(9, range.maxPriority());
        // A selector that can match no priority at all never fetches (the receiver gets a filter that rejects everything).
        this.matchesNothing = minPriority > maxPriority;
        if (matchesNothing) {
            filter = row -> false;
            minPriority = 0;
            maxPriority = 9;
        }
        this.receiver = session.journal().openReceiver(address, filter, minPriority, maxPriority,
                new Receiver.Callbacks() {
                    @Override
                    public void handedOver(List<StoredMessage> rows) {
                        JournalConsumer.this.handedOver(rows);
                    }

                    @Override
                    public void wake() {
                        JournalConsumer.this.wake();
                    }
                });
    }

    /** A row that cannot be decoded matches no selector; a consumer without one receives and reports it. */
    private static boolean matches(Selector selector, StoredMessage row) {
        try {
            return selector.matches(MessageCodec.decode(row.data()));
        } catch (JMSException e) {
            return false;
        }
    }

    /** Internal: for org.journalmq.jms.transaction. */
    public JournalSession session() {
        return session;
    }

    Journal sessionJournal() {
        return session.journal();
    }

    /** The journal address this consumer claims from. */
    String address() {
        return address;
    }

    JournalDestination destination() {
        return destination;
    }

    MessageListener listener() {
        return closed ? null : listener;
    }

    /** Rows may be ready that were not handed over: the next look fetches. */
    void wake() {
        dirty.set(true);
        signal.signal();
        session.delivery().wake();
    }

    /** Rows handed over by the journal (its writer thread): kept for delivery, or given back if nobody will take them. */
    private void handedOver(List<StoredMessage> rows) {
        boolean keep;
        synchronized (prefetched) {
            // issue 15 item 1: a hand-off goes only to a consumer still permitted to consume
            keep = !closed && (listener != null || receiving) && mayConsume();
            if (keep) {
                prefetched.addAll(rows);
            }
        }
        if (keep) {
            signal.signal();
            session.delivery().wake();
        } else {
            // Not on the journal's thread: a release is a transaction of its own.
            ForkJoinPool.commonPool().execute(() -> release(rows));
        }
    }

    /**
     * False once a revoke took this consumer's permission away (issue 15 item 1; another JVM's
     * revoke is seen at this journal's next maintenance run): it then claims nothing, takes no
     * hand-off and gives back what it holds, but stays open, so that a new grant lets it go on.
     */
    private boolean mayConsume() {
        return AccessChecks.mayConsume(session.journal(), destination);
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("consumer is closed");
        }
        session.checkOpen();
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return selector == Selector.ALWAYS ? null : selector.text();
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return (Queue) destination;
    }

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return listener;
    }

    @Override
    public void setMessageListener(MessageListener messageListener) throws JMSException {
        checkOpen();
        this.listener = messageListener;
        if (messageListener != null) {
            session.delivery().listenerSet();
        }
    }

    @Override
    public Message receive() throws JMSException {
        return receive(0, false, null);
    }

    @Override
    public Message receive(long timeout) throws JMSException {
        return receive(timeout, false, null);
    }

    @Override
    public Message receiveNoWait() throws JMSException {
        return receive(0, true, null);
    }

    /**
     * Receives as the simplified API's receiveBody does: when {@code bodyType} is not null and the
     * body cannot be assigned to it, the message is not acknowledged but given back for
     * redelivery, and MessageFormatException is thrown (JMSConsumer.receiveBody javadoc).
     * {@code timeout} 0 waits forever unless {@code noWait}.
     */
    Message receive(long timeout, boolean noWait, Class<?> bodyType) throws JMSException {
        checkOpen();
        if (listener != null) {
            throw new IllegalStateException("synchronous receive is not allowed on a consumer with a MessageListener");
        }
        long deadline = noWait || timeout <= 0 ? (noWait ? 0 : Long.MAX_VALUE) : System.currentTimeMillis() + timeout;
        receiving = true;
        try {
            while (awaitInHand(deadline)) {
                StoredMessage row = poll();
                if (row != null) {
                    Message m = session.delivery().deliverToReceiver(this, row, bodyType);
                    if (m != null) {
                        return m;
                    }
                }
                // dead-lettered, expired or lost: look again at once
            }
            return null;
        } finally {
            receiving = false;
            receiver.stopWaiting();
            waiting = false;
            releasePrefetched(); // rows handed over too late for this receive are not hidden from others
        }
    }

    /**
     * Waits until a message is in hand for the next receive, without delivering it: for a caller
     * that must open a transaction before it receives (the resource adapter's MDB delivery), so that
     * no transaction is opened while nothing is there. The row is claimed, as by a prefetch; it is
     * handed out by the next {@link #receive} call, or given back when the consumer closes.
     *
     * @return true when a message is in hand; false when none came within the timeout
     */
    public boolean awaitMessage(long timeoutMillis) throws JMSException {
        checkOpen();
        receiving = true;
        try {
            return awaitInHand(System.currentTimeMillis() + Math.max(0, timeoutMillis));
        } finally {
            // Keep what is in hand for the next receive, but take no more hand-overs until then.
            receiving = inHand() > 0;
            receiver.stopWaiting();
            waiting = false;
        }
    }

    /**
     * Fetches one row at a time, waiting for hand-overs and wake-ups in between, until a row is in
     * hand (true) or {@code deadline} passed (false; 0: look once). A fetch that finds nothing leaves
     * the receiver waiting, so the next matching send of this JVM comes without a claim.
     */
    private boolean awaitInHand(long deadline) throws JMSException {
        long delay = MIN_POLL_MILLIS;
        while (!closed) {
            long seen = signal.generation();
            if (session.connection().isStarted()) {
                if (inHand() > 0) {
                    return true;
                }
                if (needsFetch()) {
                    fetch(UnitOfWork.ack(List.of()), 1);
                    continue;
                }
            }
            long remaining = deadline - System.currentTimeMillis();
            if (remaining <= 0) {
                return false;
            }
            boolean push = session.journal().wakesForEveryWriter();
            try {
                signal.await(seen, push ? remaining : Math.min(remaining, delay));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (!push && signal.generation() == seen) {
                dirty.set(true); // nobody tells of other JVMs' commits here: look again
                delay = Math.min(delay * 2, MAX_POLL_MILLIS);
            }
        }
        return false;
    }

    /** The next row in hand, or null. A row over its maximum attempts (its consumers crashed) goes to the dead-letter queue. */
    StoredMessage poll() {
        if (!mayConsume()) {
            releasePrefetched(); // revoked since they were claimed: back to consumers that may have them
            return null;
        }
        while (true) {
            StoredMessage row;
            synchronized (prefetched) {
                row = prefetched.poll();
            }
            if (row == null || !Redeliveries.deadLetterIfExhausted(session, this, row)) {
                if (row != null) {
                    lastRowBytes = row.data() == null ? 0 : row.data().length;
                }
                return row;
            }
        }
    }

    /**
     * The prefetch bounded in bytes (issue 13): how many rows a claim may take so that those in hand
     * stay within {@code bytes}, judged by the size of the last row delivered, at most
     * {@code prefetch} and at least one. Before its first row a consumer claims one, since a claim
     * of the full prefetch of 10 MiB messages would hold 160 MiB of a small heap. The claim cannot
     * see sizes, so a batch of small messages followed by large ones can exceed the bound once.
     */
    int prefetchWithin(int prefetch, long bytes) {
        int last = lastRowBytes;
        if (last < 0) {
            return 1;
        }
        return (int) Math.max(1, Math.min(prefetch, bytes / Math.max(1, last)));
    }

    /** Rows in hand, not yet delivered. */
    int inHand() {
        synchronized (prefetched) {
            return prefetched.size();
        }
    }

    /** True when nothing is in hand and only a fetch can bring a row: the receiver is not waiting, or was woken. */
    boolean needsFetch() {
        synchronized (prefetched) {
            if (!prefetched.isEmpty() || ahead) {
                return false;
            }
        }
        return !matchesNothing && (!waiting || more || dirty.get()) && mayConsume();
    }

    /**
     * Starts a fetch that carries {@code work} and claims up to {@code max} rows without waiting for
     * it: the rows join those in hand when it commits, so a consumer working through a backlog never
     * stops for the claim of its next batch. For acks that need not be durable before the next
     * delivery (DUPS_OK_ACKNOWLEDGE) and for refilling a hand that runs low. Does nothing while
     * another fetch ahead is under way.
     *
     * @return false when one was under way already (the work was not taken)
     */
    boolean fetchAhead(UnitOfWork work, int max) {
        long started;
        synchronized (prefetched) {
            if (ahead || closed) {
                return false;
            }
            ahead = true;
            dirty.set(false);
            started = epoch;
        }
        // Outside the lock: a filtered fetch scans on this thread, and hand-overs take the lock.
        CompletableFuture<Receiver.Fetched> f = receiver.fetch(work, max);
        f.whenComplete((fetched, failure) -> {
            boolean keep;
            synchronized (prefetched) {
                ahead = false;
                keep = !closed && epoch == started;
                if (failure == null && keep) {
                    prefetched.addAll(fetched.rows());
                }
            }
            if (failure != null) {
                dirty.set(true);
                waiting = false;
                aheadFailure = failure;
            } else {
                waiting = fetched.waiting();
                more = fetched.more();
                if (!keep) {
                    ForkJoinPool.commonPool().execute(() -> release(fetched.rows()));
                }
            }
            signal.signal();
            session.delivery().wake();
        });
        return true;
    }

    /** The failure of the last fetch ahead, once; null when there was none. */
    Throwable takeAheadFailure() {
        Throwable t = aheadFailure;
        aheadFailure = null;
        return t;
    }

    /** True when the receiver waits, unwoken, for hand-overs: a fetch now would find nothing. */
    boolean waitingClean() {
        return waiting && !more && !dirty.get();
    }

    /**
     * Commits {@code work} (acks; may be empty) and claims up to {@code max} more rows in the same
     * journal transaction, and waits for that commit.
     *
     * @throws JMSException when the commit failed: nothing of the work was applied
     */
    void fetch(UnitOfWork work, int max) throws JMSException {
        dirty.set(false);
        long started = epoch;
        Receiver.Fetched fetched;
        try {
            fetched = receiver.fetch(work, max).join();
        } catch (CompletionException | CancellationException e) {
            dirty.set(true);
            waiting = false;
            throw JmsExceptions.translate(e.getCause() != null ? e.getCause() : e, "receive from " + destination);
        }
        boolean keep;
        synchronized (prefetched) {
            keep = !closed && epoch == started;
            if (keep) {
                prefetched.addAll(fetched.rows());
            }
        }
        if (!keep) {
            release(fetched.rows());
        }
        waiting = fetched.waiting();
        more = fetched.more();
    }

    /** Flags that the consumer must fetch again on its next look (its poll when the journal cannot push). */
    void markDirty() {
        dirty.set(true);
    }

    /** Gives back rows claimed but never handed to the application, restoring their delivery count. */
    void releasePrefetched() {
        receiver.stopWaiting();
        waiting = false;
        dirty.set(true);
        List<StoredMessage> rows;
        synchronized (prefetched) {
            epoch++; // rows of a fetch under way go back too when it completes
            rows = new ArrayList<>(prefetched);
            prefetched.clear();
        }
        release(rows);
    }

    private void release(List<StoredMessage> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Release> releases = new ArrayList<>();
        for (StoredMessage row : rows) {
            releases.add(new Release(row.id(), row.deliveryCount(), 0, false));
        }
        try {
            session.journal().release(releases);
        } catch (JournalException e) {
            // their leases expire and they come back flagged as redelivered: allowed by spec 3.4.7
        }
    }

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        // Allowed from any callback (CallbackRules). From its own listener it must not wait for itself:
        // the listener's message is done once onMessage returns (MessageConsumer.close javadoc).
        if (CallbackRules.listenerSession() != session) {
            session.delivery().awaitIdle();
        }
        closeInternal();
    }

    void closeInternal() throws JMSException {
        if (closed) {
            return;
        }
        synchronized (prefetched) {
            closed = true;
        }
        receiver.close();
        unregisterQueueConsumer();
        signal.signal();
        releasePrefetched();
        session.consumerClosed(this);
        afterClose();
    }

    // ------------------------------------------------------------------ operations

    /** The id under which this queue consumer is registered in the journal for operators, or null. */
    private volatile String operatorId;

    /**
     * Makes this queue consumer visible to operators (CLI stat, JMX) in every JVM; it costs one
     * short transaction per created consumer. Subscribers are already visible through their
     * subscription's consumers.
     */
    void registerQueueConsumer() throws JMSException {
        String id = "q-" + java.util.UUID.randomUUID();
        try {
            session.journal().registerConsumer(address, id);
        } catch (org.journalmq.persistence.JournalException e) {
            throw JmsExceptions.translate(e, "register a consumer of " + destination);
        }
        operatorId = id;
    }

    private void unregisterQueueConsumer() {
        String id = operatorId;
        if (id == null) {
            return;
        }
        operatorId = null;
        try {
            session.journal().detach(id);
        } catch (org.journalmq.persistence.JournalException e) {
            // Only a figure for operators: maintenance forgets it with this client at the latest.
            org.slf4j.LoggerFactory.getLogger(JournalConsumer.class).debug(
                    "JMQ5001 could not unregister queue consumer {}: {}", id, e.getMessage());
        }
    }

    /** Called once when the consumer closed; subscribers detach from their subscription here. */
    void afterClose() throws JMSException {
    }
}
