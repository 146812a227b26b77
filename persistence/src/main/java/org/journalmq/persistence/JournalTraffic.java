package org.journalmq.persistence;

import java.util.Map;

/**
 * Sends and acks per journal address counted over every client of the journal (every JVM), as
 * each client last published them: at its heartbeat (every lease / 3, 10 s by default), so the
 * sums lag a JVM's own {@link TrafficCounts} by up to one heartbeat period. The counts of clients
 * that closed or died are kept (folded into retired rows), so a sum never goes down; a JVM that
 * restarts is a new client and adds to it from 0.
 *
 * @param takenAt  journal-clock time of the read
 * @param enqueued committed sends per destination address, publications per topic address
 * @param acked    acknowledged claims per address
 */
public record JournalTraffic(long takenAt, Map<String, Long> enqueued, Map<String, Long> acked) {
    public JournalTraffic {
        enqueued = Map.copyOf(enqueued);
        acked = Map.copyOf(acked);
    }

    /** No traffic known at {@code takenAt}. */
    public static JournalTraffic none(long takenAt) {
        return new JournalTraffic(takenAt, Map.of(), Map.of());
    }

    public long enqueued(String address) {
        return enqueued.getOrDefault(address, 0L);
    }

    public long acked(String address) {
        return acked.getOrDefault(address, 0L);
    }
}
