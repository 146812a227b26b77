package org.journalmq.jms.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import java.util.List;
import org.journalmq.jms.message.ConversionTable.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property value conversions, Jakarta Messaging 3.1 section 3.5.4 and the {@code Message} javadoc:
 * every cell of the conversion table, String-to-number through {@code valueOf}, and the null rules
 * ("reading a null as a primitive is treated as calling valueOf(null)").
 */
class PropertyConversionTest {

    static List<Arguments> cases() {
        return ConversionTable.propertyCases();
    }

    @ParameterizedTest(name = "{0} read as {1}: allowed={2}")
    @MethodSource("cases")
    void conversionTableCell(Type row, Type col, boolean allowed) throws JMSException {
        Message m = new JournalPlainMessage();
        Object written = ConversionTable.sample(row, col);
        set(m, "p", row, written);
        if (allowed) {
            assertEquals(ConversionTable.expected(written, col), get(m, "p", col));
        } else {
            assertThrows(MessageFormatException.class, () -> get(m, "p", col));
        }
        // a failed or successful read never changes the stored value or its type
        assertEquals(written, m.getObjectProperty("p"));
    }

    @Test
    void unparsableStringToNumbersThrowsNumberFormatException() throws JMSException {
        Message m = new JournalPlainMessage();
        m.setStringProperty("s", "not a number");
        assertThrows(NumberFormatException.class, () -> m.getByteProperty("s"));
        assertThrows(NumberFormatException.class, () -> m.getShortProperty("s"));
        assertThrows(NumberFormatException.class, () -> m.getIntProperty("s"));
        assertThrows(NumberFormatException.class, () -> m.getLongProperty("s"));
        assertThrows(NumberFormatException.class, () -> m.getFloatProperty("s"));
        assertThrows(NumberFormatException.class, () -> m.getDoubleProperty("s"));
        // Boolean.valueOf accepts any string: only "true" (any case) is true
        assertFalse(m.getBooleanProperty("s"));
    }

    @Test
    void stringOutOfRangeForTypeThrowsNumberFormatException() throws JMSException {
        Message m = new JournalPlainMessage();
        m.setStringProperty("s", "128");
        assertThrows(NumberFormatException.class, () -> m.getByteProperty("s"));
        assertEquals(128, m.getShortProperty("s"));
    }

    @Test
    void stringBooleanIsCaseInsensitive() throws JMSException {
        Message m = new JournalPlainMessage();
        m.setStringProperty("s", "TRUE");
        assertTrue(m.getBooleanProperty("s"));
    }

    @Test
    void absentPropertyReadsAsValueOfNull() throws JMSException {
        Message m = new JournalPlainMessage();
        assertFalse(m.getBooleanProperty("absent"));
        assertThrows(NumberFormatException.class, () -> m.getByteProperty("absent"));
        assertThrows(NumberFormatException.class, () -> m.getShortProperty("absent"));
        assertThrows(NumberFormatException.class, () -> m.getIntProperty("absent"));
        assertThrows(NumberFormatException.class, () -> m.getLongProperty("absent"));
        // Float.valueOf(null) and Double.valueOf(null) throw NullPointerException; the TCK expects it
        assertThrows(NullPointerException.class, () -> m.getFloatProperty("absent"));
        assertThrows(NullPointerException.class, () -> m.getDoubleProperty("absent"));
        assertNull(m.getStringProperty("absent"));
        assertNull(m.getObjectProperty("absent"));
    }

    @Test
    void nullStringPropertyReadsAsValueOfNull() throws JMSException {
        Message m = new JournalPlainMessage();
        m.setStringProperty("n", null);
        assertTrue(m.propertyExists("n"));
        assertFalse(m.getBooleanProperty("n"));
        assertThrows(NumberFormatException.class, () -> m.getByteProperty("n"));
        assertThrows(NumberFormatException.class, () -> m.getShortProperty("n"));
        assertThrows(NumberFormatException.class, () -> m.getIntProperty("n"));
        assertThrows(NumberFormatException.class, () -> m.getLongProperty("n"));
        assertThrows(NullPointerException.class, () -> m.getFloatProperty("n"));
        assertThrows(NullPointerException.class, () -> m.getDoubleProperty("n"));
        assertNull(m.getStringProperty("n"));
        assertNull(m.getObjectProperty("n"));
    }

    @Test
    void objectPropertyKeepsTheTypeItWasSetWith() throws JMSException {
        Message m = new JournalPlainMessage();
        m.setByteProperty("b", (byte) 1);
        m.setShortProperty("s", (short) 1);
        m.setIntProperty("i", 1);
        m.setLongProperty("l", 1L);
        m.setFloatProperty("f", 1f);
        m.setDoubleProperty("d", 1d);
        m.setBooleanProperty("z", true);
        m.setStringProperty("t", "1");
        assertEquals(Byte.class, m.getObjectProperty("b").getClass());
        assertEquals(Short.class, m.getObjectProperty("s").getClass());
        assertEquals(Integer.class, m.getObjectProperty("i").getClass());
        assertEquals(Long.class, m.getObjectProperty("l").getClass());
        assertEquals(Float.class, m.getObjectProperty("f").getClass());
        assertEquals(Double.class, m.getObjectProperty("d").getClass());
        assertEquals(Boolean.class, m.getObjectProperty("z").getClass());
        assertEquals(String.class, m.getObjectProperty("t").getClass());
    }

    @Test
    void setObjectPropertyConvertsLikeTheTypedSetter() throws JMSException {
        Message m = new JournalPlainMessage();
        m.setObjectProperty("i", 42);
        assertEquals(42L, m.getLongProperty("i"));
        assertEquals("42", m.getStringProperty("i"));
        assertThrows(MessageFormatException.class, () -> m.getShortProperty("i"));
    }

    @Test
    void extremeValuesSurviveConversion() throws JMSException {
        Message m = new JournalPlainMessage();
        m.setLongProperty("l", Long.MIN_VALUE);
        assertEquals(String.valueOf(Long.MIN_VALUE), m.getStringProperty("l"));
        m.setStringProperty("s", String.valueOf(Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, m.getLongProperty("s"));
        m.setFloatProperty("f", Float.NaN);
        assertTrue(Double.isNaN(m.getDoubleProperty("f")));
        m.setStringProperty("inf", "-Infinity");
        assertEquals(Double.NEGATIVE_INFINITY, m.getDoubleProperty("inf"));
    }

    static void set(Message m, String name, Type type, Object v) throws JMSException {
        switch (type) {
            case BOOLEAN -> m.setBooleanProperty(name, (Boolean) v);
            case BYTE -> m.setByteProperty(name, (Byte) v);
            case SHORT -> m.setShortProperty(name, (Short) v);
            case INT -> m.setIntProperty(name, (Integer) v);
            case LONG -> m.setLongProperty(name, (Long) v);
            case FLOAT -> m.setFloatProperty(name, (Float) v);
            case DOUBLE -> m.setDoubleProperty(name, (Double) v);
            case STRING -> m.setStringProperty(name, (String) v);
            default -> throw new IllegalArgumentException("no property setter for " + type);
        }
    }

    static Object get(Message m, String name, Type type) throws JMSException {
        return switch (type) {
            case BOOLEAN -> m.getBooleanProperty(name);
            case BYTE -> m.getByteProperty(name);
            case SHORT -> m.getShortProperty(name);
            case INT -> m.getIntProperty(name);
            case LONG -> m.getLongProperty(name);
            case FLOAT -> m.getFloatProperty(name);
            case DOUBLE -> m.getDoubleProperty(name);
            case STRING -> m.getStringProperty(name);
            default -> throw new IllegalArgumentException("no property getter for " + type);
        };
    }
}
