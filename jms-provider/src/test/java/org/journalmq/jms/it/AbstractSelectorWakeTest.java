package org.journalmq.jms.it;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.journalmq.jms.it.child.ConsumerMain;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A selector consumer that waits (no ready message matches it, non-matching ones wait in the
 * queue) must be woken by every way a matching message can become ready without a new send
 * reaching it: Jakarta Messaging 3.1 §3.8 selectors with §7.9 delivery delay (the message
 * becomes due), §6.2.10 recover / §6.2.8 rollback (its lease is released, with or without a
 * redelivery delay) and §6.2.11 (its consumer's JVM died and the lease expired). The redelivered
 * ones carry JMSRedelivered (§3.4.7) and JMSXDeliveryCount 2 (§3.5.11). Only arrival within a
 * generous bound is asserted, never speed.
 */
public abstract class AbstractSelectorWakeTest extends JmsTestBase {

    static final String SELECTOR = "type = 'A'";
    static final long BOUND = 10_000;

    private static Message typed(Session s, String type, int n) throws Exception {
        Message m = s.createTextMessage(type + n);
        m.setStringProperty("type", type);
        m.setIntProperty("n", n);
        return m;
    }

    /** Non-matching messages for the selector consumer to look past. */
    private static void sendNonMatching(Session s, Queue q, int count) throws Exception {
        MessageProducer p = s.createProducer(q);
        for (int i = 0; i < count; i++) {
            p.send(typed(s, "B", 100 + i));
        }
    }

    /** The non-matching messages are all still there, for a consumer without selector. */
    private void assertNonMatchingStayed(Connection c, Queue q, int count) throws Exception {
        MessageConsumer plain = c.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q);
        List<Message> rest = receiveAll(plain, count, 5_000);
        assertEquals(count, rest.size());
        assertEquals(null, plain.receive(200), "nothing else is left");
        for (Message m : rest) {
            assertEquals("B", m.getStringProperty("type"));
        }
    }

    // ------------------------------------------------------------------ (a) delivery delay

    /** §7.9: a matching message sent with a delivery delay reaches a waiting selector listener once due, not before. */
    @Test
    void delayedMatchReachesAWaitingSelectorListener() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "wake-delay-listener");
        sendNonMatching(s, q, 5);
        List<Message> got = new CopyOnWriteArrayList<>();
        List<Long> at = new CopyOnWriteArrayList<>();
        c.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q, SELECTOR).setMessageListener(m -> {
            at.add(System.currentTimeMillis());
            got.add(m);
        });
        MessageProducer p = s.createProducer(q);
        p.setDeliveryDelay(1_500);
        long sentAt = System.currentTimeMillis();
        p.send(typed(s, "A", 1));
        await("the delayed match at the waiting selector listener", BOUND, () -> !got.isEmpty());
        assertDelayed(got.get(0), at.get(0), sentAt);
        assertNonMatchingStayed(c, q, 5);
    }

    /** As above with receive(timeout) waiting on the selector consumer. */
    @Test
    void delayedMatchReachesAWaitingSelectorReceive() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "wake-delay-receive");
        sendNonMatching(s, q, 5);
        MessageConsumer a = c.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q, SELECTOR);
        MessageProducer p = s.createProducer(q);
        p.setDeliveryDelay(1_500);
        long sentAt = System.currentTimeMillis();
        p.send(typed(s, "A", 1));
        Message m = a.receive(BOUND);
        long arrived = System.currentTimeMillis();
        assertNotNull(m, "the delayed match reached the waiting receive");
        assertDelayed(m, arrived, sentAt);
        assertNonMatchingStayed(c, q, 5);
    }

    private static void assertDelayed(Message m, long arrived, long sentAt) throws Exception {
        assertEquals(1, m.getIntProperty("n"));
        assertFalse(m.getJMSRedelivered());
        assertEquals(1, m.getIntProperty("JMSXDeliveryCount"));
        // §7.9: not delivered before its delivery time (250 ms allowed for the database clock)
        assertTrue(arrived >= sentAt + 1_500 - 250, "delivered " + (arrived - sentAt) + " ms after the send");
    }

    // ------------------------------------------------------------------ (b) released lease

    /**
     * Another session holds the matching message; a selector listener waits (a probe match shows
     * it got past the queue's non-matching messages); the holder's consumer is closed and its
     * session recovers (CLIENT_ACKNOWLEDGE) or rolls back (transacted), releasing the lease.
     */
    private void releasedMatchReachesTheWaitingSelectorListener(boolean transacted, long redeliveryDelay)
            throws Exception {
        factory.setRedeliveryDelayMillis(redeliveryDelay);
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "wake-release");
        MessageProducer p = s.createProducer(q);
        sendNonMatching(s, q, 5);
        p.send(typed(s, "A", 1));

        Session holder = transacted ? c.createSession(true, Session.SESSION_TRANSACTED)
                : c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer held = holder.createConsumer(q, SELECTOR);
        Message first = held.receive(BOUND);
        assertNotNull(first);
        assertEquals(1, first.getIntProperty("n"));
        held.close(); // the release must go back to the journal, not to this session's consumer

        List<Message> got = new CopyOnWriteArrayList<>();
        c.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q, SELECTOR).setMessageListener(got::add);
        p.send(typed(s, "A", 2));
        await("the probe at the selector listener", BOUND, () -> got.size() == 1);
        assertEquals(2, got.get(0).getIntProperty("n"));

        if (transacted) {
            holder.rollback();
        } else {
            holder.recover();
        }
        await("the released match at the waiting selector listener", BOUND, () -> got.size() == 2);
        Message again = got.get(1);
        assertEquals(first.getJMSMessageID(), again.getJMSMessageID());
        assertTrue(again.getJMSRedelivered(), "released after a delivery: JMSRedelivered");
        assertEquals(2, again.getIntProperty("JMSXDeliveryCount"));
        assertNonMatchingStayed(c, q, 5);
    }

    @Test
    void recoveredMatchReachesAWaitingSelectorListener() throws Exception {
        releasedMatchReachesTheWaitingSelectorListener(false, 0);
    }

    @Test
    void rolledBackMatchReachesAWaitingSelectorListener() throws Exception {
        releasedMatchReachesTheWaitingSelectorListener(true, 0);
    }

    @Test
    void recoveredMatchWithARedeliveryDelayReachesAWaitingSelectorListener() throws Exception {
        releasedMatchReachesTheWaitingSelectorListener(false, 700);
    }

    @Test
    void rolledBackMatchWithARedeliveryDelayReachesAWaitingSelectorListener() throws Exception {
        releasedMatchReachesTheWaitingSelectorListener(true, 700);
    }

    /** receive(timeout) on the selector consumer while the holder's transaction rolls back. */
    @Test
    void rolledBackMatchReachesAWaitingSelectorReceive() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "wake-release-receive");
        MessageProducer p = s.createProducer(q);
        sendNonMatching(s, q, 5);
        p.send(typed(s, "A", 1));
        Session holder = c.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer held = holder.createConsumer(q, SELECTOR);
        Message first = held.receive(BOUND);
        assertNotNull(first);
        held.close();
        MessageConsumer a = c.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q, SELECTOR);
        assertEquals(null, a.receive(300), "nothing matching is ready: the consumer has looked and waits");
        Thread rollback = new Thread(() -> {
            try {
                Thread.sleep(200); // let the receive below start waiting first
                holder.rollback();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        rollback.start();
        Message again = a.receive(BOUND);
        rollback.join();
        assertNotNull(again, "the rolled back match reached the waiting receive");
        assertEquals(first.getJMSMessageID(), again.getJMSMessageID());
        assertTrue(again.getJMSRedelivered());
        assertEquals(2, again.getIntProperty("JMSXDeliveryCount"));
        assertNonMatchingStayed(c, q, 5);
    }

    // ------------------------------------------------------------------ (c) expired lease of a dead JVM

    /**
     * §6.2.11: a child JVM holds the matching message unacknowledged and is killed; once its
     * lease expires the message reaches a selector listener of this JVM. On PostgreSQL and MariaDB
     * the listener is waiting before the kill; an embedded HSQLDB file journal is opened by one JVM
     * at a time, so there the listener starts after the kill, while the dead JVM's lease is held.
     */
    @Test
    void expiredLeaseOfAKilledJvmReachesAWaitingSelectorListener() throws Exception {
        boolean shared = journal.kind() != TestJournal.Kind.HSQLDB;
        String name = uniqueQueue("wake-expired");
        Connection c = connect();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(name);
        MessageProducer p = s.createProducer(q);
        Message sent = typed(s, "A", 1);
        p.send(sent);
        if (!shared) {
            sendNonMatching(s, q, 5);
            c.close(); // frees the embedded journal for the child
        }
        Path record = dir.resolve("held.txt");
        List<Message> got = new CopyOnWriteArrayList<>();
        try (ChildJvm holder = ChildJvm.start(ConsumerMain.class, dir.resolve("holder.log"),
                childArgs(name, record, "hold", "1"))) {
            await("the child to hold the match", 120_000,
                    () -> AbstractCrashSafetyTest.safeLines(record).contains("HOLDING") || !holder.isAlive());
            assertEquals(List.of("1 false 1", "HOLDING"), AbstractCrashSafetyTest.lines(record), holder.output());
            if (shared) {
                sendNonMatching(s, q, 5);
                c.start();
                c.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q, SELECTOR)
                        .setMessageListener(got::add);
                p.send(typed(s, "A", 2));
                await("the probe at the selector listener", BOUND, () -> got.size() == 1);
            }
            holder.kill();
        }
        if (!shared) {
            c = started();
            s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            q = s.createQueue(name);
            c.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q, SELECTOR).setMessageListener(got::add);
        }
        int expected = shared ? 2 : 1;
        await("the dead JVM's match at the selector listener", 30_000, () -> got.size() == expected);
        Message again = got.get(expected - 1);
        assertEquals(sent.getJMSMessageID(), again.getJMSMessageID());
        assertTrue(again.getJMSRedelivered(), "delivered in the killed JVM: JMSRedelivered");
        assertEquals(2, again.getIntProperty("JMSXDeliveryCount"));
        assertNonMatchingStayed(c, q, 5);
    }
}
