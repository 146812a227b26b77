package org.journalmq.cli;

import jakarta.jms.JMSException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.journalmq.jms.admin.DestinationFigures;
import org.journalmq.jms.admin.JournalAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code journalmq purge}: deletes every message of a queue, or of a topic's subscriptions. */
@Command(name = "purge", mixinStandardHelpOptions = true,
        footerHeading = JournalMq.EXAMPLE_HEADING, footer = "  journalmq purge --queue orders --yes",
        description = {"Deletes every message of a queue (ready, scheduled and in flight) or of the"
                + " subscriptions of a topic, after asking for confirmation (y/N on stdin) unless --yes."})
public class PurgeCommand extends ConnectedCommand {

    @Option(names = "--queue", paramLabel = "NAME", description = "The queue to purge.")
    String queue;

    @Option(names = "--topic", paramLabel = "NAME", description = "Purge the subscriptions of this topic.")
    String topic;

    @Option(names = "--subscription", paramLabel = "NAME",
            description = "With --topic: only this subscription (its name, or its address for an unnamed one).")
    String subscription;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Option(names = "--json", description = "Print the outcome as a JSON object.")
    boolean json;

    @Override
    public Integer call() throws JMSException, IOException {
        CommandSupport.exactlyOne(spec, "--queue", queue, "--topic", topic);
        if (subscription != null && topic == null) {
            throw new ParameterException(spec.commandLine(), "--subscription needs --topic");
        }
        PrintWriter err = spec.commandLine().getErr();
        try (JournalAdmin admin = connection.admin()) {
            List<DestinationFigures> targets = targets(admin);
            long waiting = targets.stream().mapToLong(DestinationFigures::depth).sum();
            String what = queue != null ? "queue " + queue
                    : subscription != null ? "subscription " + subscription + " of topic " + topic
                    : targets.size() + " subscription(s) of topic " + topic;
            if (!yes && !confirmed(err, "Delete all " + waiting + " message(s) of " + what + "? [y/N] ")) {
                err.println("journalmq purge: nothing deleted");
                err.flush();
                return JournalMq.EXIT_ERROR;
            }
            long deleted = 0;
            for (DestinationFigures d : targets) {
                deleted += admin.purge(d);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(java.util.Map.of("purged", deleted)));
            } else {
                out.println("purged " + deleted + " message(s) of " + what);
            }
            out.flush();
        }
        return JournalMq.EXIT_OK;
    }

    private List<DestinationFigures> targets(JournalAdmin admin) throws JMSException {
        if (queue != null) {
            return List.of(admin.knownQueue(queue));
        }
        List<DestinationFigures> subscriptions = CommandSupport.subscriptionsOf(admin.figures(), topic);
        return subscription == null ? subscriptions : CommandSupport.named(subscriptions, topic, subscription);
    }

    /** Reads one answer from stdin; only y or yes (any case) confirms, end of input refuses. */
    private static boolean confirmed(PrintWriter err, String question) throws IOException {
        err.print(question);
        err.flush();
        // Not closed: closing would close System.in for the rest of the JVM.
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String answer = in.readLine();
        return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
    }
}
