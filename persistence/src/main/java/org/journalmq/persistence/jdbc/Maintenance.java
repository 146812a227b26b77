package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.journalmq.persistence.JournalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic work of one journal: heartbeat, lease renewal, release of leases nobody renewed,
 * removal of dead clients, the expiry sweep and, on PostgreSQL, an ANALYZE of a journal table the
 * planner takes for nearly empty ({@link PlannerStatistics}). Each step is its own short
 * transaction so that a sweep never holds locks for long and a failing step does not stop the others.
 */
final class Maintenance implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);
    /** Rows per transaction in the sweeps: bounded work, never a long lock on the table. */
    private static final int BATCH = 500;
    /** Batches per run and sweep, so a huge backlog is worked off over several runs. */
    private static final int MAX_BATCHES = 20;

    private final Database db;
    private final JournalClock clock;
    private final String clientId;
    private final long leaseMillis;
    private final long startedAt;
    private final Listeners listeners;
    private final TrafficRows trafficRows;
    private Topics topics;
    private Temporaries temporaries;
    private DuplicateIds duplicateIds;
    private AccessControl accessControl;
    /** Null where the dialect leaves planner statistics to the database. */
    private final PlannerStatistics statistics;

    Maintenance(Database db, JournalClock clock, String clientId, long leaseMillis, long startedAt,
                Listeners listeners, TrafficRows trafficRows) {
        this.db = db;
        this.trafficRows = trafficRows;
        this.clock = clock;
        this.clientId = clientId;
        this.leaseMillis = leaseMillis;
        this.startedAt = startedAt;
        this.listeners = listeners;
        this.statistics = db.dialect.staleStatistics(db.tables).map(q -> new PlannerStatistics(db, q)).orElse(null);
    }

    /** Set once at open, before the task is scheduled. */
    void topics(Topics topics) {
        this.topics = topics;
    }

    @Override
    public void run() {
        try {
            heartbeatAndRenew();
            if (accessControl != null) {
                accessControl.refresh(); // another JVM's grant or revoke applies here from now
            }
            releaseExpiredLeases();
            removeDeadClients();
            sweepExpired();
            sweepTopics();
            sweepTemporaries();
            sweepDuplicateIds();
            if (statistics != null) {
                statistics.refresh();
            }
        } catch (JournalException e) {
            if (e.kind() == JournalException.Kind.CLOSED) {
                return;
            }
            // An outage is logged (JMQ1003/JMQ1004) and reported once, by Outages, whoever meets it.
            if (e.kind() != JournalException.Kind.UNAVAILABLE) {
                LOG.warn("JMQ1007 journal maintenance failed: {}", e.getMessage(), e);
            }
        } catch (RuntimeException e) {
            // Never let an exception cancel the scheduled task.
            LOG.error("JMQ1007 journal maintenance failed", e);
        }
    }

    /**
     * Takes this client out of the journal at close. Its non-durable subscriptions and temporary
     * destinations go now rather than when another client's maintenance finds them; its claims go
     * back, its client row goes and its final traffic counts are retired. A step that fails is logged
     * and the next one runs: what is left, the other clients' maintenance removes.
     */
    void leave() {
        try {
            for (String consumerId : topics.ownConsumers()) {
                topics.detach(consumerId);
            }
        } catch (JournalException e) {
            LOG.warn("JMQ1013 could not detach the consumers of {} at close; maintenance removes them: {}",
                    clientId, e.getMessage());
        }
        try {
            temporaries.removeOwn();
        } catch (JournalException e) {
            LOG.warn("JMQ6002 could not remove the temporary destinations of {} at close;"
                    + " maintenance removes them: {}", clientId, e.getMessage());
        }
        try {
            db.transaction("close", c -> {
                // Claims go back with their counts kept: they may have been delivered.
                try (var ps = c.prepareStatement(db.sql.releaseOwn)) {
                    ps.setString(1, clientId);
                    ps.executeUpdate();
                }
                try (var ps = c.prepareStatement(db.sql.deleteClient)) {
                    ps.setString(1, clientId);
                    ps.executeUpdate();
                }
                // Its final counts go to the retired rows: the journal-wide sums keep them.
                trafficRows.retire(c, clock.now());
                return null;
            });
        } catch (JournalException e) {
            LOG.warn("JMQ1008 could not release the claims of {} at close; their leases will expire: {}",
                    clientId, e.getMessage());
        }
    }

    /**
     * Registers or refreshes the client row, renews this client's leases, refreshes the clock and
     * publishes this client's traffic counts that changed (issue 18). Statements: the client
     * upsert, the lease renewal, and one batched UPDATE of the changed destinations (plus one
     * batched INSERT when a destination is met the first time), none when nothing changed.
     */
    void heartbeatAndRenew() {
        TrafficRows.Published published = db.transaction("heartbeat", c -> {
            clock.measure(c);
            // A fresh measurement may set the clock back by a few milliseconds (the round trip's
            // midpoint moves); the client row's heartbeat is never before its start.
            long now = Math.max(clock.now(), startedAt);
            try (PreparedStatement ps = c.prepareStatement(db.dialect.upsertClient(db.tables))) {
                ps.setString(1, clientId);
                ps.setLong(2, now);
                ps.setLong(3, startedAt);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(db.sql.renewLeases)) {
                ps.setLong(1, now + leaseMillis);
                ps.setString(2, clientId);
                int renewed = ps.executeUpdate();
                LOG.trace("renewed {} leases of {} until {}", renewed, clientId, now + leaseMillis);
            }
            // After the client row's upsert, whose lock orders this against a fold of this client.
            return trafficRows.publish(c, now);
        });
        trafficRows.committed(published);
    }

    /** Gives back claimed rows whose lease ran out; they keep their count (a redelivery follows). */
    void releaseExpiredLeases() {
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            int[] found = {0};
            Map<String, Integer> byOwner = new LinkedHashMap<>();
            Map<String, Integer> released = db.transaction("lease expiry", c -> {
                byOwner.clear(); // a retried transaction starts again
                long now = clock.now();
                Map<String, Integer> byDestination = new LinkedHashMap<>();
                Optional<String> everywhere = db.dialect.releaseExpiredLeases(db.tables);
                if (everywhere.isPresent()) {
                    found[0] = 0; // a retried transaction starts again
                    // Row-level security may hide a dead client's rows from this one: the
                    // database's definer function releases them on every destination.
                    try (PreparedStatement ps = c.prepareStatement(everywhere.get())) {
                        ps.setInt(1, BATCH);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                found[0]++;
                                byDestination.merge(rs.getString(1), 1, Integer::sum);
                                byOwner.merge(String.valueOf(rs.getString(2)), 1, Integer::sum);
                            }
                        }
                    }
                    db.notifier.notify(c, byDestination.keySet(), DelayedRows.none());
                    return byDestination;
                }
                List<Long> ids = new ArrayList<>();
                List<String> destinations = new ArrayList<>();
                List<String> owners = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(db.sql.expiredLeases)) {
                    ps.setLong(1, now);
                    ps.setInt(2, BATCH);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                            destinations.add(rs.getString(2));
                            owners.add(rs.getString(3));
                        }
                    }
                }
                found[0] = ids.size();
                int[] counts = executeById(c, db.sql.releaseExpiredLease, ids, now);
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] != 0) {
                        byDestination.merge(destinations.get(i), 1, Integer::sum);
                        byOwner.merge(String.valueOf(owners.get(i)), 1, Integer::sum);
                    }
                }
                db.notifier.notify(c, byDestination.keySet(), DelayedRows.none());
                return byDestination;
            });
            released.forEach((destination, n) ->
                    LOG.info("JMQ1001 released {} expired leases of destination {}", n, destination));
            byOwner.forEach((owner, n) -> LOG.warn("JMQ4020 took over {} leases of client {}: it renewed none of"
                    + " them in time (JVM dead or stalled); the messages will be redelivered", n, owner));
            listeners.wake(released.keySet());
            if (found[0] < BATCH) {
                return;
            }
        }
    }

    /**
     * Deletes the rows of clients without heartbeat for three leases, each with its traffic rows
     * folded into the retired ones in the same transaction. Each deletion re-checks the heartbeat:
     * of two maintenance tasks that saw the same dead client, only the one whose DELETE counts 1
     * folds (the other waits on the row lock and counts 0), and a client whose heartbeat came
     * through meanwhile is left alone. Idle cost: one SELECT.
     */
    void removeDeadClients() {
        int removed = db.transaction("client cleanup", c -> {
            long now = clock.now();
            long cutoff = now - 3 * leaseMillis;
            List<String> dead = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(db.sql.deadClients)) {
                ps.setLong(1, cutoff);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        dead.add(rs.getString(1));
                    }
                }
            }
            int n = 0;
            for (String client : dead) {
                try (PreparedStatement ps = c.prepareStatement(db.sql.deleteDeadClient)) {
                    ps.setString(1, client);
                    ps.setLong(2, cutoff);
                    if (ps.executeUpdate() == 0) {
                        continue;
                    }
                }
                trafficRows.fold(c, client, now);
                n++;
            }
            return n;
        });
        if (removed > 0) {
            LOG.info("JMQ1006 removed {} clients without heartbeat", removed);
        }
    }

    /**
     * Consumers and client names of clients silent for a lease, then non-durable subscriptions
     * (temporary topics' included) left without consumers, then bodies nobody references.
     */
    void sweepTopics() {
        if (topics == null) {
            return;
        }
        int dropped = topics.removeDeadState();
        if (dropped > 0) {
            LOG.info("JMQ1014 removed {} non-durable subscriptions without a live consumer", dropped);
        }
        int bodies = topics.sweepBodies();
        if (bodies > 0) {
            LOG.debug("JMQ1015 body sweep deleted {} unreferenced bodies", bodies);
        }
    }

    /**
     * Expired ready rows, a bounded batch per transaction: rows with an expiry address move there
     * (in place, JMQ4010), the others are deleted. Each statement re-checks state and expiry, so a
     * row claimed since the scan is left alone.
     */
    void sweepExpired() {
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            int[] found = {0};
            int[] deleted = {0};
            Map<List<String>, Integer> moved = db.transaction("expiry sweep", c -> {
                Optional<String> everywhere = db.dialect.sweepExpired(db.tables);
                if (everywhere.isPresent()) {
                    found[0] = 0; // a retried transaction starts again
                    deleted[0] = 0;
                    return sweepEverywhere(c, everywhere.get(), found, deleted);
                }
                long now = clock.now();
                List<Long> drop = new ArrayList<>();
                List<Long> move = new ArrayList<>();
                List<List<String>> routes = new ArrayList<>(); // (from, to)
                try (PreparedStatement ps = c.prepareStatement(db.sql.expiredRows)) {
                    ps.setLong(1, now);
                    ps.setInt(2, BATCH);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String target = rs.getString(3);
                            if (target == null) {
                                drop.add(rs.getLong(1));
                            } else {
                                move.add(rs.getLong(1));
                                routes.add(List.of(rs.getString(2), target));
                            }
                        }
                    }
                }
                found[0] = drop.size() + move.size();
                for (int count : executeById(c, db.sql.deleteExpired, drop, now)) {
                    deleted[0] += Math.max(0, count);
                }
                Map<List<String>, Integer> byRoute = new LinkedHashMap<>();
                int[] counts = executeById(c, db.sql.moveExpired, move, now);
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] != 0) {
                        byRoute.merge(routes.get(i), 1, Integer::sum);
                    }
                }
                Set<String> targets = new LinkedHashSet<>();
                byRoute.keySet().forEach(route -> targets.add(route.get(1)));
                db.notifier.notify(c, targets, DelayedRows.none());
                return byRoute;
            });
            if (deleted[0] > 0) {
                LOG.debug("JMQ1005 expiry sweep deleted {} messages", deleted[0]);
            }
            Set<String> targets = new LinkedHashSet<>();
            moved.forEach((route, n) -> {
                LOG.info("JMQ4010 expiry sweep moved {} expired messages from {} to {}", n, route.get(0),
                        route.get(1));
                targets.add(route.get(1));
            });
            listeners.wake(targets);
            if (found[0] < BATCH) {
                return;
            }
        }
    }

    /**
     * One batch of the expiry sweep through the database's definer function, which reaches rows of
     * every destination whatever row-level security hides from this client. Returns the moves by
     * (from, to) route; counts rows found and deleted into the arrays.
     */
    private Map<List<String>, Integer> sweepEverywhere(Connection c, String query, int[] found, int[] deleted)
            throws SQLException {
        Map<List<String>, Integer> byRoute = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(query)) {
            ps.setInt(1, BATCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found[0]++;
                    String target = rs.getString(2);
                    if (target == null) {
                        deleted[0]++;
                    } else {
                        byRoute.merge(List.of(rs.getString(1), target), 1, Integer::sum);
                    }
                }
            }
        }
        Set<String> targets = new LinkedHashSet<>();
        byRoute.keySet().forEach(route -> targets.add(route.get(1)));
        db.notifier.notify(c, targets, DelayedRows.none());
        return byRoute;
    }

    /** Runs a statement taking (id, now) once per id as one batch. */
    private static int[] executeById(Connection c, String sql, List<Long> ids, long now) throws SQLException {
        if (ids.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (long id : ids) {
                ps.setLong(1, id);
                ps.setLong(2, now);
                ps.addBatch();
            }
            return ps.executeBatch();
        }
    }

    // ------------------------------------------------------------------ temporary destinations

    /** Set once at open, before the task is scheduled. */
    void temporaries(Temporaries temporaries) {
        this.temporaries = temporaries;
    }

    /** Set once at open, before the task is scheduled. */
    void accessControl(AccessControl accessControl) {
        this.accessControl = accessControl;
    }

    /** Set once at open, before the task is scheduled. */
    void duplicateIds(DuplicateIds duplicateIds) {
        this.duplicateIds = duplicateIds;
    }

    /**
     * Deletes duplicate ids whose window ended (issue 16). Only for the table's size: a send already
     * treats an expired id as new, so how late this runs changes no outcome.
     */
    void sweepDuplicateIds() {
        if (duplicateIds == null) {
            return;
        }
        int deleted = db.transaction("duplicate id sweep", c -> duplicateIds.deleteExpired(c, clock.now()));
        if (deleted > 0) {
            LOG.debug("JMQ1020 deleted {} duplicate ids whose window ended", deleted);
        }
    }

    /** Temporary destinations of clients silent for a lease go, with their messages (spec 6.2.2: their connection is gone). */
    void sweepTemporaries() {
        if (temporaries == null) {
            return;
        }
        int removed = temporaries.removeDead();
        if (removed > 0) {
            LOG.info("JMQ6001 removed {} temporary destinations of clients without heartbeat, with their messages",
                    removed);
        }
    }
}
