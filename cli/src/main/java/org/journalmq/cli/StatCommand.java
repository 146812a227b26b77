package org.journalmq.cli;

import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import java.io.PrintWriter;
import java.util.List;
import org.journalmq.jms.admin.DestinationFigures;
import org.journalmq.jms.admin.JournalAdmin;
import org.journalmq.jms.admin.JournalFigures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code journalmq stat}: the figures of every destination, once or refreshed in place. */
@Command(name = "stat", mixinStandardHelpOptions = true,
        footerHeading = JournalMq.EXAMPLE_HEADING, footer = "  journalmq stat --url jdbc:postgresql://db.example.com/app"
                + " --user app --json",
        description = {"Prints every queue (with messages or consumers) and topic subscription: depth (ready +"
                + " in flight + scheduled), dead-letter queue depth, age of the oldest message and consumers in"
                + " every JVM, after a line with the journal's live clients. --json prints a JSON array instead,"
                + " one object per destination (the client count goes to stderr). A destination deeper than"
                + " --exact-limit shows estimates, marked ~ (JSON: \"estimated\" names them)."})
public class StatCommand extends ConnectedCommand {

    /** Clears the terminal and puts the cursor home, so that --watch redraws in place. */
    static final String CLEAR_HOME = "\033[H\033[2J";

    @Option(names = "--queue", paramLabel = "NAME", description = "Only this queue.")
    String queue;

    @Option(names = "--topic", paramLabel = "NAME", description = "Only the subscriptions of this topic.")
    String topic;

    @Option(names = "--json", description = "Print a JSON array, one object per destination.")
    boolean json;

    @Option(names = "--watch", paramLabel = "SECONDS", arity = "0..1", fallbackValue = "2",
            description = "Refresh in place every SECONDS (default 2) until Ctrl-C.")
    Integer watch;

    @Option(names = "--count", paramLabel = "N", description = "With --watch: stop after N refreshes.")
    Integer count;

    @Option(names = "--exact-limit", paramLabel = "N",
            description = "Count up to N waiting and N in-flight messages per destination exactly; above, show"
                    + " an estimate marked ~ (JSON: named in \"estimated\"). Default: ${DEFAULT-VALUE}.")
    long exactLimit = JournalAdmin.DEFAULT_EXACT_LIMIT;

    @Option(names = "--exact", description = "Count every message, however deep the queue (slow on millions).")
    boolean exact;

    @Override
    public Integer call() throws JMSException, InterruptedException {
        if (queue != null && topic != null) {
            throw new ParameterException(spec.commandLine(), "give --queue or --topic, not both");
        }
        if (watch != null && watch < 1) {
            throw new ParameterException(spec.commandLine(), "--watch needs at least 1 second, was " + watch);
        }
        if (count != null && (count < 1 || watch == null)) {
            throw new ParameterException(spec.commandLine(), "--count needs --watch and at least 1, was " + count);
        }
        if (exactLimit < 1) {
            throw new ParameterException(spec.commandLine(), "--exact-limit needs at least 1, was " + exactLimit);
        }
        long limit = exact ? Long.MAX_VALUE : exactLimit;
        PrintWriter out = spec.commandLine().getOut();
        try (JournalAdmin admin = connection.admin()) {
            for (int shown = 0; ; ) {
                JournalFigures figures = admin.figures(limit);
                List<DestinationFigures> selected = select(figures);
                if (watch != null) {
                    out.print(CLEAR_HOME);
                }
                print(figures, selected, admin, out);
                out.flush();
                shown++;
                if (watch == null || count != null && shown >= count) {
                    return JournalMq.EXIT_OK;
                }
                Thread.sleep(watch * 1000L); // an operator's refresh interval, nothing to await
            }
        }
    }

    private List<DestinationFigures> select(JournalFigures figures) throws InvalidDestinationException {
        if (queue != null) {
            return List.of(figures.queue(queue).orElseThrow(() -> new InvalidDestinationException("unknown queue '"
                    + queue + "': the journal holds no message and no consumer for it")));
        }
        if (topic != null) {
            return CommandSupport.subscriptionsOf(figures, topic);
        }
        return figures.destinations();
    }

    private void print(JournalFigures figures, List<DestinationFigures> selected, JournalAdmin admin,
                       PrintWriter out) {
        if (json) {
            out.println(Json.write(selected.stream().map(Figures::json).toList()));
            PrintWriter err = spec.commandLine().getErr();
            err.println("journalmq stat: " + figures.clients() + " live client(s)");
            err.flush();
            return;
        }
        out.println("journal " + admin.url() + " (tables " + admin.tablePrefix() + "*): " + figures.clients()
                + " live client(s), " + selected.size() + " destination(s)");
        out.println(Figures.HEADER);
        for (DestinationFigures d : selected) {
            out.println(Figures.row(d));
        }
        if (selected.stream().anyMatch(d -> !d.estimated().isEmpty())) {
            out.println(Figures.estimateNote(exactLimit));
        }
    }
}
