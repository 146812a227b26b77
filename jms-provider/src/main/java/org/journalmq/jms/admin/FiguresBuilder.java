package org.journalmq.jms.admin;

import org.journalmq.jms.DeadLetters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.journalmq.persistence.DestinationStats;
import org.journalmq.persistence.JournalOverview;
import org.journalmq.persistence.JournalTraffic;
import org.journalmq.persistence.Subscription;
import org.journalmq.persistence.TrafficCounts;

/**
 * Turns the journal's addresses back into what a JMS user named (see docs/design-decisions.md,
 * "Addresses" and "Subscription addresses"): {@code Q:orders} is the queue orders,
 * {@code D:<len>.<clientID>:<name>} the durable subscription name.
 */
final class FiguresBuilder {
    static final String QUEUE = "queue";
    static final String TEMPORARY_QUEUE = "temporary-queue";
    static final String SUBSCRIPTION = "subscription";
    static final String OTHER = "other";

    private static final DestinationStats EMPTY = new DestinationStats("", 0, 0, 0, 0);

    private FiguresBuilder() {
    }

    /** The figures an estimated part of the journal's stats makes estimates (see {@link DestinationStats}). */
    private static Set<String> estimated(DestinationStats s, DestinationStats dlq) {
        Set<String> names = new HashSet<>();
        if (s.waitingEstimated()) {
            names.addAll(List.of(DestinationFigures.READY, DestinationFigures.SCHEDULED,
                    DestinationFigures.OLDEST_AGE));
        }
        if (s.inFlightEstimated()) {
            names.add(DestinationFigures.IN_FLIGHT);
        }
        if (s.estimated()) {
            names.add(DestinationFigures.DEPTH);
        }
        if (dlq.estimated()) {
            names.add(DestinationFigures.DLQ_DEPTH);
        }
        return names;
    }

    static JournalFigures build(JournalOverview overview, TrafficCounts traffic) {
        Map<String, DestinationStats> stats = new HashMap<>();
        for (DestinationStats s : overview.destinations()) {
            stats.put(s.destination(), s);
        }
        Map<String, Subscription> subscriptions = new HashMap<>();
        for (Subscription s : overview.subscriptions()) {
            subscriptions.put(s.address(), s);
        }
        JournalTraffic everyJvm = overview.traffic();
        TreeSet<String> addresses = new TreeSet<>(stats.keySet());
        addresses.addAll(overview.consumers().keySet());
        addresses.addAll(subscriptions.keySet());

        List<DestinationFigures> figures = new ArrayList<>();
        for (String address : addresses) {
            DestinationStats s = stats.getOrDefault(address, EMPTY);
            Subscription sub = subscriptions.get(address);
            String type;
            String name;
            String topic = null;
            if (sub != null) {
                type = SUBSCRIPTION;
                topic = nameOf(sub.topic());
                name = subscriptionName(address);
            } else if (address.startsWith("Q:")) {
                type = QUEUE;
                name = nameOf(address);
            } else if (address.startsWith("q:")) {
                type = TEMPORARY_QUEUE;
                name = nameOf(address);
            } else {
                type = OTHER;
                name = address;
            }
            String dlq = topic != null ? DeadLetters.deadLetterQueueForTopic(topic) : DeadLetters.deadLetterQueueFor(name);
            DestinationStats dlqStats = stats.getOrDefault("Q:" + dlq, EMPTY);
            long dlqDepth = dlqStats.depth();
            figures.add(new DestinationFigures(name, type, address, topic, sub != null && sub.durable(),
                    sub != null && sub.shared(), s.ready(), s.inFlight(), s.scheduled(), dlq, dlqDepth,
                    s.oldestAgeMillis(), overview.consumers().getOrDefault(address, 0),
                    traffic.enqueued(sub != null ? sub.topic() : address), traffic.acked(address),
                    traffic.duplicates(sub != null ? sub.topic() : address),
                    everyJvm.enqueued(sub != null ? sub.topic() : address), everyJvm.acked(address),
                    estimated(s, dlqStats)));
        }
        figures.sort(Comparator.comparing(DestinationFigures::type).thenComparing(DestinationFigures::name)
                .thenComparing(DestinationFigures::address));
        List<ClientFigures> clients = overview.clients().stream().map(c -> new ClientFigures(c.clientId(),
                c.startedAt(), Math.max(0, overview.takenAt() - c.heartbeatAt()), c.consumers(), c.names())).toList();
        return new JournalFigures(overview.takenAt(), overview.liveClients(), figures, clients);
    }

    /** The name of a queue or topic address: what follows the kind tag and colon. */
    static String nameOf(String address) {
        return address.length() > 2 && address.charAt(1) == ':' ? address.substring(2) : address;
    }

    /**
     * The name of a durable or shared subscription ({@code D:-:name}, {@code D:<len>.<clientID>:name},
     * {@code S:…}); the address itself for an unshared non-durable one, which has no name.
     */
    static String subscriptionName(String address) {
        if (!(address.startsWith("D:") || address.startsWith("S:"))) {
            return address;
        }
        String rest = address.substring(2);
        if (rest.startsWith("-:")) {
            return rest.substring(2);
        }
        int dot = rest.indexOf('.');
        try {
            int length = Integer.parseInt(rest.substring(0, dot));
            return rest.substring(dot + 1 + length + 1);
        } catch (RuntimeException e) {
            return address; // not written by this provider version: show it as it is
        }
    }
}
