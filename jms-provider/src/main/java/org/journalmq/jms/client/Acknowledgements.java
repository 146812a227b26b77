package org.journalmq.jms.client;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import org.journalmq.jms.DeadLetters;
import org.journalmq.jms.JmsExceptions;
import org.journalmq.persistence.Ack;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.NewMessage;
import org.journalmq.persistence.Publication;
import org.journalmq.persistence.Release;
import org.journalmq.persistence.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The acknowledgement and transaction state of one session (spec 6.2.7 transactions, 6.2.10
 * acknowledgement modes): rows delivered but not yet acknowledged or committed, and the sends of
 * the open transaction. Synchronized because the application thread and the session's delivery
 * thread both reach it.
 * <p>Internal: for org.journalmq.jms, org.journalmq.jms.transaction.
 */
public final class Acknowledgements {

    private static final Logger LOG = LoggerFactory.getLogger(Acknowledgements.class);

    private final JournalSession session;
    private final List<Delivered> unacked = new ArrayList<>();
    private final List<NewMessage> sends = new ArrayList<>();
    private final List<Publication> publications = new ArrayList<>();

    Acknowledgements(JournalSession session) {
        this.session = session;
    }

    synchronized void addSend(NewMessage m) {
        sends.add(m);
    }

    synchronized void addPublish(Publication p) {
        publications.add(p);
    }

    /** Remembers a row handed to the application in CLIENT_ACKNOWLEDGE or transacted mode. */
    synchronized void addDelivered(Delivered d) {
        unacked.add(d);
    }

    /** True when a message from the journal address waits for acknowledgement or commit in this session. */
    synchronized boolean holdsFrom(String address) {
        for (Delivered d : unacked) {
            if (d.consumer().address().equals(address)) {
                return true;
            }
        }
        return false;
    }

    private synchronized List<Delivered> takeUnacked() {
        List<Delivered> taken = new ArrayList<>(unacked);
        unacked.clear();
        return taken;
    }

    private static List<Ack> acksOf(List<Delivered> delivered) {
        List<Ack> acks = new ArrayList<>(delivered.size());
        for (Delivered d : delivered) {
            acks.add(d.row().ack());
        }
        return acks;
    }

    /** Message.acknowledge() in CLIENT_ACKNOWLEDGE mode: every message the session delivered. */
    void acknowledgeAll() throws JMSException {
        if (session.isClosed()) {
            throw new IllegalStateException("cannot acknowledge: the session is closed");
        }
        List<Delivered> taken = takeUnacked();
        if (taken.isEmpty()) {
            return;
        }
        try {
            session.journal().writeAndWait(UnitOfWork.ack(acksOf(taken)));
        } catch (JournalException e) {
            // Whatever is still ours goes back for redelivery; lost leases were redelivered already.
            release(taken, true);
            throw JmsExceptions.translate(e, "acknowledge " + taken.size() + " message(s)");
        }
    }

    /** Session.commit(): the transaction's sends and acks in one database transaction. */
    void commit() throws JMSException {
        List<NewMessage> txSends;
        List<Publication> txPublications;
        List<Delivered> txAcks;
        synchronized (this) {
            txSends = new ArrayList<>(sends);
            sends.clear();
            txPublications = new ArrayList<>(publications);
            publications.clear();
            txAcks = new ArrayList<>(unacked);
            unacked.clear();
        }
        if (txSends.isEmpty() && txAcks.isEmpty() && txPublications.isEmpty()) {
            return;
        }
        try {
            session.journal().writeAndWait(new UnitOfWork(txSends, acksOf(txAcks), txPublications));
        } catch (JournalException e) {
            // Also when the outcome is unknown: a release, like a dead-letter move, matches a row by
            // its claim token, so a row the commit deleted stays deleted; a rolled-back one comes back.
            release(txAcks, true);
            // TransactionRolledBackException only when the journal knows it rolled back (issue 13).
            throw JmsExceptions.rolledBack(e, "commit");
        }
    }

    /** Session.rollback(): drop the sends, give the consumed messages back for redelivery. */
    void rollback() {
        rollback(DeadLetters.REASON_ROLLBACK);
    }

    /** A rollback; {@code reason} is recorded on messages that used their last delivery attempt. */
    private void rollback(String reason) {
        List<Delivered> taken;
        synchronized (this) {
            sends.clear();
            publications.clear();
            taken = new ArrayList<>(unacked);
            unacked.clear();
        }
        restartDelivery(taken, reason);
    }

    /** Session.recover(): redeliver from the oldest unacknowledged message (spec 6.2.11). */
    void recover() {
        if (session.mode() == Session.CLIENT_ACKNOWLEDGE) {
            restartDelivery(takeUnacked(), DeadLetters.REASON_RECOVER);
        } else {
            // AUTO/DUPS_OK: only the message being delivered to a listener is unacknowledged.
            session.delivery().recoverCurrent();
        }
    }

    /**
     * Gives back the consumed messages and everything prefetched after them, so that delivery
     * starts again from the oldest in journal order.
     */
    private void restartDelivery(List<Delivered> consumed, String reason) {
        for (JournalConsumer c : session.consumers()) {
            c.releasePrefetched();
        }
        Redeliveries.failed(session, consumed, reason);
    }

    /** On session close: unacknowledged and uncommitted deliveries come back, uncommitted sends vanish. */
    void releaseAllOnClose() {
        rollback(DeadLetters.REASON_SESSION_CLOSED);
    }

    /**
     * Releases rows to the journal, logging rather than throwing: the lease expiry is the fallback.
     * <p>Internal: for org.journalmq.jms.
     */
    public void release(List<Delivered> delivered, boolean wasDelivered) {
        if (delivered.isEmpty()) {
            return;
        }
        if (wasDelivered) {
            // A failed acknowledge or commit: redelivered under the policy like any failed delivery.
            Redeliveries.failed(session, delivered, DeadLetters.REASON_ACKNOWLEDGE_FAILED);
            return;
        }
        // Never seen by the application: back at once, with the claim's count increment taken back.
        List<Release> releases = new ArrayList<>(delivered.size());
        for (Delivered d : delivered) {
            releases.add(new Release(d.row().id(), d.row().deliveryCount(), 0, false));
        }
        try {
            session.journal().release(releases);
        } catch (JournalException e) {
            LOG.warn("JMQ2004 could not release {} message(s), they return when their lease expires: {}",
                    releases.size(), e.getMessage());
        }
    }

    // ---------------------------------------------------------------- XA branches and local transactions

    /**
     * The work of a session's open transaction, taken out of it: at XAResource.end it moves to the
     * transaction branch; in a local-transaction session it is written into the application's
     * connection.
     * <p>Internal: for org.journalmq.jms, org.journalmq.jms.transaction.
     */
    public record TransactionWork(List<NewMessage> sends, List<Publication> publications, List<Delivered> delivered) {
        /** Internal: for org.journalmq.jms. */
        public boolean isEmpty() {
            return sends.isEmpty() && publications.isEmpty() && delivered.isEmpty();
        }

        /**
         * The work as one journal unit: the sends, publications and the acks of the delivered rows.
         * <p>Internal: for org.journalmq.jms, org.journalmq.jms.transaction.
         */
        public UnitOfWork unit() {
            return new UnitOfWork(sends, acksOf(delivered), publications);
        }
    }

    /**
     * Takes the sends, publications and delivered rows gathered since the last call, leaving the session with none.
     * <p>Internal: for org.journalmq.jms, org.journalmq.jms.transaction.
     */
    public synchronized TransactionWork takeTransactionWork() {
        TransactionWork work = new TransactionWork(List.copyOf(sends), List.copyOf(publications), List.copyOf(unacked));
        sends.clear();
        publications.clear();
        unacked.clear();
        return work;
    }

    /**
     * A rollback that also gives back rows consumed in earlier parts of the transaction (already
     * written into the application's connection): delivery restarts from the oldest of them all.
     * <p>Internal: for org.journalmq.jms.
     */
    public void rollbackWith(List<Delivered> alsoConsumed) {
        List<Delivered> taken;
        synchronized (this) {
            sends.clear();
            publications.clear();
            taken = new ArrayList<>(alsoConsumed);
            taken.addAll(unacked);
            unacked.clear();
        }
        restartDelivery(taken, DeadLetters.REASON_ROLLBACK);
    }
}
