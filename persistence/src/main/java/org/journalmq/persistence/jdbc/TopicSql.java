package org.journalmq.persistence.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.journalmq.persistence.Subscription;
import org.journalmq.persistence.dialect.Dialect;
import org.journalmq.persistence.dialect.Tables;

/** Statements of the topic tables (migration 2). Built once per journal; every value is a bind parameter. */
final class TopicSql {
    static final String SUBSCRIPTION_COLUMNS = "address, topic, selector, no_local, durable, shared";

    final String insertSubscription;
    final String lockSubscription;
    final String selectSubscription;
    final String subscriptionsOfTopic;
    final String updateSubscription;
    final String deleteSubscription;
    final String deleteDeliveries;
    final String bumpVersion;
    final String insertVersion;
    final String readVersion;
    /** Null where {@link #readVersion} already locks (PostgreSQL FOR SHARE). */
    final String lockVersion;
    final String insertConsumer;
    final String consumerAddress;
    final String deleteConsumer;
    final String countConsumers;
    final String deleteDeadConsumers;
    final String deleteDeadConsumersOf;
    final String orphanSubscriptions;
    final String insertClientName;
    final String deleteStaleClientName;
    final String deleteClientName;
    final String deleteDeadClientNames;
    final String deleteOwnClientNames;
    final String deleteOwnConsumers;
    final String insertBody;
    final String insertDelivery;
    /** {@link #insertDelivery} of a row handed over: claimed by parameter 12 (owner) until 13 (lease_until), count 1. */
    final String insertDeliveryLeased;
    final String sweepBodies;

    TopicSql(Dialect dialect, Tables t) {
        String s = t.subscription();
        String alive = " client_id NOT IN (SELECT client_id FROM " + t.client() + " WHERE heartbeat_at >= ?)";
        insertSubscription = "INSERT INTO " + s + " (" + SUBSCRIPTION_COLUMNS + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
        // A no-op write: takes the row lock on both databases, so that concurrent subscribes,
        // detaches and unsubscribes of one subscription run one after the other.
        lockSubscription = "UPDATE " + s + " SET created_at = created_at WHERE address = ?";
        selectSubscription = "SELECT " + SUBSCRIPTION_COLUMNS + " FROM " + s + " WHERE address = ?";
        subscriptionsOfTopic = "SELECT " + SUBSCRIPTION_COLUMNS + " FROM " + s + " WHERE topic = ? ORDER BY address";
        updateSubscription = "UPDATE " + s + " SET topic = ?, selector = ?, no_local = ? WHERE address = ?";
        deleteSubscription = "DELETE FROM " + s + " WHERE address = ?";
        deleteDeliveries = "DELETE FROM " + t.delivery() + " WHERE destination = ?";
        bumpVersion = "UPDATE " + t.topicVersion() + " SET version = version + 1 WHERE topic = ?";
        insertVersion = "INSERT INTO " + t.topicVersion() + " (topic, version) VALUES (?, 1)";
        readVersion = "SELECT version FROM " + t.topicVersion() + " WHERE topic = ?" + dialect.sharedRowLock();
        // Without a shared read lock (HSQLDB) a no-op write takes the row lock instead: a
        // subscription change then waits for the publish to commit, or the publish for the change.
        lockVersion = dialect.sharedRowLock().isEmpty()
                ? "UPDATE " + t.topicVersion() + " SET version = version WHERE topic = ?" : null;
        insertConsumer = "INSERT INTO " + t.consumer() + " (consumer_id, address, client_id) VALUES (?, ?, ?)";
        consumerAddress = "SELECT address FROM " + t.consumer() + " WHERE consumer_id = ?";
        deleteConsumer = "DELETE FROM " + t.consumer() + " WHERE consumer_id = ?";
        countConsumers = "SELECT COUNT(*) FROM " + t.consumer() + " WHERE address = ?";
        deleteDeadConsumers = "DELETE FROM " + t.consumer() + " WHERE" + alive;
        deleteDeadConsumersOf = "DELETE FROM " + t.consumer() + " WHERE address = ? AND" + alive;
        orphanSubscriptions = "SELECT address FROM " + s + " WHERE durable = 0 AND NOT EXISTS (SELECT 1 FROM "
                + t.consumer() + " c WHERE c.address = " + s + ".address)";
        insertClientName = "INSERT INTO " + t.clientName() + " (name, client_id) VALUES (?, ?)";
        deleteStaleClientName = "DELETE FROM " + t.clientName() + " WHERE name = ? AND" + alive;
        deleteClientName = "DELETE FROM " + t.clientName() + " WHERE name = ? AND client_id = ?";
        deleteDeadClientNames = "DELETE FROM " + t.clientName() + " WHERE" + alive;
        deleteOwnClientNames = "DELETE FROM " + t.clientName() + " WHERE client_id = ?";
        deleteOwnConsumers = "SELECT consumer_id FROM " + t.consumer() + " WHERE client_id = ?";
        insertBody = "INSERT INTO " + t.body() + " (id, created_at, data) VALUES (?, ?, ?)";
        insertDelivery = "INSERT INTO " + t.delivery() + " (id, destination, priority, priority_rank, deliver_at,"
                + " expires_at, state, owner, lease_until, delivery_count, group_id, created_at, data, body_id,"
                + " expiry_address) VALUES (?, ?, ?, ?, ?, ?, 0, NULL, 0, 0, ?, ?, ?, ?, ?)";
        insertDeliveryLeased = "INSERT INTO " + t.delivery() + " (id, destination, priority, priority_rank, deliver_at,"
                + " expires_at, group_id, created_at, data, body_id, expiry_address, owner, lease_until, state,"
                + " delivery_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1)";
        // A body is only written together with its deliveries, so an unreferenced one is garbage;
        // the age bound keeps the sweep away from bodies of transactions still running.
        sweepBodies = "DELETE FROM " + t.body() + " WHERE created_at < ? AND NOT EXISTS (SELECT 1 FROM "
                + t.delivery() + " d WHERE d.body_id = " + t.body() + ".id)";
    }

    static Subscription subscription(ResultSet rs) throws SQLException {
        return new Subscription(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getInt(5) != 0, rs.getInt(6) != 0);
    }
}
