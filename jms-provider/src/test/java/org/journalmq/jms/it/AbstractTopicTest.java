package org.journalmq.jms.it;

import jakarta.jms.Connection;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publish/subscribe through the JMS API, run against each journal. Section numbers are those of
 * the Jakarta Messaging 3.1 (JMS 2.0) specification: 4.2 / 6.11 topic subscriptions (6.11.1
 * unshared non-durable, 6.11.2 shared non-durable, 6.11.3 unshared durable, 6.11.4 shared durable),
 * 6.1.2 client identifier, 6.12 temporary destinations.
 */
public abstract class AbstractTopicTest extends JmsTestBase {

    private Connection withClientId(String id) throws JMSException {
        Connection c = connect();
        c.setClientID(id);
        c.start();
        return c;
    }

    private static String uniqueId(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void publish(Session s, Topic t, String... texts) throws JMSException {
        MessageProducer p = s.createProducer(t);
        for (String text : texts) {
            Message m = s.createTextMessage(text);
            m.setStringProperty("color", text.startsWith("red") ? "red" : "blue");
            p.send(m);
        }
        p.close();
    }

    private static List<String> texts(MessageConsumer c, int max, long wait) throws JMSException {
        return receiveAll(c, max, wait).stream().map(m -> {
            try {
                return ((TextMessage) m).getText();
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private long count(String sql) throws Exception {
        try (var c = DriverManager.getConnection(journal.url(), journal.user() == null ? "SA" : journal.user(),
                journal.user() == null ? "" : null);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.replace("$", journal.prefix()))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** 6.11.1: a non-durable subscription receives only what is published while it exists. */
    @Test
    void nonDurableSubscriberReceivesOnlyWhileActive() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic(uniqueId("news"));
        publish(s, t, "before");
        MessageConsumer sub = s.createConsumer(t);
        publish(s, t, "during");
        assertEquals(List.of("during"), texts(sub, 5, 500));
        sub.close();
        publish(s, t, "after");
        MessageConsumer again = s.createConsumer(t);
        assertNull(again.receive(300), "a new subscription starts empty");
    }

    /** 4.2 / 6.11: every subscription gets its own copy; a selector is applied per subscription. */
    @Test
    void eachSubscriptionGetsACopyFilteredByItsSelector() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic(uniqueId("fan"));
        MessageConsumer all = s.createConsumer(t);
        MessageConsumer reds = s.createConsumer(t, "color = 'red'");
        publish(s, t, "red1", "blue1", "red2");
        assertEquals(List.of("red1", "blue1", "red2"), texts(all, 3, 2_000));
        assertEquals(List.of("red1", "red2"), texts(reds, 3, 500));
    }

    /** 6.11 (selectors at publish): non-matching copies are never written to the journal. */
    @Test
    void nonMatchingCopiesAreNeverStored() throws Exception {
        Connection c = withClientId(uniqueId("store"));
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic(uniqueId("filtered"));
        s.createDurableSubscriber(t, "reds", "color = 'red'", false).close();
        publish(s, t, "blue1", "blue2", "red1");
        assertEquals(1, count("SELECT COUNT(*) FROM $DELIVERY WHERE destination LIKE 'D:%:reds'"));
        s.unsubscribe("reds");
    }

    /** 6.11.3: a durable subscription keeps messages while no consumer is active, also across connections. */
    @Test
    void durableSubscriptionKeepsMessagesAcrossConsumerClose() throws Exception {
        String id = uniqueId("durable");
        Connection c = withClientId(id);
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic(uniqueId("orders"));
        TopicSubscriber sub = s.createDurableSubscriber(t, "audit");
        assertEquals(t, sub.getTopic());
        sub.close();
        publish(s, t, "m1", "m2");
        c.close();
        Connection c2 = withClientId(id);
        Session s2 = c2.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer back = s2.createDurableConsumer(t, "audit");
        assertEquals(List.of("m1", "m2"), texts(back, 3, 1_000));
        back.close();
        s2.unsubscribe("audit");
    }

    /** 6.11.3: the subscription's messages outlive the journal itself (database closed and reopened). */
    @Test
    void durableSubscriptionSurvivesJournalRestart() throws Exception {
        String id = uniqueId("restart");
        Connection c = withClientId(id);
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic(uniqueId("restart"));
        s.createDurableConsumer(t, "keep").close();
        publish(s, t, "kept");
        c.close(); // last connection: the journal closes (HSQLDB shuts down)
        Connection c2 = withClientId(id);
        Session s2 = c2.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer back = s2.createDurableConsumer(t, "keep");
        assertEquals(List.of("kept"), texts(back, 2, 1_000));
        back.close();
        s2.unsubscribe("keep");
    }

    /** 6.11.3 / Session.unsubscribe javadoc: unsubscribe deletes the subscription and its messages. */
    @Test
    void unsubscribeRemovesTheSubscription() throws Exception {
        Connection c = withClientId(uniqueId("unsub"));
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic(uniqueId("unsub"));
        s.createDurableConsumer(t, "gone").close();
        publish(s, t, "lost");
        s.unsubscribe("gone");
        MessageConsumer fresh = s.createDurableConsumer(t, "gone");
        assertNull(fresh.receive(300), "a recreated subscription starts empty");
        fresh.close();
        s.unsubscribe("gone");
    }

    /** Session.unsubscribe javadoc: unsubscribing while a consumer is active is an error (JMSException). */
    @Test
    void unsubscribeWithAnActiveConsumerFails() throws Exception {
        String id = uniqueId("active");
        Connection c = withClientId(id);
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic(uniqueId("active"));
        MessageConsumer open = s.createSharedDurableConsumer(t, "busy");
        assertThrows(JMSException.class, () -> s.unsubscribe("busy"));
        // also when the active consumer is in another session
        Session other = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThrows(JMSException.class, () -> other.unsubscribe("busy"));
        open.close();
        other.unsubscribe("busy");
    }

    /**
     * Session.unsubscribe javadoc: deleting a durable subscription while a consumed message of it
     * is unacknowledged in the session is an error.
     */
    @Test
    void unsubscribeWithAnUnacknowledgedMessageFails() throws Exception {
        Connection c = withClientId(uniqueId("unacked"));
        Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Topic t = s.createTopic(uniqueId("unacked"));
        MessageConsumer sub = s.createDurableConsumer(t, "held");
        publish(s, t, "pending");
        Message m = sub.receive(1_000);
        assertNotNull(m);
        sub.close();
        assertThrows(jakarta.jms.IllegalStateException.class, () -> s.unsubscribe("held"));
        m.acknowledge();
        s.unsubscribe("held");
    }

    /** Session.unsubscribe javadoc: an unknown name gives InvalidDestinationException. */
    @Test
    void unsubscribeUnknownNameFails() throws Exception {
        Connection c = withClientId(uniqueId("unknown"));
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThrows(InvalidDestinationException.class, () -> s.unsubscribe("never-made"));
    }

    /**
     * 6.11.3 / createDurableConsumer javadoc: re-creating a durable subscription with another
     * selector deletes and recreates it, losing its messages.
     */
    @Test
    void anotherSelectorReplacesTheDurableSubscription() throws Exception {
        Connection c = withClientId(uniqueId("replace"));
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic(uniqueId("replace"));
        s.createDurableConsumer(t, "sub", "color = 'red'", false).close();
        publish(s, t, "red-old");
        MessageConsumer replaced = s.createDurableConsumer(t, "sub", "color = 'blue'", false);
        assertNull(replaced.receive(300), "the old messages went with the old subscription");
        publish(s, t, "red-new", "blue-new");
        assertEquals(List.of("blue-new"), texts(replaced, 2, 500));
        replaced.close();
        s.unsubscribe("sub");
    }

    /** createDurableConsumer javadoc: another topic also replaces the subscription. */
    @Test
    void anotherTopicReplacesTheDurableSubscription() throws Exception {
        Connection c = withClientId(uniqueId("retopic"));
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t1 = s.createTopic(uniqueId("t1"));
        Topic t2 = s.createTopic(uniqueId("t2"));
        s.createDurableConsumer(t1, "sub").close();
        publish(s, t1, "on-t1");
        MessageConsumer moved = s.createDurableConsumer(t2, "sub");
        assertNull(moved.receive(300));
        publish(s, t1, "t1-again");
        publish(s, t2, "on-t2");
        assertEquals(List.of("on-t2"), texts(moved, 2, 500));
        moved.close();
        s.unsubscribe("sub");
    }

    /** createDurableConsumer javadoc: a change of noLocal replaces the subscription too. */
    @Test
    void aNoLocalChangeReplacesTheDurableSubscription() throws Exception {
        Connection c = withClientId(uniqueId("nolocal-change"));
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic(uniqueId("nlc"));
        s.createDurableConsumer(t, "sub", null, false).close();
        Connection other = started();
        Session os = other.createSession(false, Session.AUTO_ACKNOWLEDGE);
        publish(os, t, "from-other");
        MessageConsumer nl = s.createDurableConsumer(t, "sub", null, true);
        assertNull(nl.receive(300), "replaced: the earlier message is gone");
        nl.close();
        s.unsubscribe("sub");
    }

    /**
     * createDurableConsumer javadoc: a second consumer on an active unshared durable subscription,
     * or a change of a subscription with an active consumer, gives JMSException.
     */
    @Test
    void activeDurableSubscriptionCannotBeJoinedOrChanged() throws Exception {
        String id = uniqueId("busy");
        Connection c = withClientId(id);
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic(uniqueId("busy"));
        MessageConsumer first = s.createDurableConsumer(t, "one");
        assertThrows(JMSException.class, () -> s.createDurableConsumer(t, "one"));
        assertThrows(JMSException.class, () -> s.createDurableConsumer(t, "one", "color = 'red'", false));
        MessageConsumer shared = s.createSharedDurableConsumer(t, "two");
        assertThrows(JMSException.class, () -> s.createSharedDurableConsumer(t, "two", "color = 'red'"));
        first.close();
        shared.close();
        s.unsubscribe("one");
        s.unsubscribe("two");
    }

    /** 6.11.4: a shared and an unshared durable subscription may not have the same name. */
    @Test
    void sharedAndUnsharedDurableMayNotShareAName() throws Exception {
        Connection c = withClientId(uniqueId("mixed"));
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic(uniqueId("mixed"));
        s.createDurableConsumer(t, "name").close();
        assertThrows(JMSException.class, () -> s.createSharedDurableConsumer(t, "name"));
        s.unsubscribe("name");
    }

    /** createDurableConsumer javadoc: an unshared durable subscription needs a client ID (IllegalStateException). */
    @Test
    void unsharedDurableNeedsAClientId() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic(uniqueId("noid"));
        assertThrows(jakarta.jms.IllegalStateException.class, () -> s.createDurableConsumer(t, "x"));
        // a shared durable subscription does not need one
        s.createSharedDurableConsumer(t, "x").close();
        s.unsubscribe("x");
    }

    /** 6.11.4 / 6.11.2: the consumers of a shared subscription divide its messages between them. */
    @Test
    void sharedSubscriptionSpreadsMessagesOverItsConsumers() throws Exception {
        Connection c1 = started();
        Connection c2 = started();
        Session s1 = c1.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session s2 = c2.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s1.createTopic(uniqueId("shared"));
        MessageConsumer a = s1.createSharedDurableConsumer(t, "workers");
        MessageConsumer b = s2.createSharedDurableConsumer(t, "workers");
        MessageConsumer n1 = s1.createSharedConsumer(t, "nd");
        MessageConsumer n2 = s2.createSharedConsumer(t, "nd");
        String[] texts = new String[20];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = "m" + i;
        }
        publish(s1, t, texts);
        for (MessageConsumer[] pair : new MessageConsumer[][] {{a, b}, {n1, n2}}) {
            Set<String> got = new HashSet<>();
            List<String> first = texts(pair[0], 7, 1_000);
            List<String> second = texts(pair[1], 20, 1_000);
            List<String> rest = texts(pair[0], 20, 300);
            for (List<String> l : List.of(first, second, rest)) {
                for (String x : l) {
                    assertTrue(got.add(x), "delivered twice within one subscription: " + x);
                }
            }
            assertEquals(7, first.size());
            assertFalse(second.isEmpty(), "the second consumer shares the subscription");
            assertEquals(20, got.size());
        }
        a.close();
        b.close();
        s1.unsubscribe("workers");
    }

    /** 6.11.2: a shared non-durable subscription ends with its last consumer. */
    @Test
    void sharedNonDurableSubscriptionEndsWithItsLastConsumer() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic(uniqueId("nd"));
        MessageConsumer a = s.createSharedConsumer(t, "nd");
        MessageConsumer b = s.createSharedConsumer(t, "nd");
        a.close();
        publish(s, t, "kept");
        b.close();
        publish(s, t, "dropped");
        MessageConsumer again = s.createSharedConsumer(t, "nd");
        assertNull(again.receive(300), "the subscription was deleted with its last consumer");
    }

    /** 6.11.1 noLocal: a subscriber does not receive what its own connection published. */
    @Test
    void noLocalSkipsTheOwnConnectionsMessages() throws Exception {
        Connection mine = started();
        Connection other = started();
        Session s = mine.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session os = other.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic(uniqueId("nolocal"));
        TopicSubscriber sub = (TopicSubscriber) s.createConsumer(t, null, true);
        assertTrue(sub.getNoLocal());
        publish(s, t, "mine");
        publish(os, t, "theirs");
        assertEquals(List.of("theirs"), texts(sub, 2, 500));
    }

    /** createDurableConsumer javadoc: noLocal on a durable subscription skips every connection with the client ID. */
    @Test
    void durableNoLocalSkipsTheClientIdsMessages() throws Exception {
        String id = uniqueId("dnl");
        Connection mine = withClientId(id);
        Session s = mine.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic(uniqueId("dnl"));
        s.createDurableConsumer(t, "sub", null, true).close();
        publish(s, t, "mine");
        Session os = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        publish(os, t, "theirs");
        MessageConsumer back = s.createDurableConsumer(t, "sub", null, true);
        assertEquals(List.of("theirs"), texts(back, 2, 500));
        back.close();
        s.unsubscribe("sub");
    }

    /** 6.1.2: a client ID in use by an active connection gives InvalidClientIDException; free again after close. */
    @Test
    void clientIdInUseIsRejectedUntilClosed() throws Exception {
        String id = uniqueId("cid");
        Connection first = withClientId(id);
        Connection second = connect();
        assertThrows(InvalidClientIDException.class, () -> second.setClientID(id));
        first.close();
        Connection third = connect();
        third.setClientID(id);
        assertEquals(id, third.getClientID());
    }

    /** 6.12 temporary topics: the creating connection can subscribe; others cannot consume from it. */
    @Test
    void temporaryTopicDeliversToItsOwnConnectionOnly() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryTopic t = s.createTemporaryTopic();
        MessageConsumer sub = s.createConsumer(t);
        publish(s, t, "tmp");
        assertEquals(List.of("tmp"), texts(sub, 2, 1_000));
        Session other = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThrows(InvalidDestinationException.class, () -> other.createConsumer(t));
        assertThrows(JMSException.class, t::delete, "a consumer is still open");
        sub.close();
        t.delete();
    }

    /** 4.2 classic topic interfaces: TopicConnection, TopicSession, TopicPublisher, TopicSubscriber. */
    @Test
    void classicTopicInterfacesWork() throws Exception {
        TopicConnection c = factory.createTopicConnection();
        try {
            c.start();
            TopicSession s = c.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueId("classic"));
            TopicSubscriber sub = s.createSubscriber(t);
            TopicPublisher pub = s.createPublisher(t);
            assertEquals(t, pub.getTopic());
            pub.publish(s.createTextMessage("classic"));
            Message m = sub.receive(1_000);
            assertNotNull(m);
            assertEquals(t, m.getJMSDestination());
        } finally {
            c.close();
        }
    }

    /** 6.2.7: a transacted publication reaches subscribers only at commit. */
    @Test
    void transactedPublicationArrivesAtCommit() throws Exception {
        Connection c = started();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic(uniqueId("tx"));
        MessageConsumer sub = s.createConsumer(t);
        publish(tx, t, "rolled-back");
        tx.rollback();
        publish(tx, t, "committed");
        assertNull(sub.receive(200));
        tx.commit();
        assertEquals(List.of("committed"), texts(sub, 2, 1_000));
    }

    /** JMSContext (simplified API) delegates durable and shared consumers and unsubscribe. */
    @Test
    void jmsContextSubscriptionsWork() throws Exception {
        String id = uniqueId("ctx");
        try (JMSContext ctx = factory.createContext()) {
            ctx.setClientID(id);
            Topic t = ctx.createTopic(uniqueId("ctx"));
            ctx.createDurableConsumer(t, "d").close();
            JMSConsumer shared = ctx.createSharedConsumer(t, "s");
            ctx.createProducer().send(t, "hello");
            assertEquals("hello", shared.receiveBody(String.class, 1_000));
            JMSConsumer durable = ctx.createDurableConsumer(t, "d");
            assertEquals("hello", durable.receiveBody(String.class, 1_000));
            assertThrows(JMSRuntimeException.class, () -> ctx.unsubscribe("d"));
            durable.close();
            ctx.unsubscribe("d");
        }
    }

    /** Large bodies are stored once: 50 durable subscriptions of a 1 MiB message keep one BODY row. */
    @Test
    void largeBodyIsStoredOnceForManySubscriptions() throws Exception {
        Connection c = withClientId(uniqueId("big"));
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic(uniqueId("big"));
        for (int i = 0; i < 50; i++) {
            s.createDurableConsumer(t, "s" + i).close();
        }
        byte[] body = new byte[1 << 20];
        new java.util.Random(7).nextBytes(body);
        var m = s.createBytesMessage();
        m.writeBytes(body);
        s.createProducer(t).send(m);
        assertEquals(1, count("SELECT COUNT(*) FROM $BODY"));
        assertEquals(50, count("SELECT COUNT(*) FROM $DELIVERY WHERE body_id IS NOT NULL"));
        assertEquals(0, count("SELECT COALESCE(SUM(OCTET_LENGTH(data)), 0) FROM $DELIVERY"));
        for (int i = 0; i < 50; i++) {
            MessageConsumer sub = s.createDurableConsumer(t, "s" + i);
            var got = (jakarta.jms.BytesMessage) sub.receive(2_000);
            assertNotNull(got, "subscription s" + i);
            byte[] read = new byte[(int) got.getBodyLength()];
            got.readBytes(read);
            assertTrue(java.util.Arrays.equals(body, read), "body of s" + i);
            sub.close();
            s.unsubscribe("s" + i);
        }
        await("the unreferenced body to be swept", 20_000, () -> {
            try {
                return count("SELECT COUNT(*) FROM $BODY") == 0;
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** Spec 6.11: JMS type checks: the consumer of a topic is a TopicSubscriber. */
    @Test
    void topicConsumersAreTopicSubscribers() throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic(uniqueId("type"));
        assertInstanceOf(TopicSubscriber.class, s.createConsumer(t));
    }
}
