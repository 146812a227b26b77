package org.journalmq.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message whose body is a set of named values (section 3.11.4) read with the conversions of the
 * MapMessage table ({@link ValueConversions}). Values keep the Java type they were set with;
 * byte[] values are copied in and out so the application never shares an array with the message.
 * Reading is always allowed; writing only while the body is not read-only.
 */
public class JournalMapMessage extends JournalMessage implements MapMessage {

    private final Map<String, Object> map = new LinkedHashMap<>();

    public JournalMapMessage() {
    }

    @Override
    public BodyType bodyType() {
        return BodyType.MAP;
    }

    @Override
    public boolean getBoolean(String name) throws JMSException {
        return ValueConversions.toBoolean(map.get(name));
    }

    @Override
    public byte getByte(String name) throws JMSException {
        return ValueConversions.toByte(map.get(name));
    }

    @Override
    public short getShort(String name) throws JMSException {
        return ValueConversions.toShort(map.get(name));
    }

    /** @throws NullPointerException when the item is absent or null (char has no String form) */
    @Override
    public char getChar(String name) throws JMSException {
        return ValueConversions.toChar(map.get(name));
    }

    @Override
    public int getInt(String name) throws JMSException {
        return ValueConversions.toInt(map.get(name));
    }

    @Override
    public long getLong(String name) throws JMSException {
        return ValueConversions.toLong(map.get(name));
    }

    @Override
    public float getFloat(String name) throws JMSException {
        return ValueConversions.toFloat(map.get(name));
    }

    @Override
    public double getDouble(String name) throws JMSException {
        return ValueConversions.toDouble(map.get(name));
    }

    @Override
    public String getString(String name) throws JMSException {
        return ValueConversions.toStringValue(map.get(name));
    }

    /** @return a copy of the byte array, or null when the item is absent or null */
    @Override
    public byte[] getBytes(String name) throws JMSException {
        byte[] b = ValueConversions.toBytes(map.get(name));
        return b == null ? null : b.clone();
    }

    /** @return the value in objectified form; byte[] values as a copy */
    @Override
    public Object getObject(String name) {
        Object v = map.get(name);
        return v instanceof byte[] b ? b.clone() : v;
    }

    @Override
    public Enumeration<String> getMapNames() {
        return Collections.enumeration(new ArrayList<>(map.keySet()));
    }

    @Override
    public void setBoolean(String name, boolean value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setByte(String name, byte value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setShort(String name, short value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setChar(String name, char value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setInt(String name, int value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setLong(String name, long value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setFloat(String name, float value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setDouble(String name, double value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setString(String name, String value) throws JMSException {
        put(name, value);
    }

    /** Copies the array; a null array stores a null item. */
    @Override
    public void setBytes(String name, byte[] value) throws JMSException {
        put(name, value == null ? null : value.clone());
    }

    /** Copies the given range. @throws IndexOutOfBoundsException for a range outside the array */
    @Override
    public void setBytes(String name, byte[] value, int offset, int length) throws JMSException {
        checkWrite(name);
        if (offset < 0 || length < 0 || offset > value.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length
                    + " is outside an array of " + value.length);
        }
        byte[] copy = new byte[length];
        System.arraycopy(value, offset, copy, 0, length);
        map.put(name, copy);
    }

    /**
     * Accepts the primitive wrappers (Character included), String, byte[] (copied) and null.
     *
     * @throws MessageFormatException for any other class
     */
    @Override
    public void setObject(String name, Object value) throws JMSException {
        checkWrite(name);
        if (!ValueConversions.isBodyValueType(value)) {
            throw new MessageFormatException("map item '" + name + "': values of "
                    + value.getClass().getName() + " are not allowed in a MapMessage");
        }
        map.put(name, value instanceof byte[] b ? b.clone() : value);
    }

    @Override
    public boolean itemExists(String name) {
        return map.containsKey(name);
    }

    @Override
    public void clearBody() {
        map.clear();
        bodyReadOnly = false;
    }

    /**
     * Map (or Object) only; returns a new HashMap, with byte[] values copied, that the caller may
     * change freely. A map without items counts as "no body": null for any type.
     */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        if (map.isEmpty()) {
            return null;
        }
        if (c == null || !c.isAssignableFrom(Map.class)) {
            throw notAssignable(bodyType(), c);
        }
        Map<String, Object> copy = new HashMap<>(map.size() * 2);
        for (Map.Entry<String, Object> e : map.entrySet()) {
            Object v = e.getValue();
            copy.put(e.getKey(), v instanceof byte[] b ? b.clone() : v);
        }
        return c.cast(copy);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) {
        return map.isEmpty() || (c != null && c.isAssignableFrom(Map.class));
    }

    private void put(String name, Object value) throws JMSException {
        checkWrite(name);
        map.put(name, value);
    }

    /** Name first, then state, like properties: a bad name is a programming error in any state. */
    private void checkWrite(String name) throws JMSException {
        PropertyNames.checkItemName(name);
        checkBodyWritable();
    }

    /** The live item map, for the codec and foreign copies; values are not copied. */
    Map<String, Object> items() {
        return map;
    }
}
