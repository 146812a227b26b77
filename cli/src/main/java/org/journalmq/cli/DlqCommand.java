package org.journalmq.cli;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.journalmq.jms.DeadLetters;
import org.journalmq.jms.admin.JournalAdmin;
import org.journalmq.jms.admin.MoveRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code journalmq dlq}: the dead-letter queue of a queue or topic: list and replay. */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        footerHeading = JournalMq.EXAMPLE_HEADING, footer = "  journalmq dlq list --queue orders",
        description = {"Dead letters: messages that failed too often go to DLQ.<queue> (DLQ.<topic> for"
                + " subscriptions) with properties naming their origin, attempts and reason."},
        subcommands = {DlqCommand.ListCommand.class, DlqCommand.ReplayCommand.class})
public class DlqCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: list or replay");
    }

    /** {@code dlq list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            footerHeading = JournalMq.EXAMPLE_HEADING, footer = "  journalmq dlq list --queue orders --verbose",
            description = {"Lists the dead letters in delivery order without removing them: id, attempts,"
                    + " original destination and reason; -v adds headers, properties and body."})
    public static class ListCommand extends ConnectedCommand {

        @Mixin
        DeadLetterTarget target;

        @Option(names = "--selector", paramLabel = "SELECTOR", description = "Only dead letters matching this selector.")
        String selector;

        @Option(names = "--count", paramLabel = "N", defaultValue = "100",
                description = "Most messages to show (default: ${DEFAULT-VALUE}).")
        int count;

        @Option(names = {"-v", "--verbose"}, description = "Print headers, properties and body of each message.")
        boolean verbose;

        @Option(names = "--json", description = "Print a JSON array of messages.")
        boolean json;

        @Override
        public Integer call() throws JMSException {
            CommandSupport.atLeast(spec, "--count", count, 1);
            String dlq = target.deadLetterQueue();
            CommandSupport.Listing listing = CommandSupport.browse(connection, dlq, selector, count,
                    target::requireKnown);
            PrintWriter out = spec.commandLine().getOut();
            CommandSupport.printMessages(listing.messages(), json, out, (m, ordinal) -> {
                if (verbose) {
                    MessagePrinter.print(m, ordinal, true, out);
                } else {
                    out.println(summary(m));
                }
            });
            PrintWriter err = spec.commandLine().getErr();
            err.println("journalmq dlq list: " + listing.messages().size() + " message(s) in " + dlq
                    + (listing.more() ? "; more wait" : ""));
            err.flush();
            return JournalMq.EXIT_OK;
        }

        /** One line: id, attempts, where from, why. */
        static String summary(Message m) throws JMSException {
            Object original = m.getObjectProperty(DeadLetters.ORIGINAL_DESTINATION);
            Object subscription = m.getObjectProperty(DeadLetters.ORIGINAL_SUBSCRIPTION);
            Object attempts = m.getObjectProperty(DeadLetters.DELIVERY_ATTEMPTS);
            Object reason = m.getObjectProperty(DeadLetters.DEAD_LETTER_REASON);
            return m.getJMSMessageID() + "  attempts=" + (attempts == null ? "?" : attempts)
                    + "  from=" + (original == null ? "?" : original) + (subscription == null ? "" : "/" + subscription)
                    + "  reason=" + (reason == null ? "?" : reason);
        }
    }

    /** {@code dlq replay}. */
    @Command(name = "replay", mixinStandardHelpOptions = true,
            footerHeading = JournalMq.EXAMPLE_HEADING, footer = "  journalmq dlq replay --queue orders --limit 10",
            description = {"Moves dead letters back to their original destination, or to --to, atomically in"
                    + " batches: each batch is claimed from the dead-letter queue, sent and removed in one"
                    + " transaction, so two replays at once never move a message twice. The dead-letter"
                    + " properties are removed from the replayed copies and their delivery count starts again."})
    public static class ReplayCommand extends ConnectedCommand {

        @Mixin
        DeadLetterTarget target;

        @Option(names = "--to", paramLabel = "QUEUE", description = "Replay to this queue instead of the original destinations.")
        String to;

        @Option(names = "--selector", paramLabel = "SELECTOR", description = "Only dead letters matching this selector.")
        String selector;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
                description = "At most N messages (default: all).")
        long limit;

        @Option(names = "--json", description = "Print the outcome as a JSON object.")
        boolean json;

        @Override
        public Integer call() throws JMSException {
            CommandSupport.notNegative(spec, "--limit", limit);
            String dlq = target.deadLetterQueue();
            long moved;
            try (JournalAdmin admin = connection.admin()) {
                target.requireKnown(admin);
                Progress progress = new Progress(spec.commandLine().getErr(), "journalmq dlq replay", "replayed");
                moved = admin.move(MoveRequest.replay(dlq, to, selector, limit).withProgress(progress));
                progress.done(moved);
            }
            report(spec.commandLine(), json, "replayed", dlq, to == null ? "original destinations" : to, moved);
            return JournalMq.EXIT_OK;
        }
    }

    /** The outcome line of a move or replay on stdout (JSON with --json). */
    static void report(CommandLine cl, boolean json, String verb, String from, String to, long moved) {
        PrintWriter out = cl.getOut();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("from", from);
            o.put("to", to);
            o.put(verb, moved);
            out.println(Json.write(o));
        } else {
            out.println(verb + " " + moved + " message(s) from " + from + " to " + to);
        }
        out.flush();
    }
}
