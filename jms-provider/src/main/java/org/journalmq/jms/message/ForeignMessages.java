package org.journalmq.jms.message;

import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.util.Enumeration;
import org.journalmq.jms.JournalDestination;

/**
 * Converts messages of another provider into JournalMQ messages, which the spec requires a provider
 * to accept for sending ("A provider must be prepared to accept message implementations that are
 * not its own", Message javadoc and section 3.12).
 */
public final class ForeignMessages {

    private ForeignMessages() {
    }

    /**
     * <em>Provider-internal.</em> Returns a JournalMQ copy of {@code foreign}: same body type and
     * body, every property, and every header. A JournalMessage is returned as is, not copied.
     *
     * <p>Foreign Bytes and Stream messages are {@code reset()} before being read (their body may be
     * in write mode) and are left in read mode at their start. A JMSReplyTo or JMSDestination that
     * is neither a Queue nor a Topic is dropped, which the spec allows ("the provider is not
     * required to handle or preserve the value of this header field").
     *
     * <p>The caller sends the copy and afterwards sets JMSMessageID, JMSTimestamp, JMSDestination,
     * JMSDeliveryMode, JMSExpiration, JMSDeliveryTime and JMSPriority on the foreign object too,
     * as the spec requires of a send.
     */
    public static JournalMessage copyOf(Message foreign) throws JMSException {
        if (foreign instanceof JournalMessage jm) {
            return jm;
        }
        if (foreign == null) {
            throw new NullPointerException("message is null");
        }
        JournalMessage copy = copyBody(foreign);
        copyHeaders(foreign, copy);
        Enumeration<?> names = foreign.getPropertyNames();
        while (names.hasMoreElements()) {
            String name = (String) names.nextElement();
            Object value = foreign.getObjectProperty(name);
            if (!ValueConversions.isPropertyType(value)) {
                throw new jakarta.jms.MessageFormatException("property '" + name + "' of the foreign message has a "
                        + value.getClass().getName() + " value, which is not a property type");
            }
            // bypasses the name check: a foreign provider's own JMS_vendor properties are carried over
            copy.propertyMap().put(name, value);
        }
        return copy;
    }

    private static JournalMessage copyBody(Message foreign) throws JMSException {
        if (foreign instanceof TextMessage t) {
            return new JournalTextMessage(t.getText());
        }
        if (foreign instanceof BytesMessage b) {
            b.reset();
            long length = b.getBodyLength();
            if (length > Integer.MAX_VALUE - 8) {
                throw new jakarta.jms.MessageFormatException("BytesMessage body too large: " + length + " bytes");
            }
            byte[] body = new byte[(int) length];
            int read = body.length == 0 ? 0 : b.readBytes(body);
            if (read != body.length) {
                throw new jakarta.jms.MessageFormatException("foreign BytesMessage returned " + read
                        + " of its " + length + " bytes");
            }
            b.reset();
            JournalBytesMessage copy = new JournalBytesMessage();
            copy.writeBytes(body);
            return copy;
        }
        if (foreign instanceof MapMessage mm) {
            JournalMapMessage copy = new JournalMapMessage();
            Enumeration<?> names = mm.getMapNames();
            while (names.hasMoreElements()) {
                String name = (String) names.nextElement();
                copy.setObject(name, mm.getObject(name));
            }
            return copy;
        }
        if (foreign instanceof StreamMessage s) {
            s.reset();
            JournalStreamMessage copy = new JournalStreamMessage();
            while (true) {
                Object v;
                try {
                    v = s.readObject();
                } catch (MessageEOFException end) {
                    break;
                }
                copy.writeObject(v);
            }
            s.reset();
            return copy;
        }
        if (foreign instanceof ObjectMessage o) {
            JournalObjectMessage copy = new JournalObjectMessage();
            copy.setObject(o.getObject());
            return copy;
        }
        return new JournalPlainMessage();
    }

    private static void copyHeaders(Message foreign, JournalMessage copy) throws JMSException {
        copy.setJMSMessageID(foreign.getJMSMessageID());
        copy.setJMSTimestamp(foreign.getJMSTimestamp());
        String correlationId = foreign.getJMSCorrelationID();
        if (correlationId != null) {
            copy.setJMSCorrelationID(correlationId);
        } else {
            byte[] bytes = null;
            try {
                bytes = foreign.getJMSCorrelationIDAsBytes();
            } catch (UnsupportedOperationException | JMSException e) {
                // the javadoc lets providers without native correlation IDs refuse; nothing to copy
            }
            copy.setJMSCorrelationIDAsBytes(bytes);
        }
        copy.setJMSDestination(convertible(foreign.getJMSDestination()));
        copy.setJMSReplyTo(convertible(foreign.getJMSReplyTo()));
        copy.setJMSDeliveryMode(foreign.getJMSDeliveryMode());
        copy.setJMSRedelivered(foreign.getJMSRedelivered());
        copy.setJMSType(foreign.getJMSType());
        copy.setJMSExpiration(foreign.getJMSExpiration());
        long deliveryTime;
        try {
            deliveryTime = foreign.getJMSDeliveryTime();
        } catch (AbstractMethodError | UnsupportedOperationException e) {
            // a JMS 1.1 implementation has no delivery time; the producer sets it on send anyway
            deliveryTime = 0;
        }
        copy.setJMSDeliveryTime(deliveryTime);
        copy.setJMSPriority(foreign.getJMSPriority());
    }

    /** The destination as a JournalDestination, or null when it is neither a Queue nor a Topic. */
    private static JournalDestination convertible(Destination d) throws JMSException {
        if (d == null) {
            return null;
        }
        try {
            return JournalDestination.from(d);
        } catch (InvalidDestinationException e) {
            return null;
        }
    }
}
