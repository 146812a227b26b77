package org.journalmq.tck;

import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
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
 */
public abstract class ConformanceBase extends JmsTestBase {

    /** Time a receive waits for a message that must arrive. */
    protected static final long WAIT = 5_000;
    /** Time a receive waits for a message that must not arrive. */
    protected static final long ABSENT = 300;

    private final List<JMSContext> contexts = new ArrayList<>();

    @AfterEach
    void closeContexts() {
        for (JMSContext c : contexts) {
            c.close();
        }
        contexts.clear();
    }

    protected JMSContext context() {
        return context(JMSContext.AUTO_ACKNOWLEDGE);
    }

    protected JMSContext context(int mode) {
        JMSContext c = factory.createContext(mode);
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
        return factory.createConnection();
    }
}
