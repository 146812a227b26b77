package org.journalmq.cli;

import jakarta.jms.JMSException;
import org.journalmq.jms.admin.JournalAdmin;
import org.journalmq.jms.admin.MoveRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code journalmq move}: messages from one queue to another. */
@Command(name = "move", mixinStandardHelpOptions = true,
        footerHeading = JournalMq.EXAMPLE_HEADING, footer = "  journalmq move --from orders --to orders.retry"
                + " --selector \"region = 'eu'\"",
        description = {"Moves the ready messages of a queue (optionally those matching --selector, at most --limit)"
                + " to another queue, atomically in batches: each batch is claimed, sent and removed in one"
                + " transaction, so a message is never lost or moved twice, even by two moves at once."
                + " Headers and properties are kept; scheduled and in-flight messages stay."})
public class MoveCommand extends ConnectedCommand {

    @Option(names = {"--from", "--queue"}, paramLabel = "NAME", required = true, description = "The queue to take messages from.")
    String from;

    @Option(names = "--to", paramLabel = "NAME", required = true, description = "The queue to put them on.")
    String to;

    @Option(names = "--selector", paramLabel = "SELECTOR", description = "Only messages matching this selector.")
    String selector;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "At most N messages (default: all).")
    long limit;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "100",
            description = "Messages per transaction (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--json", description = "Print the outcome as a JSON object.")
    boolean json;

    @Override
    public Integer call() throws JMSException {
        CommandSupport.notNegative(spec, "--limit", limit);
        CommandSupport.between(spec, "--batch", batch, 1, 10_000);
        if (from.equals(to)) {
            throw new ParameterException(spec.commandLine(), "--from and --to name the same queue '" + to + "'");
        }
        long moved;
        try (JournalAdmin admin = connection.admin()) {
            admin.knownQueue(from);
            Progress progress = new Progress(spec.commandLine().getErr(), "journalmq move", "moved");
            moved = admin.move(MoveRequest.move(from, to, selector, limit).withBatchSize(batch).withProgress(progress));
            progress.done(moved);
        }
        DlqCommand.report(spec.commandLine(), json, "moved", from, to, moved);
        return JournalMq.EXIT_OK;
    }
}
