package org.journalmq.cli;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.journalmq.jms.admin.DestinationFigures;
import org.journalmq.jms.admin.JournalAdmin;
import org.journalmq.jms.admin.JournalFigures;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * What the subcommands do alike, written once so that they open the journal, name a topic's
 * subscriptions, print messages and word their usage errors the same way: checks of option
 * values (a usage error, exit 2, since the value is the user's typing), a session on a new
 * connection, the subscriptions a topic option names, and a list of messages as text or JSON.
 */
final class CommandSupport {

    private CommandSupport() {
    }

    // ---------------------------------------------------------------- option values

    /** A usage error unless {@code value >= min}: "--count must be at least 1, was 0". */
    static void atLeast(CommandSpec spec, String option, long value, long min) {
        if (value < min) {
            throw new ParameterException(spec.commandLine(), option + " must be at least " + min + ", was " + value);
        }
    }

    /** A usage error for a negative value: "--limit must not be negative, was -1". */
    static void notNegative(CommandSpec spec, String option, long value) {
        if (value < 0) {
            throw new ParameterException(spec.commandLine(), option + " must not be negative, was " + value);
        }
    }

    /** A usage error unless {@code min <= value <= max}: "--priority must be 0 to 9, was 10". */
    static void between(CommandSpec spec, String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(), option + " must be " + min + " to " + max
                    + ", was " + value);
        }
    }

    /** A usage error unless exactly one of two options is given. */
    static void exactlyOne(CommandSpec spec, String option, Object value, String other, Object otherValue) {
        if ((value == null) == (otherValue == null)) {
            throw new ParameterException(spec.commandLine(), "give exactly one of " + option + " and " + other);
        }
    }

    // ---------------------------------------------------------------- opening the journal

    /** Work done on one session; the connection is there to be started by a consumer. */
    @FunctionalInterface
    interface SessionWork<T> {
        T run(Connection connection, Session session) throws JMSException;
    }

    /**
     * Runs the work on an AUTO_ACKNOWLEDGE session of a new connection of the factory and closes
     * the connection after (which closes the session and whatever the work made on it), also when
     * the work fails.
     */
    static <T> T inSession(ConnectionFactory factory, SessionWork<T> work) throws JMSException {
        try (Connection c = factory.createConnection()) {
            return work.run(c, c.createSession(Session.AUTO_ACKNOWLEDGE));
        }
    }

    /** Messages browsed from a queue, and whether more matched than were read. */
    record Listing(List<Message> messages, boolean more) {
    }

    /** Checks, before anything is read, that the journal knows what the user named. */
    @FunctionalInterface
    interface KnownCheck {
        void check(JournalAdmin admin) throws JMSException;
    }

    /**
     * Browses up to {@code count} messages of a queue, after the check. A bad selector fails before
     * anything is read.
     */
    static Listing browse(ConnectionOptions connection, String queue, String selector, int count, KnownCheck known)
            throws JMSException {
        try (JournalAdmin admin = connection.admin()) {
            known.check(admin);
            return inSession(connection.factory(), (c, session) -> {
                List<Message> messages = new ArrayList<>();
                try (QueueBrowser browser = session.createBrowser(session.createQueue(queue), selector)) {
                    Enumeration<?> e = browser.getEnumeration();
                    while (messages.size() < count && e.hasMoreElements()) {
                        messages.add((Message) e.nextElement());
                    }
                    return new Listing(messages, e.hasMoreElements());
                }
            });
        }
    }

    // ---------------------------------------------------------------- topics and subscriptions

    /** The subscriptions of a topic; a topic with none is unknown to the journal. */
    static List<DestinationFigures> subscriptionsOf(JournalFigures figures, String topic)
            throws InvalidDestinationException {
        List<DestinationFigures> subscriptions = figures.subscriptions(topic);
        if (subscriptions.isEmpty()) {
            throw new InvalidDestinationException("unknown topic '" + topic + "': it has no subscriptions");
        }
        return subscriptions;
    }

    /**
     * The subscriptions of a topic that a --subscription value names: by name, or by address for
     * an unnamed one (which is how stat prints those). Never empty.
     */
    static List<DestinationFigures> named(List<DestinationFigures> subscriptions, String topic, String subscription)
            throws InvalidDestinationException {
        List<DestinationFigures> named = subscriptions.stream()
                .filter(d -> d.name().equals(subscription) || d.address().equals(subscription)).toList();
        if (named.isEmpty()) {
            throw new InvalidDestinationException("topic '" + topic + "' has no subscription '" + subscription + "'");
        }
        return named;
    }

    // ---------------------------------------------------------------- printing messages

    /** How one message is printed as text, given its place in the list (from 1). */
    @FunctionalInterface
    interface MessageLine {
        void print(Message m, int ordinal) throws JMSException;
    }

    /** The messages on stdout: one JSON array with --json, else each as the line prints it. */
    static void printMessages(List<Message> messages, boolean json, PrintWriter out, MessageLine line)
            throws JMSException {
        if (json) {
            List<Map<String, Object>> objects = new ArrayList<>();
            for (Message m : messages) {
                objects.add(MessagePrinter.json(m));
            }
            out.println(Json.write(objects));
        } else {
            int ordinal = 0;
            for (Message m : messages) {
                line.print(m, ++ordinal);
            }
        }
        out.flush();
    }
}
