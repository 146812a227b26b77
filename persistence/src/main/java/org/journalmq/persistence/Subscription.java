package org.journalmq.persistence;

/**
 * A topic subscription: the journal address its copies wait on and what the publishing side needs
 * to decide whether a message is copied to it. The journal stores {@code selector} and
 * {@code noLocalTag} as opaque text: it never interprets them; the filter of a
 * {@link Publication} does.
 *
 * @param address    journal address of the subscription's deliveries (unique key)
 * @param topic      journal address of the topic
 * @param selector   selector text, or null for none
 * @param noLocalTag who must not receive its own publications (opaque tag), or null
 * @param durable    kept when no consumer is attached; non-durable subscriptions are removed with
 *                   their last consumer, also when its JVM dies
 * @param shared     whether several consumers may be attached at once
 */
public record Subscription(String address, String topic, String selector, String noLocalTag, boolean durable,
                           boolean shared) {
    public Subscription {
        if (address == null || topic == null) {
            throw new IllegalArgumentException("address and topic are required");
        }
    }

    /** True when both describe the same subscription content (topic, selector, noLocal), so it may be reused. */
    public boolean sameDefinition(Subscription other) {
        return topic.equals(other.topic) && java.util.Objects.equals(selector, other.selector)
                && java.util.Objects.equals(noLocalTag, other.noLocalTag);
    }
}
