package org.journalmq.tck;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Message properties (spec 3.5: 3.5.1 names, 3.5.4 conversions, 3.5.5 object values, 3.5.7 clearing, 3.5.9 JMSX). */
public abstract class AbstractPropertyTest extends ConformanceBase {

    /** Spec 3.5.4: the property value conversion table, across the journal. */
    @Test
    void conversionTable() throws Exception {
        Session s = session();
        Message m = s.createMessage();
        m.setBooleanProperty("bool", true);
        m.setByteProperty("byte", (byte) 1);
        m.setShortProperty("short", (short) 2);
        m.setIntProperty("int", 3);
        m.setLongProperty("long", 4L);
        m.setFloatProperty("float", 5.5f);
        m.setDoubleProperty("double", 6.5);
        m.setStringProperty("str", "7");
        m.setStringProperty("strTrue", "TRUE");
        Message got = roundTrip(s, m);
        assertEquals("true", got.getStringProperty("bool"));
        assertThrows(MessageFormatException.class, () -> got.getIntProperty("bool"));
        assertEquals(1, got.getLongProperty("byte"));
        assertEquals(2, got.getIntProperty("short"));
        assertThrows(MessageFormatException.class, () -> got.getShortProperty("int"));
        assertThrows(MessageFormatException.class, () -> got.getFloatProperty("long"));
        assertEquals(5.5, got.getDoubleProperty("float"));
        assertThrows(MessageFormatException.class, () -> got.getFloatProperty("double"));
        assertEquals(7, got.getByteProperty("str"));
        assertEquals(7L, got.getLongProperty("str"));
        assertEquals(7.0, got.getDoubleProperty("str"));
        assertTrue(got.getBooleanProperty("strTrue"));
        assertFalse(got.getBooleanProperty("str"));
        assertEquals(Integer.valueOf(3), got.getObjectProperty("int"));
        assertEquals(Float.valueOf(5.5f), got.getObjectProperty("float"));
    }

    /** Message javadoc: a missing property reads as null (objects, strings), false, or NumberFormatException. */
    @Test
    void missingProperties() throws Exception {
        Message m = session().createMessage();
        assertNull(m.getStringProperty("none"));
        assertNull(m.getObjectProperty("none"));
        assertFalse(m.getBooleanProperty("none"));
        assertThrows(NumberFormatException.class, () -> m.getIntProperty("none"));
        assertThrows(NumberFormatException.class, () -> m.getByteProperty("none"));
        assertThrows(NumberFormatException.class, () -> m.getLongProperty("none"));
        assertThrows(NullPointerException.class, () -> m.getDoubleProperty("none"));
        assertThrows(NullPointerException.class, () -> m.getFloatProperty("none"));
        assertFalse(m.propertyExists("none"));
    }

    /** Message.setXxxProperty javadoc: IllegalArgumentException for a null or empty name. */
    @Test
    void nullOrEmptyNamesAreIllegal() throws Exception {
        Message m = session().createMessage();
        for (String bad : new String[] {null, ""}) {
            assertThrows(IllegalArgumentException.class, () -> m.setStringProperty(bad, "x"));
            assertThrows(IllegalArgumentException.class, () -> m.setIntProperty(bad, 1));
            assertThrows(IllegalArgumentException.class, () -> m.setBooleanProperty(bad, true));
            assertThrows(IllegalArgumentException.class, () -> m.setByteProperty(bad, (byte) 1));
            assertThrows(IllegalArgumentException.class, () -> m.setShortProperty(bad, (short) 1));
            assertThrows(IllegalArgumentException.class, () -> m.setLongProperty(bad, 1L));
            assertThrows(IllegalArgumentException.class, () -> m.setFloatProperty(bad, 1f));
            assertThrows(IllegalArgumentException.class, () -> m.setDoubleProperty(bad, 1d));
            assertThrows(IllegalArgumentException.class, () -> m.setObjectProperty(bad, 1));
        }
    }

    /** Spec 3.5.1: a property name is a selector identifier (not NULL, TRUE, AND ..., not starting with a digit). */
    @Test
    void namesMustBeIdentifiers() throws Exception {
        Message m = session().createMessage();
        for (String bad : List.of("1abc", "a-b", "NULL", "TRUE", "and", "BETWEEN", "with space")) {
            assertThrows(IllegalArgumentException.class, () -> m.setStringProperty(bad, "x"), bad);
        }
        m.setStringProperty("_ok$1", "fine");
        assertEquals("fine", m.getStringProperty("_ok$1"));
    }

    /** Spec 3.5.5 / setObjectProperty javadoc: only primitive wrappers and String; others → MessageFormatException. */
    @Test
    void objectPropertyTypes() throws Exception {
        Message m = session().createMessage();
        assertThrows(MessageFormatException.class, () -> m.setObjectProperty("list", new ArrayList<>()));
        assertThrows(MessageFormatException.class, () -> m.setObjectProperty("chars", new char[] {'a'}));
        assertThrows(MessageFormatException.class, () -> m.setObjectProperty("ch", 'c'));
        m.setObjectProperty("ok", (short) 3);
        assertEquals(Short.valueOf((short) 3), m.getObjectProperty("ok"));
    }

    /** Spec 3.5.7: received properties are read-only until clearProperties, which does not clear the body. */
    @Test
    void receivedPropertiesAreReadOnly() throws Exception {
        Session s = session();
        Message m = s.createTextMessage("keep");
        m.setIntProperty("p", 1);
        jakarta.jms.TextMessage got = (jakarta.jms.TextMessage) roundTrip(s, m);
        assertThrows(MessageNotWriteableException.class, () -> got.setIntProperty("q", 2));
        assertThrows(MessageNotWriteableException.class, () -> got.setObjectProperty("q", 2));
        got.clearProperties();
        assertFalse(got.propertyExists("p"));
        got.setIntProperty("q", 2);
        assertEquals("keep", got.getText());
    }

    /** Message.getPropertyNames javadoc: the names of all the properties; JMSXDeliveryCount is set on receipt (3.5.11). */
    @Test
    void propertyNames() throws Exception {
        Session s = session();
        Message m = s.createMessage();
        m.setIntProperty("a", 1);
        m.setStringProperty("b", "2");
        Set<String> before = new HashSet<>(Collections.list(cast(m.getPropertyNames())));
        assertEquals(Set.of("a", "b"), before);
        Message got = roundTrip(s, m);
        Set<String> after = new HashSet<>(Collections.list(cast(got.getPropertyNames())));
        assertTrue(after.containsAll(Set.of("a", "b")), after.toString());
        assertTrue(got.propertyExists("JMSXDeliveryCount"));
    }

    @SuppressWarnings("unchecked")
    private static java.util.Enumeration<String> cast(java.util.Enumeration<?> e) {
        return (java.util.Enumeration<String>) e;
    }

    /** Spec 3.5.9 / ConnectionMetaData.getJMSXPropertyNames: the JMSX properties supported, incl. JMSXDeliveryCount, JMSXGroupID, JMSXGroupSeq. */
    @Test
    void metaDataListsSupportedJmsx() throws Exception {
        Set<String> names = new HashSet<>(Collections.list(connect().getMetaData().getJMSXPropertyNames()));
        assertTrue(names.containsAll(Set.of("JMSXDeliveryCount", "JMSXGroupID", "JMSXGroupSeq")), names.toString());
    }

    /** Spec 3.5.9: JMSXGroupID/JMSXGroupSeq set by the client cross the journal. */
    @Test
    void groupPropertiesCross() throws JMSException {
        Session s = session();
        Message m = s.createMessage();
        m.setStringProperty("JMSXGroupID", "g");
        m.setIntProperty("JMSXGroupSeq", 3);
        Message got = roundTrip(s, m);
        assertEquals("g", got.getStringProperty("JMSXGroupID"));
        assertEquals(3, got.getIntProperty("JMSXGroupSeq"));
    }
}
