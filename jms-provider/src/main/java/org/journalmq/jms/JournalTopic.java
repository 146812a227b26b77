package org.journalmq.jms;

import jakarta.jms.Topic;

/** A topic; create it with {@link #JournalTopic(String)} or {@code Session.createTopic}. */
public class JournalTopic extends JournalDestination implements Topic {

    private static final long serialVersionUID = 1L;

    /**
     * @throws IllegalArgumentException when the name is invalid (see {@link JournalDestination#checkName})
     */
    public JournalTopic(String name) {
        super(validName(name, Kind.TOPIC));
    }

    @Override
    public Kind kind() {
        return Kind.TOPIC;
    }

    @Override
    public String getTopicName() {
        return name();
    }
}
