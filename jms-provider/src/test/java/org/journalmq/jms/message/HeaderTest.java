package org.journalmq.jms.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import java.nio.charset.StandardCharsets;
import org.journalmq.jms.JournalDestination;
import org.journalmq.jms.JournalQueue;
import org.journalmq.jms.JournalTopic;
import org.junit.jupiter.api.Test;

/**
 * Message header fields, Jakarta Messaging 3.1 section 3.4 and the {@code Message} javadoc:
 * every header can be set and read, and headers are never read-only (3.4.11 / 3.9).
 */
class HeaderTest {

    @Test
    void freshMessageHasSpecDefaults() {
        JournalTextMessage m = new JournalTextMessage();
        assertNull(m.getJMSMessageID());
        assertEquals(0, m.getJMSTimestamp());
        assertNull(m.getJMSCorrelationID());
        assertNull(m.getJMSCorrelationIDAsBytes());
        assertNull(m.getJMSReplyTo());
        assertNull(m.getJMSDestination());
        assertEquals(DeliveryMode.PERSISTENT, m.getJMSDeliveryMode());
        assertFalse(m.getJMSRedelivered());
        assertNull(m.getJMSType());
        assertEquals(0, m.getJMSExpiration());
        assertEquals(0, m.getJMSDeliveryTime());
        assertEquals(Message.DEFAULT_PRIORITY, m.getJMSPriority());
    }

    @Test
    void everyHeaderRoundTrips() throws JMSException {
        JournalMessage m = new JournalPlainMessage();
        JournalQueue dest = new JournalQueue("orders");
        JournalTopic reply = new JournalTopic("replies");
        m.setJMSMessageID("ID:42");
        m.setJMSTimestamp(1234L);
        m.setJMSCorrelationID("corr");
        m.setJMSReplyTo(reply);
        m.setJMSDestination(dest);
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        m.setJMSRedelivered(true);
        m.setJMSType("car");
        m.setJMSExpiration(99L);
        m.setJMSDeliveryTime(77L);
        m.setJMSPriority(9);
        assertEquals("ID:42", m.getJMSMessageID());
        assertEquals(1234L, m.getJMSTimestamp());
        assertEquals("corr", m.getJMSCorrelationID());
        assertSame(reply, m.getJMSReplyTo());
        assertSame(dest, m.getJMSDestination());
        assertEquals(DeliveryMode.NON_PERSISTENT, m.getJMSDeliveryMode());
        assertTrue(m.getJMSRedelivered());
        assertEquals("car", m.getJMSType());
        assertEquals(99L, m.getJMSExpiration());
        assertEquals(77L, m.getJMSDeliveryTime());
        assertEquals(9, m.getJMSPriority());
        m.setJMSReplyTo(null);
        m.setJMSDestination(null);
        assertNull(m.getJMSReplyTo());
        assertNull(m.getJMSDestination());
    }

    @Test
    void headersStayWritableOnReceivedMessages() throws JMSException {
        JournalTextMessage m = new JournalTextMessage("x");
        m.markDelivered(1);
        m.setJMSType("t");
        m.setJMSCorrelationID("c");
        m.setJMSReplyTo(new JournalQueue("q"));
        m.setJMSPriority(1);
        m.setJMSRedelivered(false);
        assertEquals("t", m.getJMSType());
        assertEquals("c", m.getJMSCorrelationID());
        assertEquals(new JournalQueue("q"), m.getJMSReplyTo());
        assertEquals(1, m.getJMSPriority());
    }

    @Test
    void correlationIdAsBytesIsCopiedInAndOut() {
        JournalPlainMessage m = new JournalPlainMessage();
        byte[] id = {1, 2, (byte) 0xFF};
        m.setJMSCorrelationIDAsBytes(id);
        id[0] = 9;
        byte[] read = m.getJMSCorrelationIDAsBytes();
        assertArrayEquals(new byte[] {1, 2, (byte) 0xFF}, read);
        read[1] = 9;
        assertArrayEquals(new byte[] {1, 2, (byte) 0xFF}, m.getJMSCorrelationIDAsBytes());
    }

    @Test
    void correlationIdStringAndBytesViews() {
        JournalPlainMessage m = new JournalPlainMessage();
        m.setJMSCorrelationID("ID:é");
        assertArrayEquals("ID:é".getBytes(StandardCharsets.UTF_8), m.getJMSCorrelationIDAsBytes());
        m.setJMSCorrelationIDAsBytes("abc".getBytes(StandardCharsets.UTF_8));
        assertEquals("abc", m.getJMSCorrelationID());
        m.setJMSCorrelationIDAsBytes(null);
        assertNull(m.getJMSCorrelationID());
    }

    @Test
    void foreignDestinationsAreConverted() throws JMSException {
        JournalPlainMessage m = new JournalPlainMessage();
        Queue foreignQueue = () -> "invoices";
        Topic foreignTopic = () -> "news";
        m.setJMSReplyTo(foreignQueue);
        m.setJMSDestination(foreignTopic);
        assertEquals(new JournalQueue("invoices"), m.getJMSReplyTo());
        assertEquals(new JournalTopic("news"), m.getJMSDestination());
        assertInstanceOf(JournalDestination.class, m.getJMSReplyTo());
    }

    @Test
    void destinationOfNoKnownKindIsRejected() {
        JournalPlainMessage m = new JournalPlainMessage();
        Destination odd = new Destination() { };
        assertThrows(InvalidDestinationException.class, () -> m.setJMSReplyTo(odd));
        assertThrows(InvalidDestinationException.class, () -> m.setJMSDestination(odd));
    }

    @Test
    void toStringNamesTheMessage() throws JMSException {
        JournalTextMessage m = new JournalTextMessage("x");
        m.setJMSMessageID("ID:7");
        assertTrue(m.toString().contains("ID:7"), m.toString());
    }
}
