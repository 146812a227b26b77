package org.journalmq.cli;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.io.PrintWriter;
import java.util.Enumeration;
import java.util.concurrent.Callable;
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
                + " moment are not shown."})
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

    @Option(names = {"-v", "--verbose"}, description = "Print the headers and properties of each message too.")
    boolean verbose;

    @Override
    public Integer call() throws JMSException {
        if (count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1, was " + count);
        }
        PrintWriter out = spec.commandLine().getOut();
        int shown = 0;
        boolean more;
        try (Connection c = connection.factory().createConnection()) {
            Session session = c.createSession(Session.AUTO_ACKNOWLEDGE);
            try (QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
                Enumeration<?> messages = browser.getEnumeration();
                while (shown < count && messages.hasMoreElements()) {
                    MessagePrinter.print((Message) messages.nextElement(), ++shown, verbose, out);
                }
                more = messages.hasMoreElements();
            }
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println("journalmq browse: " + shown + " message(s) shown" + (more ? "; more wait on the queue" : ""));
        err.flush();
        return JournalMq.EXIT_OK;
    }
}
