package org.journalmq.persistence;

import java.util.function.Predicate;

/**
 * A message published to a topic. The journal writes one delivery per subscription of the topic
 * committed before the publishing transaction, for which {@code filter} is true (selector and
 * noLocal are decided by the caller, at publish, so that non-matching copies are never written).
 * The filter runs on the journal's writer thread: it must be fast, thread-safe and not block.
 *
 * @param message the message; its destination is the topic's journal address
 * @param filter  decides per subscription; null accepts every subscription
 */
public record Publication(NewMessage message, Predicate<Subscription> filter) {
    public Publication {
        if (message == null) {
            throw new IllegalArgumentException("message is null");
        }
    }

    public boolean accepts(Subscription s) {
        return filter == null || filter.test(s);
    }
}
