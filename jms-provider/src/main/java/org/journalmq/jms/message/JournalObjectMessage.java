package org.journalmq.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;

/**
 * A message whose body is one Serializable object (section 3.11.5), held in its serialized form.
 *
 * <p>Serializing in {@link #setObject} is what the ObjectMessage javadoc asks for ("the object is
 * copied"): changes the application makes to the object afterwards do not reach the message, and
 * a non-serializable object fails at once, in the caller's thread. Each {@link #getObject} returns
 * a fresh copy for the same reason in the other direction.
 */
public class JournalObjectMessage extends JournalMessage implements ObjectMessage {

    /** The name of DeadLetters.DEAD_LETTER_REASON (that class sits above this package). */
    private static final String DEAD_LETTER_REASON = "JMS_JournalMQ_DeadLetterReason";

    /** The Java serialization of the object; null when the body is null. */
    private byte[] serialized;
    /** What {@link #getObject} may deserialize: the factory's filter once a session has set it. */
    private DeserializationFilter filter = DeserializationFilter.DEFAULT;
    /** Why the filter refused this body, once a read was refused; read by the delivery (issue 15). */
    private volatile String refusal;
    /**
     * Told of the first refused read of this message: the session's audit (issue 15 item 6). A
     * callback, since this package sits below the ones that know the connection and its user.
     */
    private volatile java.util.function.BiConsumer<JournalObjectMessage, String> onRefusal;

    public JournalObjectMessage() {
    }

    @Override
    public BodyType bodyType() {
        return BodyType.OBJECT;
    }

    /**
     * @throws MessageFormatException when the object cannot be serialized
     * @throws jakarta.jms.MessageNotWriteableException when the body is read-only
     */
    @Override
    public void setObject(Serializable object) throws JMSException {
        checkBodyWritable();
        serialized = object == null ? null : serialize(object);
    }

    /**
     * Deserializes through the connection factory's {@link DeserializationFilter}: a class outside
     * its allow list, or a body beyond its limits, is refused before any of its code runs.
     *
     * @return a new copy of the object, or null
     * @throws MessageFormatException when the object cannot be deserialized: its class is not
     *         visible here, or is refused by the filter (the message names the class and the setting
     *         to change). The ObjectMessage javadoc gives MessageFormatException for "if object
     *         deserialization fails".
     */
    @Override
    public Serializable getObject() throws JMSException {
        return serialized == null ? null : read();
    }

    /** Sets the filter of the factory whose session created or received this message. */
    public void useFilter(DeserializationFilter filter) {
        this.filter = filter == null ? DeserializationFilter.DEFAULT : filter;
    }

    /**
     * Sets the filter and who is told, with the filter's reason, of the first read it refuses; a
     * later read of the same message refused again is not reported twice (an AUTO_ACKNOWLEDGE
     * receive reads the body once itself before the application does).
     */
    public void useFilter(DeserializationFilter filter,
                          java.util.function.BiConsumer<JournalObjectMessage, String> onRefusal) {
        useFilter(filter);
        this.onRefusal = onRefusal;
    }

    /**
     * Why the filter refused the body, or null when no read of it was refused: the delivery then
     * moves the message to the dead-letter queue instead of acknowledging it. Always null for a
     * message that was dead-lettered already (it carries the dead-letter reason property): it is
     * being read from a dead-letter queue, and moving it on would only start a chain of them.
     */
    public String refusal() {
        return alreadyDeadLettered() ? null : refusal;
    }

    private boolean alreadyDeadLettered() {
        return propertyExists(DEAD_LETTER_REASON);
    }

    /**
     * Reads the body once through the filter without handing it out; for the delivery of
     * AUTO_ACKNOWLEDGE receives, which must decide before their acknowledgement.
     *
     * @return why the body is refused, or null when it may be read (other failures are left to
     *         the application's {@link #getObject})
     */
    public String checkBody() {
        if (serialized != null) {
            try {
                read();
            } catch (MessageFormatException e) {
                // a refusal was recorded by read(); anything else is for getObject to report
            }
        }
        return refusal();
    }

    private Serializable read() throws MessageFormatException {
        DeserializationFilter.Check check = filter.newCheck();
        try {
            return deserialize(serialized, check);
        } catch (MessageFormatException e) {
            if (check.refusal() != null) {
                boolean first = refusal == null;
                refusal = check.refusal();
                java.util.function.BiConsumer<JournalObjectMessage, String> told = onRefusal;
                if (first && told != null) {
                    told.accept(this, check.refusal());
                }
                MessageFormatException refused = new MessageFormatException(
                        "ObjectMessage.getObject() refused the body: " + check.refusal());
                refused.initCause(e);
                refused.setLinkedException(e);
                throw refused;
            }
            throw e;
        }
    }

    @Override
    public void clearBody() {
        serialized = null;
        bodyReadOnly = false;
    }

    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        if (serialized == null) {
            return null;
        }
        Serializable object = read();
        if (c == null || !c.isInstance(object)) {
            throw notAssignable(bodyType(), c);
        }
        return c.cast(object);
    }

    /** False, not an exception, when the object cannot be deserialized (Message javadoc). */
    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) {
        if (serialized == null) {
            return true;
        }
        try {
            return c != null && c.isInstance(read());
        } catch (JMSException e) {
            return false;
        }
    }

    /** The serialized body, not copied; for the codec. */
    byte[] serializedBody() {
        return serialized;
    }

    /** Sets a serialized body received from the journal; not checked until read. */
    void setSerializedBody(byte[] bytes) {
        this.serialized = bytes;
    }

    static byte[] serialize(Serializable object) throws MessageFormatException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (IOException | RuntimeException e) {
            MessageFormatException mfe = new MessageFormatException(
                    "cannot serialize " + object.getClass().getName() + ": " + e);
            mfe.initCause(e);
            mfe.setLinkedException(e);
            throw mfe;
        }
        return bytes.toByteArray();
    }

    static Serializable deserialize(byte[] data, java.io.ObjectInputFilter filter) throws MessageFormatException {
        try (ObjectInputStream in = new ContextObjectInputStream(new ByteArrayInputStream(data))) {
            in.setObjectInputFilter(filter);
            return (Serializable) in.readObject();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            MessageFormatException mfe = new MessageFormatException("cannot deserialize the object body: " + e);
            mfe.initCause(e);
            mfe.setLinkedException(e);
            throw mfe;
        }
    }

    /**
     * Resolves classes through the thread context class loader first: in an application server the
     * body's class belongs to the application, which this library's loader cannot see.
     */
    private static final class ContextObjectInputStream extends ObjectInputStream {

        ContextObjectInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader != null) {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    // fall back to the default resolution (also handles primitive types)
                }
            }
            return super.resolveClass(desc);
        }
    }
}
