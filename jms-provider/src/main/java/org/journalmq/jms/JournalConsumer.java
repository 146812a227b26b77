package org.journalmq.jms;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.journalmq.jms.message.MessageCodec;
import org.journalmq.jms.selector.Selector;
import org.journalmq.jms.selector.HeaderFilter;
import org.journalmq.persistence.BrowsePosition;
import org.journalmq.persistence.ClaimRequest;
import org.journalmq.persistence.ClaimResult;
import org.journalmq.persistence.Journal;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.Release;
import org.journalmq.persistence.StoredMessage;

/**
 * A queue consumer. It claims rows from the journal on demand: one per synchronous receive (so a
 * consumer never hides messages it was not asked for), up to the prefetch for a listener, whose
 * delivery thread drains them at once. Rows it holds but never handed out go back with their
 * delivery count restored when it closes.
 */
public class JournalConsumer implements QueueReceiver {

    /** Polling bounds for work committed by other JVMs (local commits wake us at once). */
    static final long MIN_POLL_MILLIS = 2;
    static final long MAX_POLL_MILLIS = 200;

    private final JournalSession session;
    private final JournalDestination destination;
    private final Selector selector;
    private final Predicate<StoredMessage> filter;
    /** Priority range implied by the selector, pushed into the claim SQL. */
    private final int minPriority;
    private final int maxPriority;
    /** Where this consumer's last selector scan stopped; null: next scan from the start. */
    private BrowsePosition scanPosition;
    private final ArrayDeque<StoredMessage> prefetched = new ArrayDeque<>();
    private final Signal signal = new Signal();
    private final Journal.Registration registration;
    /** The journal address claimed from: the queue's, or the subscription's for a topic subscriber. */
    private final String address;
    private volatile MessageListener listener;
    private volatile boolean closed;

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
        this.filter = selector == Selector.ALWAYS || !filterOnClaim ? null
                : row -> matches(selector, row);
        HeaderFilter range = selector.headerFilter().orElse(null);
        this.minPriority = range == null || range.minPriority() == null ? 0 : Math.max(0, range.minPriority());
        this.maxPriority = range == null || range.maxPriority() == null ? 9 : Math.min(9, range.maxPriority());
        this.registration = session.journal().onAvailable(address, this::wake);
    }

    /** A row that cannot be decoded matches no selector; a consumer without one receives and reports it. */
    private static boolean matches(Selector selector, StoredMessage row) {
        try {
            return selector.matches(MessageCodec.decode(row.data()));
        } catch (JMSException e) {
            return false;
        }
    }

    JournalSession session() {
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

    void wake() {
        signal.signal();
        session.delivery().wake();
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
        long delay = MIN_POLL_MILLIS;
        while (!closed) {
            long seen = signal.generation();
            if (session.connection().isStarted()) {
                StoredMessage row = take(1);
                if (row != null) {
                    Message m = session.delivery().deliverToReceiver(this, row, bodyType);
                    if (m != null) {
                        return m;
                    }
                    continue; // expired or lost: look again at once
                }
                if (scanning()) {
                    continue; // the selector scan has more of the backlog to read
                }
            }
            long remaining = noWait ? 0 : deadline - System.currentTimeMillis();
            if (remaining <= 0) {
                return null;
            }
            try {
                signal.await(seen, Math.min(remaining, delay));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            delay = Math.min(delay * 2, MAX_POLL_MILLIS);
        }
        return null;
    }

    /** The next row for this consumer: a prefetched one, or up to {@code max} newly claimed; null if none. */
    StoredMessage take(int max) throws JMSException {
        synchronized (prefetched) {
            StoredMessage row = prefetched.poll();
            if (row != null || closed) {
                return row;
            }
            List<StoredMessage> claimed;
            try {
                if (filter == null) {
                    claimed = session.journal().claim(ClaimRequest.of(address, max));
                } else if (minPriority > maxPriority) {
                    claimed = List.of(); // the selector can match no priority at all
                } else {
                    ClaimResult r = session.journal().claimScan(new ClaimRequest(address, max, filter,
                            scanPosition, minPriority, maxPriority));
                    scanPosition = r.resumeAfter();
                    claimed = r.claimed();
                }
            } catch (JournalException e) {
                throw JmsExceptions.translate(e, "receive from " + destination);
            }
            for (StoredMessage claimedRow : claimed) {
                // A row over its maximum attempts (its consumers crashed) goes to the dead-letter queue.
                if (!Redeliveries.deadLetterIfExhausted(session, this, claimedRow)) {
                    prefetched.add(claimedRow);
                }
            }
            return prefetched.poll();
        }
    }

    /** True while a selector scan stopped part-way through the backlog: claim again at once. */
    boolean scanning() {
        synchronized (prefetched) {
            return scanPosition != null;
        }
    }

    /** Gives back rows claimed but never handed to the application, restoring their delivery count. */
    void releasePrefetched() {
        List<Release> releases = new ArrayList<>();
        synchronized (prefetched) {
            for (StoredMessage row : prefetched) {
                releases.add(new Release(row.id(), row.deliveryCount(), 0, false));
            }
            prefetched.clear();
        }
        if (!releases.isEmpty()) {
            try {
                session.journal().release(releases);
            } catch (JournalException e) {
                // their leases expire and they come back flagged as redelivered: allowed by spec 3.4.7
            }
        }
    }

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        session.checkNotInCompletionListener("close on a consumer of");
        if (SessionDelivery.current() != session) {
            session.delivery().awaitIdle();
        }
        closeInternal();
    }

    void closeInternal() throws JMSException {
        if (closed) {
            return;
        }
        closed = true;
        registration.close();
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
