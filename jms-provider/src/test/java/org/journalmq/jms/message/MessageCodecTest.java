package org.journalmq.jms.message;

import static org.journalmq.jms.message.MessageAssertions.assertSameMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.journalmq.jms.JournalDestination;
import org.journalmq.jms.JournalDestination.Kind;
import org.journalmq.jms.JournalQueue;
import org.journalmq.jms.JournalTemporaryQueue;
import org.journalmq.jms.JournalTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The journal's binary message form ({@link MessageCodec}): what the provider stores must give back
 * every header of section 3.4, every property of section 3.5 with its exact type, and every body of
 * section 3.11 with exact types, so that a received message equals the sent one.
 */
class MessageCodecTest {

    /** Strings that stress the encoding: empty, multi-byte, supplementary, lone surrogates, NUL. */
    private static final String[] HARD_STRINGS = {"", "a", "é", "€", "𝄞", "\uD800", "\uDC00x",
            "\u0000", "\u07FF\u0800\uFFFF", "日本語テキスト", "mixed é€𝄞 \uD83D"};

    private static JournalMessage newMessage(BodyType type) throws JMSException {
        JournalMessage m = type.newMessage();
        switch (type) {
            case PLAIN -> { }
            case TEXT -> ((JournalTextMessage) m).setText("héllo 𝄞");
            case BYTES -> {
                JournalBytesMessage b = (JournalBytesMessage) m;
                b.writeInt(42);
                b.writeUTF("utf");
                b.writeBytes(new byte[] {0, -1, 127, -128});
            }
            case MAP -> {
                JournalMapMessage map = (JournalMapMessage) m;
                map.setBoolean("t", true);
                map.setBoolean("f", false);
                map.setByte("b", Byte.MIN_VALUE);
                map.setShort("s", Short.MAX_VALUE);
                map.setChar("c", '\uFFFF');
                map.setInt("i", Integer.MIN_VALUE);
                map.setLong("l", Long.MAX_VALUE);
                map.setFloat("fl", Float.NaN);
                map.setDouble("d", -0.0d);
                map.setString("str", "𝄞");
                map.setString("nullString", null);
                map.setBytes("bytes", new byte[] {1, 2});
                map.setBytes("emptyBytes", new byte[0]);
                map.setString("not an identifier!", "map names may be any non-empty string");
            }
            case STREAM -> {
                JournalStreamMessage s = (JournalStreamMessage) m;
                s.writeBoolean(true);
                s.writeByte((byte) -1);
                s.writeShort((short) -2);
                s.writeChar('\u0000');
                s.writeInt(-3);
                s.writeLong(Long.MIN_VALUE);
                s.writeFloat(Float.NEGATIVE_INFINITY);
                s.writeDouble(Double.MIN_VALUE);
                s.writeString("\uDBFF");
                s.writeString(null);
                s.writeBytes(new byte[] {9});
                s.writeBytes(null);
                s.writeObject(null);
            }
            case OBJECT -> ((JournalObjectMessage) m).setObject(new ArrayList<>(List.of("x", 1)));
        }
        return m;
    }

    private static void setAllHeaders(JournalMessage m) throws JMSException {
        m.setJMSMessageID("ID:journalmq-1-2-3");
        m.setJMSTimestamp(1_700_000_000_123L);
        m.setJMSCorrelationID("corr-é");
        m.setJMSDestination(new JournalQueue("orders.in"));
        m.setJMSReplyTo(JournalDestination.of(Kind.TEMPORARY_TOPIC, "tmp-1"));
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        m.setJMSRedelivered(true);
        m.setJMSType("car");
        m.setJMSExpiration(Long.MAX_VALUE);
        m.setJMSDeliveryTime(-1L);
        m.setJMSPriority(9);
    }

    private static void setAllPropertyTypes(JournalMessage m) throws JMSException {
        m.setBooleanProperty("bt", true);
        m.setBooleanProperty("bf", false);
        m.setByteProperty("by", (byte) -128);
        m.setShortProperty("sh", Short.MIN_VALUE);
        m.setIntProperty("it", Integer.MAX_VALUE);
        m.setLongProperty("lo", Long.MIN_VALUE);
        m.setFloatProperty("fl", -0.0f);
        m.setDoubleProperty("db", Double.NaN);
        m.setStringProperty("st", "€𝄞");
        m.setStringProperty("nu", null);
        m.setStringProperty("em", "");
        m.setStringProperty("JMSXGroupID", "group");
        m.setIntProperty("JMSXGroupSeq", 3);
        m.setIntProperty("ünïcødé", 1);
    }

    private static JournalMessage roundTrip(JournalMessage m) throws JMSException {
        byte[] data = MessageCodec.encode(m);
        assertEquals(MessageCodec.VERSION, data[0], "first byte is the format version");
        return MessageCodec.decode(data);
    }

    @ParameterizedTest
    @EnumSource(BodyType.class)
    void everyTypeWithEveryHeaderAndPropertyRoundTrips(BodyType type) throws JMSException {
        JournalMessage m = newMessage(type);
        setAllHeaders(m);
        setAllPropertyTypes(m);
        JournalMessage decoded = roundTrip(m);
        assertSameMessage(m, decoded);
        assertEquals(type, decoded.bodyType());
    }

    @ParameterizedTest
    @EnumSource(BodyType.class)
    void freshMessageWithDefaultsRoundTrips(BodyType type) throws JMSException {
        JournalMessage m = type.newMessage();
        JournalMessage decoded = roundTrip(m);
        assertSameMessage(m, decoded);
        assertNull(decoded.getJMSMessageID());
        assertNull(decoded.getJMSDestination());
        assertEquals(DeliveryMode.PERSISTENT, decoded.getJMSDeliveryMode());
    }

    @Test
    void nullBodies() throws JMSException {
        JournalTextMessage t = new JournalTextMessage(null);
        assertNull(((JournalTextMessage) roundTrip(t)).getText());
        JournalObjectMessage o = new JournalObjectMessage();
        assertNull(((JournalObjectMessage) roundTrip(o)).getObject());
    }

    @Test
    void emptyStringIsNotNull() throws JMSException {
        JournalTextMessage t = new JournalTextMessage("");
        assertEquals("", ((JournalTextMessage) roundTrip(t)).getText());
    }

    @Test
    void hardStringsEverywhere() throws JMSException {
        for (String s : HARD_STRINGS) {
            JournalTextMessage m = new JournalTextMessage(s);
            m.setStringProperty("p", s);
            m.setJMSType(s);
            m.setJMSCorrelationID(s);
            m.setJMSMessageID(s);
            JournalTextMessage d = (JournalTextMessage) roundTrip(m);
            assertEquals(s, d.getText());
            assertEquals(s, d.getStringProperty("p"));
            assertEquals(s, d.getJMSType());
            assertEquals(s, d.getJMSCorrelationID());
            assertEquals(s, d.getJMSMessageID());
        }
    }

    @Test
    void textOfOneMebibyteAndBeyond64KiB() throws JMSException {
        StringBuilder sb = new StringBuilder();
        Random random = new Random(7);
        while (sb.length() < 1 << 20) {
            sb.append((char) random.nextInt(0x10000));
        }
        String text = sb.toString();
        JournalTextMessage d = (JournalTextMessage) roundTrip(new JournalTextMessage(text));
        assertEquals(text, d.getText());
        String ascii = "x".repeat(70_000);
        assertEquals(ascii, ((JournalTextMessage) roundTrip(new JournalTextMessage(ascii))).getText());
    }

    @Test
    void bytesBodyOfOneMebibyte() throws JMSException {
        byte[] body = new byte[1 << 20];
        new Random(3).nextBytes(body);
        JournalBytesMessage m = new JournalBytesMessage();
        m.writeBytes(body);
        JournalBytesMessage d = (JournalBytesMessage) roundTrip(m);
        d.markDelivered(1);
        assertEquals(body.length, d.getBodyLength());
        byte[] read = new byte[body.length];
        assertEquals(body.length, d.readBytes(read));
        assertArrayEquals(body, read);
    }

    @Test
    void largeValuesInMapAndStream() throws JMSException {
        byte[] big = new byte[300_000];
        new Random(5).nextBytes(big);
        JournalMapMessage map = new JournalMapMessage();
        map.setBytes("big", big);
        map.setString("text", "é".repeat(100_000));
        assertSameMessage(map, roundTrip(map));
        JournalStreamMessage stream = new JournalStreamMessage();
        stream.writeBytes(big);
        stream.writeString("€".repeat(100_000));
        assertSameMessage(stream, roundTrip(stream));
    }

    @Test
    void emptyBodies() throws JMSException {
        for (BodyType type : new BodyType[] {BodyType.BYTES, BodyType.MAP, BodyType.STREAM}) {
            JournalMessage m = type.newMessage();
            assertSameMessage(m, roundTrip(m));
        }
    }

    @Test
    void manyPropertiesAndItemsKeepTheirOrder() throws JMSException {
        JournalMapMessage m = new JournalMapMessage();
        for (int i = 0; i < 500; i++) {
            m.setIntProperty("p" + i, i);
            m.setLong("k" + (499 - i), i);
        }
        assertSameMessage(m, roundTrip(m));
    }

    @Test
    void correlationIdAsBytesStaysBytes() throws JMSException {
        JournalPlainMessage m = new JournalPlainMessage();
        m.setJMSCorrelationIDAsBytes(new byte[] {(byte) 0xFF, 0, 1});
        JournalMessage d = roundTrip(m);
        assertArrayEquals(new byte[] {(byte) 0xFF, 0, 1}, d.getJMSCorrelationIDAsBytes());
        assertInstanceOf(byte[].class, d.correlationIdRaw());
    }

    @Test
    void everyDestinationKind() throws JMSException {
        for (Kind kind : Kind.values()) {
            JournalPlainMessage m = new JournalPlainMessage();
            m.setJMSDestination(JournalDestination.of(kind, "d-" + kind));
            m.setJMSReplyTo(JournalDestination.of(kind, "r-" + kind));
            JournalMessage d = roundTrip(m);
            assertEquals(m.getJMSDestination(), d.getJMSDestination());
            assertEquals(m.getJMSReplyTo(), d.getJMSReplyTo());
            assertEquals(kind, ((JournalDestination) d.getJMSReplyTo()).kind());
        }
        JournalPlainMessage m = new JournalPlainMessage();
        m.setJMSReplyTo(JournalDestination.of(Kind.TEMPORARY_QUEUE, "tq"));
        assertInstanceOf(JournalTemporaryQueue.class, roundTrip(m).getJMSReplyTo());
        m.setJMSReplyTo(new JournalTopic("t"));
        assertInstanceOf(JournalTopic.class, roundTrip(m).getJMSReplyTo());
    }

    @Test
    void extremeHeaderNumbers() throws JMSException {
        JournalPlainMessage m = new JournalPlainMessage();
        m.setJMSPriority(Integer.MIN_VALUE);
        m.setJMSDeliveryMode(Integer.MAX_VALUE);
        m.setJMSTimestamp(Long.MIN_VALUE);
        m.setJMSExpiration(-1);
        assertSameMessage(m, roundTrip(m));
    }

    @Test
    void encodeDoesNotChangeAWriteModeBytesMessage() throws JMSException {
        JournalBytesMessage m = new JournalBytesMessage();
        m.writeInt(1);
        byte[] first = MessageCodec.encode(m);
        assertFalse(m.isBodyReadOnly());
        m.writeInt(2);
        m.reset();
        assertEquals(8, m.getBodyLength());
        assertFalse(Arrays.equals(first, MessageCodec.encode(m)));
    }

    @Test
    void encodeDoesNotMoveAReadPosition() throws JMSException {
        JournalStreamMessage s = new JournalStreamMessage();
        s.writeInt(1);
        s.writeInt(2);
        s.reset();
        assertEquals(1, s.readInt());
        MessageCodec.encode(s);
        assertEquals(2, s.readInt());
        JournalBytesMessage b = new JournalBytesMessage();
        b.writeInt(1);
        b.writeInt(2);
        b.reset();
        assertEquals(1, b.readInt());
        JournalBytesMessage d = (JournalBytesMessage) MessageCodec.decode(MessageCodec.encode(b));
        assertEquals(2, b.readInt());
        assertEquals(8, d.getBodyLength(), "the whole body is encoded, not just the unread rest");
    }

    @Test
    void encodingIsDeterministic() throws JMSException {
        JournalMessage m = newMessage(BodyType.MAP);
        setAllHeaders(m);
        setAllPropertyTypes(m);
        assertArrayEquals(MessageCodec.encode(m), MessageCodec.encode(m));
        assertArrayEquals(MessageCodec.encode(m), MessageCodec.encode(roundTrip(m)));
    }

    @Test
    void decodedMessageIsReadyForMarkDelivered() throws JMSException {
        JournalStreamMessage s = new JournalStreamMessage();
        s.writeString("a");
        s.setIntProperty("p", 1);
        JournalStreamMessage d = (JournalStreamMessage) roundTrip(s);
        d.markDelivered(2);
        assertEquals("a", d.readString());
        assertEquals(2, d.getIntProperty("JMSXDeliveryCount"));
        assertTrue(d.getJMSRedelivered());
        assertTrue(d.isPropertiesReadOnly());
    }

    @Test
    void smallMessageIsCompact() throws JMSException {
        JournalTextMessage m = new JournalTextMessage("x");
        m.setJMSMessageID("ID:1");
        m.setJMSDestination(new JournalQueue("q"));
        assertTrue(MessageCodec.encode(m).length < 48, "encoded size " + MessageCodec.encode(m).length);
    }

    @Test
    void unknownVersionIsRejected() throws JMSException {
        byte[] data = MessageCodec.encode(new JournalTextMessage("x"));
        data[0] = 2;
        MessageFormatException e = assertThrows(MessageFormatException.class, () -> MessageCodec.decode(data));
        assertTrue(e.getMessage().contains("version"), e.getMessage());
    }

    @Test
    void unknownBodyTypeIsRejected() throws JMSException {
        byte[] data = MessageCodec.encode(new JournalTextMessage("x"));
        data[1] = 99;
        assertThrows(MessageFormatException.class, () -> MessageCodec.decode(data));
    }

    @Test
    void emptyInputIsRejected() {
        assertThrows(MessageFormatException.class, () -> MessageCodec.decode(new byte[0]));
    }

    @ParameterizedTest
    @EnumSource(BodyType.class)
    void everyTruncationIsAFormatError(BodyType type) throws JMSException {
        JournalMessage m = newMessage(type);
        setAllHeaders(m);
        setAllPropertyTypes(m);
        byte[] data = MessageCodec.encode(m);
        for (int n = 0; n < data.length; n++) {
            byte[] prefix = Arrays.copyOf(data, n);
            assertThrows(MessageFormatException.class, () -> MessageCodec.decode(prefix), "prefix " + n);
        }
    }

    @Test
    void trailingBytesAreRejected() throws JMSException {
        byte[] data = MessageCodec.encode(new JournalTextMessage("x"));
        byte[] longer = Arrays.copyOf(data, data.length + 1);
        assertThrows(MessageFormatException.class, () -> MessageCodec.decode(longer));
    }

    @Test
    void randomCorruptionNeverEscapesAsAnUncheckedException() throws JMSException {
        JournalMessage m = newMessage(BodyType.STREAM);
        setAllHeaders(m);
        setAllPropertyTypes(m);
        byte[] data = MessageCodec.encode(m);
        Random random = new Random(11);
        for (int i = 0; i < 2000; i++) {
            byte[] corrupt = data.clone();
            corrupt[1 + random.nextInt(corrupt.length - 1)] = (byte) random.nextInt(256);
            try {
                MessageCodec.decode(corrupt);
            } catch (JMSException expected) {
                // a corrupt message must surface as a JMSException the provider can handle
            }
        }
    }
}
