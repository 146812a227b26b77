package org.journalmq.cli;

import jakarta.jms.JMSException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.journalmq.jms.admin.JournalAdmin;
import org.journalmq.persistence.IndexCompaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code journalmq compact}: the journal's compaction now (PostgreSQL: REINDEX TABLE CONCURRENTLY of
 * the tables whose indexes a drained backlog left far larger than their rows need; HSQLDB: CHECKPOINT
 * DEFRAG of a data file far larger than its live part).
 */
@Command(name = "compact", mixinStandardHelpOptions = true,
        footerHeading = JournalMq.EXAMPLE_HEADING,
        footer = "  journalmq compact --url jdbc:postgresql://db:5432/app --user journal_owner",
        description = {"Rebuilds, without stopping producers or consumers, the indexes of the journal's tables"
                + " that a drained backlog left more than 4 times larger than their rows need (PostgreSQL;"
                + " needs the tables' owner). On HSQLDB, defragments a .data file more than 4 times its live"
                + " part (CHECKPOINT DEFRAG: clients wait while it copies the live rows; needs the DBA role)."
                + " Nothing to do on MariaDB."})
public class CompactCommand extends ConnectedCommand {

    @Option(names = "--json", description = "Print the outcome as a JSON object.")
    boolean json;

    @Override
    public Integer call() throws JMSException {
        IndexCompaction done;
        try (JournalAdmin admin = connection.admin()) {
            done = admin.compactIndexes();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Object> tables = new ArrayList<>();
            for (IndexCompaction.Table t : done.tables()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("table", t.name());
                m.put("liveRows", t.liveRows());
                m.put("indexBytesBefore", t.bytesBefore());
                m.put("indexBytesAfter", t.bytesAfter());
                m.put("millis", t.millis());
                tables.add(m);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("outcome", done.outcome().name());
            m.put("detail", done.detail());
            m.put("leftoversDropped", done.leftoversDropped());
            m.put("tables", tables);
            out.println(Json.write(m));
        } else {
            out.println(done.outcome() + ": " + done.detail());
            for (IndexCompaction.Table t : done.tables()) {
                out.printf("  %s: %,d KiB -> %,d KiB in %d ms (about %,d live rows)%n", t.name(),
                        t.bytesBefore() / 1024, t.bytesAfter() / 1024, t.millis(), t.liveRows());
            }
        }
        out.flush();
        boolean failed = done.outcome() == IndexCompaction.Outcome.FAILED
                || done.outcome() == IndexCompaction.Outcome.NOT_PERMITTED;
        return failed ? JournalMq.EXIT_ERROR : JournalMq.EXIT_OK;
    }
}
