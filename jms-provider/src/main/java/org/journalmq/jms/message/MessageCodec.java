package org.journalmq.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.journalmq.jms.JournalDestination;

/**
 * The binary form in which a message is stored in the journal: every header, every property with
 * its exact type and the body with its exact types, so that {@code decode(encode(m))} equals
 * {@code m} (the provider then calls {@link JournalMessage#markDelivered}).
 *
 * <h2>Format, version 1</h2>
 * All multi-byte numbers are big-endian; "varint" is an unsigned LEB128 number, "zigzag" a signed
 * int mapped to a varint so small negative values stay short.
 * <pre>
 * byte     format version (1)
 * byte     body type ({@link BodyType} tag)
 * str?     JMSMessageID            (str? = value tag NULL or STRING, see below)
 * long     JMSTimestamp
 * value    JMSCorrelationID        (NULL, STRING, or BYTES when set as bytes)
 * dest     JMSDestination          (byte 0 = none, else the destination kind's tag char, then str)
 * dest     JMSReplyTo
 * zigzag   JMSDeliveryMode
 * byte     JMSRedelivered (0/1)
 * str?     JMSType
 * long     JMSExpiration
 * long     JMSDeliveryTime
 * zigzag   JMSPriority
 * varint   property count, then per property: str name, value
 * body     PLAIN: nothing; TEXT: value (NULL or STRING); BYTES: varint length, bytes;
 *          MAP: varint count, then per item str name, value; STREAM: varint count, values;
 *          OBJECT: value (NULL or BYTES holding the Java serialization)
 * </pre>
 * A value is a one-byte type tag followed by its data: NULL, FALSE, TRUE (no data), BYTE (1),
 * SHORT (2), CHAR (2), INT (4), LONG (8), FLOAT (4, IEEE bits), DOUBLE (8, IEEE bits), STRING
 * (str), BYTES (varint length, bytes). A str is a varint byte count followed by each UTF-16 char
 * in 1 to 3 bytes, UTF-8 style; unlike standard UTF-8 this keeps unpaired surrogates exactly, and
 * unlike {@code writeUTF} it has no 64 KiB limit.
 *
 * <p>A reader must reject a version it does not know; a new version is needed for any change
 * that an old reader would misread.
 */
public final class MessageCodec {

    /** The format version written by {@link #encode}. */
    public static final int VERSION = 1;

    private static final int T_NULL = 0;
    private static final int T_FALSE = 1;
    private static final int T_TRUE = 2;
    private static final int T_BYTE = 3;
    private static final int T_SHORT = 4;
    private static final int T_CHAR = 5;
    private static final int T_INT = 6;
    private static final int T_LONG = 7;
    private static final int T_FLOAT = 8;
    private static final int T_DOUBLE = 9;
    private static final int T_STRING = 10;
    private static final int T_BYTES = 11;

    private MessageCodec() {
    }

    /**
     * Encodes a message. Reads the message's state directly, so the message is left unchanged
     * (a BytesMessage in write mode stays in write mode, a StreamMessage keeps its read position).
     */
    public static byte[] encode(JournalMessage m) {
        CodecOutput out = new CodecOutput(256);
        out.writeByte(VERSION);
        out.writeByte(m.bodyType().tag());
        writeNullableString(out, m.getJMSMessageID());
        out.writeLong(m.getJMSTimestamp());
        writeValue(out, m.correlationIdRaw());
        writeDestination(out, (JournalDestination) m.getJMSDestination());
        writeDestination(out, (JournalDestination) m.getJMSReplyTo());
        out.writeZigzag(m.getJMSDeliveryMode());
        out.writeByte(m.getJMSRedelivered() ? 1 : 0);
        writeNullableString(out, m.getJMSType());
        out.writeLong(m.getJMSExpiration());
        out.writeLong(m.getJMSDeliveryTime());
        out.writeZigzag(m.getJMSPriority());

        Map<String, Object> properties = m.propertyMap();
        out.writeVarint(properties.size());
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            out.writeString(e.getKey());
            writeValue(out, e.getValue());
        }

        switch (m.bodyType()) {
            case PLAIN -> { }
            case TEXT -> writeNullableString(out, ((JournalTextMessage) m).getText());
            case BYTES -> {
                byte[] body = ((JournalBytesMessage) m).bodyBytes();
                out.writeVarint(body.length);
                out.writeBytes(body, 0, body.length);
            }
            case MAP -> {
                Map<String, Object> items = ((JournalMapMessage) m).items();
                out.writeVarint(items.size());
                for (Map.Entry<String, Object> e : items.entrySet()) {
                    out.writeString(e.getKey());
                    writeValue(out, e.getValue());
                }
            }
            case STREAM -> {
                List<Object> fields = ((JournalStreamMessage) m).fieldList();
                out.writeVarint(fields.size());
                for (Object v : fields) {
                    writeValue(out, v);
                }
            }
            case OBJECT -> writeValue(out, ((JournalObjectMessage) m).serializedBody());
        }
        return out.toByteArray();
    }

    /**
     * Decodes what {@link #encode} wrote. The result's headers, properties and body equal the
     * encoded message's; Bytes and Stream bodies are in read mode at their start, other bodies and
     * the properties are still writable until the provider calls {@code markDelivered}.
     *
     * @throws MessageFormatException when the data is not a message of a known format version, or
     *         is truncated or corrupt
     * @throws jakarta.jms.InvalidDestinationException when a stored destination name is invalid
     */
    public static JournalMessage decode(byte[] data) throws JMSException {
        CodecInput in = new CodecInput(data);
        int version = in.readByte() & 0xFF;
        if (version != VERSION) {
            throw new MessageFormatException("unknown message format version " + version
                    + " (this JournalMQ reads version " + VERSION + ")");
        }
        int tag = in.readByte() & 0xFF;
        BodyType type = BodyType.ofTag(tag);
        if (type == null) {
            throw new MessageFormatException("corrupt message: unknown body type " + tag);
        }
        JournalMessage m = type.newMessage();
        m.setJMSMessageID(readNullableString(in));
        m.setJMSTimestamp(in.readLong());
        Object correlation = readValue(in);
        if (correlation != null && !(correlation instanceof String) && !(correlation instanceof byte[])) {
            throw new MessageFormatException("corrupt message: correlation ID of type "
                    + ValueConversions.typeName(correlation));
        }
        m.setCorrelationIdRaw(correlation);
        m.setJMSDestination(readDestination(in));
        m.setJMSReplyTo(readDestination(in));
        m.setJMSDeliveryMode(in.readZigzag());
        m.setJMSRedelivered(in.readByte() != 0);
        m.setJMSType(readNullableString(in));
        m.setJMSExpiration(in.readLong());
        m.setJMSDeliveryTime(in.readLong());
        m.setJMSPriority(in.readZigzag());

        int propertyCount = in.readCount();
        Map<String, Object> properties = m.propertyMap();
        for (int i = 0; i < propertyCount; i++) {
            String name = in.readString();
            Object value = readValue(in);
            if (!ValueConversions.isPropertyType(value)) {
                throw new MessageFormatException("corrupt message: property '" + name + "' of type "
                        + ValueConversions.typeName(value));
            }
            properties.put(name, value);
        }

        switch (type) {
            case PLAIN -> { }
            case TEXT -> ((JournalTextMessage) m).setTextRaw(readNullableString(in));
            case BYTES -> ((JournalBytesMessage) m).setBodyForReading(in.readBytes(in.readCount()));
            case MAP -> {
                int count = in.readCount();
                Map<String, Object> items = ((JournalMapMessage) m).items();
                for (int i = 0; i < count; i++) {
                    String name = in.readString();
                    items.put(name, readValue(in));
                }
            }
            case STREAM -> {
                int count = in.readCount();
                List<Object> fields = new ArrayList<>(Math.min(count, 1024));
                for (int i = 0; i < count; i++) {
                    fields.add(readValue(in));
                }
                ((JournalStreamMessage) m).setFieldsForReading(fields);
            }
            case OBJECT -> {
                Object v = readValue(in);
                if (v != null && !(v instanceof byte[])) {
                    throw new MessageFormatException("corrupt message: object body of type "
                            + ValueConversions.typeName(v));
                }
                ((JournalObjectMessage) m).setSerializedBody((byte[]) v);
            }
        }
        if (in.remaining() != 0) {
            throw new MessageFormatException("corrupt message: " + in.remaining() + " bytes after the body");
        }
        return m;
    }

    private static void writeNullableString(CodecOutput out, String s) {
        writeValue(out, s);
    }

    private static String readNullableString(CodecInput in) throws MessageFormatException {
        Object v = readValue(in);
        if (v != null && !(v instanceof String)) {
            throw new MessageFormatException("corrupt message: expected a string, found "
                    + ValueConversions.typeName(v));
        }
        return (String) v;
    }

    private static void writeDestination(CodecOutput out, JournalDestination d) {
        if (d == null) {
            out.writeByte(0);
        } else {
            out.writeByte(d.kind().tag());
            out.writeString(d.name());
        }
    }

    private static JournalDestination readDestination(CodecInput in) throws JMSException {
        int tag = in.readByte() & 0xFF;
        if (tag == 0) {
            return null;
        }
        JournalDestination.Kind kind;
        try {
            kind = JournalDestination.Kind.ofTag((char) tag);
        } catch (IllegalArgumentException e) {
            throw new MessageFormatException("corrupt message: unknown destination kind " + tag);
        }
        return JournalDestination.of(kind, in.readString());
    }

    private static void writeValue(CodecOutput out, Object v) {
        if (v == null) {
            out.writeByte(T_NULL);
        } else if (v instanceof String s) {
            out.writeByte(T_STRING);
            out.writeString(s);
        } else if (v instanceof Integer i) {
            out.writeByte(T_INT);
            out.writeInt(i);
        } else if (v instanceof Long l) {
            out.writeByte(T_LONG);
            out.writeLong(l);
        } else if (v instanceof Boolean b) {
            out.writeByte(b ? T_TRUE : T_FALSE);
        } else if (v instanceof Byte b) {
            out.writeByte(T_BYTE);
            out.writeByte(b);
        } else if (v instanceof Short s) {
            out.writeByte(T_SHORT);
            out.writeShort(s);
        } else if (v instanceof Character c) {
            out.writeByte(T_CHAR);
            out.writeShort(c);
        } else if (v instanceof Float f) {
            out.writeByte(T_FLOAT);
            out.writeInt(Float.floatToRawIntBits(f));
        } else if (v instanceof Double d) {
            out.writeByte(T_DOUBLE);
            out.writeLong(Double.doubleToRawLongBits(d));
        } else if (v instanceof byte[] b) {
            out.writeByte(T_BYTES);
            out.writeVarint(b.length);
            out.writeBytes(b, 0, b.length);
        } else {
            // the setters admit no other type, so reaching this is a bug in this package
            throw new IllegalStateException("cannot encode a value of " + v.getClass().getName());
        }
    }

    private static Object readValue(CodecInput in) throws MessageFormatException {
        int tag = in.readByte() & 0xFF;
        return switch (tag) {
            case T_NULL -> null;
            case T_FALSE -> Boolean.FALSE;
            case T_TRUE -> Boolean.TRUE;
            case T_BYTE -> in.readByte();
            case T_SHORT -> in.readShort();
            case T_CHAR -> (char) in.readShort();
            case T_INT -> in.readInt();
            case T_LONG -> in.readLong();
            case T_FLOAT -> Float.intBitsToFloat(in.readInt());
            case T_DOUBLE -> Double.longBitsToDouble(in.readLong());
            case T_STRING -> in.readString();
            case T_BYTES -> in.readBytes(in.readCount());
            default -> throw new MessageFormatException("corrupt message: unknown value type " + tag);
        };
    }
}
