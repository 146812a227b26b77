package org.journalmq.jms.it.child;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionRolledBackException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.journalmq.jms.JmsExceptions;

/**
 * The soak worker's producers, each at a fixed pace (the soak measures correctness, not speed). Every
 * message's body is its id, {@code w<worker>.<incarnation>.<producer>.<n>}, unique over the run.
 * A send counts as sent only once it (or its transaction's commit) returned; see {@link SoakRecord}.
 */
final class SoakProducers {
    private final SoakRecord record;
    private final String idPrefix;
    private final AtomicLong next = new AtomicLong();

    SoakProducers(SoakRecord record, String idPrefix) {
        this.record = record;
        this.idPrefix = idPrefix;
    }

    private String nextId(String producer) {
        return idPrefix + "." + producer + "." + next.incrementAndGet();
    }

    /** Red and blue messages on one queue: the two selector lanes split them. */
    void selectorQueue(Connection c, SoakWorker.Running running) throws JMSException {
        Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
        try {
            MessageProducer p = s.createProducer(s.createQueue(SoakLane.AUTO_QUEUE_SELECTOR.destination));
            for (long n = 0; running.producing(); n++) {
                boolean red = n % 2 == 0;
                String id = nextId("sel");
                TextMessage m = s.createTextMessage(id);
                m.setStringProperty("color", red ? "red" : "blue");
                send(p, m, List.of(red ? SoakLane.AUTO_QUEUE_SELECTOR : SoakLane.CLIENT_QUEUE_SELECTOR), id);
                running.pause(50);
            }
        } finally {
            s.close();
        }
    }

    /** One topic message is due once on each subscription: the shared durable one and the unshared one. */
    void topic(Connection c, SoakWorker.Running running) throws JMSException {
        Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
        try {
            MessageProducer p = s.createProducer(s.createTopic(SoakLane.DUPS_SHARED_TOPIC.destination));
            while (running.producing()) {
                String id = nextId("topic");
                send(p, s.createTextMessage(id), List.of(SoakLane.DUPS_SHARED_TOPIC, SoakLane.AUTO_DURABLE_TOPIC), id);
                running.pause(100);
            }
        } finally {
            s.close();
        }
    }

    /** The queue the XA consumers read; sent outside any transaction. */
    void xaQueue(Connection c, SoakWorker.Running running) throws JMSException {
        Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
        try {
            MessageProducer p = s.createProducer(s.createQueue(SoakLane.XA_QUEUE.destination));
            while (running.producing()) {
                String id = nextId("xa");
                send(p, s.createTextMessage(id), List.of(SoakLane.XA_QUEUE), id);
                running.pause(250);
            }
        } finally {
            s.close();
        }
    }

    /** Transactions of 5 sends (Jakarta Messaging 3.1 §6.2.7): sent only when commit() returned. */
    void transacted(Connection c, SoakWorker.Running running) throws JMSException {
        Session s = c.createSession(Session.SESSION_TRANSACTED);
        try {
            MessageProducer p = s.createProducer(s.createQueue(SoakLane.TX_QUEUE.destination));
            List<String> batch = new ArrayList<>();
            while (running.producing()) {
                String id = nextId("tx");
                p.send(s.createTextMessage(id));
                batch.add(id);
                if (batch.size() == 5) {
                    try {
                        s.commit();
                        batch.forEach(b -> record.sent(SoakLane.TX_QUEUE, b));
                    } catch (TransactionRolledBackException e) {
                        record.error("tx-producer rolled back", e); // none of them is stored
                    } catch (JMSException e) {
                        if (!JmsExceptions.OUTCOME_UNKNOWN.equals(e.getErrorCode())) {
                            throw e;
                        }
                        batch.forEach(b -> record.unknown(SoakLane.TX_QUEUE, b));
                    }
                    batch.clear();
                }
                running.pause(80);
            }
        } finally {
            s.close();
        }
    }

    private void send(MessageProducer p, TextMessage m, List<SoakLane> lanes, String id) throws JMSException {
        try {
            p.send(m);
            lanes.forEach(l -> record.sent(l, id));
        } catch (JMSException e) {
            if (JmsExceptions.OUTCOME_UNKNOWN.equals(e.getErrorCode())) {
                lanes.forEach(l -> record.unknown(l, id));
            } else if (!JmsExceptions.DATABASE_UNAVAILABLE.equals(e.getErrorCode())) {
                throw e; // the loop records it and starts over with a new session
            }
        }
    }
}
