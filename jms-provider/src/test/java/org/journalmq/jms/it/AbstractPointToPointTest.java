package org.journalmq.jms.it;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Point-to-point messaging through the JMS API, run against each journal (Jakarta Messaging 3.1:
 * 3.4 headers, 3.5 properties, 3.11 bodies, 4.2 queues, 6.2.7 transactions, 6.2.10 and 6.2.11
 * acknowledgement and recovery, 7.8 delivery delay, 8.7 listener exceptions).
 */
public abstract class AbstractPointToPointTest extends JmsTestBase {

    /** Spec 3.11: each message type crosses the journal with its body and typed properties. */
    @Test
    void everyMessageTypeRoundTripsWithProperties() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "types");
        MessageProducer p = s.createProducer(q);

        Message plain = s.createMessage();
        TextMessage text = s.createTextMessage("héllo wörld");
        BytesMessage bytes = s.createBytesMessage();
        bytes.writeBytes(new byte[] {1, 2, 3});
        bytes.writeUTF("utf");
        MapMessage map = s.createMapMessage();
        map.setInt("i", 42);
        map.setString("s", "x");
        map.setBytes("b", new byte[] {9});
        StreamMessage stream = s.createStreamMessage();
        stream.writeLong(7L);
        stream.writeString("y");
        stream.writeBoolean(true);
        ObjectMessage object = s.createObjectMessage(new ArrayList<>(List.of("a", "b")));
        List<Message> sent = List.of(plain, text, bytes, map, stream, object);
        int n = 0;
        for (Message m : sent) {
            m.setBooleanProperty("bool", true);
            m.setByteProperty("byte", (byte) 1);
            m.setShortProperty("short", (short) 2);
            m.setIntProperty("int", 3);
            m.setLongProperty("long", 4L);
            m.setFloatProperty("float", 5.5f);
            m.setDoubleProperty("double", 6.25);
            m.setStringProperty("string", "seven");
            m.setIntProperty("seq", n++);
            m.setJMSCorrelationID("corr");
            m.setJMSType("kind");
            m.setJMSReplyTo(q);
            p.send(m);
        }

        MessageConsumer consumer = s.createConsumer(q);
        List<Message> got = receiveAll(consumer, sent.size(), 5_000);
        assertEquals(sent.size(), got.size());
        for (int i = 0; i < got.size(); i++) {
            Message m = got.get(i);
            assertEquals(i, m.getIntProperty("seq"));
            assertEquals(true, m.getObjectProperty("bool"));
            assertEquals((byte) 1, m.getObjectProperty("byte"));
            assertEquals((short) 2, m.getObjectProperty("short"));
            assertEquals(3, m.getObjectProperty("int"));
            assertEquals(4L, m.getObjectProperty("long"));
            assertEquals(5.5f, m.getObjectProperty("float"));
            assertEquals(6.25, m.getObjectProperty("double"));
            assertEquals("seven", m.getObjectProperty("string"));
            assertEquals("corr", m.getJMSCorrelationID());
            assertEquals("kind", m.getJMSType());
            assertEquals(q, m.getJMSReplyTo());
            assertEquals(q, m.getJMSDestination());
            assertEquals(sent.get(i).getJMSMessageID(), m.getJMSMessageID());
            assertTrue(m.getJMSMessageID().startsWith("ID:"));
            assertEquals(DeliveryMode.PERSISTENT, m.getJMSDeliveryMode());
            assertFalse(m.getJMSRedelivered());
            assertEquals(1, m.getIntProperty("JMSXDeliveryCount"));
        }
        assertEquals("héllo wörld", ((TextMessage) got.get(1)).getText());
        BytesMessage b = assertInstanceOf(BytesMessage.class, got.get(2));
        byte[] three = new byte[3];
        assertEquals(3, b.readBytes(three));
        assertArrayEquals(new byte[] {1, 2, 3}, three);
        assertEquals("utf", b.readUTF());
        MapMessage mm = assertInstanceOf(MapMessage.class, got.get(3));
        assertEquals(42, mm.getInt("i"));
        assertEquals("x", mm.getString("s"));
        assertArrayEquals(new byte[] {9}, mm.getBytes("b"));
        StreamMessage sm = assertInstanceOf(StreamMessage.class, got.get(4));
        assertEquals(7L, sm.readLong());
        assertEquals("y", sm.readString());
        assertTrue(sm.readBoolean());
        assertEquals(List.of("a", "b"), ((ObjectMessage) got.get(5)).getObject());
        assertNull(consumer.receiveNoWait());
    }

    /** Spec 6.2.11: recover() redelivers the unacknowledged messages, flagged as redelivered. */
    @Test
    void clientAcknowledgeRecoverRedelivers() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = queue(s, "recover");
        s.createProducer(q).send(s.createTextMessage("one"));
        MessageConsumer consumer = s.createConsumer(q);
        Message first = consumer.receive(5_000);
        assertNotNull(first);
        assertFalse(first.getJMSRedelivered());
        assertEquals(1, first.getIntProperty("JMSXDeliveryCount"));
        s.recover();
        Message again = consumer.receive(5_000);
        assertNotNull(again);
        assertEquals(first.getJMSMessageID(), again.getJMSMessageID());
        assertTrue(again.getJMSRedelivered());
        assertEquals(2, again.getIntProperty("JMSXDeliveryCount"));
        again.acknowledge();
        s.recover();
        assertNull(consumer.receive(300), "an acknowledged message must not come back");
    }

    /** Spec 8.7: a RuntimeException from an AUTO_ACKNOWLEDGE listener makes the message come again. */
    @Test
    void autoAcknowledgeListenerExceptionRedelivers() throws Exception {
        Connection c = connect();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "listener-throws");
        s.createProducer(q).send(s.createTextMessage("boom"));
        List<Message> seen = new CopyOnWriteArrayList<>();
        s.createConsumer(q).setMessageListener(m -> {
            seen.add(m);
            if (seen.size() == 1) {
                throw new IllegalStateException("listener failure on purpose");
            }
        });
        c.start();
        await("second delivery", 10_000, () -> seen.size() >= 2);
        Message second = seen.get(1);
        assertTrue(second.getJMSRedelivered());
        assertEquals(2, second.getIntProperty("JMSXDeliveryCount"));
        assertEquals(seen.get(0).getJMSMessageID(), second.getJMSMessageID());
        c.stop();
        assertEquals(2, seen.size());
    }

    /** Spec 6.2.7: rollback redelivers what the transaction consumed and discards what it sent. */
    @Test
    void transactedRollbackRedeliversAndDiscardsSends() throws Exception {
        Connection c = started();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Queue q = queue(tx, "rollback");
        Queue out = queue(tx, "rollback-out");
        MessageProducer p = tx.createProducer(q);
        p.send(tx.createTextMessage("in"));
        tx.commit();
        MessageConsumer consumer = tx.createConsumer(q);
        Message first = consumer.receive(5_000);
        assertNotNull(first);
        tx.createProducer(out).send(tx.createTextMessage("never"));
        tx.rollback();
        Message again = consumer.receive(5_000);
        assertNotNull(again);
        assertTrue(again.getJMSRedelivered());
        assertEquals(2, again.getIntProperty("JMSXDeliveryCount"));
        tx.commit();
        Session check = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertNull(check.createConsumer(out).receive(300), "a rolled back send must not be delivered");
        assertNull(check.createConsumer(q).receive(300), "a committed receive must not come back");
    }

    /** A transacted send is invisible until commit. */
    @Test
    void transactedSendVisibleOnlyAfterCommit() throws Exception {
        Connection c = started();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Queue q = queue(tx, "commit");
        tx.createProducer(q).send(tx.createTextMessage("later"));
        Session reader = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = reader.createConsumer(q);
        assertNull(consumer.receive(200));
        tx.commit();
        assertNotNull(consumer.receive(5_000));
    }

    /** Spec 3.4.10: higher priority first; equal priorities in send order. */
    @Test
    void priorityOrder() throws Exception {
        Connection c = connect();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "priority");
        MessageProducer p = s.createProducer(q);
        int[] priorities = {0, 4, 9, 4, 1, 9, 7};
        for (int i = 0; i < priorities.length; i++) {
            Message m = s.createMessage();
            m.setIntProperty("i", i);
            p.send(m, DeliveryMode.PERSISTENT, priorities[i], 0);
        }
        c.start();
        List<Message> got = receiveAll(s.createConsumer(q), priorities.length, 5_000);
        List<Integer> order = new ArrayList<>();
        for (Message m : got) {
            order.add(m.getIntProperty("i"));
        }
        assertEquals(List.of(2, 5, 6, 1, 3, 4, 0), order);
    }

    /** Spec 3.4.9: a message whose time to live passed is never delivered. */
    @Test
    void expiredMessageIsNeverDelivered() throws Exception {
        Connection c = connect();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "expiry");
        MessageProducer p = s.createProducer(q);
        TextMessage shortLived = s.createTextMessage("short");
        p.send(shortLived, DeliveryMode.PERSISTENT, 4, 50);
        assertTrue(shortLived.getJMSExpiration() > 0);
        long sentAt = System.currentTimeMillis();
        p.send(s.createTextMessage("long"), DeliveryMode.PERSISTENT, 4, 0);
        await("expiry of the first message", 5_000, () -> System.currentTimeMillis() > sentAt + 100);
        c.start();
        MessageConsumer consumer = s.createConsumer(q);
        TextMessage got = (TextMessage) consumer.receive(5_000);
        assertNotNull(got);
        assertEquals("long", got.getText());
        assertNull(consumer.receive(300));
    }

    /** Spec 7.9: a message is not delivered before its delivery delay passed. */
    @Test
    void deliveryDelay() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "delay");
        MessageProducer p = s.createProducer(q);
        p.setDeliveryDelay(1_000);
        TextMessage m = s.createTextMessage("delayed");
        long before = System.currentTimeMillis();
        p.send(m);
        assertTrue(m.getJMSDeliveryTime() >= before + 1_000);
        MessageConsumer consumer = s.createConsumer(q);
        assertNull(consumer.receive(500), "delivered before its delivery time");
        Message got = consumer.receive(5_000);
        assertNotNull(got);
        assertTrue(System.currentTimeMillis() >= before + 1_000);
        assertEquals(m.getJMSDeliveryTime(), got.getJMSDeliveryTime());
    }

    /**
     * Spec 7.9: every message of one commit reaches a consumer that already waits when its own
     * delivery delay runs out, not only the one due first (the commit announces its earliest due
     * time; the journal reads the next when that timer fires).
     */
    @Test
    void deliveryDelaysOfOneCommitEachWakeTheWaitingConsumer() throws Exception {
        Connection c = started();
        Queue q = queue(c.createSession(false, Session.AUTO_ACKNOWLEDGE), "delays");
        MessageConsumer consumer = c.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q);
        assertNull(consumer.receiveNoWait()); // open, and its address's delays read, before the commit
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer p = tx.createProducer(q);
        long sentAt = sendEachDelayed(tx, p);
        tx.commit();
        receiveEachWhenDue(consumer, sentAt);
    }

    /**
     * Spec 7.9: delayed messages committed while no consumer was open reach the consumer opened
     * afterwards, each when due (its journal reads the earliest, then the next when that is due).
     */
    @Test
    void deliveryDelaysCommittedBeforeTheConsumerOpenedEachWakeIt() throws Exception {
        Connection c = started();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Queue q = queue(tx, "delays-before");
        MessageProducer p = tx.createProducer(q);
        long sentAt = sendEachDelayed(tx, p);
        tx.commit();
        MessageConsumer consumer = c.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q);
        receiveEachWhenDue(consumer, sentAt);
    }

    /**
     * Spec 7.9, across journals: on PostgreSQL a second journal (another factory setting, as another
     * JVM) hears of the commit through NOTIFY only, and still wakes its consumer for each message.
     */
    @Test
    void deliveryDelaysOfOneCommitWakeAConsumerOfAnotherJournal() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(journal.kind() == TestJournal.Kind.POSTGRESQL,
                "only PostgreSQL tells other journals of a commit (NOTIFY)");
        org.journalmq.jms.JournalConnectionFactory other = journal.factory();
        other.setLeaseMillis(leaseMillis() + 1); // other settings: another journal on the same tables
        other.setJmxEnabled(false); // the first journal holds the MBean name
        Connection receiving = other.createConnection();
        try {
            receiving.start();
            Session rs = receiving.createSession(false, Session.AUTO_ACKNOWLEDGE);
            String name = uniqueQueue("delays-across");
            MessageConsumer consumer = rs.createConsumer(rs.createQueue(name));
            assertNull(consumer.receiveNoWait());
            Connection c = connect();
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer p = tx.createProducer(tx.createQueue(name));
            long sentAt = sendEachDelayed(tx, p);
            tx.commit();
            receiveEachWhenDue(consumer, sentAt);
        } finally {
            receiving.close();
        }
    }

    /** Spec 4.2: each message of a queue goes to exactly one of its consumers. */
    @Test
    void competingConsumersEachMessageOnce() throws Exception {
        int total = 400;
        Connection c = connect();
        Session ps = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(ps, "competing");
        MessageProducer p = ps.createProducer(q);
        for (int i = 0; i < total; i++) {
            Message m = ps.createMessage();
            m.setIntProperty("n", i);
            p.send(m);
        }
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger deliveries = new AtomicInteger();
        List<Integer> perConsumer = new CopyOnWriteArrayList<>();
        List<AtomicInteger> counters = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            AtomicInteger mine = new AtomicInteger();
            counters.add(mine);
            Session cs = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            cs.createConsumer(q).setMessageListener(m -> {
                try {
                    seen.add(m.getIntProperty("n"));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
                mine.incrementAndGet();
                deliveries.incrementAndGet();
            });
        }
        c.start();
        await("all messages consumed", 30_000, () -> deliveries.get() >= total);
        c.stop();
        assertEquals(total, seen.size());
        assertEquals(total, deliveries.get(), "a message was delivered twice");
        for (AtomicInteger mine : counters) {
            perConsumer.add(mine.get());
        }
        assertEquals(total, perConsumer.stream().mapToInt(Integer::intValue).sum());
    }

    /** Spec 6.2.9: messages of one session reach one consumer in send order. */
    @Test
    void perProducerOrdering() throws Exception {
        int total = 300;
        Connection c = started();
        Session s1 = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session s2 = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s1, "order");
        Thread other = new Thread(() -> {
            try {
                MessageProducer p2 = s2.createProducer(q);
                for (int i = 0; i < total; i++) {
                    Message m = s2.createMessage();
                    m.setStringProperty("from", "b");
                    m.setIntProperty("n", i);
                    p2.send(m, DeliveryMode.NON_PERSISTENT, 4, 0);
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        other.start();
        MessageProducer p1 = s1.createProducer(q);
        for (int i = 0; i < total; i++) {
            Message m = s1.createMessage();
            m.setStringProperty("from", "a");
            m.setIntProperty("n", i);
            p1.send(m);
        }
        other.join();
        Session r = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        List<Message> got = receiveAll(r.createConsumer(q), 2 * total, 5_000);
        assertEquals(2 * total, got.size());
        int lastA = -1;
        int lastB = -1;
        for (Message m : got) {
            int n = m.getIntProperty("n");
            if ("a".equals(m.getStringProperty("from"))) {
                assertEquals(lastA + 1, n, "producer a out of order");
                lastA = n;
            } else {
                assertEquals(lastB + 1, n, "producer b out of order");
                lastB = n;
            }
        }
    }

    /** QueueBrowser sees waiting messages in delivery order without consuming them. */
    @Test
    void browserSeesMessagesWithoutConsuming() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "browse");
        MessageProducer p = s.createProducer(q);
        for (int i = 0; i < 250; i++) {
            Message m = s.createMessage();
            m.setIntProperty("n", i);
            p.send(m);
        }
        QueueBrowser browser = s.createBrowser(q);
        Enumeration<?> e = browser.getEnumeration();
        List<Integer> browsed = new ArrayList<>();
        while (e.hasMoreElements()) {
            browsed.add(((Message) e.nextElement()).getIntProperty("n"));
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            expected.add(i);
        }
        assertEquals(expected, browsed);
        assertEquals(250, receiveAll(s.createConsumer(q), 250, 5_000).size());
        assertFalse(s.createBrowser(q).getEnumeration().hasMoreElements());
    }

    /** Closing a consumer gives back what it prefetched, with its delivery count unchanged. */
    @Test
    void closedConsumerGivesBackPrefetchedMessagesUnflagged() throws Exception {
        Connection c = connect();
        Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = queue(s, "prefetch");
        MessageProducer p = s.createProducer(q);
        for (int i = 0; i < 20; i++) {
            p.send(s.createTextMessage("m" + i));
        }
        List<Message> first = Collections.synchronizedList(new ArrayList<>());
        MessageConsumer listener = s.createConsumer(q);
        listener.setMessageListener(first::add);
        c.start();
        await("first delivery", 5_000, () -> !first.isEmpty());
        c.stop();
        listener.close();
        first.get(0).acknowledge(); // acknowledges every message the session delivered
        int delivered = first.size();
        Session s2 = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        c.start();
        Set<String> ids = new HashSet<>();
        for (Message m : receiveAll(s2.createConsumer(q), 20, 2_000)) {
            assertTrue(ids.add(m.getJMSMessageID()));
            assertFalse(m.getJMSRedelivered(), "a prefetched, never delivered message is not redelivered");
            assertEquals(1, m.getIntProperty("JMSXDeliveryCount"));
        }
        assertEquals(20 - delivered, ids.size(), "every message not acknowledged must come back once");
    }
}
