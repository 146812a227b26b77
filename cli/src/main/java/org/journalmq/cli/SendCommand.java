package org.journalmq.cli;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code journalmq send}: one or more text messages to a queue. */
@Command(name = "send", mixinStandardHelpOptions = true,
        footerHeading = JournalMq.EXAMPLE_HEADING, footer = "  journalmq send --queue orders --property region=eu \"order #1\"",
        description = {"Sends BODY as a TextMessage to a queue and prints the JMSMessageID of each message"
                + " sent, one a line. Sends are persistent and synchronous: when an id is printed, the"
                + " message is committed to the journal."})
public class SendCommand extends ConnectedCommand {

    @Option(names = "--queue", required = true, paramLabel = "NAME", description = "Queue to send to.")
    String queue;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1",
            description = "How many copies of the message to send (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--property", paramLabel = "NAME=VALUE",
            description = "A String property of the message; repeat for several.")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = "--priority", paramLabel = "0-9", defaultValue = "4",
            description = "JMSPriority (default: ${DEFAULT-VALUE}).")
    int priority;

    @Option(names = "--ttl", paramLabel = "MS", defaultValue = "0",
            description = "Time to live in milliseconds; 0 never expires (default).")
    long ttl;

    @Option(names = "--delay", paramLabel = "MS", defaultValue = "0",
            description = "Delivery delay in milliseconds (default: 0).")
    long delay;

    @Option(names = "--non-persistent",
            description = "Send NON_PERSISTENT (the journal may lose it in a crash; the send does not wait).")
    boolean nonPersistent;

    @Parameters(index = "0", paramLabel = "BODY", description = "The text of the message; - reads standard input (less its final line break).")
    String body;

    @Override
    public Integer call() throws JMSException, IOException {
        checkArguments();
        String text = body.equals("-") ? stdin() : body;
        PrintWriter out = spec.commandLine().getOut();
        CommandSupport.inSession(connection.factory(), (c, session) -> {
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(nonPersistent ? DeliveryMode.NON_PERSISTENT : DeliveryMode.PERSISTENT);
            producer.setPriority(priority);
            producer.setTimeToLive(ttl);
            producer.setDeliveryDelay(delay);
            for (int i = 0; i < count; i++) {
                TextMessage m = session.createTextMessage(text);
                setProperties(m);
                producer.send(m);
                out.println(m.getJMSMessageID());
            }
            out.flush();
            return null;
        });
        return JournalMq.EXIT_OK;
    }

    /** Standard input less one final line break, so that {@code echo text | journalmq send -} sends "text". */
    private static String stdin() throws IOException {
        String in = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        return in.endsWith("\r\n") ? in.substring(0, in.length() - 2)
                : in.endsWith("\n") ? in.substring(0, in.length() - 1) : in;
    }

    private void checkArguments() {
        CommandSupport.atLeast(spec, "--count", count, 1);
        CommandSupport.between(spec, "--priority", priority, 0, 9);
        CommandSupport.notNegative(spec, "--ttl", ttl);
        CommandSupport.notNegative(spec, "--delay", delay);
    }

    /** An invalid property name (not a Java identifier, a reserved word, JMSX...) is the user's to fix. */
    private void setProperties(TextMessage m) throws JMSException {
        for (Map.Entry<String, String> p : properties.entrySet()) {
            try {
                m.setStringProperty(p.getKey(), p.getValue());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--property " + p.getKey() + ": " + e.getMessage());
            }
        }
    }
}
