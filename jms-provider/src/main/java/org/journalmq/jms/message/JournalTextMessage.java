package org.journalmq.jms.message;

import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;

/** A message whose body is one String (section 3.11.2); the text may be null and of any length. */
public class JournalTextMessage extends JournalMessage implements TextMessage {

    private String text;

    public JournalTextMessage() {
    }

    public JournalTextMessage(String text) {
        this.text = text;
    }

    @Override
    public BodyType bodyType() {
        return BodyType.TEXT;
    }

    /**
     * @throws jakarta.jms.MessageNotWriteableException when the message was received and
     *         {@link #clearBody()} has not been called since
     */
    @Override
    public void setText(String string) throws JMSException {
        checkBodyWritable();
        this.text = string;
    }

    @Override
    public String getText() {
        return text;
    }

    /** Sets a decoded body, whatever the read-only state. */
    void setTextRaw(String string) {
        this.text = string;
    }

    @Override
    public void clearBody() {
        text = null;
        bodyReadOnly = false;
    }

    /** String or any supertype of it (Object, CharSequence, Serializable, Comparable); null body: any. */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        if (text == null) {
            return null;
        }
        if (c == null || !c.isAssignableFrom(String.class)) {
            throw notAssignable(bodyType(), c);
        }
        return c.cast(text);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) {
        return text == null || (c != null && c.isAssignableFrom(String.class));
    }
}
