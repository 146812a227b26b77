package org.journalmq.persistence.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows not due yet that one transaction wrote (JMS 3.1 §7.9 delivery delay), per address and
 * timer slot. In this JVM every slot gets its own timer ({@link #forEachSlot}): timers are cheap,
 * and a read of the address's delays is not (it scans its ready rows). Other JVMs hear only of the
 * earliest row, flagged "more" when others are due in a later slot ({@link #forEach}): a timer so
 * flagged reads the address's next delayed row when it fires ({@link Receivers}), one read per
 * distinct due slot rather than one per row. Confined to the thread that builds it.
 */
final class DelayedRows {
    /** Timers set one by one per address and commit; the rest follow by reading on from the last. */
    static final int MAX_SLOTS = 64;

    /** Per address, per timer slot, the earliest due time in it. */
    private final Map<String, TreeMap<Long, Long>> byAddress = new LinkedHashMap<>();

    /** Visits an address: its earliest due time, and whether rows due in a later slot follow. */
    interface Visitor {
        void visit(String address, long earliest, boolean more);
    }

    /** Visits an address: its earliest and its latest due time. */
    interface RangeVisitor {
        void visit(String address, long earliest, long latest);
    }

    static DelayedRows none() {
        return new DelayedRows();
    }

    static DelayedRows of(String address, long deliverAt) {
        DelayedRows d = new DelayedRows();
        d.add(address, deliverAt);
        return d;
    }

    /** A row of {@code address} that becomes ready at {@code deliverAt}. */
    void add(String address, long deliverAt) {
        byAddress.computeIfAbsent(address, a -> new TreeMap<>())
                .merge(Receivers.slot(deliverAt), deliverAt, Math::min);
    }

    /** Adds what an announcement said (an address, its earliest row, whether more follow). */
    void add(String address, long earliest, boolean more) {
        add(address, earliest);
        if (more) {
            // Any time in a later slot will do: the reader of "more" looks the real rows up.
            add(address, Receivers.slot(earliest));
        }
    }

    /** Adds every slot of {@code other}. */
    void addAll(DelayedRows other) {
        other.byAddress.forEach((a, slots) -> slots.values().forEach(due -> add(a, due)));
    }

    boolean isEmpty() {
        return byAddress.isEmpty();
    }

    java.util.Set<String> addresses() {
        return byAddress.keySet();
    }

    /** The earliest row per address, and whether rows due in a later slot follow. */
    void forEach(Visitor v) {
        byAddress.forEach((a, slots) -> v.visit(a, slots.firstEntry().getValue(), slots.size() > 1));
    }

    void forEachRange(RangeVisitor v) {
        byAddress.forEach((a, slots) -> v.visit(a, slots.firstEntry().getValue(), slots.lastEntry().getValue()));
    }

    /**
     * Every slot of every address, in due order: the first {@link #MAX_SLOTS} of an address one by
     * one, the last of them flagged "more" when further slots follow.
     */
    void forEachSlot(Visitor v) {
        byAddress.forEach((a, slots) -> {
            int n = 0;
            for (long due : slots.values()) {
                n++;
                boolean last = n == MAX_SLOTS;
                v.visit(a, due, last && slots.size() > MAX_SLOTS);
                if (last) {
                    break;
                }
            }
        });
    }
}
