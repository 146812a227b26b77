package org.journalmq.jms.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * BytesMessage, Jakarta Messaging 3.1 section 3.11.3 and the write-only/read-only modes of section
 * 3.9, with the DataInput/DataOutput encodings the BytesMessage javadoc refers to.
 */
class BytesMessageTest {

    @Test
    void everyTypeRoundTrips() throws JMSException {
        JournalBytesMessage m = new JournalBytesMessage();
        m.writeBoolean(true);
        m.writeBoolean(false);
        m.writeByte((byte) -5);
        m.writeShort((short) -300);
        m.writeChar('€');
        m.writeInt(Integer.MIN_VALUE);
        m.writeLong(Long.MAX_VALUE);
        m.writeFloat(3.5f);
        m.writeDouble(-0.0d);
        m.writeUTF("héllo 𝄞");
        m.writeBytes(new byte[] {1, 2, 3});
        m.writeBytes(new byte[] {9, 8, 7, 6}, 1, 2);
        m.reset();
        assertTrue(m.readBoolean());
        assertFalse(m.readBoolean());
        assertEquals(-5, m.readByte());
        assertEquals(-300, m.readShort());
        assertEquals('€', m.readChar());
        assertEquals(Integer.MIN_VALUE, m.readInt());
        assertEquals(Long.MAX_VALUE, m.readLong());
        assertEquals(3.5f, m.readFloat());
        assertEquals(Double.doubleToRawLongBits(-0.0d), Double.doubleToRawLongBits(m.readDouble()));
        assertEquals("héllo 𝄞", m.readUTF());
        byte[] buf = new byte[5];
        assertEquals(5, m.readBytes(buf));
        assertArrayEquals(new byte[] {1, 2, 3, 8, 7}, buf);
        assertEquals(-1, m.readBytes(buf));
    }

    @Test
    void encodingIsThatOfDataOutputStream() throws JMSException, IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(expected);
        out.writeInt(0x01020304);
        out.writeUTF("ü");
        out.writeDouble(1.25);
        out.writeChar('x');
        out.writeBoolean(true);
        JournalBytesMessage m = new JournalBytesMessage();
        m.writeInt(0x01020304);
        m.writeUTF("ü");
        m.writeDouble(1.25);
        m.writeChar('x');
        m.writeBoolean(true);
        m.reset();
        byte[] actual = new byte[(int) m.getBodyLength()];
        m.readBytes(actual);
        assertArrayEquals(expected.toByteArray(), actual);
    }

    @Test
    void bodyWrittenByDataOutputStreamIsReadable() throws JMSException, IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF("from elsewhere");
        out.writeShort(-2);
        JournalBytesMessage m = new JournalBytesMessage();
        m.writeBytes(bytes.toByteArray());
        m.reset();
        assertEquals("from elsewhere", m.readUTF());
        assertEquals(-2, m.readShort());
        assertEquals(65534, readUnsignedAt(m, 2));
    }

    private static int readUnsignedAt(JournalBytesMessage m, int back) throws JMSException {
        m.reset();
        byte[] all = new byte[(int) m.getBodyLength()];
        m.readBytes(all);
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, all.length - back, back));
            return in.readUnsignedShort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void unsignedReads() throws JMSException {
        JournalBytesMessage m = new JournalBytesMessage();
        m.writeByte((byte) -1);
        m.writeShort((short) -1);
        m.reset();
        assertEquals(255, m.readUnsignedByte());
        assertEquals(65535, m.readUnsignedShort());
    }

    @Test
    void newMessageIsWriteOnly() {
        JournalBytesMessage m = new JournalBytesMessage();
        List<Executable> reads = List.of(m::readBoolean, m::readByte, m::readUnsignedByte,
                m::readShort, m::readUnsignedShort, m::readChar, m::readInt, m::readLong,
                m::readFloat, m::readDouble, m::readUTF, () -> m.readBytes(new byte[1]),
                () -> m.readBytes(new byte[1], 1), m::getBodyLength);
        for (Executable read : reads) {
            assertThrows(MessageNotReadableException.class, read);
        }
    }

    @Test
    void resetMessageIsReadOnly() throws JMSException {
        JournalBytesMessage m = new JournalBytesMessage();
        m.reset();
        List<Executable> writes = List.of(() -> m.writeBoolean(true), () -> m.writeByte((byte) 1),
                () -> m.writeShort((short) 1), () -> m.writeChar('c'), () -> m.writeInt(1),
                () -> m.writeLong(1), () -> m.writeFloat(1), () -> m.writeDouble(1),
                () -> m.writeUTF("s"), () -> m.writeBytes(new byte[1]),
                () -> m.writeBytes(new byte[1], 0, 1), () -> m.writeObject(1));
        for (Executable write : writes) {
            assertThrows(MessageNotWriteableException.class, write);
        }
        assertEquals(0, m.getBodyLength());
    }

    @Test
    void endOfBodyThrowsEofAndKeepsThePosition() throws JMSException {
        JournalBytesMessage m = new JournalBytesMessage();
        m.writeShort((short) 0x0102);
        m.reset();
        assertThrows(MessageEOFException.class, m::readInt);
        assertThrows(MessageEOFException.class, m::readLong);
        assertThrows(MessageEOFException.class, m::readDouble);
        assertEquals(0x0102, m.readShort());
        for (Executable read : List.<Executable>of(m::readBoolean, m::readByte, m::readShort,
                m::readChar, m::readFloat, m::readUTF, m::readUnsignedByte, m::readUnsignedShort)) {
            assertThrows(MessageEOFException.class, read);
        }
    }

    @Test
    void truncatedUtfThrowsEof() throws JMSException {
        JournalBytesMessage m = new JournalBytesMessage();
        m.writeShort((short) 10);
        m.writeByte((byte) 'a');
        m.reset();
        assertThrows(MessageEOFException.class, m::readUTF);
        assertEquals(10, m.readShort());
    }

    @Test
    void malformedUtfThrowsFormatException() throws JMSException {
        JournalBytesMessage m = new JournalBytesMessage();
        m.writeShort((short) 1);
        m.writeByte((byte) 0xC3); // start of a two-byte sequence with no second byte
        m.reset();
        assertThrows(MessageFormatException.class, m::readUTF);
        assertEquals(1, m.readShort());
    }

    @Test
    void readBytesInPiecesThenMinusOne() throws JMSException {
        JournalBytesMessage m = new JournalBytesMessage();
        m.writeBytes(new byte[] {1, 2, 3, 4, 5});
        m.reset();
        byte[] buf = new byte[2];
        assertEquals(2, m.readBytes(buf));
        assertArrayEquals(new byte[] {1, 2}, buf);
        assertEquals(2, m.readBytes(buf));
        assertArrayEquals(new byte[] {3, 4}, buf);
        assertEquals(1, m.readBytes(buf));
        assertEquals(5, buf[0]);
        assertEquals(-1, m.readBytes(buf));
    }

    @Test
    void readBytesWithLength() throws JMSException {
        JournalBytesMessage m = new JournalBytesMessage();
        m.writeBytes(new byte[] {1, 2, 3});
        m.reset();
        byte[] buf = new byte[10];
        assertEquals(2, m.readBytes(buf, 2));
        assertEquals(0, buf[2]);
        assertThrows(IndexOutOfBoundsException.class, () -> m.readBytes(buf, 11));
        assertThrows(IndexOutOfBoundsException.class, () -> m.readBytes(buf, -1));
        assertEquals(1, m.readBytes(buf, 10));
        assertEquals(3, buf[0]);
        assertEquals(-1, m.readBytes(buf, 10));
    }

    @Test
    void writeObjectAcceptsWrappersStringAndBytes() throws JMSException {
        JournalBytesMessage m = new JournalBytesMessage();
        m.writeObject(Boolean.TRUE);
        m.writeObject((byte) 1);
        m.writeObject((short) 2);
        m.writeObject('c');
        m.writeObject(3);
        m.writeObject(4L);
        m.writeObject(5f);
        m.writeObject(6d);
        m.writeObject("s");
        m.writeObject(new byte[] {7});
        m.reset();
        assertTrue(m.readBoolean());
        assertEquals(1, m.readByte());
        assertEquals(2, m.readShort());
        assertEquals('c', m.readChar());
        assertEquals(3, m.readInt());
        assertEquals(4L, m.readLong());
        assertEquals(5f, m.readFloat());
        assertEquals(6d, m.readDouble());
        assertEquals("s", m.readUTF());
        assertEquals(7, m.readByte());
        assertEquals(1 + 1 + 2 + 2 + 4 + 8 + 4 + 8 + 3 + 1, m.getBodyLength());
    }

    @Test
    void writeObjectRejectsOtherTypesAndNull() throws JMSException {
        JournalBytesMessage m = new JournalBytesMessage();
        assertThrows(MessageFormatException.class, () -> m.writeObject(new Object()));
        assertThrows(MessageFormatException.class, () -> m.writeObject(List.of()));
        assertThrows(NullPointerException.class, () -> m.writeObject(null));
        m.reset();
        assertEquals(0, m.getBodyLength());
    }

    @Test
    void writeUtfLongerThan64KiBIsAFormatError() throws JMSException {
        JournalBytesMessage m = new JournalBytesMessage();
        assertThrows(MessageFormatException.class, () -> m.writeUTF("x".repeat(65536)));
        m.writeUTF("x".repeat(65535));
        m.reset();
        assertEquals(65537, m.getBodyLength());
    }

    @Test
    void writeBytesRangeIsChecked() {
        JournalBytesMessage m = new JournalBytesMessage();
        assertThrows(IndexOutOfBoundsException.class, () -> m.writeBytes(new byte[2], 1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> m.writeBytes(new byte[2], -1, 1));
    }

    @Test
    void resetRewindsAndKeepsTheBody() throws JMSException {
        JournalBytesMessage m = new JournalBytesMessage();
        m.writeInt(5);
        m.reset();
        assertEquals(5, m.readInt());
        m.reset();
        assertEquals(4, m.getBodyLength());
        assertEquals(5, m.readInt());
    }

    @Test
    void clearBodyReturnsToEmptyWriteMode() throws JMSException {
        JournalBytesMessage m = new JournalBytesMessage();
        m.writeInt(5);
        m.markDelivered(1);
        m.clearBody();
        assertThrows(MessageNotReadableException.class, m::readInt);
        m.writeByte((byte) 3);
        m.reset();
        assertEquals(1, m.getBodyLength());
        assertEquals(3, m.readByte());
    }

    @Test
    void receivedMessageIsReadable() throws JMSException {
        JournalBytesMessage m = new JournalBytesMessage();
        m.writeLong(11);
        m.markDelivered(1);
        assertEquals(8, m.getBodyLength());
        assertEquals(11, m.readLong());
        assertThrows(MessageNotWriteableException.class, () -> m.writeLong(1));
    }

    @Test
    void writtenArrayIsCopied() throws JMSException {
        JournalBytesMessage m = new JournalBytesMessage();
        byte[] data = {1, 2};
        m.writeBytes(data);
        data[0] = 9;
        m.reset();
        assertEquals(1, m.readByte());
    }
}
