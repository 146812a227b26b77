package org.journalmq.jms.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.StreamMessage;
import java.util.List;
import org.journalmq.jms.message.ConversionTable.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * StreamMessage conversions, Jakarta Messaging 3.1 section 3.11.6 and the {@code StreamMessage}
 * javadoc: every cell of the conversion table, NumberFormatException for unparsable strings, the
 * null rules, and the rule that a read throwing MessageFormatException or NumberFormatException
 * leaves the position unchanged so the field can be read again as another type.
 */
class StreamMessageConversionTest {

    static List<Arguments> cases() {
        return ConversionTable.bodyCases();
    }

    @ParameterizedTest(name = "{0} read as {1}: allowed={2}")
    @MethodSource("cases")
    void conversionTableCell(Type row, Type col, boolean allowed) throws JMSException {
        JournalStreamMessage m = new JournalStreamMessage();
        Object written = ConversionTable.sample(row, col);
        write(m, row, written);
        m.writeString("next");
        m.reset();
        if (allowed) {
            Object read = read(m, col);
            if (col == Type.BYTES) {
                assertArrayEquals((byte[]) written, (byte[]) read);
            } else {
                assertEquals(ConversionTable.expected(written, col), read);
            }
        } else {
            assertThrows(MessageFormatException.class, () -> read(m, col));
            // the failed read did not move: the field is still there, with its type
            Object again = m.readObject();
            if (written instanceof byte[] b) {
                assertArrayEquals(b, (byte[]) again);
            } else {
                assertEquals(written, again);
            }
        }
        assertEquals("next", m.readString());
    }

    @Test
    void numberFormatExceptionKeepsThePosition() throws JMSException {
        JournalStreamMessage m = new JournalStreamMessage();
        m.writeString("abc");
        m.reset();
        assertThrows(NumberFormatException.class, m::readByte);
        assertThrows(NumberFormatException.class, m::readShort);
        assertThrows(NumberFormatException.class, m::readInt);
        assertThrows(NumberFormatException.class, m::readLong);
        assertThrows(NumberFormatException.class, m::readFloat);
        assertThrows(NumberFormatException.class, m::readDouble);
        assertEquals("abc", m.readString());
    }

    @Test
    void stringToBooleanUsesBooleanValueOf() throws JMSException {
        JournalStreamMessage m = new JournalStreamMessage();
        m.writeString("abc");
        m.writeString("TrUe");
        m.reset();
        assertFalse(m.readBoolean());
        assertEquals(true, m.readBoolean());
    }

    @Test
    void nullFieldReadsAsValueOfNull() throws JMSException {
        JournalStreamMessage m = new JournalStreamMessage();
        m.writeObject(null);
        m.reset();
        assertThrows(NumberFormatException.class, m::readByte);
        assertThrows(NumberFormatException.class, m::readShort);
        assertThrows(NumberFormatException.class, m::readInt);
        assertThrows(NumberFormatException.class, m::readLong);
        assertThrows(NullPointerException.class, m::readFloat);
        assertThrows(NullPointerException.class, m::readDouble);
        // char has no String conversion: the javadoc asks for NullPointerException
        assertThrows(NullPointerException.class, m::readChar);
        assertFalse(m.readBoolean());
        m.reset();
        assertNull(m.readString());
        m.reset();
        assertNull(m.readObject());
        m.reset();
        assertEquals(-1, m.readBytes(new byte[4]));
    }

    @Test
    void readObjectReturnsTheWrittenType() throws JMSException {
        JournalStreamMessage m = new JournalStreamMessage();
        Object[] values = {true, (byte) 1, (short) 2, 'c', 3, 4L, 5f, 6d, "s"};
        for (Object v : values) {
            m.writeObject(v);
        }
        m.reset();
        for (Object v : values) {
            Object read = m.readObject();
            assertEquals(v, read);
            assertEquals(v.getClass(), read.getClass());
        }
    }

    static void write(StreamMessage m, Type type, Object v) throws JMSException {
        switch (type) {
            case BOOLEAN -> m.writeBoolean((Boolean) v);
            case BYTE -> m.writeByte((Byte) v);
            case SHORT -> m.writeShort((Short) v);
            case CHAR -> m.writeChar((Character) v);
            case INT -> m.writeInt((Integer) v);
            case LONG -> m.writeLong((Long) v);
            case FLOAT -> m.writeFloat((Float) v);
            case DOUBLE -> m.writeDouble((Double) v);
            case STRING -> m.writeString((String) v);
            case BYTES -> m.writeBytes((byte[]) v);
        }
    }

    static Object read(StreamMessage m, Type type) throws JMSException {
        return switch (type) {
            case BOOLEAN -> m.readBoolean();
            case BYTE -> m.readByte();
            case SHORT -> m.readShort();
            case CHAR -> m.readChar();
            case INT -> m.readInt();
            case LONG -> m.readLong();
            case FLOAT -> m.readFloat();
            case DOUBLE -> m.readDouble();
            case STRING -> m.readString();
            case BYTES -> {
                byte[] buf = new byte[64];
                int n = m.readBytes(buf);
                byte[] out = new byte[n];
                System.arraycopy(buf, 0, out, 0, n);
                yield out;
            }
        };
    }
}
