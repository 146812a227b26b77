package org.journalmq.persistence.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one transaction tells about the rows it wrote not due yet (JMS 3.1 §7.9 delivery delay), per
 * address: the earliest deliver-at, and whether it wrote others due in a later timer slot ("more").
 * Only the earliest is announced, to keep NOTIFY payloads and timers one per address and commit; a
 * timer flagged "more" reads the address's next delayed row when it fires ({@link Receivers}), so
 * that every row of the commit wakes its receivers, at the cost of one read per distinct due slot
 * of such a commit rather than one per row. Confined to the thread that builds it.
 */
final class DelayedRows {
    /** Per address {earliest, latest}. */
    private final Map<String, long[]> byAddress = new LinkedHashMap<>();

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
        long[] range = byAddress.get(address);
        if (range == null) {
            byAddress.put(address, new long[] {deliverAt, deliverAt});
        } else {
            range[0] = Math.min(range[0], deliverAt);
            range[1] = Math.max(range[1], deliverAt);
        }
    }

    /** Adds what an earlier announcement said (an address, its earliest row, whether more follow). */
    void add(String address, long earliest, boolean more) {
        add(address, earliest);
        if (more) {
            // Any time in a later slot will do: the reader of "more" looks the real rows up.
            add(address, Receivers.slot(earliest));
        }
    }

    boolean isEmpty() {
        return byAddress.isEmpty();
    }

    java.util.Set<String> addresses() {
        return byAddress.keySet();
    }

    void forEach(Visitor v) {
        byAddress.forEach((a, r) -> v.visit(a, r[0], Receivers.slot(r[1]) != Receivers.slot(r[0])));
    }

    void forEachRange(RangeVisitor v) {
        byAddress.forEach((a, r) -> v.visit(a, r[0], r[1]));
    }
}
