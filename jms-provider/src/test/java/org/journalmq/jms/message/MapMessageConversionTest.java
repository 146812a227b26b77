package org.journalmq.jms.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;
import java.util.List;
import org.journalmq.jms.message.ConversionTable.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MapMessage conversions, Jakarta Messaging 3.1 section 3.11.4 and the {@code MapMessage}
 * javadoc: every cell of the conversion table, NumberFormatException for unparsable strings and
 * the null rules for absent and null items.
 */
class MapMessageConversionTest {

    static List<Arguments> cases() {
        return ConversionTable.bodyCases();
    }

    @ParameterizedTest(name = "{0} read as {1}: allowed={2}")
    @MethodSource("cases")
    void conversionTableCell(Type row, Type col, boolean allowed) throws JMSException {
        JournalMapMessage m = new JournalMapMessage();
        Object written = ConversionTable.sample(row, col);
        set(m, "v", row, written);
        if (allowed) {
            Object read = get(m, "v", col);
            if (col == Type.BYTES) {
                assertArrayEquals((byte[]) written, (byte[]) read);
            } else {
                assertEquals(ConversionTable.expected(written, col), read);
            }
        } else {
            assertThrows(MessageFormatException.class, () -> get(m, "v", col));
        }
        Object stored = m.getObject("v");
        if (written instanceof byte[] b) {
            assertArrayEquals(b, (byte[]) stored);
        } else {
            assertEquals(written, stored);
        }
    }

    @Test
    void unparsableStringsThrowNumberFormatException() throws JMSException {
        JournalMapMessage m = new JournalMapMessage();
        m.setString("s", "1.2.3");
        assertThrows(NumberFormatException.class, () -> m.getByte("s"));
        assertThrows(NumberFormatException.class, () -> m.getShort("s"));
        assertThrows(NumberFormatException.class, () -> m.getInt("s"));
        assertThrows(NumberFormatException.class, () -> m.getLong("s"));
        assertThrows(NumberFormatException.class, () -> m.getFloat("s"));
        assertThrows(NumberFormatException.class, () -> m.getDouble("s"));
        assertFalse(m.getBoolean("s"));
    }

    @Test
    void absentAndNullItemsReadAsValueOfNull() throws JMSException {
        JournalMapMessage m = new JournalMapMessage();
        m.setString("n", null);
        for (String name : new String[] {"n", "absent"}) {
            assertFalse(m.getBoolean(name));
            assertThrows(NumberFormatException.class, () -> m.getByte(name));
            assertThrows(NumberFormatException.class, () -> m.getShort(name));
            assertThrows(NumberFormatException.class, () -> m.getInt(name));
            assertThrows(NumberFormatException.class, () -> m.getLong(name));
            assertThrows(NullPointerException.class, () -> m.getFloat(name));
            assertThrows(NullPointerException.class, () -> m.getDouble(name));
            assertThrows(NullPointerException.class, () -> m.getChar(name));
            assertNull(m.getString(name));
            assertNull(m.getBytes(name));
            assertNull(m.getObject(name));
        }
    }

    static void set(MapMessage m, String name, Type type, Object v) throws JMSException {
        switch (type) {
            case BOOLEAN -> m.setBoolean(name, (Boolean) v);
            case BYTE -> m.setByte(name, (Byte) v);
            case SHORT -> m.setShort(name, (Short) v);
            case CHAR -> m.setChar(name, (Character) v);
            case INT -> m.setInt(name, (Integer) v);
            case LONG -> m.setLong(name, (Long) v);
            case FLOAT -> m.setFloat(name, (Float) v);
            case DOUBLE -> m.setDouble(name, (Double) v);
            case STRING -> m.setString(name, (String) v);
            case BYTES -> m.setBytes(name, (byte[]) v);
        }
    }

    static Object get(MapMessage m, String name, Type type) throws JMSException {
        return switch (type) {
            case BOOLEAN -> m.getBoolean(name);
            case BYTE -> m.getByte(name);
            case SHORT -> m.getShort(name);
            case CHAR -> m.getChar(name);
            case INT -> m.getInt(name);
            case LONG -> m.getLong(name);
            case FLOAT -> m.getFloat(name);
            case DOUBLE -> m.getDouble(name);
            case STRING -> m.getString(name);
            case BYTES -> m.getBytes(name);
        };
    }
}
