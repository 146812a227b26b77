package org.journalmq.persistence.jdbc;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.journalmq.persistence.Journal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a journal hears that rows became ready: its receivers ({@link Receivers}) and the
 * onAvailable callbacks, by destination.
 */
final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final ConcurrentMap<String, List<Runnable>> byDestination = new ConcurrentHashMap<>();
    private final Receivers receivers;

    Listeners(Receivers receivers) {
        this.receivers = receivers;
    }

    Journal.Registration register(String destination, Runnable listener) {
        byDestination.computeIfAbsent(destination, d -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> byDestination.computeIfPresent(destination, (d, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    /** Rows became ready on the destinations, by a commit that offered none of them to a waiting receiver. */
    void wake(Collection<String> destinations) {
        receivers.readyCommitted(destinations, false);
        callbacks(destinations);
    }

    /** Rows became ready on the destinations, each offered to every waiting receiver first (the writer's). */
    void wakeAfterOffer(Collection<String> destinations) {
        receivers.readyCommitted(destinations, true);
        callbacks(destinations);
    }

    /** Runs the callbacks of the destinations; a failing callback is logged and does not stop the others. */
    private void callbacks(Collection<String> destinations) {
        if (byDestination.isEmpty()) {
            return;
        }
        for (String destination : destinations) {
            List<Runnable> list = byDestination.get(destination);
            if (list == null) {
                continue;
            }
            for (Runnable r : list) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    LOG.warn("JMQ1010 onAvailable listener of {} failed", destination, e);
                }
            }
        }
    }
}
