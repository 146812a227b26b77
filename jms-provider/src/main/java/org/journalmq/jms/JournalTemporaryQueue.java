package org.journalmq.jms;

import jakarta.jms.TemporaryQueue;

/** A temporary queue; see {@link JournalTemporaryDestination} for its lifetime and ownership. */
public class JournalTemporaryQueue extends JournalTemporaryDestination implements TemporaryQueue {

    private static final long serialVersionUID = 1L;

    JournalTemporaryQueue(String name, TemporaryOwner owner) {
        super(name, owner);
    }

    @Override
    public Kind kind() {
        return Kind.TEMPORARY_QUEUE;
    }

    @Override
    public String getQueueName() {
        return name();
    }
}
