package org.journalmq.persistence;

import java.util.Map;

/**
 * Messages this journal instance committed since it opened, per journal address. They count the
 * work of this JVM only (other JVMs sharing the database keep their own counts), which is what a
 * JMX console or a Micrometer registry attached to this JVM expects.
 *
 * @param enqueued sends committed per destination address, and publications per topic address
 * @param acked    acknowledged (deleted) claims per address, for acks that named their row's address
 * @param duplicates sends and publications per destination (topic) address that were suppressed as
 *                   duplicates (issue 16): they succeeded for the caller and stored nothing. Not in
 *                   {@code enqueued}.
 */
public record TrafficCounts(Map<String, Long> enqueued, Map<String, Long> acked, Map<String, Long> duplicates) {
    public TrafficCounts {
        enqueued = Map.copyOf(enqueued);
        acked = Map.copyOf(acked);
        duplicates = Map.copyOf(duplicates);
    }

    public TrafficCounts(Map<String, Long> enqueued, Map<String, Long> acked) {
        this(enqueued, acked, Map.of());
    }

    public long enqueued(String address) {
        return enqueued.getOrDefault(address, 0L);
    }

    public long acked(String address) {
        return acked.getOrDefault(address, 0L);
    }

    public long duplicates(String address) {
        return duplicates.getOrDefault(address, 0L);
    }
}
