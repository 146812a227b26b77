package org.journalmq.jms.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageNotWriteableException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The provider-facing methods: {@code markDelivered} (section 3.4.7 JMSRedelivered, 3.5.9
 * JMSXDeliveryCount, 3.9 read-only on receipt), {@code markSent} and {@code acknowledge} through
 * an {@link Acknowledger} (section 6.2.10 / Message.acknowledge javadoc).
 */
class ProviderHooksTest {

    @Test
    void firstDeliveryIsNotRedelivered() throws JMSException {
        JournalTextMessage m = new JournalTextMessage("x");
        m.markDelivered(1);
        assertFalse(m.getJMSRedelivered());
        assertEquals(1, m.getIntProperty("JMSXDeliveryCount"));
        assertTrue(m.isBodyReadOnly());
        assertTrue(m.isPropertiesReadOnly());
    }

    @Test
    void laterDeliveriesAreRedelivered() throws JMSException {
        JournalTextMessage m = new JournalTextMessage("x");
        m.markDelivered(5);
        assertTrue(m.getJMSRedelivered());
        assertEquals(5, m.getIntProperty("JMSXDeliveryCount"));
    }

    @Test
    void markDeliveredOverridesAStaleRedeliveredFlag() throws JMSException {
        JournalTextMessage m = new JournalTextMessage("x");
        m.setJMSRedelivered(true);
        m.markDelivered(1);
        assertFalse(m.getJMSRedelivered());
    }

    @Test
    void markDeliveredFreezesEveryBodyType() throws JMSException {
        JournalTextMessage t = new JournalTextMessage("x");
        JournalMapMessage map = new JournalMapMessage();
        JournalObjectMessage o = new JournalObjectMessage();
        JournalBytesMessage b = new JournalBytesMessage();
        JournalStreamMessage s = new JournalStreamMessage();
        b.writeInt(7);
        s.writeInt(8);
        for (JournalMessage m : new JournalMessage[] {t, map, o, b, s}) {
            m.markDelivered(1);
        }
        assertThrows(MessageNotWriteableException.class, () -> t.setText("y"));
        assertThrows(MessageNotWriteableException.class, () -> map.setInt("i", 1));
        assertThrows(MessageNotWriteableException.class, () -> o.setObject("y"));
        assertThrows(MessageNotWriteableException.class, () -> b.writeInt(1));
        assertThrows(MessageNotWriteableException.class, () -> s.writeInt(1));
        // Bytes and Stream bodies are readable at their start without the client calling reset
        assertEquals(7, b.readInt());
        assertEquals(8, s.readInt());
    }

    @Test
    void markSentLeavesTheSenderFreeToChangeAndResend() throws JMSException {
        JournalBytesMessage b = new JournalBytesMessage();
        b.writeInt(1);
        b.setIntProperty("p", 1);
        b.markSent();
        b.writeInt(2);
        b.setIntProperty("p", 2);
        b.reset();
        assertEquals(8, b.getBodyLength());
        assertEquals(2, b.getIntProperty("p"));
    }

    @Test
    void acknowledgeWithoutAcknowledgerDoesNothing() throws JMSException {
        new JournalTextMessage("x").acknowledge();
    }

    @Test
    void acknowledgeCallsTheAcknowledgerEachTime() throws JMSException {
        AtomicInteger calls = new AtomicInteger();
        JournalTextMessage m = new JournalTextMessage("x");
        m.setAcknowledger(calls::incrementAndGet);
        m.acknowledge();
        m.acknowledge();
        assertEquals(2, calls.get());
        m.setAcknowledger(null);
        m.acknowledge();
        assertEquals(2, calls.get());
    }

    @Test
    void acknowledgerExceptionsReachTheCaller() {
        JournalTextMessage m = new JournalTextMessage("x");
        IllegalStateException closed = new IllegalStateException("session closed");
        m.setAcknowledger(() -> {
            throw closed;
        });
        assertSame(closed, assertThrows(IllegalStateException.class, m::acknowledge));
    }
}
