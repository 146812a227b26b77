package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.journalmq.persistence.NewMessage;
import org.journalmq.persistence.Publication;
import org.journalmq.persistence.StoredMessage;
import org.journalmq.persistence.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fan-out at publish, run by the writer inside its group transaction: one delivery row per
 * subscription whose filter accepts the message. The subscription list of a topic is cached per
 * journal, but the cache is only trusted after reading the topic's version row in the same
 * transaction, under a shared row lock on PostgreSQL or a no-op update on HSQLDB, so that a
 * concurrent subscription change waits for the publish to commit (and a publish for a change): a
 * subscription committed before the publish, by any JVM, is seen, and none removed meanwhile is
 * written to.
 * Large bodies that go to several subscriptions are stored once in BODY.
 */
final class Fanout {
    private static final Logger LOG = LoggerFactory.getLogger(Fanout.class);
    private static final byte[] NO_DATA = new byte[0];

    private record Cached(long version, List<Subscription> subscriptions) {
    }

    private final Database db;
    private final TopicSql sql;
    /** Bodies larger than this, copied to more than one subscription, are stored once. */
    private final int sharedBodyThreshold;
    /** Only the writer thread touches it. */
    private final Map<String, Cached> cache = new HashMap<>();

    Fanout(Database db, TopicSql sql) {
        this.db = db;
        this.sql = sql;
        this.sharedBodyThreshold = db.dialect.sharedBodyThreshold();
    }

    /** Writes the deliveries of the publications, all ready; returns the subscription addresses written to. */
    Set<String> apply(Connection c, List<Publication> publications, IdAllocator ids, long now) throws SQLException {
        return apply(c, publications, ids, now, DelayedRows.none());
    }

    /** As {@link #apply(Connection, List, IdAllocator, long)}; {@code delayed} receives the copies not due yet. */
    Set<String> apply(Connection c, List<Publication> publications, IdAllocator ids, long now, DelayedRows delayed)
            throws SQLException {
        Set<String> touched = apply(c, publications, ids, now, row -> false, null, 0, delayed);
        touched.addAll(delayed.addresses());
        return touched;
    }

    /**
     * Writes the deliveries of the publications. A copy that a waiting receiver of this JVM takes
     * ({@code handoff} returns true) is written already claimed by {@code owner} until {@code leaseUntil}.
     *
     * @param delayed receives the copies not due yet
     * @return the subscription addresses that got a ready copy
     */
    Set<String> apply(Connection c, List<Publication> publications, IdAllocator ids, long now,
                      java.util.function.Predicate<StoredMessage> handoff, String owner, long leaseUntil, DelayedRows delayed)
            throws SQLException {
        Map<String, List<Subscription>> byTopic = new LinkedHashMap<>();
        for (Publication p : publications) {
            String topic = p.message().destination();
            if (!byTopic.containsKey(topic)) {
                byTopic.put(topic, current(c, topic));
            }
        }
        Set<String> touched = new LinkedHashSet<>();
        List<Object[]> bodies = new ArrayList<>();
        boolean anyLeased = false;
        boolean anyPlain = false;
        try (PreparedStatement ps = c.prepareStatement(sql.insertDelivery);
             PreparedStatement leased = c.prepareStatement(sql.insertDeliveryLeased)) {
            for (Publication p : publications) {
                List<Subscription> matching = matching(p, byTopic.get(p.message().destination()));
                if (matching.isEmpty()) {
                    continue;
                }
                NewMessage m = p.message();
                Long bodyId = null;
                if (matching.size() > 1 && m.data().length > sharedBodyThreshold) {
                    bodyId = ids.next(c);
                    bodies.add(new Object[] {bodyId, m.data()});
                }
                boolean due = m.deliverAt() <= now && (m.expiresAt() == 0 || m.expiresAt() > now);
                for (Subscription s : matching) {
                    long id = ids.next(c);
                    PreparedStatement target = ps;
                    if (due && handoff.test(new StoredMessage(id, s.address(), m.priority(), m.deliverAt(),
                            m.expiresAt(), 1, now, m.groupId(), m.data(), null, 0))) {
                        target = leased;
                        target.setString(12, owner);
                        target.setLong(13, leaseUntil);
                        anyLeased = true;
                    } else if (!due && m.deliverAt() > now) {
                        delayed.add(s.address(), m.deliverAt());
                    }
                    bind(target, id, s.address(), m, now, bodyId);
                    target.addBatch();
                    if (target == ps) {
                        anyPlain = true;
                        if (due) {
                            touched.add(s.address());
                        }
                    }
                }
            }
            if (!bodies.isEmpty()) {
                // Bodies first: the delivery rows reference them.
                try (PreparedStatement b = c.prepareStatement(sql.insertBody)) {
                    for (Object[] body : bodies) {
                        b.setLong(1, (Long) body[0]);
                        b.setLong(2, now);
                        b.setBytes(3, (byte[]) body[1]);
                        b.addBatch();
                    }
                    b.executeBatch();
                }
            }
            if (anyPlain) {
                ps.executeBatch();
            }
            if (anyLeased) {
                leased.executeBatch();
            }
        }
        return touched;
    }

    /** Binds parameters 1-11 of {@link TopicSql#insertDelivery} and its leased twin. */
    private static void bind(PreparedStatement ps, long id, String address, NewMessage m, long now, Long bodyId)
            throws SQLException {
        ps.setLong(1, id);
        ps.setString(2, address);
        ps.setInt(3, m.priority());
        ps.setInt(4, 9 - m.priority());
        ps.setLong(5, m.deliverAt());
        ps.setLong(6, m.expiresAt());
        ps.setString(7, m.groupId());
        ps.setLong(8, now);
        if (bodyId == null) {
            ps.setBytes(9, m.data());
            ps.setNull(10, Types.BIGINT);
        } else {
            ps.setBytes(9, NO_DATA);
            ps.setLong(10, bodyId);
        }
        ps.setString(11, m.expiryAddress());
    }

    private static List<Subscription> matching(Publication p, List<Subscription> subscriptions) {
        List<Subscription> matching = new ArrayList<>(subscriptions.size());
        for (Subscription s : subscriptions) {
            boolean accepted;
            try {
                accepted = p.accepts(s);
            } catch (RuntimeException e) {
                // A filter bug must not fail the whole group: this subscription just misses the copy.
                LOG.warn("JMQ1012 publication filter failed for subscription {}; no copy written", s.address(), e);
                accepted = false;
            }
            if (accepted) {
                matching.add(s);
            }
        }
        return matching;
    }

    /** The topic's subscriptions as committed now: the cached list when the version row still matches. */
    private List<Subscription> current(Connection c, String topic) throws SQLException {
        long version = 0;
        if (sql.lockVersion != null) {
            try (PreparedStatement ps = c.prepareStatement(sql.lockVersion)) {
                ps.setString(1, topic);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(sql.readVersion)) {
            ps.setString(1, topic);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    version = rs.getLong(1);
                }
            }
        }
        if (version == 0) {
            return List.of(); // nobody ever subscribed
        }
        Cached cached = cache.get(topic);
        if (cached != null && cached.version == version) {
            return cached.subscriptions;
        }
        // Read after the version: the list is at least as new as the version we store with it,
        // so a stale pair can only cause one reload too many, never a missed subscription.
        List<Subscription> loaded = Topics.load(c, sql, topic);
        cache.put(topic, new Cached(version, loaded));
        return loaded;
    }
}
