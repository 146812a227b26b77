package org.journalmq.jms.admin;

import java.util.Set;

/**
 * What operators see of one destination: a queue, a temporary queue or a topic subscription.
 *
 * @param name            the queue name, or the subscription's name (its address for an unnamed one)
 * @param type            {@code queue}, {@code temporary-queue}, {@code subscription} or {@code other}
 * @param address         the journal address of its rows
 * @param topic           the topic name of a subscription, else null
 * @param durable         a durable subscription
 * @param shared          a shared subscription
 * @param ready           messages deliverable now
 * @param inFlight        messages claimed by consumers, not yet acknowledged
 * @param scheduled       messages whose delivery time lies in the future
 * @param deadLetterQueue the name of its dead-letter queue
 * @param dlqDepth        messages in that dead-letter queue (for a subscription: the topic's)
 * @param oldestAgeMs     age of its oldest message on the journal clock, 0 when empty
 * @param consumers       consumers attached, in every JVM
 * @param enqueued        messages sent to it by this JVM since its journal opened (for a subscription:
 *                        publications to its topic)
 * @param acked           messages acknowledged from it by this JVM since its journal opened
 * @param duplicates      sends to it by this JVM since its journal opened that carried a known duplicate id
 *                        and stored nothing (for a subscription: publications to its topic)
 * @param journalEnqueued messages sent to it by every JVM of the journal (for a subscription:
 *                        publications to its topic), as of each JVM's last heartbeat (up to lease / 3
 *                        late), counting JVMs that closed or died; never goes down
 * @param journalAcked    messages acknowledged from it by every JVM of the journal, as of each JVM's
 *                        last heartbeat, counting JVMs that closed or died; never goes down
 * @param estimated       the names of the figures that are estimates, not counts ({@link #DEPTH},
 *                        {@link #READY}, {@link #IN_FLIGHT}, {@link #SCHEDULED}, {@link #DLQ_DEPTH},
 *                        {@link #OLDEST_AGE}), empty when every figure is exact: a destination part
 *                        deeper than the exact limit of {@link JournalAdmin#figures(long)}
 */
public record DestinationFigures(String name, String type, String address, String topic, boolean durable,
                                 boolean shared, long ready, long inFlight, long scheduled, String deadLetterQueue,
                                 long dlqDepth, long oldestAgeMs, int consumers, long enqueued, long acked,
                                 long duplicates, long journalEnqueued, long journalAcked, Set<String> estimated) {
    public static final String DEPTH = "depth";
    public static final String READY = "ready";
    public static final String IN_FLIGHT = "inFlight";
    public static final String SCHEDULED = "scheduled";
    public static final String DLQ_DEPTH = "dlqDepth";
    public static final String OLDEST_AGE = "oldestAgeMs";

    public DestinationFigures {
        estimated = Set.copyOf(estimated);
    }

    /** Exact figures. */
    public DestinationFigures(String name, String type, String address, String topic, boolean durable,
                              boolean shared, long ready, long inFlight, long scheduled, String deadLetterQueue,
                              long dlqDepth, long oldestAgeMs, int consumers, long enqueued, long acked,
                              long duplicates, long journalEnqueued, long journalAcked) {
        this(name, type, address, topic, durable, shared, ready, inFlight, scheduled, deadLetterQueue, dlqDepth,
                oldestAgeMs, consumers, enqueued, acked, duplicates, journalEnqueued, journalAcked, Set.of());
    }

    /** Figures without journal-wide traffic counts (0). */
    public DestinationFigures(String name, String type, String address, String topic, boolean durable,
                              boolean shared, long ready, long inFlight, long scheduled, String deadLetterQueue,
                              long dlqDepth, long oldestAgeMs, int consumers, long enqueued, long acked,
                              long duplicates) {
        this(name, type, address, topic, durable, shared, ready, inFlight, scheduled, deadLetterQueue, dlqDepth,
                oldestAgeMs, consumers, enqueued, acked, duplicates, 0, 0);
    }

    /** Every message it holds: ready, in flight and scheduled. */
    public long depth() {
        return ready + inFlight + scheduled;
    }

    /** Whether that figure (one of the names above) is an estimate. */
    public boolean isEstimated(String figure) {
        return estimated.contains(figure);
    }

    public boolean isSubscription() {
        return "subscription".equals(type);
    }
}
