package org.journalmq.jms.it;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.journalmq.jms.DeadLetters;
import org.journalmq.jms.JournalConnectionFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The redelivery policy, the dead-letter queue and the expiry queue through the JMS API (issue 8,
 * items 1 and 2), run against each journal. The provider properties follow Jakarta Messaging 3.1
 * section 3.5.10 ({@code JMS_<vendor>} names); redelivery of a failed listener is spec 8.7,
 * rollback 6.2.7, recover 6.2.11, JMSXDeliveryCount 3.5.11, expiry 3.4.9.
 */
public abstract class AbstractDeadLetterTest extends JmsTestBase {

    /** Spec 8.7 + issue 8 "redelivery timing": delays 300, 900, 1500 (capped), 1500 ms, then the DLQ. */
    @Test
    void aListenerThatAlwaysThrowsSeesRedeliveriesAtThePolicyDelaysThenTheMessageIsDeadLettered()
            throws Exception {
        factory.setRedeliveryDelayMillis(300);
        factory.setRedeliveryMultiplier(3);
        factory.setMaxRedeliveryDelayMillis(1_500);
        factory.setMaxDeliveryAttempts(5);
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "always-fails");
        Queue replyTo = s.createQueue("replies");
        TextMessage sent = s.createTextMessage("poison");
        sent.setJMSCorrelationID("corr-1");
        sent.setJMSType("order.v2");
        sent.setJMSReplyTo(replyTo);
        sent.setStringProperty("color", "red");
        sent.setIntProperty("n", 42);
        s.createProducer(q).send(sent, DeliveryMode.NON_PERSISTENT, 7, 0);

        List<long[]> deliveries = new CopyOnWriteArrayList<>(); // {nanoTime, JMSXDeliveryCount, redelivered}
        Session listening = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        listening.createConsumer(q).setMessageListener(m -> {
            try {
                deliveries.add(new long[] {System.nanoTime(), m.getIntProperty("JMSXDeliveryCount"),
                        m.getJMSRedelivered() ? 1 : 0});
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            throw new IllegalStateException("boom " + deliveries.size());
        });

        MessageConsumer dlq = s.createConsumer(s.createQueue(DeadLetters.deadLetterQueueFor(q.getQueueName())));
        TextMessage dead = (TextMessage) dlq.receive(20_000);
        assertNotNull(dead, "the message reached DLQ." + q.getQueueName());

        assertEquals(5, deliveries.size(), "delivered exactly maxDeliveryAttempts times");
        long[] expected = {300, 900, 1_500, 1_500};
        for (int i = 0; i < 5; i++) {
            assertEquals(i + 1, deliveries.get(i)[1], "JMSXDeliveryCount of attempt " + (i + 1));
            assertEquals(i == 0 ? 0 : 1, deliveries.get(i)[2], "JMSRedelivered of attempt " + (i + 1));
        }
        for (int i = 0; i < expected.length; i++) {
            long gap = (deliveries.get(i + 1)[0] - deliveries.get(i)[0]) / 1_000_000;
            assertTrue(gap >= expected[i] - 10, "pause before attempt " + (i + 2) + " was " + gap
                    + " ms, the policy says " + expected[i]);
            assertTrue(gap <= expected[i] + 2_000, "pause before attempt " + (i + 2) + " was " + gap
                    + " ms, the policy says " + expected[i] + " (poll interval and load allowed for)");
        }

        // Original headers and properties, plus the provider properties of the contract.
        assertEquals(sent.getJMSMessageID(), dead.getJMSMessageID());
        assertEquals(sent.getJMSTimestamp(), dead.getJMSTimestamp());
        assertEquals("corr-1", dead.getJMSCorrelationID());
        assertEquals("order.v2", dead.getJMSType());
        assertEquals(replyTo, dead.getJMSReplyTo());
        assertEquals(7, dead.getJMSPriority());
        assertEquals(DeliveryMode.NON_PERSISTENT, dead.getJMSDeliveryMode());
        assertEquals("red", dead.getStringProperty("color"));
        assertEquals(42, dead.getIntProperty("n"));
        assertEquals("poison", dead.getText());
        assertEquals(q.getQueueName(), dead.getStringProperty(DeadLetters.ORIGINAL_DESTINATION));
        assertFalse(dead.propertyExists(DeadLetters.ORIGINAL_SUBSCRIPTION));
        assertEquals(5, dead.getIntProperty(DeadLetters.DELIVERY_ATTEMPTS));
        assertEquals("listener threw java.lang.IllegalStateException: boom 5",
                dead.getStringProperty(DeadLetters.DEAD_LETTER_REASON));
        assertEquals(1, dead.getIntProperty("JMSXDeliveryCount"), "first delivery from the DLQ");

        listening.close();
        assertNull(s.createConsumer(q).receive(500), "the original is gone from its queue");
        assertEquals(5, deliveries.size(), "and was not delivered again");
    }

    /** Spec 6.2.7: a rolled back message is redelivered; per-queue maximum of 3 and DLQ name, then the DLQ. */
    @Test
    void aTransactedSessionThatRollsBackMovesTheMessageToAPerQueueDeadLetterQueue() throws Exception {
        String name = uniqueQueue("rolled-back");
        factory.setQueuePolicy(name, JournalConnectionFactory.MAX_DELIVERY_ATTEMPTS, "3");
        factory.setQueuePolicy(name, JournalConnectionFactory.DEAD_LETTER_QUEUE, name + ".poison");
        Connection c = started();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue(name);
        MessageProducer p = tx.createProducer(q);
        p.send(tx.createTextMessage("c"));
        p.send(tx.createTextMessage("d"));
        tx.commit();

        MessageConsumer consumer = tx.createConsumer(q);
        for (int attempt = 1; attempt <= 3; attempt++) {
            Message m = consumer.receive(5_000);
            assertNotNull(m, "attempt " + attempt);
            assertEquals("c", ((TextMessage) m).getText());
            assertEquals(attempt, m.getIntProperty("JMSXDeliveryCount"));
            tx.rollback();
        }
        Message next = consumer.receive(5_000);
        assertEquals("d", ((TextMessage) next).getText(), "no fourth attempt of c: its neighbour comes next");
        assertEquals(1, next.getIntProperty("JMSXDeliveryCount"), "only the consumed message counted attempts");
        tx.commit();

        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertNull(s.createConsumer(s.createQueue(DeadLetters.deadLetterQueueFor(name))).receive(200),
                "the configured dead-letter queue replaces DLQ.<name>");
        TextMessage dead = (TextMessage) s.createConsumer(s.createQueue(name + ".poison")).receive(5_000);
        assertNotNull(dead);
        assertEquals("c", dead.getText());
        assertEquals(3, dead.getIntProperty(DeadLetters.DELIVERY_ATTEMPTS));
        assertEquals(DeadLetters.REASON_ROLLBACK, dead.getStringProperty(DeadLetters.DEAD_LETTER_REASON));
        assertEquals(name, dead.getStringProperty(DeadLetters.ORIGINAL_DESTINATION));
        assertNull(consumer.receive(200), "nothing left in the queue");
    }

    /** Spec 6.2.11 through the simplified API: recover redelivers, the second recover dead-letters. */
    @Test
    void aJmsContextThatRecoversInClientAcknowledgeModeDeadLettersAfterTheLastAttempt() throws Exception {
        factory.setMaxDeliveryAttempts(2);
        String name = uniqueQueue("recovered");
        try (JMSContext context = factory.createContext(JMSContext.CLIENT_ACKNOWLEDGE)) {
            Queue q = context.createQueue(name);
            context.createProducer().setProperty("k", "v").send(q, "payload");
            JMSConsumer consumer = context.createConsumer(q);
            Message first = consumer.receive(5_000);
            assertEquals(1, first.getIntProperty("JMSXDeliveryCount"));
            context.recover();
            Message second = consumer.receive(5_000);
            assertNotNull(second);
            assertEquals(2, second.getIntProperty("JMSXDeliveryCount"));
            assertTrue(second.getJMSRedelivered());
            context.recover();
            assertNull(consumer.receive(500));

            Message dead = context.createConsumer(context.createQueue("DLQ." + name)).receive(5_000);
            assertNotNull(dead);
            dead.acknowledge();
            assertEquals("payload", dead.getBody(String.class));
            assertEquals("v", dead.getStringProperty("k"));
            assertEquals(first.getJMSMessageID(), dead.getJMSMessageID());
            assertEquals(2, dead.getIntProperty(DeadLetters.DELIVERY_ATTEMPTS));
            assertEquals(DeadLetters.REASON_RECOVER, dead.getStringProperty(DeadLetters.DEAD_LETTER_REASON));
        }
    }

    /** Topic subscriptions (spec 6.11): DLQ.<topic>, with the subscription's name when it has one. */
    @Test
    void failedDeliveriesOfDurableSharedAndNonDurableSubscriptionsGoToTheTopicsDeadLetterQueue() throws Exception {
        String topicName = uniqueQueue("prices");
        factory.setTopicPolicy(topicName, JournalConnectionFactory.MAX_DELIVERY_ATTEMPTS, "2");
        factory.setClientID("dlq-test");
        Connection c = started();
        Session durableSession = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = durableSession.createTopic(topicName);
        List<Integer> counts = new CopyOnWriteArrayList<>();
        durableSession.createDurableConsumer(topic, "audit").setMessageListener(m -> {
            counts.add(1);
            throw new RuntimeException("durable listener fails");
        });
        Session plainSession = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        plainSession.createConsumer(topic).setMessageListener(m -> {
            counts.add(2);
            throw new RuntimeException("non-durable listener fails");
        });
        Session sharedSession = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        sharedSession.createSharedConsumer(topic, "workers").setMessageListener(m -> {
            counts.add(3);
            throw new RuntimeException("shared listener fails");
        });
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        s.createProducer(topic).send(s.createTextMessage("tick"));

        MessageConsumer dlq = s.createConsumer(s.createQueue(DeadLetters.deadLetterQueueForTopic(topicName)));
        Map<String, Message> bySubscription = new HashMap<>();
        for (Message m : receiveAll(dlq, 3, 15_000)) {
            bySubscription.put(m.propertyExists(DeadLetters.ORIGINAL_SUBSCRIPTION)
                    ? m.getStringProperty(DeadLetters.ORIGINAL_SUBSCRIPTION) : "(none)", m);
        }
        assertEquals(3, bySubscription.size(), "one dead letter per subscription: " + bySubscription.keySet());
        assertEquals("listener threw java.lang.RuntimeException: shared listener fails",
                bySubscription.get("workers").getStringProperty(DeadLetters.DEAD_LETTER_REASON));
        Message durable = bySubscription.get("audit");
        assertNotNull(durable);
        assertEquals(topicName, durable.getStringProperty(DeadLetters.ORIGINAL_DESTINATION));
        assertEquals(2, durable.getIntProperty(DeadLetters.DELIVERY_ATTEMPTS));
        assertEquals("listener threw java.lang.RuntimeException: durable listener fails",
                durable.getStringProperty(DeadLetters.DEAD_LETTER_REASON));
        Message plain = bySubscription.get("(none)");
        assertNotNull(plain, "a non-durable subscription has no name");
        assertEquals(topicName, plain.getStringProperty(DeadLetters.ORIGINAL_DESTINATION));
        assertEquals(6, counts.size(), "each subscription delivered twice: " + counts);
    }

    /** Spec 3.4.9 + issue 8 item 2: expired messages reach ExpiryQueue; unexpired neighbours all arrive. */
    @Test
    void expiredMessagesMoveToTheExpiryQueueAndNothingElseIsLost() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "short-lived");
        MessageProducer p = s.createProducer(q);
        List<String> expiredIds = new ArrayList<>();
        long before = System.currentTimeMillis();
        for (int i = 0; i < 20; i++) {
            TextMessage m = s.createTextMessage("m" + i);
            m.setIntProperty("n", i);
            boolean shortLived = i % 4 == 0;
            p.send(m, DeliveryMode.PERSISTENT, 4, shortLived ? 200 : 0);
            if (shortLived) {
                expiredIds.add(m.getJMSMessageID());
            }
        }

        MessageConsumer expiry = s.createConsumer(s.createQueue(DeadLetters.DEFAULT_EXPIRY_QUEUE));
        List<Message> moved = receiveAll(expiry, expiredIds.size(), 15_000);
        assertEquals(expiredIds.stream().sorted().toList(),
                moved.stream().map(AbstractDeadLetterTest::id).sorted().toList(),
                "exactly the expired messages were moved, each once");
        for (Message m : moved) {
            assertEquals(q.getQueueName(), m.getStringProperty(DeadLetters.ORIGINAL_DESTINATION));
            long expiredAt = m.getLongProperty(DeadLetters.EXPIRED_AT);
            assertTrue(expiredAt >= before + 200 - 1_000 && expiredAt <= System.currentTimeMillis() + 1_000,
                    "expired at " + expiredAt);
            assertTrue(m.getJMSExpiration() > 0, "the original JMSExpiration header is kept");
            assertEquals(q, m.getJMSDestination(), "headers are kept, JMSDestination included");
        }
        List<Integer> delivered = new ArrayList<>();
        MessageConsumer consumer = s.createConsumer(q);
        for (Message m : receiveAll(consumer, 15, 5_000)) {
            delivered.add(m.getIntProperty("n"));
        }
        List<Integer> neighbours = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            if (i % 4 != 0) {
                neighbours.add(i);
            }
        }
        assertEquals(neighbours, delivered, "every unexpired message delivered, in order");
        assertNull(consumer.receive(200));
        assertNull(expiry.receive(200), "nothing else was moved");
    }

    /** A queue configured to drop expired messages: they vanish, the neighbours stay. */
    @Test
    void expiredMessagesOfAQueueConfiguredToDropThemAreDeleted() throws Exception {
        String dropping = uniqueQueue("dropping");
        String moving = uniqueQueue("moving");
        factory.setQueuePolicy(dropping, JournalConnectionFactory.DROP_EXPIRED, "true");
        factory.setQueuePolicy(moving, JournalConnectionFactory.EXPIRY_QUEUE, "expired-" + moving);
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer p = s.createProducer(null);
        p.send(s.createQueue(dropping), s.createTextMessage("dropped"), DeliveryMode.PERSISTENT, 4, 200);
        p.send(s.createQueue(moving), s.createTextMessage("moved"), DeliveryMode.PERSISTENT, 4, 200);
        p.send(s.createQueue(dropping), s.createTextMessage("kept"));

        Message moved = s.createConsumer(s.createQueue("expired-" + moving)).receive(15_000);
        assertNotNull(moved, "the sweep ran over both expired messages");
        assertEquals(moving, moved.getStringProperty(DeadLetters.ORIGINAL_DESTINATION));
        assertNull(s.createConsumer(s.createQueue(DeadLetters.DEFAULT_EXPIRY_QUEUE)).receive(500),
                "the dropped message went nowhere");
        MessageConsumer consumer = s.createConsumer(s.createQueue(dropping));
        assertEquals("kept", ((TextMessage) consumer.receive(5_000)).getText());
        assertNull(consumer.receive(200));
    }

    /** A topic message that expires in a durable subscription names its topic and subscription. */
    @Test
    void anExpiredCopyOfADurableSubscriptionMovesWithItsTopicAndSubscriptionName() throws Exception {
        factory.setClientID("expiry-test");
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = s.createTopic(uniqueQueue("news"));
        s.createDurableConsumer(topic, "archive").close(); // subscribed, nobody consuming
        s.createProducer(topic).send(s.createTextMessage("stale"), DeliveryMode.PERSISTENT, 4, 200);

        Message moved = s.createConsumer(s.createQueue(DeadLetters.DEFAULT_EXPIRY_QUEUE)).receive(15_000);
        assertNotNull(moved);
        assertEquals("stale", ((TextMessage) moved).getText());
        assertEquals(topic.getTopicName(), moved.getStringProperty(DeadLetters.ORIGINAL_DESTINATION));
        assertEquals("archive", moved.getStringProperty(DeadLetters.ORIGINAL_SUBSCRIPTION));
        assertNull(s.createDurableConsumer(topic, "archive").receive(300), "gone from the subscription");
    }

    private static String id(Message m) {
        try {
            return m.getJMSMessageID();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
