package org.journalmq.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.StreamMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A message whose body is a sequence of typed fields (section 3.11.6), read back with the
 * conversions of the StreamMessage table ({@link ValueConversions}).
 *
 * <p>Fields are kept as Java objects, each with the type it was written with, so conversions
 * are exact and a failed read can be retried: section 3.11.6 requires that a read throwing
 * MessageFormatException or NumberFormatException leaves the position unchanged, so the field
 * can be read again as another type. The same holds here for NullPointerException (null as char).
 *
 * <p>byte[] fields can be read in pieces with {@link #readBytes(byte[])}; once such a read has
 * started, the field must be read to its end before any other read (MessageFormatException).
 */
public class JournalStreamMessage extends JournalMessage implements StreamMessage {

    private final List<Object> fields = new ArrayList<>();
    /** Index of the next field to read. */
    private int index;
    /** Bytes of the current byte[] field already returned by readBytes; -1 when none is in progress. */
    private int bytesRead = -1;

    public JournalStreamMessage() {
    }

    @Override
    public BodyType bodyType() {
        return BodyType.STREAM;
    }

    @Override
    public boolean readBoolean() throws JMSException {
        return read(ValueConversions::toBoolean);
    }

    @Override
    public byte readByte() throws JMSException {
        return read(ValueConversions::toByte);
    }

    @Override
    public short readShort() throws JMSException {
        return read(ValueConversions::toShort);
    }

    @Override
    public char readChar() throws JMSException {
        return read(ValueConversions::toChar);
    }

    @Override
    public int readInt() throws JMSException {
        return read(ValueConversions::toInt);
    }

    @Override
    public long readLong() throws JMSException {
        return read(ValueConversions::toLong);
    }

    @Override
    public float readFloat() throws JMSException {
        return read(ValueConversions::toFloat);
    }

    @Override
    public double readDouble() throws JMSException {
        return read(ValueConversions::toDouble);
    }

    @Override
    public String readString() throws JMSException {
        return read(ValueConversions::toStringValue);
    }

    /**
     * Reads the next piece of a byte[] field into {@code value}. Returns the number of bytes
     * copied; a result smaller than the buffer means the field is done. When the previous call
     * filled the buffer exactly and nothing is left, returns -1 and moves to the next field. A null
     * field returns -1 and an empty field 0 (StreamMessage javadoc).
     */
    @Override
    public int readBytes(byte[] value) throws JMSException {
        checkBodyReadable();
        if (index >= fields.size()) {
            throw new MessageEOFException("end of the StreamMessage body");
        }
        Object field = fields.get(index);
        if (field == null) {
            index++;
            return -1;
        }
        byte[] bytes = ValueConversions.toBytes(field);
        int offset = bytesRead < 0 ? 0 : bytesRead;
        int remaining = bytes.length - offset;
        if (remaining == 0 && bytesRead >= 0) {
            // the previous call returned a full buffer that happened to end the field
            endField();
            return -1;
        }
        int n = Math.min(value.length, remaining);
        System.arraycopy(bytes, offset, value, 0, n);
        if (n < value.length) {
            endField();
        } else {
            bytesRead = offset + n;
        }
        return n;
    }

    /** @return the next field as written; byte[] as a new array; null for a null field */
    @Override
    public Object readObject() throws JMSException {
        return read(v -> v instanceof byte[] b ? b.clone() : v);
    }

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        add(value);
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        add(value);
    }

    @Override
    public void writeShort(short value) throws JMSException {
        add(value);
    }

    @Override
    public void writeChar(char value) throws JMSException {
        add(value);
    }

    @Override
    public void writeInt(int value) throws JMSException {
        add(value);
    }

    @Override
    public void writeLong(long value) throws JMSException {
        add(value);
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        add(value);
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        add(value);
    }

    /** A null String writes a null field. */
    @Override
    public void writeString(String value) throws JMSException {
        add(value);
    }

    /** Copies the array; a null array writes a null field (which readBytes reports as -1). */
    @Override
    public void writeBytes(byte[] value) throws JMSException {
        add(value == null ? null : value.clone());
    }

    /** Copies the range. @throws IndexOutOfBoundsException for a range outside the array */
    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        checkBodyWritable();
        if (offset < 0 || length < 0 || offset > value.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length
                    + " is outside an array of " + value.length);
        }
        byte[] copy = new byte[length];
        System.arraycopy(value, offset, copy, 0, length);
        fields.add(copy);
    }

    /**
     * Writes a primitive wrapper (Character included), String, byte[] (copied) or null.
     *
     * @throws MessageFormatException for any other class
     */
    @Override
    public void writeObject(Object value) throws JMSException {
        checkBodyWritable();
        if (!ValueConversions.isBodyValueType(value)) {
            throw new MessageFormatException("StreamMessage.writeObject does not accept "
                    + value.getClass().getName());
        }
        fields.add(value instanceof byte[] b ? b.clone() : value);
    }

    /** Switches to read mode and rewinds to the first field (abandoning a partial byte[] read). */
    @Override
    public void reset() {
        bodyReadOnly = true;
        index = 0;
        bytesRead = -1;
    }

    @Override
    public void clearBody() {
        fields.clear();
        index = 0;
        bytesRead = -1;
        bodyReadOnly = false;
    }

    @Override
    void freezeBody() {
        reset();
    }

    /** Never allowed for a StreamMessage (Message.getBody javadoc). */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        throw new MessageFormatException("getBody is not supported for a StreamMessage");
    }

    /** Always false for a StreamMessage (Message.isBodyAssignableTo javadoc). */
    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) {
        return false;
    }

    /** The live field list, for the codec and foreign copies; values are not copied. */
    List<Object> fieldList() {
        return fields;
    }

    /** Installs fields from the journal, in read mode at the first field. */
    void setFieldsForReading(List<Object> values) {
        fields.clear();
        fields.addAll(values);
        reset();
    }

    private void add(Object value) throws JMSException {
        checkBodyWritable();
        fields.add(value);
    }

    /**
     * Reads the next field through a conversion of the table and only then moves past it: a
     * conversion that throws (MessageFormatException, NumberFormatException, NullPointerException)
     * leaves the position where it was, so the field can be read again as another type.
     */
    private <T> T read(ValueConversions.Conversion<T> conversion) throws JMSException {
        T v = conversion.convert(peek());
        index++;
        return v;
    }

    private void endField() {
        index++;
        bytesRead = -1;
    }

    /**
     * The next field, checked for readability, end of stream and an unfinished byte[] read; the
     * position is not moved, so a failing conversion leaves it unchanged.
     */
    private Object peek() throws JMSException {
        checkBodyReadable();
        if (bytesRead >= 0) {
            throw new MessageFormatException("a byte[] field is partly read with readBytes; "
                    + "read it to its end before reading the next field");
        }
        if (index >= fields.size()) {
            throw new MessageEOFException("end of the StreamMessage body");
        }
        return fields.get(index);
    }
}
