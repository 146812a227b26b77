package org.journalmq.tck;

import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simplified API (spec 2.8, chapter 7 and 8 through JMSContext, JMSProducer, JMSConsumer javadoc). */
public abstract class AbstractSimplifiedApiTest extends ConformanceBase {

    /** ConnectionFactory.createContext(int) javadoc: every session mode; an invalid one → JMSRuntimeException. */
    @Test
    void everySessionMode() {
        for (int mode : new int[] {JMSContext.AUTO_ACKNOWLEDGE, JMSContext.CLIENT_ACKNOWLEDGE,
                JMSContext.DUPS_OK_ACKNOWLEDGE, JMSContext.SESSION_TRANSACTED}) {
            JMSContext ctx = context(mode);
            assertEquals(mode, ctx.getSessionMode());
            assertEquals(mode == JMSContext.SESSION_TRANSACTED, ctx.getTransacted());
            Queue q = queue(ctx);
            ctx.createProducer().send(q, "m" + mode);
            if (mode == JMSContext.SESSION_TRANSACTED) {
                ctx.commit();
            }
            assertEquals("m" + mode, ctx.createConsumer(q).receiveBody(String.class, WAIT));
            if (mode == JMSContext.SESSION_TRANSACTED) {
                ctx.commit();
            }
            ctx.acknowledge();
        }
        assertThrows(JMSRuntimeException.class, () -> connectionFactory().createContext(42));
    }

    /** JMSContext.createContext(int) javadoc: a new context on the same connection; the connection closes with the last. */
    @Test
    void createContextSharesTheConnection() {
        JMSContext first = connectionFactory().createContext();
        first.setClientID("shared-" + System.nanoTime());
        JMSContext second = first.createContext(JMSContext.CLIENT_ACKNOWLEDGE);
        assertEquals(first.getClientID(), second.getClientID());
        assertEquals(JMSContext.CLIENT_ACKNOWLEDGE, second.getSessionMode());
        assertThrows(JMSRuntimeException.class, () -> first.createContext(-7));
        Queue q = queue(first);
        first.createProducer().send(q, "one");
        first.close();
        JMSConsumer c = second.createConsumer(q); // the connection is still open
        Message m = c.receive(WAIT);
        assertNotNull(m);
        second.acknowledge();
        second.close();
        assertThrows(IllegalStateRuntimeException.class, second::getClientID);
    }

    /** JMSContext.setAutoStart javadoc: with autoStart false, creating a consumer does not start the connection. */
    @Test
    void autoStart() {
        JMSContext ctx = context();
        assertTrue(ctx.getAutoStart());
        ctx.setAutoStart(false);
        assertFalse(ctx.getAutoStart());
        Queue q = queue(ctx);
        ctx.createProducer().send(q, "later");
        JMSConsumer c = ctx.createConsumer(q);
        assertNull(c.receive(ABSENT));
        ctx.start();
        assertEquals("later", c.receiveBody(String.class, WAIT));
        // JMSContext.createContext javadoc: the new context's consumers start the connection by default
        ctx.stop();
        JMSContext sibling = ctx.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        assertTrue(sibling.getAutoStart());
        ctx.createProducer().send(q, "again");
        assertEquals("again", sibling.createConsumer(q).receiveBody(String.class, WAIT));
        sibling.close();
    }

    /** JMSContext.setClientID javadoc: IllegalStateRuntimeException once the context was used. */
    @Test
    void clientIdAfterUse() {
        JMSContext ctx = context();
        ctx.createConsumer(queue(ctx));
        assertThrows(IllegalStateRuntimeException.class, () -> ctx.setClientID("late"));
    }

    /** JMSContext.commit/rollback/recover javadoc: IllegalStateRuntimeException in the wrong mode. */
    @Test
    void wrongModeCalls() {
        JMSContext auto = context();
        assertThrows(IllegalStateRuntimeException.class, auto::commit);
        assertThrows(IllegalStateRuntimeException.class, auto::rollback);
        JMSContext tx = context(JMSContext.SESSION_TRANSACTED);
        assertThrows(IllegalStateRuntimeException.class, tx::recover);
    }

    /** JMSProducer javadoc: every send overload, fluent settings and message properties. */
    @Test
    void producerSendOverloadsAndProperties() throws Exception {
        JMSContext ctx = context();
        Queue q = queue(ctx);
        JMSProducer p = ctx.createProducer();
        assertSame(p, p.setProperty("b", true).setProperty("y", (byte) 1).setProperty("s", (short) 2)
                .setProperty("i", 3).setProperty("l", 4L).setProperty("f", 5.5f).setProperty("d", 6.5)
                .setProperty("str", "7").setProperty("o", 8));
        assertEquals(Set.of("b", "y", "s", "i", "l", "f", "d", "str", "o"), p.getPropertyNames());
        assertEquals(3L, p.getLongProperty("i"));
        assertEquals("true", p.getStringProperty("b"));
        assertEquals(7, p.getIntProperty("str"));
        assertTrue(p.propertyExists("o"));
        assertThrows(MessageFormatRuntimeException.class, () -> p.getBooleanProperty("i"));
        assertSame(p, p.setPriority(8).setDeliveryMode(DeliveryMode.NON_PERSISTENT).setTimeToLive(60_000)
                .setJMSType("t").setJMSCorrelationID("c").setJMSReplyTo(q).setDisableMessageTimestamp(true));
        p.send(q, "text");
        p.send(q, Map.of("k", 1));
        p.send(q, new byte[] {1, 2});
        p.send(q, (Serializable) List.of("x"));
        p.send(q, ctx.createMessage());
        p.send(q, (String) null);
        JMSConsumer c = ctx.createConsumer(q);
        List<Message> got = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Message m = c.receive(WAIT);
            assertNotNull(m, "message " + i);
            got.add(m);
        }
        for (Message m : got) {
            assertEquals(8, m.getJMSPriority());
            assertEquals(DeliveryMode.NON_PERSISTENT, m.getJMSDeliveryMode());
            assertEquals("t", m.getJMSType());
            assertEquals("c", m.getJMSCorrelationID());
            assertEquals(q, m.getJMSReplyTo());
            assertEquals(0, m.getJMSTimestamp());
            assertTrue(m.getJMSExpiration() > 0);
            assertEquals(3, m.getIntProperty("i"));
            assertEquals(5.5f, m.getFloatProperty("f"));
        }
        assertEquals("text", ((TextMessage) got.get(0)).getText());
        assertEquals(1, ((MapMessage) got.get(1)).getInt("k"));
        assertArrayEquals(new byte[] {1, 2}, got.get(2).getBody(byte[].class));
        assertEquals(List.of("x"), got.get(3).getBody(Serializable.class));
        assertNull(((TextMessage) got.get(5)).getText());
        Set<String> view = p.getPropertyNames();
        // JMSProducer.getPropertyNames javadoc: an unmodifiable view backed by the producer
        assertThrows(UnsupportedOperationException.class, () -> view.add("x"));
        assertThrows(UnsupportedOperationException.class, () -> view.remove("i"));
        assertThrows(UnsupportedOperationException.class, view::clear);
        p.clearProperties();
        assertTrue(view.isEmpty());
        p.setProperty("late", 1);
        assertEquals(Set.of("late"), view);
        p.clearProperties();
        assertTrue(p.getPropertyNames().isEmpty());
        p.setJMSCorrelationIDAsBytes(new byte[] {9});
        assertArrayEquals(new byte[] {9}, p.getJMSCorrelationIDAsBytes());
    }

    /** JMSProducer javadoc: illegal arguments. */
    @Test
    void producerBadInput() {
        JMSContext ctx = context();
        JMSProducer p = ctx.createProducer();
        Queue q = queue(ctx);
        assertThrows(JMSRuntimeException.class, () -> p.setPriority(-1));
        assertThrows(JMSRuntimeException.class, () -> p.setPriority(10));
        assertThrows(JMSRuntimeException.class, () -> p.setDeliveryMode(0));
        assertThrows(JMSRuntimeException.class, () -> p.setTimeToLive(-1));
        assertThrows(JMSRuntimeException.class, () -> p.setDeliveryDelay(-1));
        assertThrows(IllegalArgumentException.class, () -> p.setProperty(null, 1));
        assertThrows(IllegalArgumentException.class, () -> p.setProperty("", "x"));
        assertThrows(MessageFormatRuntimeException.class, () -> p.setProperty("list", new ArrayList<>()));
        assertThrows(InvalidDestinationRuntimeException.class, () -> p.send(null, "x"));
        assertThrows(InvalidDestinationRuntimeException.class, () -> p.send(null, ctx.createMessage()));
        assertThrows(MessageFormatRuntimeException.class, () -> p.send(q, (Message) null));
        assertThrows(InvalidDestinationRuntimeException.class, () -> ctx.createConsumer(null));
        assertThrows(InvalidSelectorRuntimeException.class, () -> ctx.createConsumer(q, "a = = 1"));
        assertEquals(4, p.getPriority());
    }

    /** JMSConsumer.receiveBody javadoc: the body of each supported type. */
    @Test
    void receiveBodyOfEachType() {
        JMSContext ctx = context();
        Queue q = queue(ctx);
        JMSProducer p = ctx.createProducer();
        p.send(q, "s");
        p.send(q, new byte[] {3});
        p.send(q, Map.of("a", "b"));
        p.send(q, (Serializable) 12L);
        JMSConsumer c = ctx.createConsumer(q);
        assertEquals("s", c.receiveBody(String.class, WAIT));
        assertArrayEquals(new byte[] {3}, c.receiveBody(byte[].class, WAIT));
        assertEquals(Map.of("a", "b"), c.receiveBody(Map.class, WAIT));
        assertEquals(12L, c.receiveBody(Long.class, WAIT));
        assertNull(c.receiveBodyNoWait(String.class));
        assertNull(c.receiveBody(String.class, ABSENT));
    }

    /**
     * JMSConsumer.receiveBody javadoc, AUTO_ACKNOWLEDGE: a body that cannot be assigned gives
     * MessageFormatRuntimeException and the message comes again "as if the call had not occurred",
     * "not considered to be redelivery" (JMSRedelivered unset, JMSXDeliveryCount unchanged).
     */
    @Test
    void receiveBodyOfWrongTypeInAutoMode() throws Exception {
        JMSContext ctx = context();
        Queue q = queue(ctx);
        ctx.createProducer().send(q, "not a number");
        JMSConsumer c = ctx.createConsumer(q);
        assertThrows(MessageFormatRuntimeException.class, () -> c.receiveBody(Integer.class, WAIT));
        Message again = c.receive(WAIT);
        assertNotNull(again);
        assertFalse(again.getJMSRedelivered());
        assertEquals(1, again.getIntProperty("JMSXDeliveryCount"));
    }

    /** JMSConsumer.receiveBody javadoc: "cannot be used to receive Message or StreamMessage objects". */
    @Test
    void receiveBodyRefusesMessageAndStreamMessage() {
        JMSContext ctx = context();
        Queue q = queue(ctx);
        StreamMessage stream = ctx.createStreamMessage();
        ctx.createProducer().send(q, ctx.createMessage()).send(q, stream);
        JMSConsumer c = ctx.createConsumer(q);
        assertThrows(MessageFormatRuntimeException.class, () -> c.receiveBody(Object.class, WAIT));
        assertTrue(c.receive(WAIT) instanceof Message); // AUTO: delivered again
        assertThrows(MessageFormatRuntimeException.class, () -> c.receiveBody(Object.class, WAIT));
        assertTrue(c.receive(WAIT) instanceof StreamMessage);
    }

    /** JMSConsumer.receiveBody javadoc, CLIENT_ACKNOWLEDGE: the failed message counts as delivered; recover redelivers it. */
    @Test
    void receiveBodyOfWrongTypeInClientMode() throws Exception {
        JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE);
        Queue q = queue(ctx);
        ctx.createProducer().send(q, new byte[] {1});
        JMSConsumer c = ctx.createConsumer(q);
        assertThrows(MessageFormatRuntimeException.class, () -> c.receiveBody(String.class, WAIT));
        assertNull(c.receive(ABSENT));
        ctx.recover();
        BytesMessage again = (BytesMessage) c.receive(WAIT);
        assertNotNull(again);
        assertTrue(again.getJMSRedelivered());
        ctx.acknowledge();
    }

    /** JMSContext.acknowledge javadoc: acknowledges all messages consumed by the session (CLIENT_ACKNOWLEDGE). */
    @Test
    void contextAcknowledge() {
        JMSContext ctx = context(JMSContext.CLIENT_ACKNOWLEDGE);
        Queue q = queue(ctx);
        ctx.createProducer().send(q, "a").send(q, "b");
        JMSConsumer c = ctx.createConsumer(q);
        assertNotNull(c.receive(WAIT));
        assertNotNull(c.receive(WAIT));
        ctx.acknowledge();
        ctx.recover();
        assertNull(c.receive(ABSENT));
    }

    /** JMSContext transacted: commit/rollback of sends and receives (spec 6.2.7 through the simplified API). */
    @Test
    void contextTransactions() {
        JMSContext tx = context(JMSContext.SESSION_TRANSACTED);
        Queue q = queue(tx);
        tx.createProducer().send(q, "x");
        tx.rollback();
        JMSConsumer c = tx.createConsumer(q);
        assertNull(c.receive(ABSENT));
        tx.createProducer().send(q, "y");
        tx.commit();
        assertEquals("y", c.receiveBody(String.class, WAIT));
        tx.rollback();
        Message again = c.receive(WAIT);
        assertNotNull(again);
        tx.commit();
    }

    /**
     * JMSContext.createQueue/createTopic javadoc (JMSRuntimeException when the destination cannot be
     * created: null or empty names), JMSProducer.setDeliveryMode (only PERSISTENT and NON_PERSISTENT)
     * and JMSProducer.send (InvalidDestinationRuntimeException "if a client uses this method with an
     * invalid destination", e.g. one of no known kind).
     */
    @Test
    void contextAndProducerBadInput() {
        JMSContext ctx = context();
        assertThrows(JMSRuntimeException.class, () -> ctx.createQueue(null));
        assertThrows(JMSRuntimeException.class, () -> ctx.createQueue(""));
        assertThrows(JMSRuntimeException.class, () -> ctx.createTopic(null));
        assertThrows(JMSRuntimeException.class, () -> ctx.createTopic(""));
        JMSProducer p = ctx.createProducer();
        assertThrows(JMSRuntimeException.class, () -> p.setDeliveryMode(3));
        assertThrows(JMSRuntimeException.class, () -> p.setDeliveryMode(-1));
        assertEquals(DeliveryMode.PERSISTENT, p.getDeliveryMode(), "a refused value changes nothing");
        jakarta.jms.Destination unknownKind = new jakarta.jms.Destination() { };
        assertThrows(InvalidDestinationRuntimeException.class, () -> p.send(unknownKind, "x"));
        assertThrows(InvalidDestinationRuntimeException.class, () -> ctx.createConsumer(unknownKind));
        assertThrows(IllegalArgumentException.class, () -> p.setProperty(null, "x"));
        assertThrows(MessageFormatRuntimeException.class, () -> p.setProperty("o", new Object()));
    }

    /**
     * JMSContext.setClientID javadoc: InvalidClientIDRuntimeException "if the Jakarta Messaging client
     * specifies an invalid or duplicate client ID" (null, empty); ConnectionFactory.createContext(user,
     * password, sessionMode) javadoc: JMSRuntimeException for an invalid session mode.
     */
    @Test
    void contextClientIdAndModeBadInput() {
        JMSContext ctx = context();
        assertThrows(jakarta.jms.InvalidClientIDRuntimeException.class, () -> ctx.setClientID(null));
        assertThrows(jakarta.jms.InvalidClientIDRuntimeException.class, () -> ctx.setClientID(""));
        assertThrows(JMSRuntimeException.class, () -> connectionFactory().createContext(null, null, 99));
        assertThrows(JMSRuntimeException.class, () -> ctx.createContext(99));
    }
}
