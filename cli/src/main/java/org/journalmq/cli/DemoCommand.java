package org.journalmq.cli;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code journalmq demo}: producers and consumers in this JVM, with throughput and latency. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        footerHeading = JournalMq.EXAMPLE_HEADING, footer = "  journalmq demo --messages 1000 --producers 1 --consumers 1",
        description = {"Runs producer and consumer threads against the journal (the embedded one unless"
                + " --url is given): persistent sends of BytesMessages to a fresh demo queue, MessageListener"
                + " consumers, progress about once a second and a final line with the throughput and the"
                + " end-to-end latency (p50/p99). The demo queue is drained at the end."})
public class DemoCommand extends ConnectedCommand {

    @Option(names = "--messages", paramLabel = "N", defaultValue = "5000",
            description = "Messages to send in all (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--producers", paramLabel = "N", defaultValue = "2",
            description = "Producer threads, each with its own session (default: ${DEFAULT-VALUE}).")
    int producers;

    @Option(names = "--consumers", paramLabel = "N", defaultValue = "2",
            description = "Consumer sessions with a MessageListener (default: ${DEFAULT-VALUE}).")
    int consumers;

    @Option(names = "--size", paramLabel = "BYTES", defaultValue = "1024",
            description = "Body size of each message (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Give up (exit 1) when not done after this long (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        checkArguments();
        PrintWriter out = spec.commandLine().getOut();
        String queueName = "journalmq-demo-" + UUID.randomUUID().toString().substring(0, 8);
        out.printf(Locale.ROOT, "demo: %d messages of %d bytes, %d producer(s), %d consumer(s), queue %s on %s%n",
                messages, size, producers, consumers, queueName, connection.printableUrl());
        out.flush();
        ConnectionFactory factory = connection.factory();
        DemoRun run = new DemoRun(messages, size, out);
        try {
            try (Connection c = factory.createConnection()) {
                run.execute(c, queueName, producers, consumers, timeoutSeconds);
            }
        } finally {
            drain(factory, queueName, out);
        }
        out.println(run.summary());
        out.flush();
        if (run.duplicates() > 0) {
            spec.commandLine().getErr().println("journalmq demo: " + run.duplicates()
                    + " message(s) were delivered more than once");
            spec.commandLine().getErr().flush();
            return JournalMq.EXIT_ERROR;
        }
        return JournalMq.EXIT_OK;
    }

    private void checkArguments() {
        CommandSupport.atLeast(spec, "--messages", messages, 1);
        CommandSupport.atLeast(spec, "--producers", producers, 1);
        CommandSupport.atLeast(spec, "--consumers", consumers, 1);
        CommandSupport.atLeast(spec, "--size", size, 0);
        CommandSupport.atLeast(spec, "--timeout", timeoutSeconds, 1);
    }

    /**
     * Leaves no demo messages behind, also after a failure or a timeout: whatever is still in the
     * queue is received and acknowledged.
     */
    private static void drain(ConnectionFactory factory, String queueName, PrintWriter out) throws JMSException {
        int drained = CommandSupport.inSession(factory, (c, s) -> {
            MessageConsumer consumer = s.createConsumer(s.createQueue(queueName));
            c.start();
            int n = 0;
            for (Message m = consumer.receive(250); m != null; m = consumer.receive(250)) {
                n++;
            }
            return n;
        });
        if (drained > 0) {
            out.println("demo: drained " + drained + " message(s) left in " + queueName);
        }
    }
}
