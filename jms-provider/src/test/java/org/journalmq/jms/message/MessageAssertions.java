package org.journalmq.jms.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.jms.JMSException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Field-by-field comparison of two messages, exact to the Java type of every value. */
final class MessageAssertions {

    private MessageAssertions() {
    }

    static void assertSameMessage(JournalMessage expected, JournalMessage actual) throws JMSException {
        assertEquals(expected.getClass(), actual.getClass());
        assertEquals(expected.getJMSMessageID(), actual.getJMSMessageID(), "JMSMessageID");
        assertEquals(expected.getJMSTimestamp(), actual.getJMSTimestamp(), "JMSTimestamp");
        assertValueEquals(expected.correlationIdRaw(), actual.correlationIdRaw(), "JMSCorrelationID");
        assertEquals(expected.getJMSDestination(), actual.getJMSDestination(), "JMSDestination");
        assertEquals(expected.getJMSReplyTo(), actual.getJMSReplyTo(), "JMSReplyTo");
        if (expected.getJMSReplyTo() != null) {
            assertEquals(expected.getJMSReplyTo().getClass(), actual.getJMSReplyTo().getClass());
        }
        assertEquals(expected.getJMSDeliveryMode(), actual.getJMSDeliveryMode(), "JMSDeliveryMode");
        assertEquals(expected.getJMSRedelivered(), actual.getJMSRedelivered(), "JMSRedelivered");
        assertEquals(expected.getJMSType(), actual.getJMSType(), "JMSType");
        assertEquals(expected.getJMSExpiration(), actual.getJMSExpiration(), "JMSExpiration");
        assertEquals(expected.getJMSDeliveryTime(), actual.getJMSDeliveryTime(), "JMSDeliveryTime");
        assertEquals(expected.getJMSPriority(), actual.getJMSPriority(), "JMSPriority");
        assertMapEquals(expected.propertyMap(), actual.propertyMap(), "properties");
        switch (expected.bodyType()) {
            case PLAIN -> { }
            case TEXT -> assertEquals(((JournalTextMessage) expected).getText(),
                    ((JournalTextMessage) actual).getText(), "text");
            case BYTES -> assertArrayEquals(((JournalBytesMessage) expected).bodyBytes(),
                    ((JournalBytesMessage) actual).bodyBytes(), "bytes body");
            case MAP -> assertMapEquals(((JournalMapMessage) expected).items(),
                    ((JournalMapMessage) actual).items(), "map body");
            case STREAM -> {
                List<Object> e = ((JournalStreamMessage) expected).fieldList();
                List<Object> a = ((JournalStreamMessage) actual).fieldList();
                assertEquals(e.size(), a.size(), "stream field count");
                for (int i = 0; i < e.size(); i++) {
                    assertValueEquals(e.get(i), a.get(i), "stream field " + i);
                }
            }
            case OBJECT -> assertEquals(((JournalObjectMessage) expected).getObject(),
                    ((JournalObjectMessage) actual).getObject(), "object body");
        }
    }

    static void assertMapEquals(Map<String, Object> expected, Map<String, Object> actual, String what) {
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()), what + " names");
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            assertValueEquals(e.getValue(), actual.get(e.getKey()), what + " '" + e.getKey() + "'");
        }
    }

    /** Equal values of the same class; floats and doubles compared by bits (NaN, -0.0). */
    static void assertValueEquals(Object expected, Object actual, String what) {
        if (expected == null) {
            assertEquals(null, actual, what);
            return;
        }
        assertEquals(expected.getClass(), actual == null ? null : actual.getClass(), what + " type");
        if (expected instanceof byte[] b) {
            assertArrayEquals(b, (byte[]) actual, what);
        } else if (expected instanceof Float f) {
            assertEquals(Float.floatToRawIntBits(f), Float.floatToRawIntBits((Float) actual), what);
        } else if (expected instanceof Double d) {
            assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits((Double) actual), what);
        } else {
            assertEquals(expected, actual, what);
        }
    }
}
