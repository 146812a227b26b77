package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.journalmq.persistence.BrowsePosition;
import org.journalmq.persistence.DestinationStats;
import org.journalmq.persistence.Release;
import org.journalmq.persistence.StoredMessage;

/** The journal operations that are a single short transaction: release, browse, depth, stats, purge. */
final class Operations {
    private static final int IN_LIST_CHUNK = 100;

    private final Database db;
    private final JournalClock clock;
    private final String clientId;
    private final Consumer<Set<String>> wake;
    private final Receivers receivers;
    private final CappedStats cappedStats;

    Operations(Database db, JournalClock clock, String clientId, Consumer<Set<String>> wake, Receivers receivers) {
        this.cappedStats = new CappedStats(db);
        this.receivers = receivers;
        this.db = db;
        this.clock = clock;
        this.clientId = clientId;
        this.wake = wake;
    }

    /**
     * Releases the rows this client still holds with the given counts. A release naming a row no
     * longer held (lease expired, already released) changes nothing: giving back what is already
     * back is harmless, and failing the others for it would strand them until their lease expires.
     */
    void release(List<Release> releases) {
        if (releases.isEmpty()) {
            return;
        }
        Set<String> destinations = db.transaction("release", c -> {
            db.relaxCommit(c);
            long now = clock.now();
            int[] counts;
            try (PreparedStatement ps = c.prepareStatement(db.sql.release)) {
                for (Release r : releases) {
                    ps.setLong(1, now + Math.max(0, r.delayMillis()));
                    ps.setInt(2, r.delivered() ? 0 : 1);
                    ps.setLong(3, r.id());
                    ps.setString(4, clientId);
                    ps.setInt(5, r.deliveryCount());
                    ps.addBatch();
                }
                counts = ps.executeBatch();
            }
            List<Long> released = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 0) {
                    released.add(releases.get(i).id());
                }
            }
            Set<String> touched = destinationsOf(c, released);
            // Rows released without a delay are ready: announcing a deliver-at of now as well would
            // only make other JVMs read the destination's delays again (Receivers#primed).
            long delay = maxDelay(releases);
            db.notifier.notify(c, touched, delay > 0 ? delayedAt(touched, now + delay) : DelayedRows.none());
            return touched;
        });
        if (!destinations.isEmpty()) {
            wake.accept(destinations);
            long delay = maxDelay(releases);
            if (delay > 0) {
                // Released with a redelivery delay: no commit announces the moment they become ready.
                long due = clock.now() + delay;
                destinations.forEach(d -> receivers.wakeAt(d, due));
            }
        }
    }

    private static long maxDelay(List<Release> releases) {
        long max = 0;
        for (Release r : releases) {
            max = Math.max(max, r.delayMillis());
        }
        return max;
    }

    private static DelayedRows delayedAt(Set<String> destinations, long due) {
        DelayedRows delayed = DelayedRows.none();
        destinations.forEach(d -> delayed.add(d, due));
        return delayed;
    }

    /** The distinct destinations of rows given by id. */
    Set<String> destinationsOf(Connection c, List<Long> ids) throws SQLException {
        Set<String> destinations = new LinkedHashSet<>();
        for (int from = 0; from < ids.size(); from += IN_LIST_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_CHUNK));
            try (PreparedStatement ps = c.prepareStatement(db.sql.destinationsOf(chunk.size()))) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        destinations.add(rs.getString(1));
                    }
                }
            }
        }
        return destinations;
    }

    List<StoredMessage> browse(String destination, BrowsePosition after, int max) {
        // Keyset paging on (priority, id): stable across pages while rows come and go.
        // A browse sees every ready row, whoever's turn it is in a message group (no claimant).
        return db.transaction("browse", c -> Claimer.readyPage(db, c, destination, 0, 9, after, max, clock.now(),
                null));
    }

    long depth(String destination) {
        return db.transaction("depth", c -> {
            try (PreparedStatement ps = c.prepareStatement(db.sql.depth)) {
                ps.setString(1, destination);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    List<DestinationStats> stats() {
        return db.transaction("stats", c -> stats(c, clock.now()));
    }

    /**
     * The figures per destination inside a running transaction, exact up to {@code exactLimit}
     * rows per destination part and estimated above it where the database can estimate
     * ({@link CappedStats}); {@link Long#MAX_VALUE} counts every row.
     */
    List<DestinationStats> stats(Connection c, long now, long exactLimit) throws SQLException {
        if (exactLimit < Long.MAX_VALUE && cappedStats.available()) {
            return cappedStats.read(c, now, exactLimit);
        }
        return stats(c, now);
    }

    /** The figures per destination inside a running transaction, every row counted. */
    List<DestinationStats> stats(Connection c, long now) throws SQLException {
        List<DestinationStats> stats = new ArrayList<>();
        // Row-level security would hide the destinations a client may not read: the dialect's
        // query counts every destination (counts and names, never a message).
        try (PreparedStatement ps = c.prepareStatement(db.dialect.stats(db.tables).orElse(db.sql.stats))) {
            ps.setLong(1, now);
            ps.setLong(2, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long oldest = rs.getLong(5);
                    long age = rs.wasNull() ? 0 : Math.max(0, now - oldest);
                    stats.add(new DestinationStats(rs.getString(1), rs.getLong(2), rs.getLong(3),
                            rs.getLong(4), age));
                }
            }
        }
        return List.copyOf(stats);
    }

    int purge(String destination) {
        return db.transaction("purge", c -> {
            try (PreparedStatement ps = c.prepareStatement(db.sql.purge)) {
                ps.setString(1, destination);
                return ps.executeUpdate();
            }
        });
    }
}
