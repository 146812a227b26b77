package org.journalmq.jms;

import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import java.io.Serializable;
import java.util.Objects;
import org.journalmq.jms.config.DestinationNames;

/**
 * A JournalMQ destination: a name and a kind. Destinations are plain values (they may be created
 * by any session, bound in JNDI or read back from a message header); equality is by kind and name.
 */
public abstract class JournalDestination implements Destination, Serializable {

    private static final long serialVersionUID = 1L;

    /** Longest destination name accepted, in characters. */
    public static final int MAX_NAME_LENGTH = DestinationNames.MAX_LENGTH;

    /** The kinds of destination, with the tag used on the wire. */
    public enum Kind {
        QUEUE('Q'), TOPIC('T'), TEMPORARY_QUEUE('q'), TEMPORARY_TOPIC('t');

        private final char tag;

        Kind(char tag) {
            this.tag = tag;
        }

        public char tag() {
            return tag;
        }

        /** "queue" or "topic", for messages: a temporary destination is named by its domain too. */
        public String domain() {
            return this == TOPIC || this == TEMPORARY_TOPIC ? "topic" : "queue";
        }

        public static Kind ofTag(char tag) {
            for (Kind k : values()) {
                if (k.tag == tag) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown destination tag " + tag);
        }
    }

    private final String name;

    JournalDestination(String name) {
        this.name = name;
    }

    /** The destination's name as the application gave it. */
    public String name() {
        return name;
    }

    public abstract Kind kind();

    /** The address of this destination's rows in the journal. */
    public String address() {
        return kind().tag() + ":" + name;
    }

    /**
     * The destination as access control patterns name it (issue 15 item 1): {@code queue:<name>},
     * {@code topic:<name>}, {@code temp-queue:<name>} or {@code temp-topic:<name>}. Not the
     * journal address ({@link #address()}, a one-letter tag): patterns are written by people.
     */
    public String aclResource() {
        return switch (kind()) {
            case QUEUE -> "queue:" + name;
            case TOPIC -> "topic:" + name;
            case TEMPORARY_QUEUE -> "temp-queue:" + name;
            case TEMPORARY_TOPIC -> "temp-topic:" + name;
        };
    }

    /** Creates a destination of the given kind, for decoding headers; the name is checked. */
    public static JournalDestination of(Kind kind, String name) throws InvalidDestinationException {
        checkName(name, kind);
        return switch (kind) {
            case QUEUE -> new JournalQueue(name);
            case TOPIC -> new JournalTopic(name);
            case TEMPORARY_QUEUE -> new JournalTemporaryQueue(name, null);
            case TEMPORARY_TOPIC -> new JournalTemporaryTopic(name, null);
        };
    }

    /**
     * Converts any destination (also another provider's) into a JournalMQ destination.
     *
     * @throws InvalidDestinationException when it is null, of no known kind, or its name is invalid
     */
    public static JournalDestination from(Destination destination) throws JMSException {
        if (destination instanceof JournalDestination jd) {
            return jd;
        }
        if (destination == null) {
            throw new InvalidDestinationException("destination is null");
        }
        if (destination instanceof jakarta.jms.TemporaryQueue q) {
            return of(Kind.TEMPORARY_QUEUE, q.getQueueName());
        }
        if (destination instanceof jakarta.jms.TemporaryTopic t) {
            return of(Kind.TEMPORARY_TOPIC, t.getTopicName());
        }
        if (destination instanceof Queue q) {
            return of(Kind.QUEUE, q.getQueueName());
        }
        if (destination instanceof Topic t) {
            return of(Kind.TOPIC, t.getTopicName());
        }
        throw new InvalidDestinationException("destination is neither a Queue nor a Topic: "
                + destination.getClass().getName());
    }

    /**
     * Checks a destination name: 1 to {@value #MAX_NAME_LENGTH} characters, no control characters,
     * no leading or trailing white space.
     */
    public static void checkName(String name, Kind kind) throws InvalidDestinationException {
        String problem = DestinationNames.problem(name, kind.domain());
        if (problem != null) {
            throw new InvalidDestinationException(problem);
        }
    }

    /** {@link #checkName} for a public constructor: the name itself, or an IllegalArgumentException. */
    static String validName(String name, Kind kind) {
        try {
            checkName(name, kind);
            return name;
        } catch (InvalidDestinationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JournalDestination d && d.kind() == kind() && d.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind(), name);
    }

    @Override
    public String toString() {
        return switch (kind()) {
            case QUEUE -> "queue://" + name;
            case TOPIC -> "topic://" + name;
            case TEMPORARY_QUEUE -> "temp-queue://" + name;
            case TEMPORARY_TOPIC -> "temp-topic://" + name;
        };
    }
}
