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
        return m;
    }

    static String row(DestinationFigures d) {
        String name = d.topic() == null ? d.name() : d.topic() + "/" + d.name();
        return String.format("%-16s %-32s %8d %8d %9d %9d %8d %12s %9d", d.type(), name, d.depth(), d.ready(),
                d.inFlight(), d.scheduled(), d.dlqDepth(), age(d.oldestAgeMs()), d.consumers());
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
