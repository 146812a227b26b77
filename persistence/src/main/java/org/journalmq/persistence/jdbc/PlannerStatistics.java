package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.journalmq.persistence.JournalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the planner's statistics of the journal tables sane (PostgreSQL, see
 * {@link org.journalmq.persistence.dialect.Dialect#staleStatistics}). After a vacuum that left
 * {@code reltuples = 0} on a table of many pages, the planner takes a refilled table for empty until
 * the next ANALYZE, which may be a minute away with autovacuum and never come without it. The claim
 * does not depend on it any more, but lookups by id may walk a whole index instead of the primary
 * key in that state (docs/benchmarks.md, "reltuples = 0"). Each maintenance round asks the catalog;
 * a table listed is analyzed, at most once per {@link #PAUSE_NANOS} per table and journal. A user
 * who may not analyze it is told once (JMQ1026).
 */
final class PlannerStatistics {
    private static final Logger LOG = LoggerFactory.getLogger(PlannerStatistics.class);
    /** Fewer live rows plan well enough whatever the statistics say. */
    static final long MIN_LIVE_ROWS = 10_000;
    /** Per table: an ANALYZE that did not fix the estimate is not repeated at every round. */
    private static final long PAUSE_NANOS = TimeUnit.MINUTES.toNanos(5);

    private final Database db;
    private final String query;
    private final Map<String, Long> analyzedAt = new HashMap<>();
    private boolean toldNotPermitted;

    PlannerStatistics(Database db, String query) {
        this.db = db;
        this.query = query;
    }

    /** Stale tables as the catalog lists them now. */
    private record Stale(String table, String analyze, long liveRows, boolean permitted) {
    }

    /** One round: analyzes the tables the catalog lists (runs on the maintenance thread only). */
    void refresh() {
        List<Stale> stale = db.transaction("planner statistics", this::stale);
        for (Stale s : stale) {
            if (!s.permitted()) {
                if (!toldNotPermitted) {
                    toldNotPermitted = true;
                    LOG.warn("JMQ1026 the planner takes table {} (about {} live rows) for nearly empty, but this"
                            + " database user may not ANALYZE it; let its owner run ANALYZE or autovacuum do it",
                            s.table(), s.liveRows());
                }
                continue;
            }
            Long last = analyzedAt.get(s.table());
            long now = System.nanoTime();
            if (last != null && now - last < PAUSE_NANOS) {
                continue;
            }
            analyzedAt.put(s.table(), now);
            try {
                db.transaction("analyze", c -> {
                    try (Statement st = c.createStatement()) {
                        st.execute(s.analyze());
                    }
                    return null;
                });
            } catch (JournalException e) {
                if (e.kind() == JournalException.Kind.CLOSED || e.kind() == JournalException.Kind.UNAVAILABLE) {
                    throw e;
                }
                // Another JVM's ANALYZE of the same table at the same moment may fail this one
                // ("tuple concurrently updated"); the pause above keeps a failing one from repeating.
                LOG.info("JMQ1028 could not analyze table {}: {}", s.table(), e.getMessage());
                continue;
            }
            LOG.info("JMQ1027 analyzed table {}: the planner took its {} live rows for nearly none ({} ms)",
                    s.table(), s.liveRows(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - now));
        }
    }

    private List<Stale> stale(Connection c) throws SQLException {
        List<Stale> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(query)) {
            ps.setLong(1, MIN_LIVE_ROWS);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Stale(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4)));
                }
            }
        }
        return found;
    }
}
