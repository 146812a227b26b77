package org.journalmq.jms.admin;

import java.util.List;
import java.util.Optional;

/**
 * A snapshot of a journal for operators.
 *
 * @param takenAt      journal-clock time of the snapshot (epoch milliseconds)
 * @param clients      live journal clients (JVM-level connection groups) in every JVM
 * @param destinations every queue with messages or consumers and every subscription, by type and name
 * @param liveClients  the live clients counted by {@code clients}, oldest first
 */
public record JournalFigures(long takenAt, int clients, List<DestinationFigures> destinations,
                             List<ClientFigures> liveClients) {
    public JournalFigures {
        destinations = List.copyOf(destinations);
        liveClients = List.copyOf(liveClients);
    }

    /** Figures that count the live clients without listing them. */
    public JournalFigures(long takenAt, int clients, List<DestinationFigures> destinations) {
        this(takenAt, clients, destinations, List.of());
    }

    /** The destination whose journal address this is: a queue or a subscription. */
    public Optional<DestinationFigures> byAddress(String address) {
        return destinations.stream().filter(d -> d.address().equals(address)).findFirst();
    }

    /** The queue (type queue or temporary-queue) of that name. */
    public Optional<DestinationFigures> queue(String name) {
        return destinations.stream().filter(d -> !d.isSubscription() && d.name().equals(name)).findFirst();
    }

    /** The subscriptions of a topic. */
    public List<DestinationFigures> subscriptions(String topic) {
        return destinations.stream().filter(d -> d.isSubscription() && topic.equals(d.topic())).toList();
    }
}
