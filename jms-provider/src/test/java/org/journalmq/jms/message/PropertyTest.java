package org.journalmq.jms.message;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Message properties, Jakarta Messaging 3.1 section 3.5 (3.5.1 names, 3.5.3 values, 3.5.5 read-only
 * after receipt, 3.5.6 clearProperties, 3.5.9 JMSX properties) and the {@code Message} javadoc.
 */
class PropertyTest {

    @ParameterizedTest
    @ValueSource(strings = {"NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN",
            "IS", "ESCAPE", "null", "True", "and", "Escape"})
    void reservedSelectorWordsAreRejectedInAnyCase(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new JournalPlainMessage().setStringProperty(name, "v"));
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1abc", "a-b", "a b", "a.b", "-", "é-x", "a\u0000b", "#x"})
    void nonIdentifierNamesAreRejectedNamingTheName(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new JournalPlainMessage().setIntProperty(name, 1));
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "_x", "$y", "A1", "JMSXGroupID", "JMS_journalmq_hint", "ÄÖü",
            "nullable", "ORDER", "INTEREST", "IsOk", "x\u00e9"})
    void identifierNamesAreAccepted(String name) throws JMSException {
        JournalPlainMessage m = new JournalPlainMessage();
        m.setIntProperty(name, 7);
        assertEquals(7, m.getIntProperty(name));
    }

    @Test
    void nullAndEmptyNamesAreRejectedByEverySetter() {
        JournalPlainMessage m = new JournalPlainMessage();
        for (String name : new String[] {null, ""}) {
            List<Executable> setters = List.of(
                    () -> m.setBooleanProperty(name, true),
                    () -> m.setByteProperty(name, (byte) 1),
                    () -> m.setShortProperty(name, (short) 1),
                    () -> m.setIntProperty(name, 1),
                    () -> m.setLongProperty(name, 1L),
                    () -> m.setFloatProperty(name, 1f),
                    () -> m.setDoubleProperty(name, 1d),
                    () -> m.setStringProperty(name, "x"),
                    () -> m.setObjectProperty(name, "x"));
            for (Executable setter : setters) {
                assertThrows(IllegalArgumentException.class, setter);
            }
        }
    }

    @Test
    void setObjectPropertyAcceptsOnlyPropertyTypes() throws JMSException {
        JournalPlainMessage m = new JournalPlainMessage();
        for (Object ok : new Object[] {true, (byte) 1, (short) 2, 3, 4L, 5f, 6d, "s"}) {
            m.setObjectProperty("ok", ok);
            assertEquals(ok, m.getObjectProperty("ok"));
        }
        for (Object bad : new Object[] {new Object(), 'c', new byte[] {1}, new StringBuilder("x"),
                java.math.BigDecimal.ONE, List.of()}) {
            assertThrows(MessageFormatException.class, () -> m.setObjectProperty("bad", bad),
                    bad.getClass().getName());
        }
        assertFalse(m.propertyExists("bad"));
    }

    @Test
    void setObjectPropertyNullStoresANullProperty() throws JMSException {
        JournalPlainMessage m = new JournalPlainMessage();
        m.setObjectProperty("n", null);
        assertTrue(m.propertyExists("n"));
        assertNull(m.getObjectProperty("n"));
    }

    @Test
    void propertyNamesListsEveryPropertyOnce() throws JMSException {
        JournalPlainMessage m = new JournalPlainMessage();
        m.setIntProperty("a", 1);
        m.setStringProperty("b", null);
        m.setBooleanProperty("c", false);
        m.setIntProperty("a", 2);
        assertEquals(List.of("a", "b", "c"), names(m));
        assertTrue(m.propertyExists("a"));
        assertFalse(m.propertyExists("z"));
        assertFalse(m.propertyExists(null));
    }

    @Test
    void headersAreNotProperties() throws JMSException {
        JournalPlainMessage m = new JournalPlainMessage();
        m.setJMSType("t");
        m.setJMSCorrelationID("c");
        assertEquals(List.of(), names(m));
        assertFalse(m.propertyExists("JMSType"));
    }

    @Test
    void propertyNamesIsASnapshot() throws JMSException {
        JournalPlainMessage m = new JournalPlainMessage();
        m.setIntProperty("a", 1);
        Enumeration<?> e = m.getPropertyNames();
        m.setIntProperty("b", 2);
        assertEquals("a", e.nextElement());
        assertFalse(e.hasMoreElements());
    }

    @Test
    void receivedPropertiesAreReadOnlyForEverySetter() throws JMSException {
        JournalTextMessage m = new JournalTextMessage("body");
        m.setIntProperty("i", 1);
        m.markDelivered(1);
        List<Executable> setters = List.of(
                () -> m.setBooleanProperty("x", true),
                () -> m.setByteProperty("x", (byte) 1),
                () -> m.setShortProperty("x", (short) 1),
                () -> m.setIntProperty("i", 2),
                () -> m.setLongProperty("x", 1L),
                () -> m.setFloatProperty("x", 1f),
                () -> m.setDoubleProperty("x", 1d),
                () -> m.setStringProperty("x", "x"),
                () -> m.setObjectProperty("x", 1));
        for (Executable setter : setters) {
            assertThrows(MessageNotWriteableException.class, setter);
        }
        assertEquals(1, m.getIntProperty("i"));
        assertFalse(m.propertyExists("x"));
        assertTrue(m.isPropertiesReadOnly());
    }

    @Test
    void invalidNameOnReadOnlyPropertiesIsStillAnIllegalArgument() throws JMSException {
        JournalPlainMessage m = new JournalPlainMessage();
        m.markDelivered(1);
        assertThrows(IllegalArgumentException.class, () -> m.setIntProperty("", 1));
    }

    @Test
    void clearPropertiesEmptiesAndMakesWritable() throws JMSException {
        JournalTextMessage m = new JournalTextMessage("body");
        m.setIntProperty("i", 1);
        m.setJMSType("type");
        m.markDelivered(3);
        m.clearProperties();
        assertFalse(m.getPropertyNames().hasMoreElements());
        assertNull(m.getObjectProperty("i"));
        assertThrows(NumberFormatException.class, () -> m.getShortProperty("i"));
        assertFalse(m.propertyExists(PropertyNames.JMSX_DELIVERY_COUNT));
        m.setIntProperty("i", 9);
        assertEquals(9, m.getIntProperty("i"));
        // headers and body are untouched, and the body stays read-only
        assertEquals("type", m.getJMSType());
        assertEquals("body", m.getText());
        assertThrows(MessageNotWriteableException.class, () -> m.setText("x"));
    }

    @Test
    void clearBodyDoesNotClearProperties() throws JMSException {
        JournalTextMessage m = new JournalTextMessage("b");
        m.setIntProperty("i", 1);
        m.markDelivered(1);
        m.clearBody();
        assertEquals(1, m.getIntProperty("i"));
        assertThrows(MessageNotWriteableException.class, () -> m.setIntProperty("j", 1));
    }

    @Test
    void deliveryCountIsAnIntPropertyListedWithTheOthers() throws JMSException {
        JournalPlainMessage m = new JournalPlainMessage();
        m.setStringProperty("app", "x");
        m.markDelivered(2);
        assertEquals(2, m.getIntProperty("JMSXDeliveryCount"));
        assertEquals(Integer.valueOf(2), m.getObjectProperty("JMSXDeliveryCount"));
        assertEquals(2L, m.getLongProperty("JMSXDeliveryCount"));
        assertEquals("2", m.getStringProperty("JMSXDeliveryCount"));
        Set<String> names = new HashSet<>(names(m));
        assertEquals(Set.of("app", "JMSXDeliveryCount"), names);
    }

    @Test
    void groupPropertiesMayBeSetByClients() throws JMSException {
        JournalPlainMessage m = new JournalPlainMessage();
        assertDoesNotThrow(() -> m.setStringProperty("JMSXGroupID", "g"));
        assertDoesNotThrow(() -> m.setIntProperty("JMSXGroupSeq", 3));
        assertEquals("g", m.getStringProperty("JMSXGroupID"));
        assertEquals(3, m.getIntProperty("JMSXGroupSeq"));
    }

    @Test
    void unknownPropertyNamesReadAsAbsentWithoutException() throws JMSException {
        JournalPlainMessage m = new JournalPlainMessage();
        assertNull(m.getStringProperty(null));
        assertNull(m.getObjectProperty(""));
    }

    private static List<String> names(JournalMessage m) {
        List<String> out = new ArrayList<>();
        for (Object o : Collections.list(m.getPropertyNames())) {
            out.add((String) o);
        }
        return out;
    }
}
