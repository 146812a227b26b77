package org.journalmq.tck;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import java.util.Collections;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The classic API (spec chapter 6 connections and sessions, 7 producers, 8 consumers; Queue* interfaces). */
public abstract class AbstractClassicApiTest extends ConformanceBase {

    /** QueueConnectionFactory, QueueConnection, QueueSession, QueueSender and QueueReceiver javadoc. */
    @Test
    void queueInterfaces() throws Exception {
        QueueConnectionFactory qcf = queueConnectionFactory();
        try (QueueConnection qc = qcf.createQueueConnection()) {
            qc.start();
            QueueSession qs = qc.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = qs.createQueue(uniqueQueue("classic"));
            QueueSender sender = qs.createSender(q);
            assertEquals(q, sender.getQueue());
            sender.send(qs.createTextMessage("one"));
            sender.send(qs.createTextMessage("two"), DeliveryMode.NON_PERSISTENT, 9, 0);
            QueueSender anonymous = qs.createSender(null);
            assertNull(anonymous.getQueue());
            anonymous.send(q, qs.createTextMessage("three"));
            QueueBrowser browser = qs.createBrowser(q);
            assertEquals(q, browser.getQueue());
            assertEquals(3, Collections.list(browser.getEnumeration()).size()); // browsing consumes nothing
            QueueReceiver receiver = qs.createReceiver(q);
            assertEquals(q, receiver.getQueue());
            assertEquals("two", ((TextMessage) receiver.receive(WAIT)).getText()); // priority 9 first
            assertEquals("one", ((TextMessage) receiver.receive(WAIT)).getText());
            assertEquals("three", ((TextMessage) qs.createReceiver(q, "JMSPriority = 4").receive(WAIT)).getText());
        }
    }

    /**
     * QueueSession javadoc: "A QueueSession cannot be used to create objects specific to the
     * publish/subscribe domain" — those methods throw IllegalStateException; a session from
     * Connection.createSession serves both domains.
     */
    @Test
    void queueSessionRefusesPublishSubscribe() throws Exception {
        QueueConnection qc = (QueueConnection) connect();
        QueueSession qs = qc.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = connect().createSession().createTopic("some-topic");
        java.util.List<org.junit.jupiter.api.function.Executable> refused = java.util.List.of(
                () -> qs.createTopic("t"), qs::createTemporaryTopic, () -> qs.createDurableSubscriber(t, "d"),
                () -> qs.createDurableSubscriber(t, "d", null, false), () -> qs.createDurableConsumer(t, "d"),
                () -> qs.createDurableConsumer(t, "d", null, false), () -> qs.createSharedConsumer(t, "s"),
                () -> qs.createSharedConsumer(t, "s", null), () -> qs.createSharedDurableConsumer(t, "s"),
                () -> qs.createSharedDurableConsumer(t, "s", null), () -> qs.unsubscribe("d"));
        for (int i = 0; i < refused.size(); i++) {
            assertThrows(IllegalStateException.class, refused.get(i), "call #" + i);
        }
        // One session at a time, as a Jakarta EE container allows (sec. 12.2), where this test runs too.
        qs.close();
        Session both = qc.createSession();
        assertNotNull(both.createTopic("fine-here"));
        both.close();
        assertNotNull(qc.createSession(Session.AUTO_ACKNOWLEDGE).createTemporaryTopic());
    }

    /**
     * TopicSession javadoc: "A TopicSession cannot be used to create objects specific to the
     * point-to-point domain. The following methods inherit from Session, but must throw an
     * IllegalStateException if used from TopicSession: createBrowser, createQueue,
     * createTemporaryQueue". Its own methods work; a closed TopicSession reports being closed.
     */
    @Test
    void topicSessionRefusesPointToPoint() throws Exception {
        TopicConnection tc = topicConnectionFactory().createTopicConnection();
        try {
            TopicSession ts = tc.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = connect().createSession().createQueue(uniqueQueue("not-for-topics"));
            java.util.List<org.junit.jupiter.api.function.Executable> refused = java.util.List.of(
                    () -> ts.createQueue("q"), ts::createTemporaryQueue, () -> ts.createBrowser(q),
                    () -> ts.createBrowser(q, "a = 1"));
            for (int i = 0; i < refused.size(); i++) {
                IllegalStateException e = assertThrows(IllegalStateException.class, refused.get(i), "call #" + i);
                assertTrue(e.getMessage().contains("TopicSession"), e.getMessage());
            }
            tc.start();
            Topic t = ts.createTopic(uniqueQueue("topic-session"));
            TopicSubscriber subscriber = ts.createSubscriber(t);
            TopicPublisher publisher = ts.createPublisher(t);
            publisher.publish(ts.createTextMessage("published"));
            assertEquals("published", ((TextMessage) subscriber.receive(WAIT)).getText());
            assertNotNull(ts.createTemporaryTopic());
            ts.close();
            assertThrows(IllegalStateException.class, () -> ts.createQueue("q"));
            assertThrows(IllegalStateException.class, () -> ts.createTopic("t"));
            // after ts.close(): one session at a time, as a Jakarta EE container allows (sec. 12.2)
            assertNotNull(tc.createSession().createTemporaryQueue(), "Connection.createSession serves both domains");
        } finally {
            tc.close();
        }
    }

    /** TopicRequestor (request/reply helper of the classic topic API) over a TopicSession and a temporary topic. */
    @Test
    void topicRequestor() throws Exception {
        TopicConnection tc = topicConnectionFactory().createTopicConnection();
        try {
            tc.start();
            TopicSession ts = tc.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic service = ts.createTopic(uniqueQueue("topic-service"));
            Session replier = started().createSession();
            MessageConsumer requests = replier.createConsumer(service);
            requests.setMessageListener(m -> {
                try {
                    replier.createProducer(m.getJMSReplyTo())
                            .send(replier.createTextMessage("re:" + ((TextMessage) m).getText()));
                } catch (JMSException e) {
                    throw new RuntimeException(e);
                }
            });
            jakarta.jms.TopicRequestor requestor = new jakarta.jms.TopicRequestor(ts, service);
            assertEquals("re:hi", ((TextMessage) requestor.request(ts.createTextMessage("hi"))).getText());
            requestor.close();
        } finally {
            tc.close();
        }
    }

    /** QueueRequestor (spec 6 request/reply helper) over a QueueSession and a temporary queue. */
    @Test
    void queueRequestor() throws Exception {
        QueueConnection qc = (QueueConnection) started();
        QueueSession qs = qc.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue service = qs.createQueue(uniqueQueue("service"));
        Session replier = started().createSession();
        MessageConsumer requests = replier.createConsumer(service);
        requests.setMessageListener(m -> {
            try {
                replier.createProducer(m.getJMSReplyTo())
                        .send(replier.createTextMessage("re:" + ((TextMessage) m).getText()));
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
        });
        jakarta.jms.QueueRequestor requestor = new jakarta.jms.QueueRequestor(qs, service);
        assertEquals("re:hello", ((TextMessage) requestor.request(qs.createTextMessage("hello"))).getText());
        requestor.close(); // closes the session, then deletes the temporary queue
    }

    /** ConnectionMetaData javadoc: Jakarta Messaging 3.1 and the provider. */
    @Test
    void metaData() throws Exception {
        ConnectionMetaData md = connect().getMetaData();
        assertEquals("3.1", md.getJMSVersion());
        assertEquals(3, md.getJMSMajorVersion());
        assertEquals(1, md.getJMSMinorVersion());
        assertNotNull(md.getJMSProviderName());
        assertNotNull(md.getProviderVersion());
    }

    /** Connection.setClientID javadoc and spec 6.1.2: once, before any other use, unique; null/empty invalid. */
    @Test
    void clientIdRules() throws Exception {
        String id = "cid-" + UUID.randomUUID();
        Connection a = connect();
        assertThrows(InvalidClientIDException.class, () -> a.setClientID(""));
        assertThrows(InvalidClientIDException.class, () -> a.setClientID(null));
        a.setClientID(id);
        assertEquals(id, a.getClientID());
        assertThrows(IllegalStateException.class, () -> a.setClientID("again"));
        Connection b = connect();
        assertThrows(InvalidClientIDException.class, () -> b.setClientID(id));
        Connection c = connect();
        c.createSession();
        assertThrows(IllegalStateException.class, () -> c.setClientID("late-" + id));
        a.close();
        connect().setClientID(id); // free again once the holder closed
    }

    /** Spec 6.1.2: a client ID configured on the factory cannot be changed by the application. */
    @Test
    void administeredClientId() throws Exception {
        factory.setClientID("admin-" + UUID.randomUUID());
        Connection c = connect();
        assertEquals(factory.getClientID(), c.getClientID());
        assertThrows(IllegalStateException.class, () -> c.setClientID("mine"));
    }

    /** MessageProducer javadoc: illegal delivery modes, priorities and time-to-live → JMSException. */
    @Test
    void producerBadInput() throws Exception {
        Session s = session();
        Queue q = queue(s);
        MessageProducer p = s.createProducer(q);
        assertThrows(JMSException.class, () -> p.setPriority(-1));
        assertThrows(JMSException.class, () -> p.setPriority(10));
        assertThrows(JMSException.class, () -> p.setDeliveryMode(0));
        assertThrows(JMSException.class, () -> p.setDeliveryMode(3));
        assertThrows(JMSException.class, () -> p.setTimeToLive(-1));
        assertThrows(JMSException.class, () -> p.setDeliveryDelay(-1));
        Message m = s.createMessage();
        assertThrows(JMSException.class, () -> p.send(m, 7, 4, 0));
        assertThrows(JMSException.class, () -> p.send(m, DeliveryMode.PERSISTENT, 10, 0));
        assertThrows(JMSException.class, () -> p.send(m, DeliveryMode.PERSISTENT, 4, -5));
        assertThrows(jakarta.jms.MessageFormatException.class, () -> p.send(null));
        assertEquals(4, p.getPriority());
        assertEquals(DeliveryMode.PERSISTENT, p.getDeliveryMode());
    }

    /** MessageProducer.send javadoc: UnsupportedOperationException for the wrong overload; InvalidDestinationException for null. */
    @Test
    void producerDestinationRules() throws Exception {
        Session s = session();
        Queue q = queue(s);
        Message m = s.createMessage();
        MessageProducer bound = s.createProducer(q);
        MessageProducer unbound = s.createProducer(null);
        assertThrows(UnsupportedOperationException.class, () -> bound.send(q, m));
        assertThrows(UnsupportedOperationException.class, () -> unbound.send(m));
        assertThrows(InvalidDestinationException.class, () -> unbound.send(null, m));
        assertNull(unbound.getDestination());
    }

    /** Session.createConsumer/createBrowser javadoc: InvalidDestinationException for null, InvalidSelectorException for a bad selector. */
    @Test
    void consumerBadInput() throws Exception {
        Session s = session();
        Queue q = queue(s);
        assertThrows(InvalidDestinationException.class, () -> s.createConsumer(null));
        assertThrows(InvalidDestinationException.class, () -> s.createBrowser(null));
        assertThrows(InvalidSelectorException.class, () -> s.createConsumer(q, "a = = 1"));
        assertThrows(InvalidSelectorException.class, () -> s.createBrowser(q, "NOT"));
        assertThrows(JMSException.class, () -> s.createQueue(null));
        assertThrows(JMSException.class, () -> s.createQueue(""));
        assertNull(s.createConsumer(q).getMessageSelector());
        assertEquals("a = 1", s.createConsumer(q, "a = 1").getMessageSelector());
        assertNull(s.createConsumer(q, "").getMessageSelector());
    }

    /** Spec 6.1.5 and Connection.stop javadoc: a stopped connection delivers nothing; start resumes delivery. */
    @Test
    void stopAndStart() throws Exception {
        Connection c = connect();
        Session s = c.createSession();
        Queue q = queue(s);
        s.createProducer(q).send(s.createTextMessage("held"));
        MessageConsumer mc = s.createConsumer(q);
        assertNull(mc.receive(ABSENT)); // never started
        c.start();
        c.stop();
        assertNull(mc.receiveNoWait());
        c.start();
        assertEquals("held", ((TextMessage) mc.receive(WAIT)).getText());
    }

    /**
     * MessageListener delivery (spec 8.7), and MessageConsumer.receive javadoc: a consumer with a
     * listener refuses a synchronous receive (IllegalStateException). What the listener may call is
     * in {@link AbstractCallbackRulesTest}.
     */
    @Test
    void listenerDelivery() throws Exception {
        Connection c = started();
        Session s = c.createSession();
        Queue q = queue(s);
        MessageConsumer mc = s.createConsumer(q);
        java.util.concurrent.CompletableFuture<String> delivered = new java.util.concurrent.CompletableFuture<>();
        mc.setMessageListener(m -> {
            try {
                delivered.complete(((TextMessage) m).getText());
            } catch (JMSException e) {
                delivered.completeExceptionally(e);
            }
        });
        assertThrows(IllegalStateException.class, () -> mc.receive(1)); // a listener is set
        s.createProducer(q).send(s.createTextMessage("to the listener"));
        assertEquals("to the listener", delivered.get(WAIT, java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    /**
     * Session.createTopic with a null or empty name, and destinations of no known kind:
     * Session.createProducer/createConsumer and MessageProducer.send javadoc, InvalidDestinationException
     * "if an invalid destination is specified".
     */
    @Test
    void destinationBadInput() throws Exception {
        Session s = session();
        assertThrows(JMSException.class, () -> s.createTopic(null));
        assertThrows(JMSException.class, () -> s.createTopic(""));
        jakarta.jms.Destination unknownKind = new jakarta.jms.Destination() { };
        assertThrows(InvalidDestinationException.class, () -> s.createProducer(unknownKind));
        assertThrows(InvalidDestinationException.class, () -> s.createConsumer(unknownKind));
        MessageProducer anonymous = s.createProducer(null);
        assertThrows(InvalidDestinationException.class, () -> anonymous.send(unknownKind, s.createMessage()));
    }

    /**
     * Application server facilities are optional ("optional operation" in the javadoc of
     * Connection.createConnectionConsumer, createSharedConnectionConsumer,
     * createDurableConnectionConsumer, createSharedDurableConnectionConsumer and
     * Session.setMessageListener); JournalMQ does not provide them, and says so. Arguments are still
     * checked as the javadoc says (InvalidDestinationException, InvalidSelectorException), and
     * QueueConnection javadoc: createDurableConnectionConsumer "must throw an IllegalStateException if
     * used from QueueConnection".
     */
    @Test
    void applicationServerFacilitiesAreOptional() throws Exception {
        Connection c = connect();
        Session s = c.createSession();
        Queue q = queue(s);
        Topic t = s.createTopic(uniqueQueue("asf"));
        java.util.List<org.junit.jupiter.api.function.Executable> unsupported = java.util.List.of(
                () -> c.createConnectionConsumer(q, null, null, 1),
                () -> c.createSharedConnectionConsumer(t, "s", null, null, 1),
                () -> c.createDurableConnectionConsumer(t, "d", null, null, 1),
                () -> c.createSharedDurableConnectionConsumer(t, "s", null, null, 1),
                () -> s.setMessageListener(m -> { }));
        for (int i = 0; i < unsupported.size(); i++) {
            JMSException e = assertThrows(JMSException.class, unsupported.get(i), "call #" + i);
            assertTrue(e.getMessage().contains("not supported") && e.getMessage().contains("optional"), e.getMessage());
        }
        assertNull(s.getMessageListener());
        assertThrows(InvalidDestinationException.class, () -> c.createConnectionConsumer(null, null, null, 1));
        assertThrows(InvalidSelectorException.class, () -> c.createConnectionConsumer(q, "a =", null, 1));
        try (QueueConnection qc = queueConnectionFactory().createQueueConnection()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> qc.createDurableConnectionConsumer(t, "d", null, null, 1));
            assertTrue(e.getMessage().contains("QueueConnection"), e.getMessage());
        }
    }
}
