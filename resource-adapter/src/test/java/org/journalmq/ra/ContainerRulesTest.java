package org.journalmq.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.resource.spi.ManagedConnection;
import jakarta.jms.TextMessage;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.journalmq.jms.JournalQueue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The container rules of Jakarta Messaging 3.1 chapter 12 that {@link OutboundTest} does not cover,
 * checked on the adapter's handles without a server (GlassFish runs the same rules in
 * examples-jakartaee, ContainerRulesServletIT and ContainerRulesEjbIT).
 */
class ContainerRulesTest extends OutboundFixture {

    private static final CompletionListener IGNORED = new CompletionListener() {
        @Override
        public void onCompletion(Message message) {
        }

        @Override
        public void onException(Message message, Exception exception) {
        }
    };

    @Test
    @DisplayName("Outside a transaction: DUPS_OK_ACKNOWLEDGE is kept, transacted/CLIENT_ACKNOWLEDGE give AUTO_ACKNOWLEDGE"
            + " (Connection.createSession(boolean,int) and JMSContext javadoc, Messaging 3.1 sec. 12.3)")
    void acknowledgeModesOutsideTransaction() throws Exception {
        ManagedConnection mc = mcf.createManagedConnection(null, null);
        Connection c = (Connection) mc.getConnection(null, null);
        Session dupsOk = c.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
        assertFalse(dupsOk.getTransacted());
        assertEquals(Session.DUPS_OK_ACKNOWLEDGE, dupsOk.getAcknowledgeMode());
        dupsOk.close();
        Session asked = c.createSession(true, Session.SESSION_TRANSACTED);
        assertFalse(asked.getTransacted(), "the transacted argument is ignored outside a transaction");
        assertEquals(Session.AUTO_ACKNOWLEDGE, asked.getAcknowledgeMode());
        asked.close();
        c.close();
        mc.destroy();
        ConnectionFactory cf = (ConnectionFactory) mcf.createConnectionFactory();
        try (JMSContext ctx = cf.createContext(JMSContext.DUPS_OK_ACKNOWLEDGE)) {
            assertEquals(JMSContext.DUPS_OK_ACKNOWLEDGE, ctx.getSessionMode());
            assertFalse(ctx.getTransacted());
        }
    }

    @Test
    @DisplayName("Message listeners and asynchronous sends are refused: MessageConsumer/Session.get+setMessageListener (run: IllegalStateRuntimeException),"
            + " MessageProducer.send(..., CompletionListener) throw IllegalStateException (Messaging 3.1 sec. 12.2)")
    void listenersAndAsyncSendRefusedOnSessionHandles() throws Exception {
        ManagedConnection mc = mcf.createManagedConnection(null, null);
        Connection c = (Connection) mc.getConnection(null, null);
        Session s = c.createSession();
        JournalQueue q = new JournalQueue("q-rules");
        MessageConsumer consumer = s.createConsumer(q);
        MessageProducer producer = s.createProducer(q);
        IllegalStateException set = assertThrows(IllegalStateException.class, () -> consumer.setMessageListener(m -> { }));
        assertTrue(set.getMessage().contains("MessageConsumer.setMessageListener"), set.getMessage());
        assertThrows(IllegalStateException.class, consumer::getMessageListener);
        assertThrows(IllegalStateException.class, s::getMessageListener);
        // Runnable.run declares no JMSException, so the refusal is the runtime twin, not an
        // UndeclaredThrowableException of the proxy
        assertThrows(IllegalStateRuntimeException.class, s::run);
        assertThrows(IllegalStateException.class, () -> producer.send(s.createTextMessage("async"), IGNORED));
        assertThrows(IllegalStateException.class, () -> producer.send(q, s.createTextMessage("async"), IGNORED));
        // the synchronous calls of the same objects still work
        c.start();
        producer.send(s.createTextMessage("sync"));
        assertNotNull(consumer.receive(5_000));
        c.close();
        mc.destroy();
    }

    @Test
    @DisplayName("A container JMSContext refuses JMSConsumer.get/setMessageListener and JMSProducer.setAsync with"
            + " IllegalStateRuntimeException (their javadoc, Messaging 3.1 sec. 12.2)")
    void listenersAndAsyncRefusedOnContainerContext() throws Exception {
        ConnectionFactory cf = (ConnectionFactory) mcf.createConnectionFactory();
        try (JMSContext ctx = cf.createContext()) {
            JMSConsumer consumer = ctx.createConsumer(ctx.createQueue("q-ctx-rules"));
            assertThrows(IllegalStateRuntimeException.class, () -> consumer.setMessageListener(m -> { }));
            assertThrows(IllegalStateRuntimeException.class, consumer::getMessageListener);
            assertThrows(IllegalStateRuntimeException.class, () -> ctx.createProducer().setAsync(IGNORED));
            ctx.createProducer().setAsync(null).send(ctx.createQueue("q-ctx-rules"), "sync");
            assertEquals("sync", consumer.receiveBody(String.class, 5_000));
        }
        try (JMSContext own = plain.createContext()) {
            // the provider's own (Java SE) context keeps listeners: the refusal is the container's
            own.createConsumer(own.createQueue("q-ctx-rules")).setMessageListener(m -> { });
        }
    }

    @Test
    @DisplayName("In a JTA branch: Session.recover throws IllegalStateException (recover javadoc: transacted session),"
            + " Message.acknowledge is ignored (acknowledge javadoc), so a rollback redelivers (sec. 12.3)")
    void recoverAndAcknowledgeInTransaction() throws Exception {
        try (JMSContext ctx = plain.createContext()) {
            ctx.createProducer().send(ctx.createQueue("q-xa-ack"), "once");
        }
        ManagedConnection mc = mcf.createManagedConnection(null, null);
        XAResource xa = mc.getXAResource();
        Xid xid = TestContainer.newXid();
        xa.start(xid, XAResource.TMNOFLAGS);
        Connection c = (Connection) mc.getConnection(null, null);
        c.start();
        Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Message m = s.createConsumer(new JournalQueue("q-xa-ack")).receive(5_000);
        assertNotNull(m);
        m.acknowledge();
        assertThrows(IllegalStateException.class, s::recover);
        c.close();
        xa.end(xid, XAResource.TMSUCCESS);
        xa.rollback(xid);
        mc.cleanup();
        try (JMSContext ctx = plain.createContext()) {
            Message again = ctx.createConsumer(ctx.createQueue("q-xa-ack")).receive(5_000);
            assertNotNull(again, "acknowledge inside the transaction did not consume the message");
            assertTrue(again.getJMSRedelivered());
            assertEquals(2, again.getIntProperty("JMSXDeliveryCount"));
        }
        mc.destroy();
    }

    @Test
    @DisplayName("MDB connectionFactoryLookup (EJB 3.2 sec. 5.4.17.1): a factory of this adapter delivers; a name of"
            + " another factory fails the activation, which retries instead of delivering")
    void connectionFactoryLookup() throws Exception {
        TestNaming.install();
        TestNaming.bind("java:global/rules-test/cf", mcf.createConnectionFactory());
        TestNaming.bind("java:global/rules-test/other", plain);
        try {
            Set<String> got = ConcurrentHashMap.newKeySet();
            MessageEndpointFactory good = container.endpoints(true, m -> got.add(((TextMessage) m).getText()) && false);
            JournalActivationSpec spec = new JournalActivationSpec();
            spec.setDestination("q-cf-lookup");
            spec.setConnectionFactoryLookup("java:global/rules-test/cf");
            ra.endpointActivation(good, spec);
            MessageEndpointFactory wrong = container.endpoints(true, m -> got.add("wrong:" + ((TextMessage) m).getText()) && false);
            JournalActivationSpec wrongSpec = new JournalActivationSpec();
            wrongSpec.setDestination("q-cf-lookup");
            wrongSpec.setConnectionFactoryLookup("java:global/rules-test/other");
            ra.endpointActivation(wrong, wrongSpec);
            Activation refused = ra.activation(wrong, wrongSpec);
            try (JMSContext ctx = plain.createContext()) {
                ctx.createProducer().send(ctx.createQueue("q-cf-lookup"), "via-lookup");
            }
            assertTrue(await(() -> got.contains("via-lookup") && refused.failedAttempts() >= 1),
                    "got " + got + ", failed attempts of the wrong one " + refused.failedAttempts());
            assertEquals(Set.of("via-lookup"), got, "the activation with another adapter's factory never delivered");
            ra.endpointDeactivation(good, spec);
            ra.endpointDeactivation(wrong, wrongSpec);
        } finally {
            TestNaming.unbind("java:global/rules-test/cf");
            TestNaming.unbind("java:global/rules-test/other");
        }
    }

    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }
}
