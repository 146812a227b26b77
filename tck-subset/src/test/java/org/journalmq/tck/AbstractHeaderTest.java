package org.journalmq.tck;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Message headers (spec 3.4: 3.4.1 destination ... 3.4.13 delivery time) and foreign messages (3.12). */
public abstract class AbstractHeaderTest extends ConformanceBase {

    /** Spec 3.4.3: JMSMessageID is unique and starts with "ID:"; 3.4.4 JMSTimestamp; 3.4.1 JMSDestination. */
    @Test
    void sendSetsProviderHeaders() throws Exception {
        Session s = session();
        Queue q = queue(s);
        MessageProducer p = s.createProducer(q);
        TextMessage m = s.createTextMessage("h");
        long before = System.currentTimeMillis();
        p.send(m, DeliveryMode.NON_PERSISTENT, 7, 60_000);
        long after = System.currentTimeMillis();
        assertTrue(m.getJMSMessageID().startsWith("ID:"), m.getJMSMessageID());
        assertEquals(q, m.getJMSDestination());
        assertEquals(DeliveryMode.NON_PERSISTENT, m.getJMSDeliveryMode());
        assertEquals(7, m.getJMSPriority());
        assertTrue(m.getJMSTimestamp() >= before && m.getJMSTimestamp() <= after);
        assertEquals(m.getJMSTimestamp() + 60_000, m.getJMSExpiration());
        assertEquals(m.getJMSTimestamp(), m.getJMSDeliveryTime());
        p.send(s.createMessage());
        Message got = s.createConsumer(q).receive(WAIT);
        assertEquals(m.getJMSMessageID(), got.getJMSMessageID());
        assertEquals(q, got.getJMSDestination());
        assertEquals(7, got.getJMSPriority());
        assertEquals(m.getJMSExpiration(), got.getJMSExpiration());
        assertEquals(DeliveryMode.NON_PERSISTENT, got.getJMSDeliveryMode());
        assertFalse(got.getJMSRedelivered());
    }

    /** Spec 3.4.3 and 3.4.4: disabling the id and timestamp gives null and 0. */
    @Test
    void disabledIdAndTimestamp() throws Exception {
        Session s = session();
        Queue q = queue(s);
        MessageProducer p = s.createProducer(q);
        p.setDisableMessageID(true);
        p.setDisableMessageTimestamp(true);
        p.send(s.createMessage());
        Message got = s.createConsumer(q).receive(WAIT);
        assertNull(got.getJMSMessageID());
        assertEquals(0, got.getJMSTimestamp());
    }

    /** Spec 3.4.5 JMSCorrelationID, string and bytes; 3.4.6 JMSReplyTo; 3.4.10 JMSType. */
    @Test
    void applicationHeadersCrossTheJournal() throws Exception {
        Session s = session();
        Queue q = queue(s);
        Queue reply = s.createTemporaryQueue();
        Message m = s.createMessage();
        m.setJMSCorrelationID("corr-1");
        m.setJMSReplyTo(reply);
        m.setJMSType("order");
        Message got = roundTrip(s, m);
        assertEquals("corr-1", got.getJMSCorrelationID());
        assertEquals(reply, got.getJMSReplyTo());
        assertEquals("order", got.getJMSType());

        Message b = s.createMessage();
        byte[] id = {0, 1, (byte) 0xFF, 42};
        b.setJMSCorrelationIDAsBytes(id);
        assertArrayEquals(id, roundTrip(s, b).getJMSCorrelationIDAsBytes());

        Message str = s.createMessage();
        str.setJMSCorrelationID("abc");
        assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), roundTrip(s, str).getJMSCorrelationIDAsBytes());
        assertNull(roundTrip(s, s.createMessage()).getJMSCorrelationID());
    }

    /** Spec 3.4.7 JMSRedelivered and 3.5.11 JMSXDeliveryCount after recover. */
    @Test
    void redeliveredAfterRecover() throws Exception {
        Session s = started().createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = queue(s);
        s.createProducer(q).send(s.createTextMessage("r"));
        MessageConsumer c = s.createConsumer(q);
        Message first = c.receive(WAIT);
        assertFalse(first.getJMSRedelivered());
        assertEquals(1, first.getIntProperty("JMSXDeliveryCount"));
        s.recover();
        Message again = c.receive(WAIT);
        assertNotNull(again);
        assertTrue(again.getJMSRedelivered());
        assertEquals(2, again.getIntProperty("JMSXDeliveryCount"));
        again.acknowledge();
    }

    /** Spec 3.4.11: headers set by the application before send are overwritten by send. */
    @Test
    void sendOverridesApplicationSetProviderHeaders() throws Exception {
        Session s = session();
        Queue q = queue(s);
        Message m = s.createMessage();
        m.setJMSPriority(1);
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        m.setJMSMessageID("ID:mine");
        m.setJMSExpiration(5);
        s.createProducer(q).send(m);
        assertEquals(Message.DEFAULT_PRIORITY, m.getJMSPriority());
        assertEquals(DeliveryMode.PERSISTENT, m.getJMSDeliveryMode());
        assertNotEquals("ID:mine", m.getJMSMessageID());
        assertEquals(0, m.getJMSExpiration());
    }

    /** Spec 3.12: another provider's message can be sent; send sets its headers as for our own. */
    @Test
    void foreignMessageIsSentAndStamped() throws Exception {
        Session s = session();
        Queue q = queue(s);
        TextMessage foreign = ForeignMessages.text("from elsewhere");
        foreign.setStringProperty("origin", "other");
        foreign.setJMSCorrelationID("c9");
        s.createProducer(q).send(foreign, DeliveryMode.PERSISTENT, 6, 0);
        assertTrue(foreign.getJMSMessageID().startsWith("ID:"));
        assertEquals(q, foreign.getJMSDestination());
        assertEquals(6, foreign.getJMSPriority());
        assertEquals(DeliveryMode.PERSISTENT, foreign.getJMSDeliveryMode());
        TextMessage got = (TextMessage) s.createConsumer(q).receive(WAIT);
        assertFalse(ForeignMessages.isForeign(got));
        assertEquals("from elsewhere", got.getText());
        assertEquals("other", got.getStringProperty("origin"));
        assertEquals("c9", got.getJMSCorrelationID());
        assertEquals(foreign.getJMSMessageID(), got.getJMSMessageID());
    }

    /** Spec 3.12 through the simplified API (JMSProducer.send(Destination, Message)). */
    @Test
    void foreignMessageThroughJmsProducer() throws Exception {
        var ctx = context();
        Queue q = queue(ctx);
        TextMessage foreign = ForeignMessages.text("ctx");
        ctx.createProducer().setPriority(2).send(q, foreign);
        assertEquals(2, foreign.getJMSPriority());
        assertEquals(q, foreign.getJMSDestination());
        assertEquals("ctx", ctx.createConsumer(q).receiveBody(String.class, WAIT));
    }
}
