package org.journalmq.jms;

import jakarta.jms.Queue;

/** A queue; create it with {@link #JournalQueue(String)} or {@code Session.createQueue}. */
public class JournalQueue extends JournalDestination implements Queue {

    private static final long serialVersionUID = 1L;

    /**
     * @throws IllegalArgumentException when the name is invalid (see {@link JournalDestination#checkName})
     */
    public JournalQueue(String name) {
        super(validName(name, Kind.QUEUE));
    }

    @Override
    public Kind kind() {
        return Kind.QUEUE;
    }

    @Override
    public String getQueueName() {
        return name();
    }
}
