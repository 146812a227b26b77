package org.journalmq.jms.selector;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A test-only {@link Message} for selector tests (Jakarta Messaging 3.1, section 3.8.1): a map of properties and
 * the header fields; nothing else. {@link #failing()} gives one whose every getter throws.
 */
final class TestMessage implements Message {

    final Map<String, Object> properties = new LinkedHashMap<>();
    private String messageId;
    private long timestamp;
    private String correlationId;
    private Destination replyTo;
    private Destination destination;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private boolean redelivered;
    private String type;
    private long expiration;
    private long deliveryTime;
    private int priority = Message.DEFAULT_PRIORITY;
    private boolean failing;

    static TestMessage failing() {
        TestMessage m = new TestMessage();
        m.failing = true;
        return m;
    }

    TestMessage with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    private void check() throws JMSException {
        if (failing) {
            throw new JMSException("failing test message");
        }
    }

    @Override public String getJMSMessageID() throws JMSException { check(); return messageId; }
    @Override public void setJMSMessageID(String id) { messageId = id; }
    @Override public long getJMSTimestamp() throws JMSException { check(); return timestamp; }
    @Override public void setJMSTimestamp(long t) { timestamp = t; }
    @Override public byte[] getJMSCorrelationIDAsBytes() throws JMSException {
        check();
        return correlationId == null ? null : correlationId.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    @Override public void setJMSCorrelationIDAsBytes(byte[] id) {
        correlationId = id == null ? null : new String(id, java.nio.charset.StandardCharsets.UTF_8);
    }
    @Override public void setJMSCorrelationID(String id) { correlationId = id; }
    @Override public String getJMSCorrelationID() throws JMSException { check(); return correlationId; }
    @Override public Destination getJMSReplyTo() throws JMSException { check(); return replyTo; }
    @Override public void setJMSReplyTo(Destination d) { replyTo = d; }
    @Override public Destination getJMSDestination() throws JMSException { check(); return destination; }
    @Override public void setJMSDestination(Destination d) { destination = d; }
    @Override public int getJMSDeliveryMode() throws JMSException { check(); return deliveryMode; }
    @Override public void setJMSDeliveryMode(int mode) { deliveryMode = mode; }
    @Override public boolean getJMSRedelivered() throws JMSException { check(); return redelivered; }
    @Override public void setJMSRedelivered(boolean r) { redelivered = r; }
    @Override public String getJMSType() throws JMSException { check(); return type; }
    @Override public void setJMSType(String t) { type = t; }
    @Override public long getJMSExpiration() throws JMSException { check(); return expiration; }
    @Override public void setJMSExpiration(long e) { expiration = e; }
    @Override public long getJMSDeliveryTime() throws JMSException { check(); return deliveryTime; }
    @Override public void setJMSDeliveryTime(long t) { deliveryTime = t; }
    @Override public int getJMSPriority() throws JMSException { check(); return priority; }
    @Override public void setJMSPriority(int p) { priority = p; }
    @Override public void clearProperties() { properties.clear(); }
    @Override public boolean propertyExists(String name) throws JMSException { check(); return properties.containsKey(name); }
    @Override public boolean getBooleanProperty(String name) throws JMSException { return (Boolean) getObjectProperty(name); }
    @Override public byte getByteProperty(String name) throws JMSException { return (Byte) getObjectProperty(name); }
    @Override public short getShortProperty(String name) throws JMSException { return (Short) getObjectProperty(name); }
    @Override public int getIntProperty(String name) throws JMSException { return (Integer) getObjectProperty(name); }
    @Override public long getLongProperty(String name) throws JMSException { return (Long) getObjectProperty(name); }
    @Override public float getFloatProperty(String name) throws JMSException { return (Float) getObjectProperty(name); }
    @Override public double getDoubleProperty(String name) throws JMSException { return (Double) getObjectProperty(name); }
    @Override public String getStringProperty(String name) throws JMSException { return (String) getObjectProperty(name); }
    @Override public Object getObjectProperty(String name) throws JMSException { check(); return properties.get(name); }
    @Override public Enumeration<?> getPropertyNames() throws JMSException { check(); return Collections.enumeration(properties.keySet()); }
    @Override public void setBooleanProperty(String name, boolean v) { properties.put(name, v); }
    @Override public void setByteProperty(String name, byte v) { properties.put(name, v); }
    @Override public void setShortProperty(String name, short v) { properties.put(name, v); }
    @Override public void setIntProperty(String name, int v) { properties.put(name, v); }
    @Override public void setLongProperty(String name, long v) { properties.put(name, v); }
    @Override public void setFloatProperty(String name, float v) { properties.put(name, v); }
    @Override public void setDoubleProperty(String name, double v) { properties.put(name, v); }
    @Override public void setStringProperty(String name, String v) { properties.put(name, v); }
    @Override public void setObjectProperty(String name, Object v) { properties.put(name, v); }
    @Override public void acknowledge() { }
    @Override public void clearBody() { }
    @Override public <T> T getBody(Class<T> c) { return null; }
    @SuppressWarnings("rawtypes")
    @Override public boolean isBodyAssignableTo(Class c) { return true; }
}
