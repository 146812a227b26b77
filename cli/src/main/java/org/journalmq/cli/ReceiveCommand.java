package org.journalmq.cli;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code journalmq receive}: takes messages off a queue and prints them. */
@Command(name = "receive", mixinStandardHelpOptions = true,
        footerHeading = JournalMq.EXAMPLE_HEADING, footer = "  journalmq receive --queue orders --count 10 --timeout 2000",
        description = {"Receives up to --count messages from a queue (AUTO_ACKNOWLEDGE: each one is removed"
                + " from the queue as it is printed) and prints their bodies, one a line.",
                "Exit status: 0 when at least one message was received (fewer than --count only adds a"
                        + " note on stderr); 3 when no message arrived within --timeout."})
public class ReceiveCommand extends ConnectedCommand {

    @Option(names = "--queue", required = true, paramLabel = "NAME", description = "Queue to receive from.")
    String queue;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1",
            description = "Most messages to receive (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "5000",
            description = "How long to wait for each message, in milliseconds; 0 takes only what is"
                    + " ready now (default: ${DEFAULT-VALUE}).")
    long timeout;

    @Option(names = {"-v", "--verbose"}, description = "Print the headers and properties of each message too.")
    boolean verbose;

    @Override
    public Integer call() throws JMSException {
        CommandSupport.atLeast(spec, "--count", count, 1);
        CommandSupport.notNegative(spec, "--timeout", timeout);
        PrintWriter out = spec.commandLine().getOut();
        int received = CommandSupport.inSession(connection.factory(), (c, session) -> {
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            c.start();
            int n = 0;
            for (; n < count; n++) {
                // receive(0) would wait forever in JMS; the CLI's 0 means "only what is ready now"
                Message m = timeout == 0 ? consumer.receiveNoWait() : consumer.receive(timeout);
                if (m == null) {
                    break;
                }
                MessagePrinter.print(m, n + 1, verbose, out);
                out.flush();
            }
            return n;
        });
        return outcome(received);
    }

    private int outcome(int received) {
        PrintWriter err = spec.commandLine().getErr();
        if (received == 0) {
            err.println("journalmq receive: no message on queue '" + queue + "' within " + timeout + " ms");
            err.flush();
            return JournalMq.EXIT_NOTHING_RECEIVED;
        }
        if (received < count) {
            err.println("journalmq receive: received " + received + " of " + count + " messages; no more on queue '"
                    + queue + "' within " + timeout + " ms");
            err.flush();
        }
        return JournalMq.EXIT_OK;
    }
}
