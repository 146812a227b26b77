package org.journalmq.jms.it;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.time.Duration;
import org.journalmq.jms.JournalConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input gets the exception the javadoc names, with a message naming the problem, and nothing
 * is lost (Session, MessageProducer, Message and Connection javadoc; spec 3.5.1 property names).
 */
class BadInputTest extends JmsTestBase {

    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }

    @Test
    void invalidDestinationNames() throws Exception {
        Session s = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertMessage(assertThrows(InvalidDestinationException.class, () -> s.createQueue(null)), "null");
        assertMessage(assertThrows(InvalidDestinationException.class, () -> s.createQueue("")), "empty");
        assertMessage(assertThrows(InvalidDestinationException.class, () -> s.createQueue("a\nb")), "control");
        assertMessage(assertThrows(InvalidDestinationException.class, () -> s.createQueue(" padded")), "white space");
        assertMessage(assertThrows(InvalidDestinationException.class, () -> s.createQueue("x".repeat(201))), "longer");
        assertThrows(InvalidDestinationException.class, () -> s.createConsumer(null));
        assertThrows(InvalidDestinationException.class, () -> s.createBrowser(null));
        MessageProducer anonymous = s.createProducer(null);
        assertThrows(InvalidDestinationException.class, () -> anonymous.send(null, s.createMessage()));
        MessageProducer bound = s.createProducer(s.createQueue("bound"));
        assertThrows(UnsupportedOperationException.class, () -> bound.send(s.createQueue("other"), s.createMessage()));
        assertThrows(UnsupportedOperationException.class, () -> anonymous.send(s.createMessage()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1abc", "a-b", "with space", "NULL", "true", "AND", "between", "escape"})
    void illegalPropertyNames(String name) throws Exception {
        Message m = connect().createSession(false, Session.AUTO_ACKNOWLEDGE).createMessage();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.setStringProperty(name, "v"));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        assertThrows(IllegalArgumentException.class, () -> m.setIntProperty(name, 1));
        assertFalse(m.getPropertyNames().hasMoreElements(), "a refused property must not be set");
    }

    @Test
    void nullPropertyNameAndIllegalValues() throws Exception {
        Message m = connect().createSession(false, Session.AUTO_ACKNOWLEDGE).createMessage();
        assertThrows(IllegalArgumentException.class, () -> m.setBooleanProperty(null, true));
        MessageFormatException e = assertThrows(MessageFormatException.class,
                () -> m.setObjectProperty("obj", new StringBuilder("not allowed")));
        assertMessage(e, "StringBuilder");
        assertThrows(MessageFormatException.class, () -> m.setObjectProperty("bytes", new byte[1]));
    }

    @Test
    void badProducerSettings() throws Exception {
        Session s = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer p = s.createProducer(s.createQueue("settings"));
        assertMessage(assertThrows(JMSException.class, () -> p.setPriority(10)), "priority");
        assertThrows(JMSException.class, () -> p.setPriority(-1));
        assertMessage(assertThrows(JMSException.class, () -> p.setDeliveryMode(3)), "delivery mode");
        assertMessage(assertThrows(JMSException.class, () -> p.setTimeToLive(-1)), "time to live");
        assertThrows(JMSException.class, () -> p.send(s.createMessage(), DeliveryMode.PERSISTENT, 11, 0));
        assertEquals(4, p.getPriority(), "a refused setting must not change the producer");
        assertMessage(assertThrows(JMSException.class, () -> connect().createSession(false, 99)), "acknowledge mode");
    }

    @Test
    void closedObjectsRefuseWork() throws Exception {
        Connection c = connect();
        Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = s.createQueue(uniqueQueue("closed"));
        MessageProducer p = s.createProducer(q);
        p.send(s.createTextMessage("x"));
        c.start();
        MessageConsumer consumer = s.createConsumer(q);
        Message received = consumer.receive(5_000);
        QueueBrowser browser = s.createBrowser(q);

        browser.close();
        assertThrows(IllegalStateException.class, browser::getEnumeration);
        p.close();
        assertMessage(assertThrows(IllegalStateException.class, () -> p.send(s.createMessage())), "closed");
        assertThrows(IllegalStateException.class, p::getDeliveryMode);
        consumer.close();
        assertThrows(IllegalStateException.class, consumer::receiveNoWait);
        assertThrows(IllegalStateException.class, () -> consumer.setMessageListener(m -> { }));
        s.close();
        assertThrows(IllegalStateException.class, s::createMessage);
        assertThrows(IllegalStateException.class, () -> s.createProducer(q));
        assertThrows(IllegalStateException.class, s::recover);
        assertThrows(IllegalStateException.class, received::acknowledge);
        c.close();
        assertThrows(IllegalStateException.class, () -> c.createSession(false, Session.AUTO_ACKNOWLEDGE));
        assertThrows(IllegalStateException.class, c::start);
        assertThrows(IllegalStateException.class, c::getClientID);
        c.close(); // closing twice is allowed

        // nothing was lost: the unacknowledged message is there for the next consumer
        Connection again = started();
        Message redelivered = again.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q).receive(5_000);
        assertTrue(redelivered != null && redelivered.getJMSRedelivered());
    }

    @Test
    void wrongStateCalls() throws Exception {
        Session s = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThrows(IllegalStateException.class, s::commit);
        assertThrows(IllegalStateException.class, s::rollback);
        Session tx = connect().createSession(true, Session.SESSION_TRANSACTED);
        assertThrows(IllegalStateException.class, tx::recover);
        MessageConsumer listening = s.createConsumer(s.createQueue(uniqueQueue("listening")));
        listening.setMessageListener(m -> { });
        assertThrows(IllegalStateException.class, listening::receiveNoWait);
    }

    @Test
    void unreachableDatabaseFailsInBoundedTimeNamingTheUrlNotThePassword() {
        String url = "jdbc:postgresql://127.0.0.1:1/nowhere";
        JournalConnectionFactory f = new JournalConnectionFactory(url);
        f.setUser("someone");
        f.setPassword("s3cret-pw");
        JMSException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(JMSException.class, f::createConnection));
        assertTrue(e.getMessage().contains(url), e.getMessage());
        assertFalse(String.valueOf(e).contains("s3cret-pw"));
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("s3cret-pw"), "password leaked: " + t);
        }
        assertFalse(f.toString().contains("s3cret-pw"));
    }

    private static void assertMessage(Exception e, String fragment) {
        assertTrue(e.getMessage() != null && e.getMessage().toLowerCase().contains(fragment.toLowerCase()),
                "message should mention '" + fragment + "': " + e.getMessage());
    }
}
