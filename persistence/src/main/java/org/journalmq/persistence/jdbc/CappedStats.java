package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.journalmq.persistence.DestinationStats;
import org.journalmq.persistence.dialect.Tables;

/**
 * The operators' figures per destination read at a bounded cost (issue 13 item 3): per destination
 * at most {@code limit + 1} waiting rows and as many in-flight rows are read, through the claim index
 * {@code (destination, state, priority_rank, id)}, and the destinations are found by probing that
 * index for the next one (a skip scan), never by reading every row. A part that holds more rows than
 * the limit is estimated: on PostgreSQL from the planner's row estimate for it (once ANALYZE has
 * statistics of the table), else from the table's row count (HSQLDB: its store's count; PostgreSQL:
 * the planner's) less every part counted or estimated, shared evenly among the parts without one. The full {@code GROUP BY} over the table it replaces
 * took 0.6 s per million rows on PostgreSQL and 5-7 s per million on HSQLDB (docs/benchmarks.md).
 */
final class CappedStats {
    private final String firstDestination;
    private final String nextDestination;
    private final String partCounts;
    private final Optional<String> definerQuery;
    private final Optional<String> tableRows;

    CappedStats(Database db) {
        Tables t = db.tables;
        String d = t.delivery();
        String limit = db.dialect.limitParameter();
        // ORDER BY the index's first column with a limit: HSQLDB and PostgreSQL stop at one row.
        firstDestination = "SELECT destination FROM " + d + " ORDER BY destination" + limit;
        nextDestination = "SELECT destination FROM " + d + " WHERE destination > ? ORDER BY destination" + limit;
        // state > 0 rather than <> 0 (states are 0-3): a range on the index's second column,
        // so that the read stops at the limit instead of filtering the waiting rows.
        partCounts = "SELECT w.n, w.ready, w.oldest, f.n, f.oldest FROM"
                + " (SELECT COUNT(*) AS n, SUM(CASE WHEN deliver_at <= ? THEN 1 ELSE 0 END) AS ready,"
                + " MIN(created_at) AS oldest FROM (SELECT deliver_at, created_at FROM " + d
                + " WHERE destination = ? AND state = 0" + limit + ") a) w,"
                + " (SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM (SELECT created_at FROM " + d
                + " WHERE destination = ? AND state > 0" + limit + ") b) f";
        definerQuery = db.dialect.cappedStats(t);
        tableRows = db.dialect.deliveryRowEstimate(t);
    }

    /** Whether this database can estimate: without, the overview counts every row as before. */
    boolean available() {
        return definerQuery.isPresent() || tableRows.isPresent();
    }

    /** The figures of every destination with rows, in destination order, inside a running transaction. */
    List<DestinationStats> read(Connection c, long now, long exactLimit) throws SQLException {
        long cap = Math.addExact(exactLimit, 1); // one more than the limit says "more than the limit"
        long[] tableEstimate = {-1};
        List<Part> parts = definerQuery.isPresent() ? readInDatabase(c, now, cap, tableEstimate)
                : readHere(c, now, cap);
        if (parts.stream().anyMatch(p -> p.needsShare(exactLimit))) {
            shareRemainder(parts, exactLimit, tableEstimate[0] >= 0 ? tableEstimate[0] : tableRows(c));
        }
        List<DestinationStats> stats = new ArrayList<>(parts.size());
        for (Part p : parts) {
            stats.add(p.stats(now, exactLimit));
        }
        return List.copyOf(stats);
    }

    /** PostgreSQL: one call of a SECURITY DEFINER function, so that row-level security hides nothing. */
    private List<Part> readInDatabase(Connection c, long now, long cap, long[] tableEstimate) throws SQLException {
        List<Part> parts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(definerQuery.orElseThrow())) {
            ps.setLong(1, now);
            ps.setLong(2, cap);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Part p = new Part(rs.getString(1), rs.getLong(2), rs.getLong(3), nullable(rs, 4), rs.getLong(5),
                            nullable(rs, 6));
                    p.waitingEstimate = nullable(rs, 7);
                    p.inFlightEstimate = nullable(rs, 8);
                    tableEstimate[0] = rs.getLong(9);
                    parts.add(p);
                }
            }
        }
        return parts;
    }

    private List<Part> readHere(Connection c, long now, long cap) throws SQLException {
        List<Part> parts = new ArrayList<>();
        try (PreparedStatement first = c.prepareStatement(firstDestination);
             PreparedStatement next = c.prepareStatement(nextDestination);
             PreparedStatement counts = c.prepareStatement(partCounts)) {
            first.setInt(1, 1);
            String destination = single(first);
            while (destination != null) {
                counts.setLong(1, now);
                counts.setString(2, destination);
                counts.setLong(3, cap);
                counts.setString(4, destination);
                counts.setLong(5, cap);
                try (ResultSet rs = counts.executeQuery()) {
                    rs.next();
                    parts.add(new Part(destination, rs.getLong(1), rs.getLong(2), nullable(rs, 3), rs.getLong(4),
                            nullable(rs, 5)));
                }
                next.setString(1, destination);
                next.setInt(2, 1);
                destination = single(next);
            }
        }
        return parts;
    }

    /**
     * Without a per-destination estimate, the rows not counted are the table's row count less every
     * part counted or estimated: shared evenly among the parts over the limit that have no estimate
     * (right when one destination is deep, the usual case of a backlog); a part is never shown below
     * the limit + 1 rows it is known to exceed.
     */
    private static void shareRemainder(List<Part> parts, long exactLimit, long total) {
        long over = 0;
        long known = 0;
        for (Part p : parts) {
            over += (p.waiting > exactLimit ? 1 : 0) + (p.inFlight > exactLimit ? 1 : 0);
            // a part over the limit with the planner's estimate is known as well as it will be
            known += p.waiting > exactLimit ? (p.waitingEstimate == null ? 0 : p.waitingEstimate) : p.waiting;
            known += p.inFlight > exactLimit ? (p.inFlightEstimate == null ? 0 : p.inFlightEstimate) : p.inFlight;
            if (p.waiting > exactLimit && p.waitingEstimate != null) {
                over--;
            }
            if (p.inFlight > exactLimit && p.inFlightEstimate != null) {
                over--;
            }
        }
        long share = over == 0 ? 0 : Math.max(0, total - known) / over;
        for (Part p : parts) {
            if (p.waiting > exactLimit && p.waitingEstimate == null) {
                p.waitingEstimate = share;
            }
            if (p.inFlight > exactLimit && p.inFlightEstimate == null) {
                p.inFlightEstimate = share;
            }
        }
    }

    private long tableRows(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(tableRows.orElseThrow()); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static String single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static Long nullable(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** What was read of one destination: rows counted up to the cap, and estimates for parts above it. */
    private static final class Part {
        final String destination;
        final long waiting;
        final long ready;
        final Long waitingOldest;
        final long inFlight;
        final Long inFlightOldest;
        Long waitingEstimate;
        Long inFlightEstimate;

        Part(String destination, long waiting, long ready, Long waitingOldest, long inFlight, Long inFlightOldest) {
            this.destination = destination;
            this.waiting = waiting;
            this.ready = ready;
            this.waitingOldest = waitingOldest;
            this.inFlight = inFlight;
            this.inFlightOldest = inFlightOldest;
        }

        /** A part over the limit that has no estimate yet. */
        boolean needsShare(long exactLimit) {
            return waiting > exactLimit && waitingEstimate == null || inFlight > exactLimit && inFlightEstimate == null;
        }

        DestinationStats stats(long now, long exactLimit) {
            boolean waitingOver = waiting > exactLimit;
            boolean inFlightOver = inFlight > exactLimit;
            // never below what was read: a part over the limit holds at least limit + 1 rows
            long waitingShown = waitingOver ? Math.max(waiting, waitingEstimate) : waiting;
            long inFlightShown = inFlightOver ? Math.max(inFlight, inFlightEstimate) : inFlight;
            long readyShown = ready;
            long scheduledShown = waiting - ready;
            if (waitingOver) {
                // The rows read are the head in delivery order: their ready/scheduled split is
                // applied to the estimate, as the best cheap guess at the rest.
                readyShown = Math.round((double) waitingShown * ready / waiting);
                scheduledShown = waitingShown - readyShown;
            }
            long oldest = Math.min(waitingOldest == null ? Long.MAX_VALUE : waitingOldest,
                    inFlightOldest == null ? Long.MAX_VALUE : inFlightOldest);
            long age = oldest == Long.MAX_VALUE ? 0 : Math.max(0, now - oldest);
            return new DestinationStats(destination, readyShown, inFlightShown,
                    scheduledShown, age, waitingOver, inFlightOver);
        }
    }
}
