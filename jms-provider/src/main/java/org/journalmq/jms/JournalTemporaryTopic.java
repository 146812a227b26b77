package org.journalmq.jms;

import jakarta.jms.JMSException;
import jakarta.jms.TemporaryTopic;

/** A temporary topic; see {@link JournalTemporaryQueue} for ownership. */
public class JournalTemporaryTopic extends JournalDestination implements TemporaryTopic {

    private static final long serialVersionUID = 1L;

    private final transient TemporaryOwner owner;

    JournalTemporaryTopic(String name, TemporaryOwner owner) {
        super(name);
        this.owner = owner;
    }

    TemporaryOwner owner() {
        return owner;
    }

    @Override
    public Kind kind() {
        return Kind.TEMPORARY_TOPIC;
    }

    @Override
    public String getTopicName() {
        return name();
    }

    @Override
    public void delete() throws JMSException {
        if (owner == null) {
            throw new jakarta.jms.IllegalStateException("temporary topic " + name()
                    + " can only be deleted through the connection that created it");
        }
        owner.deleteTemporary(this);
    }
}
