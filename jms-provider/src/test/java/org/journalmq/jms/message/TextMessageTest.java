package org.journalmq.jms.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.jms.JMSException;
import jakarta.jms.MessageNotWriteableException;
import org.junit.jupiter.api.Test;

/**
 * TextMessage, Jakarta Messaging 3.1 section 3.11.2 and the read-only rules of section 3.9:
 * the body is writable until delivery, read-only afterwards until clearBody.
 */
class TextMessageTest {

    @Test
    void textIsSetAndRead() throws JMSException {
        JournalTextMessage m = new JournalTextMessage();
        assertNull(m.getText());
        m.setText("hello");
        assertEquals("hello", m.getText());
        m.setText(null);
        assertNull(m.getText());
    }

    @Test
    void largeAndUnicodeTextIsKeptExactly() throws JMSException {
        String big = "€𝄞\u0000\uD800x".repeat(50_000);
        JournalTextMessage m = new JournalTextMessage();
        m.setText(big);
        assertEquals(big, m.getText());
    }

    @Test
    void receivedBodyIsReadOnlyButReadable() throws JMSException {
        JournalTextMessage m = new JournalTextMessage("body");
        m.markDelivered(1);
        assertThrows(MessageNotWriteableException.class, () -> m.setText("other"));
        assertEquals("body", m.getText());
    }

    @Test
    void clearBodyEmptiesAndMakesWritable() throws JMSException {
        JournalTextMessage m = new JournalTextMessage("body");
        m.setStringProperty("p", "v");
        m.markDelivered(1);
        m.clearBody();
        assertNull(m.getText());
        m.setText("new");
        assertEquals("new", m.getText());
        assertEquals("v", m.getStringProperty("p"));
    }

    @Test
    void clearBodyOnAWritableMessageEmptiesIt() throws JMSException {
        JournalTextMessage m = new JournalTextMessage("body");
        m.clearBody();
        assertNull(m.getText());
    }
}
