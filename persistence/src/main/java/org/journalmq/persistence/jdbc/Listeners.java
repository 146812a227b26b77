package org.journalmq.persistence.jdbc;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.journalmq.persistence.Journal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The onAvailable callbacks of one journal, by destination. */
final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final ConcurrentMap<String, List<Runnable>> byDestination = new ConcurrentHashMap<>();

    Journal.Registration register(String destination, Runnable listener) {
        byDestination.computeIfAbsent(destination, d -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> byDestination.computeIfPresent(destination, (d, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    /** Runs the callbacks of the destinations; a failing callback is logged and does not stop the others. */
    void wake(Collection<String> destinations) {
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
