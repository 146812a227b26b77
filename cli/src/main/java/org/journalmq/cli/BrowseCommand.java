package org.journalmq.cli;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.io.PrintWriter;
import java.util.List;
import org.journalmq.cli.CommandSupport.Listing;
import org.journalmq.jms.admin.DestinationFigures;
import org.journalmq.jms.admin.JournalAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code journalmq browse}: shows what waits on a queue without taking it. */
@Command(name = "browse", mixinStandardHelpOptions = true,
        footerHeading = JournalMq.EXAMPLE_HEADING, footer = "  journalmq browse --queue orders --selector \"region = 'eu'\"",
        description = {"Prints the messages waiting on a queue (or a topic subscription), in delivery order,"
                + " without removing them, then a count line on stderr. Messages claimed by a consumer at that"
                + " moment are not shown. The queue must be known to the journal (have messages or consumers)."})
public class BrowseCommand extends ConnectedCommand {

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
        CommandSupport.atLeast(spec, "--count", count, 1);
        CommandSupport.exactlyOne(spec, "--queue", queue, "--topic", topic);
        if ((topic == null) != (subscription == null)) {
            throw new ParameterException(spec.commandLine(), "--topic and --subscription go together");
        }
        Listing listing = queue != null
                ? CommandSupport.browse(connection, queue, selector, count, admin -> admin.knownQueue(queue))
                : listSubscription();
        PrintWriter out = spec.commandLine().getOut();
        CommandSupport.printMessages(listing.messages(), json, out,
                (m, ordinal) -> MessagePrinter.print(m, ordinal, verbose, out));
        PrintWriter err = spec.commandLine().getErr();
        err.println("journalmq browse: " + listing.messages().size() + " message(s) shown"
                + (listing.more() ? "; more wait on the queue" : ""));
        err.flush();
        return JournalMq.EXIT_OK;
    }

    /** A subscription's messages: read through the admin, since a QueueBrowser shows queues only. */
    private Listing listSubscription() throws JMSException {
        try (JournalAdmin admin = connection.admin()) {
            DestinationFigures d = CommandSupport.named(admin.figures().subscriptions(topic), topic, subscription)
                    .get(0);
            List<Message> found = admin.browse(d, selector, count);
            return found.size() > count ? new Listing(found.subList(0, count), true) : new Listing(found, false);
        }
    }
}
