package org.journalmq.jms.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ObjectMessage, Jakarta Messaging 3.1 section 3.11.5 and the {@code ObjectMessage} javadoc: the
 * object is serialized (copied) when set, each read returns a new copy, and the body is read-only
 * after delivery.
 */
class ObjectMessageTest {

    @Test
    void laterChangesToTheObjectDoNotReachTheMessage() throws JMSException {
        ArrayList<String> list = new ArrayList<>(List.of("a"));
        JournalObjectMessage m = new JournalObjectMessage();
        m.setObject(list);
        list.add("b");
        assertEquals(List.of("a"), m.getObject());
    }

    @Test
    void eachGetReturnsAFreshCopy() throws JMSException {
        JournalObjectMessage m = new JournalObjectMessage();
        m.setObject(new ArrayList<>(List.of(1)));
        @SuppressWarnings("unchecked")
        List<Integer> first = (List<Integer>) m.getObject();
        first.add(2);
        assertEquals(List.of(1), m.getObject());
        assertNotSame(m.getObject(), m.getObject());
    }

    @Test
    void nullObject() throws JMSException {
        JournalObjectMessage m = new JournalObjectMessage();
        assertNull(m.getObject());
        m.setObject("x");
        m.setObject(null);
        assertNull(m.getObject());
    }

    static final class NotSerializableInside implements Serializable {
        private static final long serialVersionUID = 1L;
        @SuppressWarnings("unused")
        private final Object inside = new Object();
    }

    @Test
    void unserializableObjectIsAFormatErrorAtSet() throws JMSException {
        JournalObjectMessage m = new JournalObjectMessage();
        m.setObject("kept");
        assertThrows(MessageFormatException.class, () -> m.setObject(new NotSerializableInside()));
        assertEquals("kept", m.getObject());
    }

    @Test
    void undeserializableBodyIsAFormatErrorAtGet() throws JMSException {
        JournalObjectMessage m = new JournalObjectMessage();
        m.setSerializedBody(new byte[] {1, 2, 3});
        assertThrows(MessageFormatException.class, m::getObject);
    }

    @Test
    void receivedBodyIsReadOnlyUntilClearBody() throws JMSException {
        JournalObjectMessage m = new JournalObjectMessage();
        m.setObject(42);
        m.markDelivered(1);
        assertThrows(MessageNotWriteableException.class, () -> m.setObject(43));
        assertEquals(42, m.getObject());
        m.clearBody();
        assertNull(m.getObject());
        m.setObject(44);
        assertEquals(44, m.getObject());
    }
}
