package org.journalmq.jms.message;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.journalmq.jms.JournalDestination;

/**
 * The base of every JournalMQ message: headers (section 3.4), properties (section 3.5) and the
 * read-only/write-only state of section 3.9. Body types are the subclasses.
 *
 * <p>Headers are never read-only: the spec lets a client change them on a received message.
 * Properties become read-only when the message is delivered ({@link #markDelivered}) and writable
 * again after {@link #clearProperties()}.
 *
 * <p>Messages are not thread-safe, as the spec allows (a message belongs to one session thread).
 *
 * <p>Methods marked <em>provider-internal</em> are public only so the session code in
 * {@code org.journalmq.jms} can call them; applications must not.
 */
public abstract class JournalMessage implements Message {

    private String messageId;
    private long timestamp;
    /** A String, or a byte[] when set through {@link #setJMSCorrelationIDAsBytes}; kept as given. */
    private Object correlationId;
    private JournalDestination replyTo;
    private JournalDestination destination;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private boolean redelivered;
    private String type;
    private long expiration;
    private long deliveryTime;
    private int priority = Message.DEFAULT_PRIORITY;

    /** Insertion order keeps getPropertyNames and the encoded form stable. */
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private boolean propertiesReadOnly;

    /**
     * For Text/Map/Object messages: the body may not be written. For Bytes/Stream messages: the
     * body is in read mode (after reset or delivery), which for them is the same thing.
     */
    boolean bodyReadOnly;

    /** Volatile: the session thread sets it, the application may acknowledge from another thread. */
    private volatile Acknowledger acknowledger;

    protected JournalMessage() {
    }

    /** The kind of body this message carries; used by {@link MessageCodec}. */
    public abstract BodyType bodyType();

    // ---------------------------------------------------------------- headers

    @Override
    public String getJMSMessageID() {
        return messageId;
    }

    @Override
    public void setJMSMessageID(String id) {
        this.messageId = id;
    }

    @Override
    public long getJMSTimestamp() {
        return timestamp;
    }

    @Override
    public void setJMSTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    /**
     * Returns the correlation ID as bytes: the bytes given to {@link #setJMSCorrelationIDAsBytes}
     * (copied), or the UTF-8 encoding of a String correlation ID, or null.
     */
    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        if (correlationId instanceof byte[] b) {
            return b.clone();
        }
        return correlationId == null ? null : ((String) correlationId).getBytes(StandardCharsets.UTF_8);
    }

    /** Copies the array, so later changes to it do not alter this header (as the javadoc asks). */
    @Override
    public void setJMSCorrelationIDAsBytes(byte[] correlationID) {
        this.correlationId = correlationID == null ? null : correlationID.clone();
    }

    @Override
    public void setJMSCorrelationID(String correlationID) {
        this.correlationId = correlationID;
    }

    /**
     * Returns the String correlation ID; one set as bytes is returned decoded as UTF-8, so that a
     * selector on JMSCorrelationID still sees a value.
     */
    @Override
    public String getJMSCorrelationID() {
        if (correlationId instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        return (String) correlationId;
    }

    @Override
    public Destination getJMSReplyTo() {
        return replyTo;
    }

    /**
     * Stores the destination converted by {@link JournalDestination#from}, so that it can be
     * encoded; another provider's Queue or Topic is accepted.
     *
     * @throws jakarta.jms.InvalidDestinationException when the destination is neither a Queue nor a
     *         Topic, or its name is invalid
     */
    @Override
    public void setJMSReplyTo(Destination replyTo) throws JMSException {
        this.replyTo = replyTo == null ? null : JournalDestination.from(replyTo);
    }

    @Override
    public Destination getJMSDestination() {
        return destination;
    }

    /** Converted like {@link #setJMSReplyTo}. */
    @Override
    public void setJMSDestination(Destination destination) throws JMSException {
        this.destination = destination == null ? null : JournalDestination.from(destination);
    }

    @Override
    public int getJMSDeliveryMode() {
        return deliveryMode;
    }

    /** Not validated here: the producer checks the mode before it sets this header. */
    @Override
    public void setJMSDeliveryMode(int deliveryMode) {
        this.deliveryMode = deliveryMode;
    }

    @Override
    public boolean getJMSRedelivered() {
        return redelivered;
    }

    @Override
    public void setJMSRedelivered(boolean redelivered) {
        this.redelivered = redelivered;
    }

    @Override
    public String getJMSType() {
        return type;
    }

    @Override
    public void setJMSType(String type) {
        this.type = type;
    }

    @Override
    public long getJMSExpiration() {
        return expiration;
    }

    @Override
    public void setJMSExpiration(long expiration) {
        this.expiration = expiration;
    }

    @Override
    public long getJMSDeliveryTime() {
        return deliveryTime;
    }

    @Override
    public void setJMSDeliveryTime(long deliveryTime) {
        this.deliveryTime = deliveryTime;
    }

    @Override
    public int getJMSPriority() {
        return priority;
    }

    /** Not validated here: the producer checks the priority before it sets this header. */
    @Override
    public void setJMSPriority(int priority) {
        this.priority = priority;
    }

    // ---------------------------------------------------------------- properties

    /** Removes every property (JMSXDeliveryCount included) and makes the properties writable. */
    @Override
    public void clearProperties() {
        properties.clear();
        propertiesReadOnly = false;
    }

    @Override
    public boolean propertyExists(String name) {
        return properties.containsKey(name);
    }

    @Override
    public boolean getBooleanProperty(String name) throws JMSException {
        return ValueConversions.toBoolean(properties.get(name));
    }

    @Override
    public byte getByteProperty(String name) throws JMSException {
        return ValueConversions.toByte(properties.get(name));
    }

    @Override
    public short getShortProperty(String name) throws JMSException {
        return ValueConversions.toShort(properties.get(name));
    }

    @Override
    public int getIntProperty(String name) throws JMSException {
        return ValueConversions.toInt(properties.get(name));
    }

    @Override
    public long getLongProperty(String name) throws JMSException {
        return ValueConversions.toLong(properties.get(name));
    }

    @Override
    public float getFloatProperty(String name) throws JMSException {
        return ValueConversions.toFloat(properties.get(name));
    }

    @Override
    public double getDoubleProperty(String name) throws JMSException {
        return ValueConversions.toDouble(properties.get(name));
    }

    @Override
    public String getStringProperty(String name) throws JMSException {
        return ValueConversions.toStringValue(properties.get(name));
    }

    /** Values are immutable wrappers or Strings, so the stored object itself is returned. */
    @Override
    public Object getObjectProperty(String name) {
        return properties.get(name);
    }

    /** A snapshot: changing properties while enumerating does not disturb the enumeration. */
    @Override
    public Enumeration<String> getPropertyNames() {
        return Collections.enumeration(new ArrayList<>(properties.keySet()));
    }

    @Override
    public void setBooleanProperty(String name, boolean value) throws JMSException {
        putProperty(name, value);
    }

    @Override
    public void setByteProperty(String name, byte value) throws JMSException {
        putProperty(name, value);
    }

    @Override
    public void setShortProperty(String name, short value) throws JMSException {
        putProperty(name, value);
    }

    @Override
    public void setIntProperty(String name, int value) throws JMSException {
        putProperty(name, value);
    }

    @Override
    public void setLongProperty(String name, long value) throws JMSException {
        putProperty(name, value);
    }

    @Override
    public void setFloatProperty(String name, float value) throws JMSException {
        putProperty(name, value);
    }

    @Override
    public void setDoubleProperty(String name, double value) throws JMSException {
        putProperty(name, value);
    }

    /** A null value is stored: the property exists and reads as null (section 3.5.4). */
    @Override
    public void setStringProperty(String name, String value) throws JMSException {
        putProperty(name, value);
    }

    /**
     * Accepts Boolean, Byte, Short, Integer, Long, Float, Double, String and null.
     *
     * @throws MessageFormatException for any other class (Character and byte[] included: they
     *         are body value types, not property types)
     */
    @Override
    public void setObjectProperty(String name, Object value) throws JMSException {
        checkPropertyWrite(name);
        if (!ValueConversions.isPropertyType(value)) {
            throw new MessageFormatException("property '" + name + "': values of "
                    + value.getClass().getName() + " are not allowed; use Boolean, Byte, Short, "
                    + "Integer, Long, Float, Double or String");
        }
        properties.put(name, value);
    }

    private void putProperty(String name, Object value) throws JMSException {
        checkPropertyWrite(name);
        properties.put(name, value);
    }

    /** Name first: an invalid name is a programming error whatever the message's state. */
    private void checkPropertyWrite(String name) throws MessageNotWriteableException {
        PropertyNames.check(name);
        if (propertiesReadOnly) {
            throw new MessageNotWriteableException("the properties of a received message are "
                    + "read-only; call clearProperties() first (property '" + name + "')");
        }
    }

    // ---------------------------------------------------------------- body and acknowledge

    /** Calls the session's acknowledger; a message that was never delivered has none. */
    @Override
    public void acknowledge() throws JMSException {
        Acknowledger a = acknowledger;
        if (a != null) {
            a.acknowledge();
        }
    }

    /**
     * Body-less message behaviour; body types override. Any type may be asked for and null is
     * returned (Message.getBody javadoc).
     */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        return null;
    }

    /** Body-less message behaviour; body types override. */
    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) throws JMSException {
        return true;
    }

    /** Freezes the body at delivery; Bytes/Stream messages override to switch to read mode. */
    void freezeBody() throws JMSException {
        bodyReadOnly = true;
    }

    void checkBodyWritable() throws MessageNotWriteableException {
        if (bodyReadOnly) {
            throw new MessageNotWriteableException("the message body is read-only; call clearBody() first");
        }
    }

    void checkBodyReadable() throws MessageNotReadableException {
        if (!bodyReadOnly) {
            throw new MessageNotReadableException("the message body is write-only; call reset() first");
        }
    }

    static MessageFormatException notAssignable(BodyType t, Class<?> c) {
        return new MessageFormatException("the body of this " + t + " message cannot be assigned to "
                + (c == null ? "null" : c.getName()));
    }

    // ---------------------------------------------------------------- provider-internal

    /**
     * <em>Provider-internal.</em> Prepares a message just taken from the journal for the client:
     * sets {@code JMSRedelivered} to {@code deliveryCount > 1} and the int property
     * {@code JMSXDeliveryCount} to {@code deliveryCount}, makes the properties and body read-only
     * and puts Bytes/Stream bodies into read mode at their start (section 3.9).
     *
     * @param deliveryCount how many times this message has been delivered, this time included (1
     *        on first delivery)
     */
    public void markDelivered(int deliveryCount) throws JMSException {
        redelivered = deliveryCount > 1;
        properties.put(PropertyNames.JMSX_DELIVERY_COUNT, deliveryCount);
        propertiesReadOnly = true;
        freezeBody();
    }

    /**
     * <em>Provider-internal.</em> Called after a send has completed. Deliberately does nothing:
     * the spec lets the sender keep modifying and re-sending the same object without affecting
     * what was sent (StreamMessage/BytesMessage javadoc), so nothing is frozen or reset. The
     * method exists so the session has one hook to call should that ever change.
     */
    public void markSent() {
        // intentionally empty, see javadoc
    }

    /** <em>Provider-internal.</em> Sets what {@link #acknowledge()} calls; null for none. */
    public void setAcknowledger(Acknowledger a) {
        this.acknowledger = a;
    }

    /** <em>Provider-internal.</em> Whether the properties are read-only (received message). */
    public boolean isPropertiesReadOnly() {
        return propertiesReadOnly;
    }

    /** <em>Provider-internal.</em> Whether the body is read-only / in read mode. */
    public boolean isBodyReadOnly() {
        return bodyReadOnly;
    }

    /** The correlation ID as stored: a String, a byte[] (not copied) or null. */
    Object correlationIdRaw() {
        return correlationId;
    }

    /** Stores a decoded correlation ID as is; the caller hands over the array. */
    void setCorrelationIdRaw(Object value) {
        this.correlationId = value;
    }

    /** The live property map, for encoding and copying without name checks or read-only checks. */
    Map<String, Object> propertyMap() {
        return properties;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + messageId + ", destination=" + destination
                + ", correlationId=" + getJMSCorrelationID() + ", type=" + type
                + ", properties=" + properties.keySet() + "]";
    }
}
