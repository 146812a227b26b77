package org.journalmq.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.journalmq.jms.admin.DestinationFigures;

/** How {@code stat} shows one destination: a JSON object, or a row of its table. */
public final class Figures {
    static final String HEADER = String.format("%-16s %-32s %8s %8s %9s %9s %8s %12s %9s",
            "TYPE", "NAME", "DEPTH", "READY", "IN-FLIGHT", "SCHEDULED", "DLQ", "OLDEST", "CONSUMERS");

    private Figures() {
    }

    public static Map<String, Object> json(DestinationFigures d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("type", d.type());
        if (d.topic() != null) {
            m.put("topic", d.topic());
            m.put("durable", d.durable());
            m.put("shared", d.shared());
        }
        m.put("depth", d.depth());
        m.put("ready", d.ready());
        m.put("inFlight", d.inFlight());
        m.put("scheduled", d.scheduled());
        m.put("deadLetterQueue", d.deadLetterQueue());
        m.put("dlqDepth", d.dlqDepth());
        m.put("oldestAgeMs", d.oldestAgeMs());
        m.put("consumers", d.consumers());
        // Names of the figures above that are estimates (sorted, so that the output is stable);
        // empty when all are exact counts.
        m.put("estimated", d.estimated().stream().sorted().toList());
        return m;
    }

    static String row(DestinationFigures d) {
        String name = d.topic() == null ? d.name() : d.topic() + "/" + d.name();
        return String.format("%-16s %-32s %8s %8s %9s %9s %8s %12s %9d", d.type(), name,
                count(d, DestinationFigures.DEPTH, d.depth()), count(d, DestinationFigures.READY, d.ready()),
                count(d, DestinationFigures.IN_FLIGHT, d.inFlight()),
                count(d, DestinationFigures.SCHEDULED, d.scheduled()),
                count(d, DestinationFigures.DLQ_DEPTH, d.dlqDepth()),
                (d.isEstimated(DestinationFigures.OLDEST_AGE) ? "~" : "") + age(d.oldestAgeMs()), d.consumers());
    }

    /** A count as it is, an estimate with a leading {@code ~} (explained under the table). */
    static String count(DestinationFigures d, String figure, long value) {
        return d.isEstimated(figure) ? "~" + value : Long.toString(value);
    }

    /** The line under the table when some figure is an estimate: what ~ means and how to avoid it. */
    static String estimateNote(long exactLimit) {
        return String.format("~ estimate: more than %,d messages in that part of the destination (waiting or"
                + " in flight); consumers and every figure without ~ are exact. --exact counts every message.",
                exactLimit);
    }

    /** 0 ms, 950 ms, 12.3 s, 4 min 05 s, 3 h 02 min: readable at a glance. */
    static String age(long ms) {
        if (ms < 1_000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format("%.1f s", ms / 1000.0);
        }
        if (ms < 3_600_000) {
            return String.format("%d min %02d s", ms / 60_000, ms / 1000 % 60);
        }
        return String.format("%d h %02d min", ms / 3_600_000, ms / 60_000 % 60);
    }
}
