package org.journalmq.cli;

import jakarta.jms.Connection;
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
import java.util.concurrent.Callable;
import org.journalmq.jms.admin.DestinationFigures;
import org.journalmq.jms.admin.JournalAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code journalmq browse}: shows what waits on a queue without taking it. */
@Command(name = "browse", mixinStandardHelpOptions = true,
        footerHeading = JournalMq.EXAMPLE_HEADING, footer = "  journalmq browse --queue orders --selector \"region = 'eu'\"",
        description = {"Prints the messages waiting on a queue (or a topic subscription), in delivery order,"
                + " without removing them, then a count line on stderr. Messages claimed by a consumer at that"
                + " moment are not shown. The queue must be known to the journal (have messages or consumers)."})
public class BrowseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--queue", paramLabel = "NAME", description = "Queue to browse.")
    String queue;

    @Option(names = "--topic", paramLabel = "NAME", description = "Browse a subscription of this topic (with --subscription).")
    String topic;

    @Option(names = "--subscription", paramLabel = "NAME",
            description = "With --topic: the subscription (its name, or its address for an unnamed one).")
    String subscription;

    @Option(names = "--count", paramLabel = "N", defaultValue = "100",
            description = "Most messages to show (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--selector", paramLabel = "SELECTOR",
            description = "A JMS message selector: only matching messages are shown, e.g. \"region = 'eu'\".")
    String selector;

    @Option(names = {"-v", "--verbose"}, description = "Print the headers and properties of each message too.")
    boolean verbose;

    @Option(names = "--json", description = "Print a JSON array of messages (headers, properties, body).")
    boolean json;

    @Override
    public Integer call() throws JMSException {
        if (count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1, was " + count);
        }
        if ((queue == null) == (topic == null)) {
            throw new ParameterException(spec.commandLine(), "give exactly one of --queue and --topic");
        }
        if ((topic == null) != (subscription == null)) {
            throw new ParameterException(spec.commandLine(), "--topic and --subscription go together");
        }
        Listing listing = queue != null ? list(connection, queue, selector, count, admin -> admin.knownQueue(queue))
                : listSubscription();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> objects = new ArrayList<>();
            for (Message m : listing.messages()) {
                objects.add(MessagePrinter.json(m));
            }
            out.println(Json.write(objects));
        } else {
            int ordinal = 0;
            for (Message m : listing.messages()) {
                MessagePrinter.print(m, ++ordinal, verbose, out);
            }
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println("journalmq browse: " + listing.messages().size() + " message(s) shown"
                + (listing.more() ? "; more wait on the queue" : ""));
        err.flush();
        return JournalMq.EXIT_OK;
    }

    /** A subscription's messages: read through the admin, since a QueueBrowser shows queues only. */
    private Listing listSubscription() throws JMSException {
        try (JournalAdmin admin = connection.admin()) {
            DestinationFigures d = admin.figures().subscriptions(topic).stream()
                    .filter(f -> f.name().equals(subscription) || f.address().equals(subscription)).findFirst()
                    .orElseThrow(() -> new InvalidDestinationException("topic '" + topic + "' has no subscription '"
                            + subscription + "'"));
            List<Message> found = admin.browse(d, selector, count);
            return found.size() > count ? new Listing(found.subList(0, count), true) : new Listing(found, false);
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

    /** Browses up to {@code count} messages of a queue, after the check. A bad selector fails before anything is read. */
    static Listing list(ConnectionOptions connection, String queue, String selector, int count, KnownCheck known)
            throws JMSException {
        try (JournalAdmin admin = connection.admin()) {
            known.check(admin);
            try (Connection c = connection.factory().createConnection()) {
                Session session = c.createSession(Session.AUTO_ACKNOWLEDGE);
                List<Message> messages = new ArrayList<>();
                try (QueueBrowser browser = session.createBrowser(session.createQueue(queue), selector)) {
                    Enumeration<?> e = browser.getEnumeration();
                    while (messages.size() < count && e.hasMoreElements()) {
                        messages.add((Message) e.nextElement());
                    }
                    return new Listing(messages, e.hasMoreElements());
                }
            }
        }
    }
}
