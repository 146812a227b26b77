package org.journalmq.jms.admin;

import java.util.List;
import java.util.Optional;

/**
 * A snapshot of a journal for operators.
 *
 * @param takenAt      journal-clock time of the snapshot (epoch milliseconds)
 * @param clients      live journal clients (JVM-level connection groups) in every JVM
 * @param destinations every queue with messages or consumers and every subscription, by type and name
 */
public record JournalFigures(long takenAt, int clients, List<DestinationFigures> destinations) {
    public JournalFigures {
        destinations = List.copyOf(destinations);
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
