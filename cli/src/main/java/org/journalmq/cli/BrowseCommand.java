package org.journalmq.cli;

import jakarta.jms.Connection;
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
import org.journalmq.jms.admin.JournalAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code journalmq browse}: shows what waits on a queue without taking it. */
@Command(name = "browse", mixinStandardHelpOptions = true,
        description = {"Prints the messages waiting on a queue, in delivery order, without removing them"
                + " (a QueueBrowser), then a count line on stderr. Messages claimed by a consumer at that"
                + " moment are not shown. The queue must be known to the journal (have messages or consumers)."})
public class BrowseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--queue", required = true, paramLabel = "NAME", description = "Queue to browse.")
    String queue;

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
        Listing listing = list(connection, queue, selector, count, admin -> admin.knownQueue(queue));
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
