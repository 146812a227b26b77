package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.journalmq.persistence.JournalTraffic;
import org.journalmq.persistence.TrafficCounts;
import org.journalmq.persistence.dialect.Tables;

/**
 * The journal-wide traffic counts of migration 8 (issue 18). This client publishes its own
 * cumulative counts ({@link Traffic}) into its own rows of TRAFFIC at its heartbeat, only for the
 * destinations whose counts changed: no row is ever written by two JVMs, so counting adds no
 * contention to sends and acks, which stay in-memory adders. When a client dies or closes, its rows
 * are folded into the retired rows (client id {@value #RETIRED}) in the transaction that deletes
 * its client row, so every sum over a destination only grows.
 *
 * <p>A client whose rows were folded while it lived (it stalled for three leases, maintenance took
 * it for dead, then it came back) finds them gone: its UPDATE counts 0. The folded amount is what
 * it last committed, so it remembers that as moved away and writes only the rest, never counting
 * anything twice.
 *
 * <p>Only the maintenance thread calls {@link #publish}, and {@code close} after that thread ended;
 * the maps are still guarded, since a retried transaction must not see half-applied state.
 */
final class TrafficRows {
    /** The client id of the retired rows: no journal client id is a single dash ("jmq-" + UUID). */
    static final String RETIRED = "-";

    private final Database db;
    private final String clientId;
    private final Traffic traffic;
    private final String update;
    private final String insert;
    private final String ownRows;
    private final String deleteOwn;
    private final String sums;
    private final String addTraffic;
    /** What this client's rows hold, as last committed: {enqueued, acked} per destination. */
    private final Map<String, long[]> written = new HashMap<>();
    /** Counts of this client that maintenance folded into the retired rows while it lived. */
    private final Map<String, long[]> folded = new HashMap<>();

    TrafficRows(Database db, String clientId, Traffic traffic) {
        this.db = db;
        this.clientId = clientId;
        this.traffic = traffic;
        Tables t = db.tables;
        String r = t.traffic();
        update = "UPDATE " + r + " SET enqueued = ?, acked = ?, updated_at = ? WHERE client_id = ? AND destination = ?";
        insert = "INSERT INTO " + r + " (enqueued, acked, updated_at, client_id, destination) VALUES (?, ?, ?, ?, ?)";
        // In destination order, so that two folds into the same retired rows lock them in one order
        // (no deadlock between two maintenance tasks folding two dead clients).
        ownRows = "SELECT destination, enqueued, acked FROM " + r + " WHERE client_id = ? ORDER BY destination";
        deleteOwn = "DELETE FROM " + r + " WHERE client_id = ?";
        sums = "SELECT destination, SUM(enqueued), SUM(acked) FROM " + r + " GROUP BY destination";
        addTraffic = db.dialect.addTraffic(t);
    }

    /** What {@link #publish} wrote, applied by {@link #committed} once its transaction committed. */
    record Published(Map<String, long[]> written, Map<String, long[]> folded) {
        static final Published NOTHING = new Published(Map.of(), Map.of());
    }

    /**
     * Writes this client's counts that changed since the last committed write: one UPDATE per
     * changed destination (batched), one INSERT for a destination met the first time. Runs inside
     * the heartbeat transaction, after the client row's upsert: that row lock keeps a concurrent
     * fold of this client (which deletes the row first) from reading counts this writes.
     */
    synchronized Published publish(Connection c, long now) throws SQLException {
        TrafficCounts counts = traffic.snapshot();
        Set<String> destinations = new TreeSet<>(counts.enqueued().keySet());
        destinations.addAll(counts.acked().keySet());
        List<String> updates = new ArrayList<>();
        List<String> inserts = new ArrayList<>();
        Map<String, long[]> nowFolded = new HashMap<>();
        for (String d : destinations) {
            long[] value = minus(new long[] {counts.enqueued(d), counts.acked(d)}, folded.get(d));
            long[] before = written.get(d);
            if (before == null) {
                inserts.add(d);
            } else if (before[0] != value[0] || before[1] != value[1]) {
                updates.add(d);
            }
        }
        if (updates.isEmpty() && inserts.isEmpty()) {
            return Published.NOTHING;
        }
        Map<String, long[]> nowWritten = new HashMap<>();
        if (!updates.isEmpty()) {
            int[] rows = batch(c, update, updates, counts, folded, now);
            for (int i = 0; i < rows.length; i++) {
                String d = updates.get(i);
                if (rows[i] == 0) {
                    // Folded while this client lived: what it had committed is counted already.
                    nowFolded.put(d, plus(folded.get(d), written.get(d)));
                    inserts.add(d);
                } else {
                    nowWritten.put(d, minus(new long[] {counts.enqueued(d), counts.acked(d)}, folded.get(d)));
                }
            }
        }
        if (!inserts.isEmpty()) {
            Map<String, long[]> base = new HashMap<>(folded);
            base.putAll(nowFolded);
            batch(c, insert, inserts, counts, base, now);
            for (String d : inserts) {
                nowWritten.put(d, minus(new long[] {counts.enqueued(d), counts.acked(d)}, base.get(d)));
            }
        }
        return new Published(nowWritten, nowFolded);
    }

    /** Takes what {@link #publish} wrote as the rows' content: call only once its transaction committed. */
    synchronized void committed(Published p) {
        written.putAll(p.written());
        folded.putAll(p.folded());
    }

    /**
     * Adds a client's rows to the retired rows and deletes them. Call in the transaction that
     * deleted that client's row (its deletion decides which of several maintenance tasks folds).
     */
    void fold(Connection c, String client, long now) throws SQLException {
        List<String> destinations = new ArrayList<>();
        List<long[]> values = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(ownRows)) {
            ps.setString(1, client);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    destinations.add(rs.getString(1));
                    values.add(new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
        }
        if (destinations.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(addTraffic)) {
            for (int i = 0; i < destinations.size(); i++) {
                ps.setString(1, RETIRED);
                ps.setString(2, destinations.get(i));
                ps.setLong(3, values.get(i)[0]);
                ps.setLong(4, values.get(i)[1]);
                ps.setLong(5, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(deleteOwn)) {
            ps.setString(1, client);
            ps.executeUpdate();
        }
    }

    /** At close, in the transaction that deletes this client's row: final counts written, then folded. */
    void retire(Connection c, long now) throws SQLException {
        publish(c, now);
        fold(c, clientId, now);
    }

    /** The sums over every client, live, dead not yet folded, and retired. */
    JournalTraffic read(Connection c, long now) throws SQLException {
        Map<String, Long> enqueued = new HashMap<>();
        Map<String, Long> acked = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sums); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                enqueued.put(rs.getString(1), rs.getLong(2));
                acked.put(rs.getString(1), rs.getLong(3));
            }
        }
        return new JournalTraffic(now, enqueued, acked);
    }

    private int[] batch(Connection c, String sql, List<String> destinations, TrafficCounts counts,
                        Map<String, long[]> base, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (String d : destinations) {
                long[] value = minus(new long[] {counts.enqueued(d), counts.acked(d)}, base.get(d));
                ps.setLong(1, value[0]);
                ps.setLong(2, value[1]);
                ps.setLong(3, now);
                ps.setString(4, clientId);
                ps.setString(5, d);
                ps.addBatch();
            }
            return ps.executeBatch();
        }
    }

    private static long[] minus(long[] a, long[] b) {
        return b == null ? a : new long[] {a[0] - b[0], a[1] - b[1]};
    }

    private static long[] plus(long[] a, long[] b) {
        if (a == null) {
            return b.clone();
        }
        return b == null ? a : new long[] {a[0] + b[0], a[1] + b[1]};
    }
}
