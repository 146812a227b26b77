package org.journalmq.jms.message;

/**
 * A message with headers and properties only, as made by {@code Session.createMessage()}.
 * Per the {@code Message.getBody} javadoc it has no body: {@code getBody} returns null for any
 * type and {@code isBodyAssignableTo} is always true (both inherited from {@link JournalMessage}).
 */
public class JournalPlainMessage extends JournalMessage {

    public JournalPlainMessage() {
    }

    @Override
    public BodyType bodyType() {
        return BodyType.PLAIN;
    }

    @Override
    public void clearBody() {
        // There is no body to clear; nothing becomes writable because nothing was read-only.
        bodyReadOnly = false;
    }
}
