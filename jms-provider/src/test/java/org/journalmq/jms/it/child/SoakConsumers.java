package org.journalmq.jms.it.child;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionRolledBackException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.journalmq.jms.JmsExceptions;

/**
 * The soak worker's non-XA consumers, one method per lane. Each records every message handed to
 * it ({@code R}) and, where the mode has one, the moment its acknowledgement returned ({@code A}).
 */
final class SoakConsumers {
    private final SoakRecord record;
    private final String incarnation;
    private final AtomicInteger sessions = new AtomicInteger();

    SoakConsumers(SoakRecord record, String incarnation) {
        this.record = record;
        this.incarnation = incarnation;
    }

    /** A name per session, so that the checker can tell which session gave a message back. */
    String sessionName(SoakLane lane) {
        return incarnation + "." + lane + "." + sessions.incrementAndGet();
    }

    /**
     * AUTO_ACKNOWLEDGE with a selector. Message n counts as acknowledged once n+1 is handed over:
     * JournalMQ hands over n+1 only after the ack of n is durable (§6.2.10: only the last consumed
     * message may come again after a failure).
     */
    void autoSelector(Connection c, SoakWorker.Running running) throws JMSException {
        SoakLane lane = SoakLane.AUTO_QUEUE_SELECTOR;
        Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
        try {
            MessageConsumer consumer = s.createConsumer(s.createQueue(lane.destination), lane.selector);
            String session = sessionName(lane);
            String previous = null;
            while (running.consuming()) {
                Message m = consumer.receive(500);
                if (m != null) {
                    if (previous != null) {
                        record.acknowledged(lane, previous, session);
                    }
                    previous = text(m);
                    record.received(lane, previous, m.getJMSRedelivered(), session);
                }
            }
        } finally {
            s.close();
        }
    }

    /** CLIENT_ACKNOWLEDGE with a selector: acknowledge() after every third message or a quiet receive. */
    void clientSelector(Connection c, SoakWorker.Running running) throws JMSException {
        SoakLane lane = SoakLane.CLIENT_QUEUE_SELECTOR;
        Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
        try {
            MessageConsumer consumer = s.createConsumer(s.createQueue(lane.destination), lane.selector);
            String session = sessionName(lane);
            List<String> pending = new ArrayList<>();
            Message last = null;
            while (running.consuming()) {
                Message m = consumer.receive(500);
                if (m != null) {
                    last = m;
                    pending.add(text(m));
                    record.received(lane, text(m), m.getJMSRedelivered(), session);
                }
                if (pending.size() >= 3 || m == null && !pending.isEmpty()) {
                    try {
                        last.acknowledge();
                        pending.forEach(id -> record.acknowledged(lane, id, session));
                    } catch (JMSException e) {
                        record.error(lane + " acknowledge", e);
                        s.recover(); // not acknowledged: they come again
                    }
                    pending.clear();
                }
            }
        } finally {
            s.close();
        }
    }

    /** Transactions of up to 3 receives (§6.2.7): acknowledged when commit() returned. */
    void transacted(Connection c, SoakWorker.Running running) throws JMSException {
        SoakLane lane = SoakLane.TX_QUEUE;
        Session s = c.createSession(Session.SESSION_TRANSACTED);
        try {
            MessageConsumer consumer = s.createConsumer(s.createQueue(lane.destination));
            String session = sessionName(lane);
            List<String> batch = new ArrayList<>();
            while (running.consuming()) {
                Message m = consumer.receive(500);
                if (m != null) {
                    batch.add(text(m));
                    record.received(lane, text(m), m.getJMSRedelivered(), session);
                }
                if (batch.size() >= 3 || m == null && !batch.isEmpty()) {
                    try {
                        s.commit();
                        batch.forEach(id -> record.acknowledged(lane, id, session));
                    } catch (TransactionRolledBackException e) {
                        record.error(lane + " commit rolled back", e); // they come again
                    } catch (JMSException e) {
                        if (!JmsExceptions.OUTCOME_UNKNOWN.equals(e.getErrorCode())) {
                            throw e;
                        }
                        batch.forEach(id -> record.ackUnknown(lane, id)); // they may come again
                    }
                    batch.clear();
                }
            }
            s.rollback();
        } finally {
            s.close();
        }
    }

    /** A shared durable subscription that every worker consumes, DUPS_OK_ACKNOWLEDGE: no ack point to record. */
    void dupsOkShared(Connection c, SoakWorker.Running running) throws JMSException {
        SoakLane lane = SoakLane.DUPS_SHARED_TOPIC;
        Session s = c.createSession(Session.DUPS_OK_ACKNOWLEDGE);
        try {
            MessageConsumer consumer = s.createSharedDurableConsumer(s.createTopic(lane.destination), lane.subscription);
            String session = sessionName(lane);
            while (running.consuming()) {
                Message m = consumer.receive(500);
                if (m != null) {
                    record.received(lane, text(m), m.getJMSRedelivered(), session);
                }
            }
        } finally {
            s.close();
        }
    }

    /**
     * The unshared durable subscription, AUTO with a MessageListener, on a connection with the
     * subscription's client id: message n counts as acknowledged when n+1 reaches the listener.
     */
    Session autoDurableListener(Connection owner) throws JMSException {
        SoakLane lane = SoakLane.AUTO_DURABLE_TOPIC;
        Session s = owner.createSession(Session.AUTO_ACKNOWLEDGE);
        String session = sessionName(lane);
        String[] previous = new String[1];
        s.createDurableConsumer(s.createTopic(lane.destination), lane.subscription).setMessageListener(m -> {
            try {
                if (previous[0] != null) {
                    record.acknowledged(lane, previous[0], session);
                }
                previous[0] = text(m);
                record.received(lane, previous[0], m.getJMSRedelivered(), session);
            } catch (JMSException e) {
                record.error(lane + " listener", e);
            }
        });
        return s;
    }

    static String text(Message m) throws JMSException {
        return ((TextMessage) m).getText();
    }
}
