package org.journalmq.jms.client;

import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.journalmq.jms.JournalDestination;
import org.journalmq.jms.message.JournalMessage;
import org.journalmq.jms.message.JournalPlainMessage;

/**
 * The simplified API's producer (spec 7.2 / JMSProducer javadoc): fluent settings, message
 * properties and headers applied to every message it sends. Properties are kept on a scratch
 * message so that names, types and conversions follow exactly the rules of message properties.
 */
final class JournalJMSProducer implements JMSProducer {

    private final JournalContext context;
    private final JournalMessage properties = new JournalPlainMessage();
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLive = Message.DEFAULT_TIME_TO_LIVE;
    private long deliveryDelay = Message.DEFAULT_DELIVERY_DELAY;
    private boolean disableMessageID;
    private boolean disableMessageTimestamp;
    private CompletionListener async;
    private String correlationID;
    private byte[] correlationIDBytes;
    private String type;
    private Destination replyTo;

    JournalJMSProducer(JournalContext context) {
        this.context = context;
    }

    private static <T> T run(JournalContext.JmsCall<T> call) {
        return JournalContext.run(call);
    }

    // ------------------------------------------------------------------ send

    @Override
    public JMSProducer send(Destination destination, Message message) {
        if (message == null) {
            throw new MessageFormatRuntimeException("message is null");
        }
        run(() -> {
            applyTo(message);
            doSend(destination, message);
            return null;
        });
        return this;
    }

    @Override
    public JMSProducer send(Destination destination, String body) {
        JournalSession s = context.session();
        return send(destination, run(() -> s.createTextMessage(body)));
    }

    @Override
    public JMSProducer send(Destination destination, Map<String, Object> body) {
        JournalSession s = context.session();
        MapMessage m = run(s::createMapMessage);
        if (body != null) {
            run(() -> {
                for (Map.Entry<String, Object> e : body.entrySet()) {
                    m.setObject(e.getKey(), e.getValue());
                }
                return null;
            });
        }
        return send(destination, m);
    }

    @Override
    public JMSProducer send(Destination destination, byte[] body) {
        JournalSession s = context.session();
        var m = run(s::createBytesMessage);
        if (body != null) {
            run(() -> {
                m.writeBytes(body);
                return null;
            });
        }
        return send(destination, m);
    }

    @Override
    public JMSProducer send(Destination destination, Serializable body) {
        JournalSession s = context.session();
        return send(destination, run(() -> s.createObjectMessage(body)));
    }

    private void doSend(Destination destination, Message message) throws JMSException {
        if (destination == null) {
            throw new InvalidDestinationRuntimeException("destination is null");
        }
        JournalSession s = context.session();
        OutboundMessage out = OutboundMessage.prepare(context.connection(), JournalDestination.from(destination),
                message, deliveryMode, priority, timeToLive, deliveryDelay, disableMessageID,
                disableMessageTimestamp);
        s.send(out, this, async);
    }

    /** Applies this producer's properties and headers to the message (they override the message's own). */
    private void applyTo(Message message) throws JMSException {
        for (String name : propertyNameSnapshot()) {
            message.setObjectProperty(name, properties.getObjectProperty(name));
        }
        if (correlationIDBytes != null) {
            message.setJMSCorrelationIDAsBytes(correlationIDBytes);
        } else if (correlationID != null) {
            message.setJMSCorrelationID(correlationID);
        }
        if (type != null) {
            message.setJMSType(type);
        }
        if (replyTo != null) {
            message.setJMSReplyTo(replyTo);
        }
    }

    // ------------------------------------------------------------------ settings

    @Override
    public JMSProducer setDisableMessageID(boolean value) {
        disableMessageID = value;
        return this;
    }

    @Override
    public boolean getDisableMessageID() {
        return disableMessageID;
    }

    @Override
    public JMSProducer setDisableMessageTimestamp(boolean value) {
        disableMessageTimestamp = value;
        return this;
    }

    @Override
    public boolean getDisableMessageTimestamp() {
        return disableMessageTimestamp;
    }

    @Override
    public JMSProducer setDeliveryMode(int mode) {
        run(() -> {
            OutboundMessage.checkDeliveryMode(mode);
            return null;
        });
        deliveryMode = mode;
        return this;
    }

    @Override
    public int getDeliveryMode() {
        return deliveryMode;
    }

    @Override
    public JMSProducer setPriority(int p) {
        run(() -> {
            OutboundMessage.checkPriority(p);
            return null;
        });
        priority = p;
        return this;
    }

    @Override
    public int getPriority() {
        return priority;
    }

    @Override
    public JMSProducer setTimeToLive(long ttl) {
        run(() -> {
            OutboundMessage.checkTimeToLive(ttl);
            return null;
        });
        timeToLive = ttl;
        return this;
    }

    @Override
    public long getTimeToLive() {
        return timeToLive;
    }

    @Override
    public JMSProducer setDeliveryDelay(long delay) {
        run(() -> {
            OutboundMessage.checkDeliveryDelay(delay);
            return null;
        });
        deliveryDelay = delay;
        return this;
    }

    @Override
    public long getDeliveryDelay() {
        return deliveryDelay;
    }

    @Override
    public JMSProducer setAsync(CompletionListener completionListener) {
        // JMSProducer.setAsync javadoc and sec. 12.2: no asynchronous send in a web or EJB container
        // (the callback would run outside the component's transaction). Clearing it (null) stays
        // allowed: it asks for the synchronous send the container wants.
        if (completionListener != null && context.inContainer()) {
            throw new jakarta.jms.IllegalStateRuntimeException("JMSProducer.setAsync must not be called in a"
                    + " Jakarta EE web or EJB container (Jakarta Messaging 3.1 section 12.2)");
        }
        async = completionListener;
        return this;
    }

    @Override
    public CompletionListener getAsync() {
        return async;
    }

    // ------------------------------------------------------------------ properties

    private JMSProducer property(String name, Object value) {
        run(() -> {
            properties.setObjectProperty(name, value);
            return null;
        });
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, boolean value) {
        return property(name, value);
    }

    @Override
    public JMSProducer setProperty(String name, byte value) {
        return property(name, value);
    }

    @Override
    public JMSProducer setProperty(String name, short value) {
        return property(name, value);
    }

    @Override
    public JMSProducer setProperty(String name, int value) {
        return property(name, value);
    }

    @Override
    public JMSProducer setProperty(String name, long value) {
        return property(name, value);
    }

    @Override
    public JMSProducer setProperty(String name, float value) {
        return property(name, value);
    }

    @Override
    public JMSProducer setProperty(String name, double value) {
        return property(name, value);
    }

    @Override
    public JMSProducer setProperty(String name, String value) {
        return property(name, value);
    }

    @Override
    public JMSProducer setProperty(String name, Object value) {
        return property(name, value);
    }

    @Override
    public JMSProducer clearProperties() {
        run(() -> {
            properties.clearProperties();
            return null;
        });
        return this;
    }

    @Override
    public boolean propertyExists(String name) {
        return run(() -> properties.propertyExists(name));
    }

    @Override
    public boolean getBooleanProperty(String name) {
        return run(() -> properties.getBooleanProperty(name));
    }

    @Override
    public byte getByteProperty(String name) {
        return run(() -> properties.getByteProperty(name));
    }

    @Override
    public short getShortProperty(String name) {
        return run(() -> properties.getShortProperty(name));
    }

    @Override
    public int getIntProperty(String name) {
        return run(() -> properties.getIntProperty(name));
    }

    @Override
    public long getLongProperty(String name) {
        return run(() -> properties.getLongProperty(name));
    }

    @Override
    public float getFloatProperty(String name) {
        return run(() -> properties.getFloatProperty(name));
    }

    @Override
    public double getDoubleProperty(String name) {
        return run(() -> properties.getDoubleProperty(name));
    }

    @Override
    public String getStringProperty(String name) {
        return run(() -> properties.getStringProperty(name));
    }

    @Override
    public Object getObjectProperty(String name) {
        return run(() -> properties.getObjectProperty(name));
    }

    /**
     * JMSProducer.getPropertyNames javadoc: "an unmodifiable Set view ... backed by the
     * JMSProducer, so changes to the map are reflected in the set. However the set may not be
     * modified" (UnsupportedOperationException).
     */
    @Override
    public Set<String> getPropertyNames() {
        return new java.util.AbstractSet<>() {
            @Override
            public java.util.Iterator<String> iterator() {
                return java.util.Collections.unmodifiableSet(propertyNameSnapshot()).iterator();
            }

            @Override
            public int size() {
                return propertyNameSnapshot().size();
            }
        };
    }

    private Set<String> propertyNameSnapshot() {
        return run(() -> {
            Set<String> names = new HashSet<>();
            Enumeration<?> e = properties.getPropertyNames();
            while (e.hasMoreElements()) {
                names.add((String) e.nextElement());
            }
            return names;
        });
    }

    // ------------------------------------------------------------------ headers

    @Override
    public JMSProducer setJMSCorrelationIDAsBytes(byte[] id) {
        correlationIDBytes = id == null ? null : id.clone();
        correlationID = null;
        return this;
    }

    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        if (correlationIDBytes != null) {
            return correlationIDBytes.clone();
        }
        return correlationID == null ? null : correlationID.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public JMSProducer setJMSCorrelationID(String id) {
        correlationID = id;
        correlationIDBytes = null;
        return this;
    }

    @Override
    public String getJMSCorrelationID() {
        if (correlationID != null) {
            return correlationID;
        }
        return correlationIDBytes == null ? null : new String(correlationIDBytes, StandardCharsets.UTF_8);
    }

    @Override
    public JMSProducer setJMSType(String t) {
        type = t;
        return this;
    }

    @Override
    public String getJMSType() {
        return type;
    }

    @Override
    public JMSProducer setJMSReplyTo(Destination destination) {
        replyTo = destination;
        return this;
    }

    @Override
    public Destination getJMSReplyTo() {
        return replyTo;
    }
}
