package org.journalmq.persistence.jdbc;

import java.util.HashMap;
import java.util.Map;
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

    /** Called once a unit committed; never for a unit that failed. */
    void committed(UnitOfWork work) {
        for (NewMessage m : work.sends()) {
            add(enqueued, m.destination());
        }
        for (Publication p : work.publications()) {
            add(enqueued, p.message().destination());
        }
        for (Ack a : work.acks()) {
            if (a.destination() != null) {
                add(acked, a.destination());
            }
        }
    }

    TrafficCounts snapshot() {
        return new TrafficCounts(copy(enqueued), copy(acked));
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
