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

    /** The Java serialization of the object; null when the body is null. */
    private byte[] serialized;

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
     * @return a new copy of the object, or null
     * @throws MessageFormatException when the object cannot be deserialized (e.g. its class is not
     *         visible here)
     */
    @Override
    public Serializable getObject() throws JMSException {
        return serialized == null ? null : deserialize(serialized);
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
        Serializable object = deserialize(serialized);
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
            return c != null && c.isInstance(deserialize(serialized));
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

    static Serializable deserialize(byte[] data) throws MessageFormatException {
        try (ObjectInputStream in = new ContextObjectInputStream(new ByteArrayInputStream(data))) {
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
