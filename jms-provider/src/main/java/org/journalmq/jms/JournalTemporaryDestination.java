package org.journalmq.jms;

import jakarta.jms.JMSException;

/**
 * What temporary queues and topics share: a destination that lives as long as the connection
 * that created it (TemporaryQueue / TemporaryTopic javadoc; the journal records that connection's
 * client as owner, so the destination also ends when its JVM dies). The instance created by a
 * connection knows its owner; one read back from a message header (JMSReplyTo) does not, and may
 * only be sent to.
 */
public abstract class JournalTemporaryDestination extends JournalDestination {

    private static final long serialVersionUID = 1L;

    /** Deletes the destination for its owning connection; null when not owned here. */
    private final transient TemporaryOwner owner;

    JournalTemporaryDestination(String name, TemporaryOwner owner) {
        super(name);
        this.owner = owner;
    }

    /** "queue" or "topic", for messages; the kind of the subclass decides. */
    final String domain() {
        return kind().domain();
    }

    /**
     * Deletes this temporary destination and its messages. TemporaryQueue.delete / TemporaryTopic.delete
     * javadoc: a JMSException while receivers (consumers) still use it.
     */
    public void delete() throws JMSException {
        if (owner == null) {
            throw new jakarta.jms.IllegalStateException("temporary " + domain() + " " + name()
                    + " can only be deleted through the connection that created it");
        }
        owner.deleteTemporary(this);
    }
}
