package org.journalmq.jms.it;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Delivery order when a consumer alternates between waiting on an empty queue (where a send may
 * be handed over in memory) and facing a backlog (claimed in batches): Jakarta Messaging 3.1
 * §6.2.9 (messages of one session to one destination with the same delivery mode and priority
 * arrive in send order), §3.4.10 JMSPriority (expedited messages before normal ones, a best
 * effort the journal keeps for ready rows: nothing of higher priority is overtaken) and §3.8 /
 * §4.2 (a selector consumer gets only matching messages, the others stay for other consumers).
 */
public abstract class AbstractDeliveryOrderTest extends JmsTestBase {

    static final int PRODUCERS = 3;
    static final int PER_PRODUCER = 300;
    static final int[] PRIORITIES = {2, 4, 7};

    /** Three sessions on their own threads send numbered sequences in random bursts and pauses. */
    private void sendInBursts(Connection c, Queue q) throws Exception {
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int producer = p;
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer mp = s.createProducer(q);
            threads.add(new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                try {
                    int seq = 0;
                    while (seq < PER_PRODUCER) {
                        int burst = 1 + random.nextInt(40);
                        for (int i = 0; i < burst && seq < PER_PRODUCER; i++, seq++) {
                            Message m = s.createTextMessage("p" + producer + "-" + seq);
                            m.setIntProperty("producer", producer);
                            m.setIntProperty("seq", seq);
                            mp.send(m, DeliveryMode.PERSISTENT, PRIORITIES[random.nextInt(PRIORITIES.length)], 0);
                        }
                        if (random.nextBoolean()) {
                            Thread.sleep(random.nextInt(60)); // a pause: the consumer drains and waits
                        }
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "producer-" + p));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(120_000);
        }
        assertNull(failure.get(), () -> "a producer failed: " + failure.get());
    }

    /** §6.2.9: per producer and priority, the sequence numbers arrive in send order; nothing twice or lost. */
    private static void assertSendOrderPerProducerAndPriority(List<Message> got) throws Exception {
        assertEquals(PRODUCERS * PER_PRODUCER, got.size());
        Map<String, Integer> last = new HashMap<>();
        boolean[][] seen = new boolean[PRODUCERS][PER_PRODUCER];
        for (Message m : got) {
            int p = m.getIntProperty("producer");
            int seq = m.getIntProperty("seq");
            assertTrue(!seen[p][seq], "delivered twice: producer " + p + " seq " + seq);
            seen[p][seq] = true;
            String key = p + "/" + m.getJMSPriority();
            Integer before = last.put(key, seq);
            assertTrue(before == null || before < seq,
                    "producer " + p + " priority " + m.getJMSPriority() + ": seq " + seq + " after " + before);
            assertEquals(false, m.getJMSRedelivered());
        }
    }

    @Test
    void listenerKeepsPerProducerOrderThroughWaitsAndBacklogs() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "order-listener");
        List<Message> got = new CopyOnWriteArrayList<>();
        c.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q).setMessageListener(got::add);
        sendInBursts(c, q);
        await("every message at the listener", 60_000, () -> got.size() >= PRODUCERS * PER_PRODUCER);
        assertSendOrderPerProducerAndPriority(got);
        assertNull(s.createConsumer(q).receive(200));
    }

    @Test
    void receiveKeepsPerProducerOrderThroughWaitsAndBacklogs() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "order-receive");
        MessageConsumer consumer = c.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q);
        List<Message> got = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                while (got.size() < PRODUCERS * PER_PRODUCER) {
                    Message m = consumer.receive(30_000);
                    if (m == null) {
                        return;
                    }
                    got.add(m);
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "reader");
        reader.start();
        sendInBursts(c, q);
        reader.join(60_000);
        assertNull(failure.get(), () -> "receive failed: " + failure.get());
        assertSendOrderPerProducerAndPriority(got);
    }

    private static List<String> texts(List<Message> got) throws Exception {
        List<String> t = new ArrayList<>();
        for (Message m : got) {
            t.add(m.getJMSPriority() + ":" + m.getIntProperty("n"));
        }
        return t;
    }

    private static void send(Session s, MessageProducer p, int n, int priority) throws Exception {
        Message m = s.createTextMessage("m" + n);
        m.setIntProperty("n", n);
        p.send(m, DeliveryMode.PERSISTENT, priority, 0);
    }

    /**
     * §3.4.10: messages that became ready while the listener was busy are delivered by priority
     * once it is free. Prefetch 1: the only message the consumer holds is the one in onMessage,
     * so the others are all still ready when it returns.
     */
    @Test
    void higherPrioritySentWhileTheListenerIsBusyComesFirst() throws Exception {
        factory.setPrefetch(1);
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "priority-busy");
        MessageProducer p = s.createProducer(q);
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Message> got = new CopyOnWriteArrayList<>();
        c.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q).setMessageListener(m -> {
            got.add(m);
            busy.countDown();
            try {
                if (got.size() == 1) {
                    release.await(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        send(s, p, 0, 4);
        assertTrue(busy.await(10, TimeUnit.SECONDS), "the first message reached the listener");
        for (int n = 1; n <= 5; n++) {
            send(s, p, n, 1);
        }
        for (int n = 6; n <= 10; n++) {
            send(s, p, n, 8);
        }
        release.countDown();
        await("11 messages", 30_000, () -> got.size() >= 11);
        assertEquals(List.of("4:0", "8:6", "8:7", "8:8", "8:9", "8:10", "1:1", "1:2", "1:3", "1:4", "1:5"),
                texts(got));
    }

    /** §3.4.10 for receive(): what became ready between two receive calls comes by priority. */
    @Test
    void higherPrioritySentBetweenReceivesComesFirst() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "priority-receive");
        MessageProducer p = s.createProducer(q);
        MessageConsumer consumer = c.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q);
        send(s, p, 0, 4);
        Message first = consumer.receive(10_000);
        assertEquals(0, first.getIntProperty("n"));
        assertNull(consumer.receive(100), "the queue is empty: the consumer waited once");
        for (int n = 1; n <= 5; n++) {
            send(s, p, n, 1);
        }
        for (int n = 6; n <= 10; n++) {
            send(s, p, n, 8);
        }
        assertEquals(List.of("8:6", "8:7", "8:8", "8:9", "8:10", "1:1", "1:2", "1:3", "1:4", "1:5"),
                texts(receiveAll(consumer, 10, 10_000)));
    }

    private static void sendTyped(Session s, MessageProducer p, String type, int n) throws Exception {
        Message m = s.createTextMessage(type + n);
        m.setStringProperty("type", type);
        m.setIntProperty("n", n);
        p.send(m);
    }

    /**
     * §3.8 / §4.2 with a waiting selector consumer: matching messages sent while it waits reach it
     * in send order (§6.2.9), first one at a time (each send finds it waiting), then in a burst;
     * the non-matching ones stay, in order, for a consumer without selector.
     */
    @Test
    void waitingSelectorListenerGetsMatchesSentWhileItWaitsAndLeavesTheRest() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "selector-wait");
        MessageProducer p = s.createProducer(q);
        List<Message> got = new CopyOnWriteArrayList<>();
        c.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q, "type = 'A'").setMessageListener(got::add);
        selectorTraffic(s, p, got::size);
        assertSelectorOutcome(c, q, got);
    }

    /** As above with a thread blocked in receive(timeout) on the selector consumer. */
    @Test
    void waitingSelectorReceiveGetsMatchesSentWhileItWaitsAndLeavesTheRest() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "selector-wait-receive");
        MessageProducer p = s.createProducer(q);
        MessageConsumer a = c.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q, "type = 'A'");
        List<Message> got = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                Message m;
                // A wait longer than selectorTraffic's per-match bound, so that only a real miss ends it.
                while (got.size() < MATCHES && (m = a.receive(30_000)) != null) {
                    got.add(m);
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "selector-reader");
        reader.start();
        selectorTraffic(s, p, got::size);
        reader.join(60_000);
        assertNull(failure.get(), () -> "receive failed: " + failure.get());
        assertSelectorOutcome(c, q, got);
    }

    static final int MATCHES = 60;
    private final List<Integer> sentA = new ArrayList<>();
    private final List<Integer> sentB = new ArrayList<>();

    private void selectorTraffic(Session s, MessageProducer p, java.util.function.IntSupplier received) throws Exception {
        int n = 0;
        // one at a time: each matching send finds the consumer waiting
        for (int i = 0; i < MATCHES / 2; i++) {
            sendTyped(s, p, "B", n);
            sentB.add(n++);
            sendTyped(s, p, "A", n);
            sentA.add(n++);
            int expected = sentA.size();
            await("match " + expected + " at the waiting selector consumer", 10_000,
                    () -> received.getAsInt() >= expected);
        }
        // a burst: hand-offs and a backlog mixed
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (sentA.size() < MATCHES) {
            if (random.nextInt(3) == 0) {
                sendTyped(s, p, "A", n);
                sentA.add(n++);
            } else {
                sendTyped(s, p, "B", n);
                sentB.add(n++);
            }
        }
        await("every match at the selector consumer", 30_000, () -> received.getAsInt() >= MATCHES);
    }

    private void assertSelectorOutcome(Connection c, Queue q, List<Message> got) throws Exception {
        List<Integer> gotA = new ArrayList<>();
        for (Message m : got) {
            assertEquals("A", m.getStringProperty("type"), "the selector consumer got a non-matching message");
            gotA.add(m.getIntProperty("n"));
        }
        assertEquals(sentA, gotA, "the matches, once each, in send order");
        MessageConsumer plain = c.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q);
        List<Integer> gotB = new ArrayList<>();
        for (Message m : receiveAll(plain, sentB.size(), 5_000)) {
            gotB.add(m.getIntProperty("n"));
        }
        assertNull(plain.receive(200), "nothing else is left");
        assertEquals(sentB, gotB, "the non-matching messages stayed, in send order");
    }
}
