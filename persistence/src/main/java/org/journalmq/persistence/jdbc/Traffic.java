package org.journalmq.persistence.jdbc;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.journalmq.persistence.Ack;
import org.journalmq.persistence.NewMessage;
import org.journalmq.persistence.Publication;
import org.journalmq.persistence.TrafficCounts;
import org.journalmq.persistence.UnitOfWork;

/** Counts the committed sends and acks of one journal instance per address (ops figures, this JVM only). */
final class Traffic {
    private final ConcurrentHashMap<String, LongAdder> enqueued = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> acked = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> duplicates = new ConcurrentHashMap<>();

    /**
     * Called once a unit committed; never for a unit that failed. {@code suppressed} holds the
     * unit's messages that were duplicates (by identity): they are not counted as enqueued.
     */
    void committed(UnitOfWork work, Set<NewMessage> suppressed) {
        for (NewMessage m : work.sends()) {
            if (!suppressed.contains(m)) {
                add(enqueued, m.destination());
            }
        }
        for (Publication p : work.publications()) {
            if (!suppressed.contains(p.message())) {
                add(enqueued, p.message().destination());
            }
        }
        for (Ack a : work.acks()) {
            if (a.destination() != null) {
                add(acked, a.destination());
            }
        }
    }

    /** A send or publication to {@code address} was suppressed as a duplicate. */
    void duplicate(String address) {
        add(duplicates, address);
    }

    TrafficCounts snapshot() {
        return new TrafficCounts(copy(enqueued), copy(acked), copy(duplicates));
    }

    private static void add(ConcurrentHashMap<String, LongAdder> counts, String address) {
        counts.computeIfAbsent(address, k -> new LongAdder()).increment();
    }

    private static Map<String, Long> copy(ConcurrentHashMap<String, LongAdder> counts) {
        Map<String, Long> m = new HashMap<>();
        counts.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }
}
