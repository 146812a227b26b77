package org.journalmq.tck;

import jakarta.jms.BytesMessage;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Message bodies (spec 3.11 message body, 3.11.2 read-only/write-only states, 3.11.3 conversions
 * of MapMessage and StreamMessage, 3.11.4 clearBody; Message.getBody / isBodyAssignableTo javadoc).
 */
public abstract class AbstractMessageBodyTest extends ConformanceBase {

    /** Spec 3.11.2: a received message's body is read-only until clearBody (3.11.4). */
    @Test
    void receivedTextBodyIsReadOnlyUntilClearBody() throws Exception {
        Session s = session();
        TextMessage got = roundTrip(s, s.createTextMessage("hello"));
        assertEquals("hello", got.getText());
        assertThrows(MessageNotWriteableException.class, () -> got.setText("x"));
        got.clearBody();
        assertNull(got.getText());
        got.setText("again");
        assertEquals("again", got.getText());
    }

    /** Spec 3.11.2: a new BytesMessage is write-only; reset() makes it read-only (BytesMessage javadoc). */
    @Test
    void bytesMessageWriteOnlyThenReadOnly() throws Exception {
        Session s = session();
        BytesMessage m = s.createBytesMessage();
        m.writeInt(7);
        m.writeUTF("u");
        assertThrows(MessageNotReadableException.class, m::readInt);
        assertThrows(MessageNotReadableException.class, m::getBodyLength);
        m.reset();
        assertEquals(7, m.readInt());
        assertEquals("u", m.readUTF());
        assertThrows(MessageEOFException.class, m::readByte);
        assertThrows(MessageNotWriteableException.class, () -> m.writeInt(1));
        BytesMessage got = roundTrip(s, m);
        assertEquals(7, got.readInt());
        assertThrows(MessageNotWriteableException.class, () -> got.writeInt(1));
        got.clearBody();
        got.writeByte((byte) 1); // write-only again after clearBody
        assertThrows(MessageNotReadableException.class, got::readByte);
    }

    /** BytesMessage.writeObject javadoc: only the primitive wrappers, String and byte[]; null → NullPointerException. */
    @Test
    void bytesWriteObjectRejectsOtherTypes() throws Exception {
        BytesMessage m = session().createBytesMessage();
        assertThrows(MessageFormatException.class, () -> m.writeObject(new ArrayList<>()));
        assertThrows(NullPointerException.class, () -> m.writeObject(null));
        m.writeObject(5);
        m.writeObject(new byte[] {1});
    }

    /** Spec 3.11.3: StreamMessage conversion table; a failed read does not move the position. */
    @Test
    void streamConversions() throws Exception {
        Session s = session();
        StreamMessage m = s.createStreamMessage();
        m.writeInt(42);
        m.writeString("123");
        m.writeString("abc");
        m.writeBoolean(true);
        m.writeBytes(new byte[] {1, 2});
        m.writeObject(null);
        StreamMessage got = roundTrip(s, m);
        assertThrows(MessageFormatException.class, got::readBoolean); // int → boolean is not allowed
        assertEquals(42L, got.readLong());                             // int → long widens
        assertEquals(123, got.readInt());                              // String → int parses
        assertThrows(NumberFormatException.class, got::readInt);       // "abc" is no number
        assertEquals("abc", got.readString());                         // the failed read kept the position
        assertEquals("true", got.readString());                        // boolean → String
        byte[] buf = new byte[2];
        assertEquals(2, got.readBytes(buf)); // a full buffer: readBytes must be called again ...
        assertEquals(-1, got.readBytes(buf)); // ... and tells the field is done
        assertNull(got.readObject());
        assertThrows(MessageEOFException.class, got::readObject);
        assertThrows(MessageNotWriteableException.class, () -> got.writeInt(1));
    }

    /** StreamMessage.readChar / MapMessage.getChar javadoc: a null value read as char → NullPointerException; reset rewinds. */
    @Test
    void nullReadAsCharAndReset() throws Exception {
        Session s = session();
        StreamMessage m = s.createStreamMessage();
        m.writeObject(null);
        m.writeChar('c');
        StreamMessage got = roundTrip(s, m);
        assertThrows(NullPointerException.class, got::readChar);
        got.reset();
        assertNull(got.readObject());
        assertEquals('c', got.readChar());
        MapMessage map = s.createMapMessage();
        map.setObject("n", null);
        map.setChar("c", 'x');
        MapMessage gotMap = roundTrip(s, map);
        assertThrows(NullPointerException.class, () -> gotMap.getChar("n"));
        assertThrows(NullPointerException.class, () -> gotMap.getChar("missing"));
        assertEquals("x", gotMap.getString("c"));
        assertThrows(MessageFormatException.class, () -> gotMap.getInt("c"));
    }

    /** Spec 3.11.3: MapMessage conversions; MapMessage javadoc: null or empty names → IllegalArgumentException. */
    @Test
    void mapConversionsAndBadNames() throws Exception {
        Session s = session();
        MapMessage m = s.createMapMessage();
        m.setString("num", "12");
        m.setInt("i", 3);
        m.setBytes("b", new byte[] {4, 5, 6}, 1, 2);
        m.setObject("o", 2.5f);
        assertThrows(IllegalArgumentException.class, () -> m.setInt(null, 1));
        assertThrows(IllegalArgumentException.class, () -> m.setString("", "x"));
        assertThrows(MessageFormatException.class, () -> m.setObject("list", new ArrayList<>()));
        MapMessage got = roundTrip(s, m);
        assertEquals(12, got.getInt("num"));
        assertEquals(3L, got.getLong("i"));
        assertEquals("3", got.getString("i"));
        assertArrayEquals(new byte[] {5, 6}, got.getBytes("b"));
        assertEquals(2.5d, got.getDouble("o"));
        assertThrows(MessageFormatException.class, () -> got.getBoolean("i"));
        assertThrows(MessageFormatException.class, () -> got.getShort("o"));
        assertNull(got.getString("missing"));
        assertFalse(got.getBoolean("missing"));
        assertThrows(NumberFormatException.class, () -> got.getInt("missing"));
        assertTrue(got.itemExists("b"));
        assertThrows(MessageNotWriteableException.class, () -> got.setInt("x", 1));
    }

    /** ObjectMessage javadoc: the object is serialized at set time, a copy is returned. */
    @Test
    void objectMessageCopiesItsObject() throws Exception {
        Session s = session();
        ArrayList<String> list = new ArrayList<>(List.of("a"));
        ObjectMessage m = s.createObjectMessage(list);
        list.add("b");
        assertEquals(List.of("a"), m.getObject());
        ObjectMessage got = roundTrip(s, m);
        assertEquals(List.of("a"), got.getObject());
        assertNotSame(got.getObject(), got.getObject());
        assertThrows(MessageNotWriteableException.class, () -> got.setObject("x"));
    }

    /** Message.getBody javadoc: the body as the given type, MessageFormatException if not assignable. */
    @Test
    void getBodyAndIsBodyAssignableTo() throws Exception {
        Session s = session();
        TextMessage text = roundTrip(s, s.createTextMessage("t"));
        assertEquals("t", text.getBody(String.class));
        assertEquals("t", text.getBody(Object.class));
        assertTrue(text.isBodyAssignableTo(CharSequence.class));
        assertFalse(text.isBodyAssignableTo(Integer.class));
        assertThrows(MessageFormatException.class, () -> text.getBody(Integer.class));

        BytesMessage bytes = s.createBytesMessage();
        bytes.writeBytes(new byte[] {1, 2});
        BytesMessage gotBytes = roundTrip(s, bytes);
        gotBytes.readByte(); // getBody ignores the read position
        assertArrayEquals(new byte[] {1, 2}, gotBytes.getBody(byte[].class));
        assertTrue(gotBytes.isBodyAssignableTo(byte[].class));

        MapMessage map = s.createMapMessage();
        map.setInt("k", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = roundTrip(s, map).getBody(Map.class);
        assertEquals(Map.of("k", 1), body);

        ObjectMessage object = roundTrip(s, s.createObjectMessage("serial"));
        assertEquals("serial", object.getBody(Serializable.class));
        assertThrows(MessageFormatException.class, () -> object.getBody(Integer.class));

        // "If the message is a StreamMessage ... MessageFormatException"; isBodyAssignableTo false
        StreamMessage stream = s.createStreamMessage();
        stream.writeInt(1);
        StreamMessage gotStream = roundTrip(s, stream);
        assertThrows(MessageFormatException.class, () -> gotStream.getBody(Object.class));
        assertFalse(gotStream.isBodyAssignableTo(Object.class));

        // no body: getBody returns null and any type is assignable
        Message plain = roundTrip(s, s.createMessage());
        assertNull(plain.getBody(String.class));
        assertTrue(plain.isBodyAssignableTo(Integer.class));
        TextMessage empty = roundTrip(s, s.createTextMessage());
        assertNull(empty.getBody(String.class));
        assertTrue(empty.isBodyAssignableTo(Integer.class));
        BytesMessage emptyBytes = roundTrip(s, s.createBytesMessage());
        assertNull(emptyBytes.getBody(byte[].class));
    }

    /**
     * Bad input and wrong states of the stream, bytes and map bodies: StreamMessage.writeObject
     * javadoc (MessageFormatException "if the object is invalid"), StreamMessage/BytesMessage reads
     * in write-only mode (MessageNotReadableException) and writes after reset() (read-only mode,
     * MessageNotWriteableException), BytesMessage.readBytes(byte[], int) (IndexOutOfBoundsException
     * when length exceeds the array), MapMessage names (IllegalArgumentException when null or empty).
     */
    @Test
    void bodyBadInputAndWrongState() throws Exception {
        Session s = session();
        StreamMessage stream = s.createStreamMessage();
        assertThrows(MessageFormatException.class, () -> stream.writeObject(new ArrayList<>()));
        assertThrows(MessageFormatException.class, () -> stream.writeObject(new Object()));
        stream.writeInt(7);
        assertThrows(MessageNotReadableException.class, stream::readInt);
        stream.reset();
        assertThrows(MessageNotWriteableException.class, () -> stream.writeInt(8));
        assertEquals(7, stream.readInt(), "a refused call changes nothing");

        BytesMessage bytes = s.createBytesMessage();
        bytes.writeBytes(new byte[] {1, 2, 3});
        assertThrows(MessageNotReadableException.class, () -> bytes.readBytes(new byte[3]));
        bytes.reset();
        assertThrows(MessageNotWriteableException.class, () -> bytes.writeByte((byte) 4));
        assertThrows(IndexOutOfBoundsException.class, () -> bytes.readBytes(new byte[2], 3));
        assertEquals(3, bytes.readBytes(new byte[3], 3));

        MapMessage map = s.createMapMessage();
        assertThrows(IllegalArgumentException.class, () -> map.setObject(null, 1));
        assertThrows(IllegalArgumentException.class, () -> map.setBytes("", new byte[] {1}));
        assertThrows(IllegalArgumentException.class, () -> map.setBoolean(null, true));
        assertThrows(MessageFormatException.class, () -> map.setObject("chars", new char[] {'a'}));
        map.setInt("i", 1);
        assertThrows(MessageFormatException.class, () -> map.getBytes("i"));
    }

    /**
     * StreamMessage.readBytes javadoc: once the first readBytes call on a byte[] field has been made,
     * the full value must be read before the next field; reading another field before that throws
     * MessageFormatException. After the field is done, reading continues normally.
     */
    @Test
    void streamPartialBytesReadBlocksTheNextField() throws Exception {
        Session s = session();
        StreamMessage m = s.createStreamMessage();
        m.writeBytes(new byte[] {1, 2, 3, 4});
        m.writeInt(9);
        StreamMessage got = roundTrip(s, m);
        byte[] two = new byte[2];
        assertEquals(2, got.readBytes(two));
        assertThrows(MessageFormatException.class, got::readInt, "half of the byte[] field is unread");
        assertEquals(2, got.readBytes(two));
        assertArrayEquals(new byte[] {3, 4}, two);
        assertEquals(-1, got.readBytes(two));
        assertEquals(9, got.readInt());
    }
}
