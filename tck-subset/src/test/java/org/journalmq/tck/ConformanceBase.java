package org.journalmq.tck;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.Session;
import jakarta.jms.TopicConnectionFactory;
import java.util.ArrayList;
import java.util.List;
import org.journalmq.jms.it.JmsTestBase;
import org.junit.jupiter.api.AfterEach;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Base of the conformance tests: each area is an abstract class with one subclass per journal
 * (HSQLDB file, PostgreSQL), reusing jms-provider's {@link JmsTestBase} and TestJournal. Every
 * test names the section of the Jakarta Messaging 3.1 specification, or the javadoc method, it
 * checks.
 *
 * <p>The tests take their connections from {@link #connectionFactory()}: in Java SE the TestJournal's
 * factory (so the Hsqldb/Postgres/MariaDb subclasses run as they always did); the in-container
 * subclasses of examples-jakartaee (issue 14) return the resource adapter's factory instead, so that
 * the same test code runs in a servlet and in a stateless EJB.
 */
public abstract class ConformanceBase extends JmsTestBase {

    /** Time a receive waits for a message that must arrive. */
    protected static final long WAIT = 5_000;
    /** Time a receive waits for a message that must not arrive. */
    protected static final long ABSENT = 300;

    private final List<JMSContext> contexts = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();

    /**
     * Runs before JmsTestBase's own clean-up (JUnit runs a subclass's @AfterEach first), so the
     * connections are closed before a Java SE journal's tables are dropped.
     */
    @AfterEach
    void closeContexts() throws JMSException {
        for (JMSContext c : contexts) {
            c.close();
        }
        contexts.clear();
        for (Connection c : connections) {
            c.close();
        }
        connections.clear();
    }

    /** Where every connection and context of the tests comes from; see the class comment. */
    protected ConnectionFactory connectionFactory() {
        return factory;
    }

    /** For the tests of the classic domain-specific API (both the provider's and the adapter's factory are one). */
    protected QueueConnectionFactory queueConnectionFactory() {
        return (QueueConnectionFactory) connectionFactory();
    }

    protected TopicConnectionFactory topicConnectionFactory() {
        return (TopicConnectionFactory) connectionFactory();
    }

    /** JmsTestBase's connect, on {@link #connectionFactory()}; closed after the test. */
    @Override
    protected Connection connect() throws JMSException {
        Connection c = connectionFactory().createConnection();
        connections.add(c);
        return c;
    }

    protected JMSContext context() {
        return context(JMSContext.AUTO_ACKNOWLEDGE);
    }

    protected JMSContext context(int mode) {
        JMSContext c = connectionFactory().createContext(mode);
        contexts.add(c);
        return c;
    }

    protected Session session() throws JMSException {
        return started().createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    protected Queue queue(Session s) throws JMSException {
        return queue(s, getClass().getSimpleName());
    }

    protected Queue queue(JMSContext c) {
        return c.createQueue(uniqueQueue(getClass().getSimpleName()));
    }

    /** Sends {@code m} to a fresh queue and receives it back (a received, read-only message). */
    protected <T extends Message> T roundTrip(Session s, T m) throws JMSException {
        Queue q = queue(s);
        s.createProducer(q).send(m);
        MessageConsumer c = s.createConsumer(q);
        @SuppressWarnings("unchecked")
        T got = (T) c.receive(WAIT);
        if (got == null) {
            fail("message did not come back within " + WAIT + " ms");
        }
        c.close();
        return got;
    }

    /** A connection that is not closed by the test base (the test closes it). */
    protected Connection openConnection() throws JMSException {
        return connectionFactory().createConnection();
    }
}
