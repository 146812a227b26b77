package org.journalmq.jms.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code Message.getBody(Class)} and {@code Message.isBodyAssignableTo(Class)} (JMS 2.0, Jakarta
 * Messaging 3.1 section 3.11.7 / Message javadoc) for every message type, with and without a body.
 */
class MessageBodyTest {

    private static final Class<?>[] ANY = {String.class, byte[].class, Map.class, Object.class,
            Serializable.class, Integer.class, List.class, int.class};

    @Test
    void plainMessageHasNoBodyForAnyType() throws JMSException {
        JournalPlainMessage m = new JournalPlainMessage();
        for (Class<?> c : ANY) {
            assertTrue(m.isBodyAssignableTo(c), c.getName());
            assertNull(m.getBody(c), c.getName());
        }
    }

    @Test
    void emptyBodiesAreAssignableToAnyTypeAndReturnNull() throws JMSException {
        JournalMessage[] empty = {new JournalTextMessage(), new JournalObjectMessage(),
                new JournalMapMessage(), new JournalBytesMessage()};
        for (JournalMessage m : empty) {
            for (Class<?> c : ANY) {
                assertTrue(m.isBodyAssignableTo(c), m + " " + c.getName());
                assertNull(m.getBody(c), m + " " + c.getName());
            }
        }
    }

    @Test
    void textBody() throws JMSException {
        JournalTextMessage m = new JournalTextMessage("hi");
        for (Class<?> c : new Class<?>[] {String.class, Object.class, CharSequence.class,
                Serializable.class, Comparable.class}) {
            assertTrue(m.isBodyAssignableTo(c), c.getName());
            assertEquals("hi", m.getBody(c));
        }
        for (Class<?> c : new Class<?>[] {byte[].class, Map.class, Integer.class, StringBuilder.class}) {
            assertFalse(m.isBodyAssignableTo(c), c.getName());
            assertThrows(MessageFormatException.class, () -> m.getBody(c), c.getName());
        }
    }

    @Test
    void bytesBody() throws JMSException {
        JournalBytesMessage m = new JournalBytesMessage();
        m.writeBytes(new byte[] {1, 2});
        assertTrue(m.isBodyAssignableTo(byte[].class));
        assertTrue(m.isBodyAssignableTo(Object.class));
        assertFalse(m.isBodyAssignableTo(String.class));
        assertFalse(m.isBodyAssignableTo(Byte[].class));
        // isBodyAssignableTo changes nothing: still in write mode
        m.writeByte((byte) 3);
        byte[] body = m.getBody(byte[].class);
        assertArrayEquals(new byte[] {1, 2, 3}, body);
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) m.getBody(Object.class));
        assertThrows(MessageFormatException.class, () -> m.getBody(String.class));
        // "reset before and after use": now in read mode at the start, and the array was a copy
        body[0] = 9;
        assertEquals(1, m.readByte());
    }

    @Test
    void bytesGetBodyOnAPartlyReadMessageReturnsTheWholeBodyAndRewinds() throws JMSException {
        JournalBytesMessage m = new JournalBytesMessage();
        m.writeInt(10);
        m.writeInt(20);
        m.markDelivered(1);
        assertEquals(10, m.readInt());
        assertEquals(8, m.getBody(byte[].class).length);
        assertEquals(10, m.readInt());
    }

    @Test
    void mapBody() throws JMSException {
        JournalMapMessage m = new JournalMapMessage();
        m.setInt("i", 1);
        m.setBytes("b", new byte[] {5});
        assertTrue(m.isBodyAssignableTo(Map.class));
        assertTrue(m.isBodyAssignableTo(Object.class));
        assertFalse(m.isBodyAssignableTo(HashMap.class));
        assertFalse(m.isBodyAssignableTo(String.class));
        @SuppressWarnings("unchecked")
        Map<String, Object> body = m.getBody(Map.class);
        assertEquals(1, body.get("i"));
        assertArrayEquals(new byte[] {5}, (byte[]) body.get("b"));
        // the returned map is the caller's: changing it leaves the message alone
        body.put("x", 2);
        ((byte[]) body.get("b"))[0] = 7;
        assertFalse(m.itemExists("x"));
        assertArrayEquals(new byte[] {5}, m.getBytes("b"));
        assertThrows(MessageFormatException.class, () -> m.getBody(String.class));
        assertThrows(MessageFormatException.class, () -> m.getBody(HashMap.class));
    }

    @Test
    void objectBody() throws JMSException {
        JournalObjectMessage m = new JournalObjectMessage();
        m.setObject(new ArrayList<>(List.of("x")));
        for (Class<?> c : new Class<?>[] {Serializable.class, Object.class, List.class, ArrayList.class}) {
            assertTrue(m.isBodyAssignableTo(c), c.getName());
            assertEquals(List.of("x"), m.getBody(c));
        }
        for (Class<?> c : new Class<?>[] {String.class, Map.class, byte[].class}) {
            assertFalse(m.isBodyAssignableTo(c), c.getName());
            assertThrows(MessageFormatException.class, () -> m.getBody(c), c.getName());
        }
        Object first = m.getBody(Object.class);
        assertTrue(first != m.getBody(Object.class), "each getBody returns a new copy");
    }

    @Test
    void objectBodyThatCannotBeDeserialized() throws JMSException {
        JournalObjectMessage m = new JournalObjectMessage();
        m.setSerializedBody(new byte[] {0, 1, 2});
        assertFalse(m.isBodyAssignableTo(Object.class));
        assertThrows(MessageFormatException.class, () -> m.getBody(Object.class));
    }

    @Test
    void streamMessageNeverHasAnAssignableBody() throws JMSException {
        JournalStreamMessage empty = new JournalStreamMessage();
        JournalStreamMessage full = new JournalStreamMessage();
        full.writeInt(1);
        for (JournalStreamMessage m : new JournalStreamMessage[] {empty, full}) {
            for (Class<?> c : ANY) {
                assertFalse(m.isBodyAssignableTo(c), c.getName());
                assertThrows(MessageFormatException.class, () -> m.getBody(c), c.getName());
            }
        }
    }

    @Test
    void getBodyWorksOnReceivedMessages() throws JMSException {
        JournalTextMessage t = new JournalTextMessage("r");
        t.markDelivered(1);
        assertSame(t.getText(), t.getBody(String.class));
        JournalMapMessage m = new JournalMapMessage();
        m.setString("k", "v");
        m.markDelivered(1);
        assertEquals(Map.of("k", "v"), m.getBody(Map.class));
    }
}
