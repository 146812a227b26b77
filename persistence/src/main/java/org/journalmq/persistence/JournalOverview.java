package org.journalmq.persistence;

import java.util.List;
import java.util.Map;

/**
 * What operators see of a journal, read in one transaction (ops: CLI {@code stat}, JMX, metrics).
 *
 * @param takenAt      journal-clock time of the snapshot
 * @param destinations figures of every address that has rows, in address order
 * @param consumers    consumers attached per address (subscriptions, and queues whose consumers
 *                     were registered with {@link Journal#registerConsumer}), live clients only
 * @param subscriptions every topic subscription, in address order (also those without rows)
 * @param liveClients  journal clients (JVM-level connection groups) with a heartbeat within one lease
 * @param clients      those clients, oldest first (read in the same query that counts them)
 * @param traffic      sends and acks per address over every client of the journal, as of each
 *                     client's last heartbeat (read in the same transaction)
 */
public record JournalOverview(long takenAt, List<DestinationStats> destinations, Map<String, Integer> consumers,
                              List<Subscription> subscriptions, int liveClients, List<LiveClient> clients,
                              JournalTraffic traffic) {
    public JournalOverview {
        destinations = List.copyOf(destinations);
        consumers = Map.copyOf(consumers);
        subscriptions = List.copyOf(subscriptions);
        clients = List.copyOf(clients);
        java.util.Objects.requireNonNull(traffic, "traffic");
    }

    /** An overview without journal-wide traffic counts (tests, older callers). */
    public JournalOverview(long takenAt, List<DestinationStats> destinations, Map<String, Integer> consumers,
                           List<Subscription> subscriptions, int liveClients, List<LiveClient> clients) {
        this(takenAt, destinations, consumers, subscriptions, liveClients, clients, JournalTraffic.none(takenAt));
    }

    /** An overview that counts its live clients without listing them (tests, older callers). */
    public JournalOverview(long takenAt, List<DestinationStats> destinations, Map<String, Integer> consumers,
                           List<Subscription> subscriptions, int liveClients) {
        this(takenAt, destinations, consumers, subscriptions, liveClients, List.of(), JournalTraffic.none(takenAt));
    }
}
