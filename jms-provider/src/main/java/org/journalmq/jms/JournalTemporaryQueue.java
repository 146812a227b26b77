package org.journalmq.jms;

import jakarta.jms.JMSException;
import jakarta.jms.TemporaryQueue;

/**
 * A temporary queue. The instance created by a connection knows its owner; one read back from a
 * message header (JMSReplyTo) does not, and may only be sent to.
 */
public class JournalTemporaryQueue extends JournalDestination implements TemporaryQueue {

    private static final long serialVersionUID = 1L;

    /** Deletes the destination for its owning connection; null when not owned here. */
    private final transient TemporaryOwner owner;

    JournalTemporaryQueue(String name, TemporaryOwner owner) {
        super(name);
        this.owner = owner;
    }

    TemporaryOwner owner() {
        return owner;
    }

    @Override
    public Kind kind() {
        return Kind.TEMPORARY_QUEUE;
    }

    @Override
    public String getQueueName() {
        return name();
    }

    @Override
    public void delete() throws JMSException {
        if (owner == null) {
            throw new jakarta.jms.IllegalStateException("temporary queue " + name()
                    + " can only be deleted through the connection that created it");
        }
        owner.deleteTemporary(this);
    }
}
