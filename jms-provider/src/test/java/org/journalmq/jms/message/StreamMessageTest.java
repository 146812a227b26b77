package org.journalmq.jms.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * StreamMessage body rules, Jakarta Messaging 3.1 section 3.11.6 and section 3.9: write-only until
 * reset, read-only after reset or delivery, end of stream, and the byte[] field rules of
 * {@code readBytes} (pieces, -1 at the end of the field, null and empty fields, no other read
 * before the field is finished).
 */
class StreamMessageTest {

    @Test
    void newMessageIsWriteOnly() {
        JournalStreamMessage m = new JournalStreamMessage();
        List<Executable> reads = List.of(m::readBoolean, m::readByte, m::readShort, m::readChar,
                m::readInt, m::readLong, m::readFloat, m::readDouble, m::readString, m::readObject,
                () -> m.readBytes(new byte[1]));
        for (Executable read : reads) {
            assertThrows(MessageNotReadableException.class, read);
        }
    }

    @Test
    void resetMessageIsReadOnly() throws JMSException {
        JournalStreamMessage m = new JournalStreamMessage();
        m.reset();
        List<Executable> writes = List.of(() -> m.writeBoolean(true), () -> m.writeByte((byte) 1),
                () -> m.writeShort((short) 1), () -> m.writeChar('c'), () -> m.writeInt(1),
                () -> m.writeLong(1), () -> m.writeFloat(1), () -> m.writeDouble(1),
                () -> m.writeString("s"), () -> m.writeBytes(new byte[1]),
                () -> m.writeBytes(new byte[1], 0, 1), () -> m.writeObject(1));
        for (Executable write : writes) {
            assertThrows(MessageNotWriteableException.class, write);
        }
    }

    @Test
    void endOfStreamThrowsEofForEveryRead() throws JMSException {
        JournalStreamMessage m = new JournalStreamMessage();
        m.writeInt(1);
        m.reset();
        assertEquals(1, m.readInt());
        List<Executable> reads = List.of(m::readBoolean, m::readByte, m::readShort, m::readChar,
                m::readInt, m::readLong, m::readFloat, m::readDouble, m::readString, m::readObject,
                () -> m.readBytes(new byte[1]));
        for (Executable read : reads) {
            assertThrows(MessageEOFException.class, read);
        }
    }

    @Test
    void bytesFieldReadInPiecesThenMinusOne() throws JMSException {
        JournalStreamMessage m = new JournalStreamMessage();
        m.writeBytes(new byte[] {1, 2, 3, 4, 5});
        m.writeInt(9);
        m.reset();
        byte[] buf = new byte[2];
        assertEquals(2, m.readBytes(buf));
        assertArrayEquals(new byte[] {1, 2}, buf);
        assertEquals(2, m.readBytes(buf));
        assertArrayEquals(new byte[] {3, 4}, buf);
        assertEquals(1, m.readBytes(buf));
        assertEquals(5, buf[0]);
        // the short read ended the field: the next read is the next field
        assertEquals(9, m.readInt());
    }

    @Test
    void bufferExactlyFilledNeedsAnotherCallReturningMinusOne() throws JMSException {
        JournalStreamMessage m = new JournalStreamMessage();
        m.writeBytes(new byte[] {1, 2, 3, 4});
        m.writeString("after");
        m.reset();
        byte[] buf = new byte[2];
        assertEquals(2, m.readBytes(buf));
        assertEquals(2, m.readBytes(buf));
        assertEquals(-1, m.readBytes(buf));
        assertEquals("after", m.readString());
    }

    @Test
    void wholeFieldInOneLargerBuffer() throws JMSException {
        JournalStreamMessage m = new JournalStreamMessage();
        m.writeBytes(new byte[] {7, 8});
        m.writeBytes(new byte[] {9});
        m.reset();
        byte[] buf = new byte[10];
        assertEquals(2, m.readBytes(buf));
        // consecutive byte[] fields stay distinct
        assertEquals(1, m.readBytes(buf));
        assertEquals(9, buf[0]);
    }

    @Test
    void otherReadsDuringAPartialBytesReadAreFormatErrors() throws JMSException {
        JournalStreamMessage m = new JournalStreamMessage();
        m.writeBytes(new byte[] {1, 2, 3});
        m.writeInt(4);
        m.reset();
        assertEquals(1, m.readBytes(new byte[1]));
        List<Executable> reads = List.of(m::readBoolean, m::readByte, m::readShort, m::readChar,
                m::readInt, m::readLong, m::readFloat, m::readDouble, m::readString, m::readObject);
        for (Executable read : reads) {
            assertThrows(MessageFormatException.class, read);
        }
        byte[] rest = new byte[5];
        assertEquals(2, m.readBytes(rest));
        assertArrayEquals(new byte[] {2, 3}, new byte[] {rest[0], rest[1]});
        assertEquals(4, m.readInt());
    }

    @Test
    void resetAbandonsAPartialBytesRead() throws JMSException {
        JournalStreamMessage m = new JournalStreamMessage();
        m.writeBytes(new byte[] {1, 2, 3});
        m.reset();
        assertEquals(1, m.readBytes(new byte[1]));
        m.reset();
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) m.readObject());
    }

    @Test
    void nullAndEmptyBytesFields() throws JMSException {
        JournalStreamMessage m = new JournalStreamMessage();
        m.writeBytes(null);
        m.writeBytes(new byte[0]);
        m.writeInt(1);
        m.reset();
        assertEquals(-1, m.readBytes(new byte[4]));
        assertEquals(0, m.readBytes(new byte[4]));
        assertEquals(1, m.readInt());
    }

    @Test
    void readBytesOnANonBytesFieldIsAFormatErrorAndKeepsThePosition() throws JMSException {
        JournalStreamMessage m = new JournalStreamMessage();
        m.writeString("s");
        m.reset();
        assertThrows(MessageFormatException.class, () -> m.readBytes(new byte[4]));
        assertEquals("s", m.readString());
    }

    @Test
    void writtenAndReadArraysAreCopies() throws JMSException {
        JournalStreamMessage m = new JournalStreamMessage();
        byte[] data = {1, 2, 3};
        m.writeBytes(data);
        m.writeObject(data);
        m.writeBytes(data, 1, 2);
        data[0] = 9;
        m.reset();
        byte[] first = (byte[]) m.readObject();
        assertArrayEquals(new byte[] {1, 2, 3}, first);
        first[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) m.readObject());
        assertArrayEquals(new byte[] {2, 3}, (byte[]) m.readObject());
        m.reset();
        assertNotSame(m.readObject(), m.fieldList().get(0));
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) m.fieldList().get(0));
    }

    @Test
    void writeObjectRejectsOtherTypes() throws JMSException {
        JournalStreamMessage m = new JournalStreamMessage();
        assertThrows(MessageFormatException.class, () -> m.writeObject(new Object()));
        assertThrows(MessageFormatException.class, () -> m.writeObject(new int[] {1}));
        assertThrows(MessageFormatException.class, () -> m.writeObject(new StringBuilder()));
        m.reset();
        assertThrows(MessageEOFException.class, m::readObject);
    }

    @Test
    void writeBytesRangeIsChecked() {
        JournalStreamMessage m = new JournalStreamMessage();
        assertThrows(IndexOutOfBoundsException.class, () -> m.writeBytes(new byte[2], 2, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> m.writeBytes(new byte[2], 0, -1));
    }

    @Test
    void clearBodyReturnsToEmptyWriteMode() throws JMSException {
        JournalStreamMessage m = new JournalStreamMessage();
        m.writeInt(1);
        m.markDelivered(1);
        assertEquals(1, m.readInt());
        m.clearBody();
        assertThrows(MessageNotReadableException.class, m::readInt);
        m.writeString(null);
        m.reset();
        assertNull(m.readString());
        assertThrows(MessageEOFException.class, m::readString);
    }

    @Test
    void resetRewinds() throws JMSException {
        JournalStreamMessage m = new JournalStreamMessage();
        m.writeLong(3);
        m.reset();
        assertEquals(3, m.readLong());
        m.reset();
        assertEquals("3", m.readString());
    }
}
