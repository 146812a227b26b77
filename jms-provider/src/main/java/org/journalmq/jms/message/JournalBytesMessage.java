package org.journalmq.jms.message;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.UTFDataFormatException;

/**
 * A message whose body is a stream of uninterpreted bytes (section 3.11.3), written and read with
 * the encodings of {@link java.io.DataOutput}/{@link java.io.DataInput} (big-endian, modified
 * UTF-8 for {@code writeUTF}), so that bodies interoperate with other providers' readers.
 *
 * <p>Write mode (new message, after {@code clearBody}) and read mode (after {@code reset} or
 * delivery) are exclusive, per section 3.9. In read mode each read checks the bytes it needs before
 * taking them: a read that hits the end throws {@link MessageEOFException} and leaves the position
 * where it was, so the caller may still read the remaining bytes another way.
 */
public class JournalBytesMessage extends JournalMessage implements BytesMessage {

    private static final byte[] EMPTY = new byte[0];

    /** The bytes being written; null in read mode. */
    private ByteArrayOutputStream out = new ByteArrayOutputStream();
    private DataOutputStream data = new DataOutputStream(out);
    /** The bytes being read; only meaningful in read mode. */
    private byte[] body = EMPTY;
    private int pos;

    public JournalBytesMessage() {
    }

    @Override
    public BodyType bodyType() {
        return BodyType.BYTES;
    }

    /** @throws jakarta.jms.MessageNotReadableException in write mode */
    @Override
    public long getBodyLength() throws JMSException {
        checkBodyReadable();
        return body.length;
    }

    @Override
    public boolean readBoolean() throws JMSException {
        need(1);
        return body[pos++] != 0;
    }

    @Override
    public byte readByte() throws JMSException {
        need(1);
        return body[pos++];
    }

    @Override
    public int readUnsignedByte() throws JMSException {
        need(1);
        return body[pos++] & 0xFF;
    }

    @Override
    public short readShort() throws JMSException {
        need(2);
        short v = (short) (((body[pos] & 0xFF) << 8) | (body[pos + 1] & 0xFF));
        pos += 2;
        return v;
    }

    @Override
    public int readUnsignedShort() throws JMSException {
        return readShort() & 0xFFFF;
    }

    @Override
    public char readChar() throws JMSException {
        return (char) readShort();
    }

    @Override
    public int readInt() throws JMSException {
        need(4);
        int v = ((body[pos] & 0xFF) << 24) | ((body[pos + 1] & 0xFF) << 16)
                | ((body[pos + 2] & 0xFF) << 8) | (body[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    @Override
    public long readLong() throws JMSException {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (body[pos + i] & 0xFF);
        }
        pos += 8;
        return v;
    }

    @Override
    public float readFloat() throws JMSException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws JMSException {
        return Double.longBitsToDouble(readLong());
    }

    /**
     * Reads a string written by {@link #writeUTF}: a 2-byte length and that many bytes of modified
     * UTF-8.
     *
     * @throws MessageEOFException when fewer bytes remain than the length announces
     * @throws MessageFormatException when the bytes are not modified UTF-8; the position is kept
     */
    @Override
    public String readUTF() throws JMSException {
        need(2);
        int length = ((body[pos] & 0xFF) << 8) | (body[pos + 1] & 0xFF);
        need(2 + length);
        try {
            String s = new DataInputStream(new ByteArrayInputStream(body, pos, 2 + length)).readUTF();
            pos += 2 + length;
            return s;
        } catch (UTFDataFormatException e) {
            MessageFormatException mfe = new MessageFormatException("malformed UTF-8 string: " + e.getMessage());
            mfe.initCause(e);
            throw mfe;
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
    }

    @Override
    public int readBytes(byte[] value) throws JMSException {
        return readBytes(value, value.length);
    }

    /**
     * Reads up to {@code length} bytes. Returns fewer than asked when the body ends, and -1 when no
     * byte is left.
     *
     * @throws IndexOutOfBoundsException when length is negative or larger than the array; nothing is read
     */
    @Override
    public int readBytes(byte[] value, int length) throws JMSException {
        checkBodyReadable();
        if (length < 0 || length > value.length) {
            throw new IndexOutOfBoundsException("length " + length + " for an array of " + value.length);
        }
        int remaining = body.length - pos;
        if (remaining == 0) {
            return -1;
        }
        int n = Math.min(length, remaining);
        System.arraycopy(body, pos, value, 0, n);
        pos += n;
        return n;
    }

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        checkBodyWritable();
        out.write(value ? 1 : 0);
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        checkBodyWritable();
        out.write(value);
    }

    @Override
    public void writeShort(short value) throws JMSException {
        checkBodyWritable();
        write(() -> data.writeShort(value));
    }

    @Override
    public void writeChar(char value) throws JMSException {
        checkBodyWritable();
        write(() -> data.writeChar(value));
    }

    @Override
    public void writeInt(int value) throws JMSException {
        checkBodyWritable();
        write(() -> data.writeInt(value));
    }

    @Override
    public void writeLong(long value) throws JMSException {
        checkBodyWritable();
        write(() -> data.writeLong(value));
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        checkBodyWritable();
        write(() -> data.writeFloat(value));
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        checkBodyWritable();
        write(() -> data.writeDouble(value));
    }

    /**
     * @throws MessageFormatException when the string's modified UTF-8 form is longer than 65535
     *         bytes (the 2-byte length cannot express it); nothing is written
     * @throws NullPointerException when value is null, as {@code DataOutput.writeUTF} does
     */
    @Override
    public void writeUTF(String value) throws JMSException {
        checkBodyWritable();
        try {
            data.writeUTF(value);
        } catch (UTFDataFormatException e) {
            MessageFormatException mfe = new MessageFormatException(
                    "string too long for writeUTF (more than 65535 bytes encoded); use writeBytes");
            mfe.initCause(e);
            throw mfe;
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    @Override
    public void writeBytes(byte[] value) throws JMSException {
        checkBodyWritable();
        out.writeBytes(value);
    }

    /** @throws IndexOutOfBoundsException for a range outside the array; nothing is written */
    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        checkBodyWritable();
        if (offset < 0 || length < 0 || offset > value.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length
                    + " is outside an array of " + value.length);
        }
        out.write(value, offset, length);
    }

    /**
     * Writes a primitive wrapper, String (as {@link #writeUTF}) or byte[] (as {@link #writeBytes}).
     *
     * @throws NullPointerException when value is null (BytesMessage javadoc)
     * @throws MessageFormatException for any other class
     */
    @Override
    public void writeObject(Object value) throws JMSException {
        checkBodyWritable();
        if (value == null) {
            throw new NullPointerException("BytesMessage.writeObject does not accept null");
        }
        if (value instanceof Boolean v) {
            writeBoolean(v);
        } else if (value instanceof Byte v) {
            writeByte(v);
        } else if (value instanceof Short v) {
            writeShort(v);
        } else if (value instanceof Character v) {
            writeChar(v);
        } else if (value instanceof Integer v) {
            writeInt(v);
        } else if (value instanceof Long v) {
            writeLong(v);
        } else if (value instanceof Float v) {
            writeFloat(v);
        } else if (value instanceof Double v) {
            writeDouble(v);
        } else if (value instanceof String v) {
            writeUTF(v);
        } else if (value instanceof byte[] v) {
            writeBytes(v);
        } else {
            throw new MessageFormatException("BytesMessage.writeObject does not accept "
                    + value.getClass().getName());
        }
    }

    /** Switches to read mode (freezing what was written) and rewinds to the first byte. */
    @Override
    public void reset() {
        if (!bodyReadOnly) {
            body = out.toByteArray();
            out = null;
            data = null;
            bodyReadOnly = true;
        }
        pos = 0;
    }

    @Override
    public void clearBody() {
        body = EMPTY;
        pos = 0;
        out = new ByteArrayOutputStream();
        data = new DataOutputStream(out);
        bodyReadOnly = false;
    }

    @Override
    void freezeBody() {
        reset();
    }

    /**
     * byte[] (or Object) only; the whole body as a new array. As the Message.getBody javadoc says,
     * the message is reset before and after, so afterwards it is in read mode at its start. An
     * empty body counts as "no body": null for any type.
     */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        reset();
        if (body.length == 0) {
            return null;
        }
        if (c == null || !c.isAssignableFrom(byte[].class)) {
            throw notAssignable(bodyType(), c);
        }
        return c.cast(body.clone());
    }

    /** Looks at the length without changing the mode or position. */
    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) {
        return currentLength() == 0 || (c != null && c.isAssignableFrom(byte[].class));
    }

    /** The body as written so far or as read, without changing mode or position; a copy. */
    byte[] bodyBytes() {
        return bodyReadOnly ? body.clone() : out.toByteArray();
    }

    /** Installs a body from the journal, in read mode at its start; the array is taken over. */
    void setBodyForReading(byte[] bytes) {
        body = bytes;
        pos = 0;
        out = null;
        data = null;
        bodyReadOnly = true;
    }

    private int currentLength() {
        return bodyReadOnly ? body.length : out.size();
    }

    private void need(int n) throws JMSException {
        checkBodyReadable();
        if (body.length - pos < n) {
            throw new MessageEOFException("end of the BytesMessage body: " + n + " bytes needed, "
                    + (body.length - pos) + " left");
        }
    }

    /** DataOutputStream over a ByteArrayOutputStream never fails; this keeps that out of sight. */
    private static void write(MemoryWrite w) {
        try {
            w.run();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    @FunctionalInterface
    private interface MemoryWrite {
        void run() throws IOException;
    }
}
