package org.journalmq.jms.client;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.journalmq.jms.DeadLetters;
import org.journalmq.jms.JmsExceptions;
import org.journalmq.jms.message.JournalMessage;
import org.journalmq.jms.message.JournalObjectMessage;
import org.journalmq.jms.message.MessageCodec;
import org.journalmq.persistence.Ack;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.StoredMessage;
import org.journalmq.persistence.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands rows to the application: to a synchronous receiver on its own thread, or to message
 * listeners on the session's single delivery thread (spec 6.2.6: a session serializes its
 * listeners). Applies the acknowledge mode to each delivered row.
 */
final class SessionDelivery implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionDelivery.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final JournalSession session;
    private final Signal signal = new Signal();
    /** Held while a listener runs, so that stop() and close() can wait for it. */
    private final ReentrantLock listenerLock = new ReentrantLock();
    private Thread thread;
    private volatile boolean stopping;
    /** The row being delivered to a listener, and whether recover() asked for it again. */
    private volatile Delivered current;
    private volatile boolean recoverCurrent;
    private boolean failing;
    /** DUPS_OK acks not yet written (delivery thread only). */
    private final List<Ack> dupsOkAcks = new ArrayList<>();
    /** How long an idle delivery thread sleeps between checks of its flags (no statement is run then). */
    private static final long IDLE_CHECK_MILLIS = 1_000;

    SessionDelivery(JournalSession session) {
        this.session = session;
    }

    void wake() {
        signal.signal();
    }

    synchronized void listenerSet() {
        if (thread == null && !stopping) {
            thread = new Thread(this, "journalmq-session-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        }
        wake();
    }

    void recoverCurrent() {
        if (current != null && CallbackRules.listenerSession() == session) {
            recoverCurrent = true;
        }
    }

    /** Waits until no listener of this session is running (unless called from one). */
    void awaitIdle() {
        if (CallbackRules.listenerSession() == session) {
            return;
        }
        listenerLock.lock();
        listenerLock.unlock();
    }

    void stop() {
        Thread t;
        synchronized (this) {
            stopping = true;
            t = thread;
        }
        wake();
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void run() {
        CallbackRules.deliveryThreadOf(session);
        long delay = JournalConsumer.MIN_POLL_MILLIS;
        try {
            while (!stopping && !session.isClosed()) {
                long seen = signal.generation();
                if (!session.connection().isStarted()) {
                    flushDupsOkAcks();
                    session.connection().awaitStarted(100);
                    continue;
                }
                boolean delivered = false;
                for (JournalConsumer c : session.consumers()) {
                    MessageListener l = c.listener();
                    if (l != null && !stopping && session.connection().isStarted()) {
                        delivered |= deliverOne(c, l);
                    }
                }
                if (delivered) {
                    delay = JournalConsumer.MIN_POLL_MILLIS;
                    continue;
                }
                flushDupsOkAcks();
                // Nothing to deliver: every consumer waits for a hand-over or a wake-up. Where the
                // journal cannot tell of other JVMs' commits, look again after a growing delay.
                boolean push = session.journal().wakesForEveryWriter();
                signal.await(seen, push ? IDLE_CHECK_MILLIS : delay);
                if (!push && signal.generation() == seen) {
                    for (JournalConsumer c : session.consumers()) {
                        c.markDirty();
                    }
                    delay = Math.min(delay * 2, JournalConsumer.MAX_POLL_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Error e) {
            // The thread cannot go on; say so instead of leaving the listeners silently unfed.
            session.connection().onAsyncException(JmsExceptions.link(new JMSException(
                    "message delivery of a session stopped: " + e, JmsExceptions.JOURNAL_ERROR), e));
            throw e;
        } finally {
            flushDupsOkAcks();
            CallbackRules.deliveryThreadEnded();
        }
    }

    private boolean deliverOne(JournalConsumer c, MessageListener l) {
        StoredMessage row = c.poll();
        if (row == null) {
            Throwable failed = c.takeAheadFailure();
            if (failed != null) {
                reportFailure(c, JmsExceptions.translate(failed, "receive from " + c.destination()));
                return false;
            }
            if (!c.needsFetch()) {
                return false;
            }
            try {
                c.fetch(takeDupsOkAcks(), prefetch(c));
                if (failing) {
                    failing = false;
                    LOG.info("JMQ2005 delivery to {} resumed", c.destination());
                }
            } catch (JMSException e) {
                reportFailure(c, e);
                return false;
            }
            row = c.poll();
            if (row == null) {
                return c.needsFetch(); // a selector scan with more backlog to read counts as progress
            }
        }
        JournalMessage m;
        try {
            m = prepare(c, row);
        } catch (JMSException e) {
            // An undecodable row: report it and give it back; its count grows until it is dead-lettered.
            Redeliveries.failed(session, List.of(new Delivered(row, c)),
                    DeadLetters.REASON_UNDECODABLE_PREFIX + e.getMessage());
            session.connection().onAsyncException(e);
            return true;
        }
        if (m == null) {
            return true;
        }
        if (!isAutoAck()) {
            refillAhead(c); // CLIENT_ACKNOWLEDGE and transacted: nothing to ack now, so claim ahead
        }
        listenerLock.lock();
        boolean ok = false;
        String failure = null;
        try {
            current = new Delivered(row, c);
            recoverCurrent = false;
            l.onMessage(m);
            ok = true;
        } catch (RuntimeException e) {
            failure = DeadLetters.listenerReason(e);
            LOG.warn("JMQ2006 MessageListener of {} threw; the message will be redelivered", c.destination(), e);
        } finally {
            Delivered d = current;
            current = null;
            listenerLock.unlock();
            String refused = m instanceof JournalObjectMessage object ? object.refusal() : null;
            if (isAutoAck() && refused != null) {
                // issue 15: the listener saw getObject() refused. Whether it threw or returned, the
                // message is neither acknowledged nor redelivered (the filter would refuse it again):
                // it goes to the dead-letter queue with the reason, to be replayed once allowed.
                Redeliveries.deadLetterNow(session, d, DeadLetters.REASON_REFUSED_BODY_PREFIX + refused);
            } else if (isAutoAck()) {
                if (ok && !recoverCurrent) {
                    ack(d);
                } else {
                    // spec 8.7: a listener that throws in AUTO/DUPS_OK mode gets the message again,
                    // under the redelivery policy (delay, then the dead-letter queue)
                    Redeliveries.failed(session, List.of(d), failure != null ? failure : DeadLetters.REASON_RECOVER);
                }
            }
        }
        return true;
    }

    /** Delivery to a synchronous receiver; null when the row was expired or its ack lost the lease. */
    Message deliverToReceiver(JournalConsumer c, StoredMessage row, Class<?> bodyType) throws JMSException {
        JournalMessage m;
        try {
            m = prepare(c, row);
        } catch (JMSException e) {
            Redeliveries.failed(session, List.of(new Delivered(row, c)),
                    DeadLetters.REASON_UNDECODABLE_PREFIX + e.getMessage());
            throw e;
        }
        if (m == null || !isAutoAck()) {
            return m;
        }
        Delivered d = new Delivered(row, c);
        if (m instanceof JournalObjectMessage object && object.checkBody() != null) {
            // issue 15: the acknowledgement would come before the application's getObject(), so
            // the body is checked first; a refused one goes to the dead-letter queue instead, and
            // the application still gets the message, whose getObject() says why.
            Redeliveries.deadLetterNow(session, d, DeadLetters.REASON_REFUSED_BODY_PREFIX + object.refusal());
            return m;
        }
        if (bodyType != null && !JournalJMSConsumer.bodyReceivable(m, bodyType)) {
            // JMSConsumer.receiveBody javadoc, AUTO/DUPS_OK: as if the call had not occurred, "not
            // considered to be redelivery": JMSRedelivered stays unset, JMSXDeliveryCount unchanged
            session.acks().release(List.of(d), false);
            throw new MessageFormatException("the body of the message cannot be assigned to "
                    + bodyType.getName() + "; the message will be delivered again");
        }
        if (session.mode() == Session.DUPS_OK_ACKNOWLEDGE) {
            session.journal().write(UnitOfWork.ack(List.of(row.ack())));
            return m;
        }
        try {
            session.journal().writeAndWait(UnitOfWork.ack(List.of(row.ack())));
            return m;
        } catch (JournalException e) {
            if (e.kind() == JournalException.Kind.LEASE_LOST) {
                return null; // another consumer owns it now; the application never saw it
            }
            session.acks().release(List.of(d), false);
            throw JmsExceptions.translate(e, "acknowledge message from " + c.destination());
        }
    }

    private boolean isAutoAck() {
        int mode = session.mode();
        return mode == Session.AUTO_ACKNOWLEDGE || mode == Session.DUPS_OK_ACKNOWLEDGE;
    }

    /**
     * Decodes a row into the message the application sees, or acks and skips it when it expired
     * while waiting (spec 3.4.9: an expired message should not be delivered).
     */
    private JournalMessage prepare(JournalConsumer c, StoredMessage row) throws JMSException {
        JournalMessage m = MessageCodec.decode(row.data());
        if (row.expiresAt() != 0 && row.expiresAt() <= session.journal().now()) {
            // Given back undelivered: claims skip expired rows, and the expiry sweep moves it to the
            // expiry queue or drops it, as its sender's policy said.
            session.acks().release(List.of(new Delivered(row, c)), false);
            return null;
        }
        Redeliveries.exposeExpiryOrigin(m, row);
        session.useFilter(m);
        m.markDelivered(row.deliveryCount());
        int mode = session.mode();
        if (mode == Session.CLIENT_ACKNOWLEDGE || mode == Session.SESSION_TRANSACTED) {
            session.acks().addDelivered(new Delivered(row, c));
            if (mode == Session.CLIENT_ACKNOWLEDGE) {
                m.setAcknowledger(session.acks()::acknowledgeAll);
            }
        }
        return m;
    }

    /**
     * Acknowledges a message a listener consumed. AUTO_ACKNOWLEDGE (Jakarta Messaging 3.1 §6.2.10):
     * the ack is durable before the next message goes to the listener, so after a failure only the
     * last consumed message can come again; it rides in a group commit, with the claim of the next
     * rows when this consumer's hand runs low. DUPS_OK_ACKNOWLEDGE: acks are gathered and go with the
     * next fetch or in a batch nobody waits for; duplicates after a failure are what the mode allows.
     */
    private void ack(Delivered d) {
        JournalConsumer c = d.consumer();
        int prefetch = prefetch(c);
        boolean refill = !c.waitingClean() && c.inHand() <= prefetch / 2 && session.connection().isStarted();
        try {
            if (session.mode() == Session.AUTO_ACKNOWLEDGE) {
                UnitOfWork ack = UnitOfWork.ack(List.of(d.row().ack()));
                if (refill) {
                    c.fetch(ack, prefetch - c.inHand());
                } else {
                    session.journal().writeAndWait(ack);
                }
                return;
            }
            dupsOkAcks.add(d.row().ack());
            if (refill && c.fetchAhead(UnitOfWork.ack(List.copyOf(dupsOkAcks)), prefetch - c.inHand())) {
                dupsOkAcks.clear();
            } else if (c.inHand() == 0 || dupsOkAcks.size() >= prefetch) {
                flushDupsOkAcks();
            }
        } catch (JMSException | RuntimeException e) {
            LOG.warn("JMQ2007 acknowledge of a message from {} failed; it may be redelivered: {}",
                    c.destination(), e.getMessage());
        }
    }

    /**
     * Bytes of messages a listener's consumer may hold in hand (issue 13): 100 messages of 10 MiB
     * drain through a JVM with a 256 MiB heap, while messages up to 2 MiB keep the full prefetch.
     */
    static final long PREFETCH_BYTES = 32L << 20;

    /** The prefetch setting, bounded in bytes by the size of the consumer's messages. */
    private int prefetch(JournalConsumer c) {
        return c.prefetchWithin(session.connection().settings().prefetch(), PREFETCH_BYTES);
    }

    /** Claims the next rows without waiting when the consumer's hand runs low. */
    private void refillAhead(JournalConsumer c) {
        int prefetch = prefetch(c);
        if (!c.waitingClean() && c.inHand() <= prefetch / 2 && session.connection().isStarted()) {
            c.fetchAhead(UnitOfWork.ack(List.of()), prefetch - c.inHand());
        }
    }

    /**
     * Reports a failing delivery once, until one succeeds again. An unreachable database is not
     * reported here: the connection tells its ExceptionListener of the outage once for all sessions.
     */
    private void reportFailure(JournalConsumer c, JMSException e) {
        if (!failing) {
            failing = true;
            if (JmsExceptions.DATABASE_UNAVAILABLE.equals(e.getErrorCode())) {
                LOG.warn("JMQ2011 delivery to {} waits for the database: {}", c.destination(), e.getMessage());
            } else {
                session.connection().onAsyncException(e);
            }
        }
    }

    /** The DUPS_OK acks gathered so far, as a unit to ride with a fetch. */
    private UnitOfWork takeDupsOkAcks() {
        UnitOfWork acks = UnitOfWork.ack(List.copyOf(dupsOkAcks));
        dupsOkAcks.clear();
        return acks;
    }

    /** Writes the gathered DUPS_OK acks without waiting for their commit. */
    private void flushDupsOkAcks() {
        if (dupsOkAcks.isEmpty()) {
            return;
        }
        JournalSession s = session;
        s.journal().write(takeDupsOkAcks()).whenComplete((v, e) -> {
            if (e != null) {
                LOG.warn("JMQ2007 acknowledge of messages of a DUPS_OK session failed; they may be redelivered: {}",
                        e.getMessage());
            }
        });
    }
}
