package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.JournalException.Kind;
import org.journalmq.persistence.SubscribeOutcome;
import org.journalmq.persistence.Subscription;

/**
 * Subscriptions, attached consumers and client names. Every change of a topic's subscription set
 * bumps its TOPIC_VERSION row in the same transaction, which is what lets a publishing JVM notice
 * it (see {@link Fanout}). A subscription's row is locked (a no-op UPDATE) before it is examined,
 * so that consumers attaching from several JVMs at once are serialised.
 */
final class Topics {
    private static final int ATTEMPTS = 5;

    private final Database db;
    private final TopicSql sql;
    private final JournalClock clock;
    private final String clientId;
    private final long leaseMillis;

    Topics(Database db, TopicSql sql, JournalClock clock, String clientId, long leaseMillis) {
        this.db = db;
        this.sql = sql;
        this.clock = clock;
        this.clientId = clientId;
        this.leaseMillis = leaseMillis;
    }

    SubscribeOutcome subscribe(Subscription wanted, String consumerId) {
        // Two JVMs creating the same subscription at once: the loser's insert violates the key;
        // run again, it then finds the winner's row and attaches to it.
        for (int attempt = 1; ; attempt++) {
            try {
                return db.transaction("subscribe", c -> subscribeOnce(c, wanted, consumerId));
            } catch (JournalException e) {
                if (attempt >= ATTEMPTS || !isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    private SubscribeOutcome subscribeOnce(Connection c, Subscription wanted, String consumerId)
            throws SQLException {
        lock(c, wanted.address());
        Subscription existing = find(c, wanted.address());
        if (existing == null) {
            insert(c, wanted);
            bump(c, wanted.topic());
            attach(c, wanted.address(), consumerId);
            return SubscribeOutcome.CREATED;
        }
        if (existing.durable() != wanted.durable() || existing.shared() != wanted.shared()) {
            throw new JournalException(Kind.CONFLICT, "subscription " + wanted.address() + " exists as "
                    + describe(existing) + ", not as " + describe(wanted));
        }
        long consumers = consumers(c, wanted.address());
        if (!wanted.shared() && consumers > 0) {
            throw new JournalException(Kind.CONFLICT, "unshared subscription " + wanted.address()
                    + " already has an active consumer");
        }
        if (existing.sameDefinition(wanted)) {
            attach(c, wanted.address(), consumerId);
            return SubscribeOutcome.ATTACHED;
        }
        if (consumers > 0) {
            throw new JournalException(Kind.CONFLICT, "subscription " + wanted.address() + " has " + consumers
                    + " active consumer(s): its topic, selector or noLocal cannot change");
        }
        update(c, c.prepareStatement(sql.deleteDeliveries), wanted.address());
        try (PreparedStatement ps = c.prepareStatement(sql.updateSubscription)) {
            ps.setString(1, wanted.topic());
            ps.setString(2, wanted.selector());
            ps.setString(3, wanted.noLocalTag());
            ps.setString(4, wanted.address());
            ps.executeUpdate();
        }
        bump(c, existing.topic());
        if (!existing.topic().equals(wanted.topic())) {
            bump(c, wanted.topic());
        }
        attach(c, wanted.address(), consumerId);
        return SubscribeOutcome.REPLACED;
    }

    void detach(String consumerId) {
        db.transaction("detach", c -> {
            String address = null;
            try (PreparedStatement ps = c.prepareStatement(sql.consumerAddress)) {
                ps.setString(1, consumerId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        address = rs.getString(1);
                    }
                }
            }
            if (address == null) {
                return null;
            }
            lock(c, address);
            update(c, c.prepareStatement(sql.deleteConsumer), consumerId);
            Subscription s = find(c, address);
            if (s != null && !s.durable() && consumers(c, address) == 0) {
                drop(c, s);
            }
            return null;
        });
    }

    void unsubscribe(String address) {
        db.transaction("unsubscribe", c -> {
            lock(c, address);
            Subscription s = find(c, address);
            if (s == null) {
                throw new JournalException(Kind.NOT_FOUND, "no subscription " + address);
            }
            long consumers = consumers(c, address);
            if (consumers > 0) {
                throw new JournalException(Kind.CONFLICT, "subscription " + address + " has " + consumers
                        + " active consumer(s)");
            }
            drop(c, s);
            return null;
        });
    }

    List<Subscription> subscriptions(String topic) {
        return db.transaction("subscriptions", c -> load(c, sql, topic));
    }

    static List<Subscription> load(Connection c, TopicSql sql, String topic) throws SQLException {
        List<Subscription> subs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.subscriptionsOfTopic)) {
            ps.setString(1, topic);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    subs.add(TopicSql.subscription(rs));
                }
            }
        }
        return List.copyOf(subs);
    }

    void reserveClientName(String name) {
        long deadBefore = clock.now() - leaseMillis;
        // A name left by a dead client is free again (maintenance would free it later anyway).
        db.transaction("client name", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.deleteStaleClientName)) {
                ps.setString(1, name);
                ps.setLong(2, deadBefore);
                ps.executeUpdate();
            }
            return null;
        });
        try {
            db.transaction("client name", c -> {
                try (PreparedStatement ps = c.prepareStatement(sql.insertClientName)) {
                    ps.setString(1, name);
                    ps.setString(2, clientId);
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (JournalException e) {
            if (isUniqueViolation(e)) {
                throw new JournalException(Kind.CONFLICT, "client name '" + name + "' is in use by a live client", e);
            }
            throw e;
        }
    }

    void releaseClientName(String name) {
        db.transaction("client name", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.deleteClientName)) {
                ps.setString(1, name);
                ps.setString(2, clientId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Orphan subscriptions dropped per maintenance run by the database's function; the rest go next run. */
    private static final int ORPHANS_PER_RUN = 500;

    /** Removes the consumers and client names of clients without a heartbeat for a lease, and the non-durable subscriptions left without consumers. */
    int removeDeadState() {
        long deadBefore = clock.now() - leaseMillis;
        db.transaction("dead consumers", c -> {
            for (String statement : List.of(sql.deleteDeadConsumers, sql.deleteDeadClientNames)) {
                try (PreparedStatement ps = c.prepareStatement(statement)) {
                    ps.setLong(1, deadBefore);
                    ps.executeUpdate();
                }
            }
            return null;
        });
        Optional<String> everywhere = db.dialect.dropOrphanSubscriptions(db.tables);
        if (everywhere.isPresent()) {
            // Row-level security may hide the orphans from this client: the database's definer
            // function finds and drops them on every topic, checked under the row lock as below.
            return db.transaction("orphan subscriptions", c -> {
                int n = 0;
                try (PreparedStatement ps = c.prepareStatement(everywhere.get())) {
                    ps.setInt(1, ORPHANS_PER_RUN);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            n++;
                        }
                    }
                }
                return n;
            });
        }
        List<String> orphans = db.transaction("orphan subscriptions", c -> {
            List<String> found = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.orphanSubscriptions);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        });
        int dropped = 0;
        for (String address : orphans) {
            // Each its own transaction, checked again under the row lock: a consumer may have attached since.
            dropped += db.transaction("orphan subscription", c -> {
                lock(c, address);
                Subscription s = find(c, address);
                if (s == null || s.durable() || consumers(c, address) > 0) {
                    return 0;
                }
                drop(c, s);
                return 1;
            });
        }
        return dropped;
    }

    /** Deletes bodies no delivery references any more; returns how many. */
    int sweepBodies() {
        return db.transaction("body sweep", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.sweepBodies)) {
                ps.setLong(1, clock.now() - leaseMillis);
                return ps.executeUpdate();
            }
        });
    }

    /** At close: this client's consumers and names go (its non-durable subscriptions follow via detach). */
    List<String> ownConsumers() {
        return db.transaction("own consumers", c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.deleteOwnConsumers)) {
                ps.setString(1, clientId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            update(c, c.prepareStatement(sql.deleteOwnClientNames), clientId);
            return ids;
        });
    }

    private void drop(Connection c, Subscription s) throws SQLException {
        bump(c, s.topic());
        update(c, c.prepareStatement(sql.deleteDeliveries), s.address());
        update(c, c.prepareStatement(sql.deleteSubscription), s.address());
    }

    /**
     * Locks the subscription's row and forgets the consumers of dead clients attached to it, so a
     * restarted JVM can take its durable subscription back as soon as its predecessor counts as
     * dead, without waiting for a maintenance run.
     */
    private void lock(Connection c, String address) throws SQLException {
        update(c, c.prepareStatement(sql.lockSubscription), address);
        try (PreparedStatement ps = c.prepareStatement(sql.deleteDeadConsumersOf)) {
            ps.setString(1, address);
            ps.setLong(2, clock.now() - leaseMillis);
            ps.executeUpdate();
        }
    }

    private Subscription find(Connection c, String address) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.selectSubscription)) {
            ps.setString(1, address);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? TopicSql.subscription(rs) : null;
            }
        }
    }

    private long consumers(Connection c, String address) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.countConsumers)) {
            ps.setString(1, address);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void insert(Connection c, Subscription s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.insertSubscription)) {
            ps.setString(1, s.address());
            ps.setString(2, s.topic());
            ps.setString(3, s.selector());
            ps.setString(4, s.noLocalTag());
            ps.setInt(5, s.durable() ? 1 : 0);
            ps.setInt(6, s.shared() ? 1 : 0);
            ps.setLong(7, clock.now());
            ps.executeUpdate();
        }
    }

    private void attach(Connection c, String address, String consumerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.insertConsumer)) {
            ps.setString(1, consumerId);
            ps.setString(2, address);
            ps.setString(3, clientId);
            ps.executeUpdate();
        }
    }

    /** Bumps the topic's version so every publishing JVM reloads its subscription list. */
    private void bump(Connection c, String topic) throws SQLException {
        if (update(c, c.prepareStatement(sql.bumpVersion), topic) == 0) {
            update(c, c.prepareStatement(sql.insertVersion), topic);
        }
    }

    private static int update(Connection c, PreparedStatement statement, String value) throws SQLException {
        try (PreparedStatement ps = statement) {
            ps.setString(1, value);
            return ps.executeUpdate();
        }
    }

    private static String describe(Subscription s) {
        return (s.shared() ? "shared " : "unshared ") + (s.durable() ? "durable" : "non-durable");
    }

    private static boolean isUniqueViolation(Throwable e) {
        return SqlErrors.isUniqueViolation(e);
    }
}
