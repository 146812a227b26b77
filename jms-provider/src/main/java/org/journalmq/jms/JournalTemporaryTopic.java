package org.journalmq.jms;

import jakarta.jms.TemporaryTopic;

/** A temporary topic; see {@link JournalTemporaryDestination} for its lifetime and ownership. */
public class JournalTemporaryTopic extends JournalTemporaryDestination implements TemporaryTopic {

    private static final long serialVersionUID = 1L;

    JournalTemporaryTopic(String name, TemporaryOwner owner) {
        super(name, owner);
    }

    @Override
    public Kind kind() {
        return Kind.TEMPORARY_TOPIC;
    }

    @Override
    public String getTopicName() {
        return name();
    }
}
