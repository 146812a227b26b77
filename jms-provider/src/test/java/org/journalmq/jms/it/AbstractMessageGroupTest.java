package org.journalmq.jms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.journalmq.jms.it.child.GroupListeners;
import org.junit.jupiter.api.Test;

/**
 * Message groups (JMSXGroupID, Jakarta Messaging 3.1 §3.5.9 names the property; issue 16 sets the
 * contract) within one JVM: several consumers on several sessions and connections, in every
 * acknowledge mode, with prefetch. The listeners record when they got each message and when its
 * acknowledgement began ({@link GroupListeners}); {@link GroupHistory} checks that no two consumers
 * ever held messages of one group at once, that each group arrived in send order, and that every
 * message came exactly once or again flagged JMSRedelivered.
 */
public abstract class AbstractMessageGroupTest extends JmsTestBase {

    static final String SESSIONS_ONE = "auto,auto,client:5,tx:4";
    static final String SESSIONS_TWO = "auto,client:3";

    /** Nothing is killed here: a lease long enough that a starved renewal never loses one. */
    @Override
    protected long leaseMillis() {
        return 10_000;
    }

    @Test
    void competingConsumersKeepEachGroupWithOneConsumerInSendOrder() throws Exception {
        String queue = uniqueQueue("groups");
        run(queue, 20, 50, GroupListeners.queue(queue), s -> s.createQueue(queue));
    }

    /** Issue 16: "It works the same for shared subscriptions on topics" (§4.2.2 shared subscriptions). */
    @Test
    void aSharedSubscriptionKeepsGroupsLikeAQueue() throws Exception {
        String topic = uniqueQueue("group-topic");
        String subscription = uniqueQueue("shared");
        GroupListeners.ConsumerFactory consumers = s -> s.createSharedDurableConsumer(s.createTopic(topic),
                subscription);
        run(topic, 10, 40, consumers, s -> s.createTopic(topic));
    }

    /**
     * A group held by a consumer stays with it while it holds a message of the group, and moves to
     * another consumer once it acknowledged that message and closed.
     */
    @Test
    void aGroupMovesOnlyOnceItsConsumerAcknowledgedAndClosed() throws Exception {
        Connection c = started();
        Session producerSession = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(producerSession, "group-move");
        MessageProducer p = producerSession.createProducer(q);
        for (int i = 0; i < 3; i++) {
            Message m = producerSession.createTextMessage("m" + i);
            m.setStringProperty("JMSXGroupID", "g");
            m.setIntProperty("JMSXGroupSeq", i + 1);
            p.send(m);
        }
        Session first = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer a = first.createConsumer(q);
        Session second = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer b = second.createConsumer(q);

        Message m0 = a.receive(5_000);
        assertNotNull(m0);
        assertEquals("m0", m0.getBody(String.class));
        assertNull(b.receive(300), "the group is held by the first consumer");
        a.close(); // closed, but its session still holds m0 unacknowledged
        assertNull(b.receive(300), "m0 is still unacknowledged: the group does not move yet");

        m0.acknowledge();
        Message m1 = b.receive(5_000);
        assertNotNull(m1, "acknowledged and closed: the group moves");
        assertEquals("m1", m1.getBody(String.class));
        assertEquals("g", m1.getStringProperty("JMSXGroupID"));
        assertEquals(2, m1.getIntProperty("JMSXGroupSeq"));
        assertEquals("m2", b.receive(5_000).getBody(String.class));
    }

    /**
     * JMSXGroupSeq = -1 closes a group in ActiveMQ Artemis: once the closing message is acknowledged,
     * the group's next message may go to another consumer. README, message groups: in JournalMQ
     * that holds for every group whose consumer acknowledged all it held, so the closing message
     * is delivered in its place and nothing else happens.
     */
    @Test
    void afterTheClosingMessageOfAGroupIsAcknowledgedItsNextMessageMayGoToAnotherConsumer() throws Exception {
        Connection c = started();
        Session producerSession = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(producerSession, "group-close");
        MessageProducer p = producerSession.createProducer(q);
        int[] seqs = {1, -1, 1};
        for (int i = 0; i < seqs.length; i++) {
            Message m = producerSession.createTextMessage("m" + i);
            m.setStringProperty("JMSXGroupID", "g");
            m.setIntProperty("JMSXGroupSeq", seqs[i]);
            p.send(m);
        }
        Session first = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer a = first.createConsumer(q);
        Session second = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer b = second.createConsumer(q);

        assertEquals("m0", a.receive(5_000).getBody(String.class));
        Message closing = a.receive(5_000);
        assertEquals("m1", closing.getBody(String.class));
        assertEquals(-1, closing.getIntProperty("JMSXGroupSeq"));
        assertNull(b.receive(300), "the closing message is not acknowledged yet: the group stays");

        closing.acknowledge();
        Message next = b.receive(5_000);
        assertNotNull(next, "closed and acknowledged: the group's next message goes to the other consumer");
        assertEquals("m2", next.getBody(String.class));
        assertEquals(1, next.getIntProperty("JMSXGroupSeq"));
    }

    /**
     * The journal stores a group id of up to 255 characters; a longer JMSXGroupID is refused by the
     * send (MessageProducer.send javadoc: JMSException "if the JMS provider fails to send the
     * message"), naming the problem, and the next send goes through.
     */
    @Test
    void aGroupIdLongerThanTheJournalKeepsIsRefusedByTheSend() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "group-long");
        MessageProducer p = s.createProducer(q);
        Message tooLong = s.createTextMessage("x");
        tooLong.setStringProperty("JMSXGroupID", "g".repeat(256));
        jakarta.jms.JMSException e = org.junit.jupiter.api.Assertions.assertThrows(jakarta.jms.JMSException.class,
                () -> p.send(tooLong));
        assertTrue(e.getMessage().contains("group id"), e.getMessage());

        Message fits = s.createTextMessage("y");
        fits.setStringProperty("JMSXGroupID", "g".repeat(255));
        p.send(fits);
        Message got = s.createConsumer(q).receive(5_000);
        assertNotNull(got);
        assertEquals("y", got.getBody(String.class));
        assertEquals("g".repeat(255), got.getStringProperty("JMSXGroupID"));
    }

    /**
     * Sends {@code groups} x {@code perGroup} grouped messages (message n in group n % groups), with
     * listeners on two connections; the second closes half-way, so its groups move.
     */
    private void run(String address, int groups, int perGroup, GroupListeners.ConsumerFactory consumers,
                     DestinationFactory destination) throws Exception {
        factory.setPrefetch(8);
        int total = groups * perGroup;
        Connection one = connect();
        Connection two = connect();
        Path recordOne = dir.resolve("one.txt");
        Path recordTwo = dir.resolve("two.txt");
        GroupListeners listenersOne = GroupListeners.start(one, SESSIONS_ONE, recordOne, consumers);
        GroupListeners listenersTwo = GroupListeners.start(two, SESSIONS_TWO, recordTwo, consumers);
        one.start();
        two.start();

        Connection producer = connect();
        Session tx = producer.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer p = tx.createProducer(destination.apply(tx));
        Set<Integer> sent = new TreeSet<>();
        for (int n = 0; n < total; n++) {
            Message m = tx.createTextMessage("payload " + n);
            m.setIntProperty("n", n);
            m.setStringProperty("JMSXGroupID", "group-" + n % groups);
            m.setIntProperty("JMSXGroupSeq", n / groups + 1);
            p.send(m);
            sent.add(n);
            if (n % 20 == 19) {
                tx.commit();
            }
            if (n == total / 2) {
                tx.commit();
                listenersTwo.close(two); // its groups move once what it held is back or acknowledged
            }
        }
        tx.commit();
        await("every message received", 120_000, () -> received(List.of(recordOne, recordTwo)) == total);
        listenersOne.close(one);

        GroupHistory h = new GroupHistory(groups);
        h.read(recordOne, "one", SESSIONS_ONE.split(","), 0);
        h.read(recordTwo, "two", SESSIONS_TWO.split(","), 0);
        Connection verifier = started();
        Session s = verifier.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer rest = consumers.create(s);
        Message m;
        while ((m = rest.receive(200)) != null) {
            h.received("verifier", m.getIntProperty("n"), m.getJMSRedelivered(),
                    m.getIntProperty("JMSXDeliveryCount"), GroupListeners.micros());
        }
        List<String> problems = h.problems(sent);
        assertEquals(List.of(), problems, "message groups (issue 16): " + h.all.size() + " deliveries");
        Set<String> consumersUsed = new HashSet<>();
        h.all.forEach(d -> consumersUsed.add(d.who));
        assertTrue(consumersUsed.size() >= 3, "groups spread over the consumers: " + consumersUsed);
        System.out.println(getClass().getSimpleName() + " " + address + ": " + total + " sent, " + h.all.size()
                + " deliveries over " + consumersUsed.size() + " consumers");
    }

    /** Makes the destination the producer sends to. */
    @FunctionalInterface
    interface DestinationFactory {
        Destination apply(Session s) throws jakarta.jms.JMSException;
    }

    /** Distinct messages the records show as received. */
    static long received(List<Path> records) {
        Set<Integer> seen = new HashSet<>();
        for (Path r : records) {
            for (String l : AbstractCrashSafetyTest.safeLines(r)) {
                if (l.startsWith("R ")) {
                    seen.add(Integer.parseInt(l.split(" ")[2]));
                }
            }
        }
        return seen.size();
    }
}
