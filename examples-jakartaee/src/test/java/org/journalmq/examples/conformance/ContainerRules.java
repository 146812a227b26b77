package org.journalmq.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The container rule tests that replace the tck-subset tests which cannot apply in a web or EJB
 * container ({@link ReplacedInContainer} names which replaces which). Each checks what a container
 * connection from the resource adapter does instead, per Jakarta Messaging 3.1 sec. 12.2 and 12.3
 * and the javadoc of the method. Subclasses put them in a vehicle; the journal is the WAR's.
 */
public abstract class ContainerRules {

    private static final long WAIT = 5_000;

    protected ConnectionFactory factory() {
        return Conformance.factory();
    }

    private static Queue queue(Session s, String what) throws JMSException {
        return s.createQueue("gf14tck-" + what + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static void refused(String what, Executable call) {
        IllegalStateException e = assertThrows(IllegalStateException.class, call, what);
        assertTrue(String.valueOf(e.getMessage()).contains("12."), "the message names the spec rule: " + e);
    }

    /**
     * Sec. 12.2 and the Connection.setClientID, setExceptionListener, stop and createConnectionConsumer
     * javadoc ("must not be used in a Jakarta EE web or EJB application"): IllegalStateException;
     * JMSContext's twins throw
     * IllegalStateRuntimeException. Replaces the client-ID, ExceptionListener, stop and connection
     * consumer tests.
     */
    @Test
    void connectionMethodsForbiddenInTheContainer() throws Exception {
        try (Connection c = factory().createConnection()) {
            refused("setClientID", () -> c.setClientID("gf14-" + UUID.randomUUID()));
            refused("setExceptionListener", () -> c.setExceptionListener(e -> { }));
            refused("stop", c::stop);
            refused("createConnectionConsumer", () -> c.createConnectionConsumer(c.createSession().createQueue("gf14"),
                    null, null, 1));
            assertNull(c.getClientID(), "no client ID was set");
        }
        try (JMSContext ctx = factory().createContext()) {
            assertThrows(IllegalStateRuntimeException.class, () -> ctx.setClientID("gf14-" + UUID.randomUUID()));
            assertThrows(IllegalStateRuntimeException.class, () -> ctx.setExceptionListener(e -> { }));
            assertThrows(IllegalStateRuntimeException.class, ctx::stop);
        }
    }

    /**
     * Sec. 12.2 and the Session/MessageConsumer/JMSConsumer.setMessageListener javadoc: asynchronous
     * delivery belongs to message-driven beans in a container. Replaces the MessageListener and
     * callback-rule tests; a consumer still receives synchronously.
     */
    @Test
    void messageListenersForbiddenInTheContainer() throws Exception {
        try (Connection c = factory().createConnection()) {
            c.start();
            Session s = c.createSession();
            Queue q = queue(s, "listener");
            refused("Session.setMessageListener", () -> s.setMessageListener(m -> { }));
            MessageConsumer consumer = s.createConsumer(q);
            refused("MessageConsumer.setMessageListener", () -> consumer.setMessageListener(m -> { }));
            s.createProducer(q).send(s.createTextMessage("synchronous"));
            assertEquals("synchronous", ((TextMessage) consumer.receive(WAIT)).getText());
        }
        try (JMSContext ctx = factory().createContext()) {
            var consumer = ctx.createConsumer(ctx.createQueue("gf14tck-listener-" + UUID.randomUUID()));
            assertThrows(IllegalStateRuntimeException.class, () -> consumer.setMessageListener(m -> { }));
        }
    }

    /**
     * Sec. 12.2: one session per connection in a web or EJB container (Connection.createSession and
     * JMSContext.createContext javadoc). Replaces the tests that open several sessions on one connection.
     */
    @Test
    void oneSessionPerConnection() throws Exception {
        try (Connection c = factory().createConnection()) {
            Session first = c.createSession();
            refused("a second session", c::createSession);
            first.close();
            assertNotNull(c.createSession(), "after the first one closed, a session may be made again");
        }
        try (JMSContext ctx = factory().createContext()) {
            assertThrows(IllegalStateRuntimeException.class, () -> ctx.createContext(JMSContext.AUTO_ACKNOWLEDGE));
        }
    }

    /**
     * Connection javadoc ("A connection is created in stopped mode") and JMSContext.setAutoStart: a
     * connection from the pool is stopped, even when the application that used it before had started
     * it. Replaces the autoStart test (it also calls JMSContext.stop and createContext).
     */
    @Test
    void pooledConnectionStartsStopped() throws Exception {
        Queue q;
        try (Connection c = factory().createConnection()) {
            Session s = c.createSession();
            q = queue(s, "stopped");
            c.start();
            s.createProducer(q).send(s.createTextMessage("first"));
            assertEquals("first", ((TextMessage) s.createConsumer(q).receive(WAIT)).getText());
        }
        try (Connection c = factory().createConnection()) { // the pool's idle connection, started before
            Session s = c.createSession();
            MessageConsumer consumer = s.createConsumer(q);
            s.createProducer(q).send(s.createTextMessage("second"));
            assertNull(consumer.receive(300), "nothing is delivered before start()");
            c.start();
            assertEquals("second", ((TextMessage) consumer.receive(WAIT)).getText());
        }
        try (JMSContext ctx = factory().createContext()) {
            ctx.setAutoStart(false);
            Queue again = ctx.createQueue(q.getQueueName());
            jakarta.jms.JMSConsumer consumer = ctx.createConsumer(again);
            ctx.createProducer().send(again, "third");
            assertNull(consumer.receive(300), "autoStart false: nothing before start()");
            ctx.start();
            assertEquals("third", consumer.receiveBody(String.class, WAIT));
        }
    }

    /**
     * Sec. 12.3 and the Connection.createSession(boolean, int) javadoc: with no JTA transaction the
     * session is non-transacted whatever the arguments, acknowledging automatically; so commit and
     * rollback (non-transacted session) throw IllegalStateException, and a message received and not
     * acknowledged is consumed. Replaces the local-transaction and CLIENT_ACKNOWLEDGE/recover tests.
     */
    @Test
    void noLocalTransactionNorClientAcknowledgeOutsideJta() throws Exception {
        String text = "acknowledged on receipt " + UUID.randomUUID();
        Queue q;
        try (Connection c = factory().createConnection()) {
            c.start();
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            assertFalse(s.getTransacted(), "transacted is ignored without JTA");
            assertEquals(Session.AUTO_ACKNOWLEDGE, s.getAcknowledgeMode());
            assertThrows(IllegalStateException.class, s::commit, "commit on a non-transacted session");
            assertThrows(IllegalStateException.class, s::rollback, "rollback on a non-transacted session");
            q = queue(s, "ack");
            s.createProducer(q).send(s.createTextMessage(text)); // visible at once: no transaction holds it
        }
        try (Connection c = factory().createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            assertEquals(Session.AUTO_ACKNOWLEDGE, s.getAcknowledgeMode(), "CLIENT_ACKNOWLEDGE is ignored without JTA");
            Message m = s.createConsumer(q).receive(WAIT);
            assertEquals(text, ((TextMessage) m).getText());
            // closed without acknowledge(): in CLIENT_ACKNOWLEDGE it would come back, here it was consumed
        }
        try (Connection c = factory().createConnection()) {
            c.start();
            Session s = c.createSession();
            assertNull(s.createConsumer(q).receive(300), "the message was acknowledged when it was received");
        }
    }

    /**
     * MessageProducer.send(Message, CompletionListener) and JMSProducer.setAsync javadoc: "must not be used
     * in a Jakarta EE EJB or web container"; the adapter refuses it (IllegalStateException naming sec. 12.2,
     * IllegalStateRuntimeException for setAsync) rather than run a callback outside the component's
     * context. Replaces the asynchronous send tests; the synchronous send still works.
     */
    @Test
    void asynchronousSendForbiddenInTheContainer() throws Exception {
        CompletionListener listener = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
            }

            @Override
            public void onException(Message message, Exception exception) {
            }
        };
        try (Connection c = factory().createConnection()) {
            c.start();
            Session s = c.createSession();
            Queue q = queue(s, "async");
            var producer = s.createProducer(q);
            refused("send with a CompletionListener", () -> producer.send(s.createTextMessage("never"), listener));
            producer.send(s.createTextMessage("synchronous"));
            var consumer = s.createConsumer(q);
            assertEquals("synchronous", ((TextMessage) consumer.receive(WAIT)).getText(), "only the synchronous send");
            assertNull(consumer.receive(300), "the refused send sent nothing");
        }
        try (JMSContext ctx = factory().createContext()) {
            assertThrows(IllegalStateRuntimeException.class, () -> ctx.createProducer().setAsync(listener));
        }
    }

    /**
     * ConnectionFactory.createConnection(String, String) javadoc: JMSSecurityException for an invalid user,
     * here through the adapter (component-managed sign-on) on either journal; the message names neither
     * the user's password nor is it empty. Replaces the authentication test, which creates a database user
     * with SQL on its Java SE journal (the container journal is the adapter's; CredentialsInGlassFishIT
     * covers right and wrong passwords of a real role on PostgreSQL).
     */
    @Test
    void unknownUserRefused() {
        String password = "gf14-" + UUID.randomUUID();
        JMSSecurityException e = assertThrows(JMSSecurityException.class,
                () -> factory().createConnection("NO_SUCH_ROLE_GF14", password).close());
        assertFalse(String.valueOf(e.getMessage()).contains(password), "no password in " + e);
        assertThrows(JMSSecurityRuntimeException.class,
                () -> factory().createContext("NO_SUCH_ROLE_GF14", password).close());
    }
}
