package org.journalmq.persistence.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.journalmq.persistence.DestinationStats;
import org.journalmq.persistence.JournalOverview;
import org.journalmq.persistence.Subscription;
import org.journalmq.persistence.dialect.Tables;

/**
 * The operator's reads (CLI {@code stat}, JMX, metrics) and the registration of queue consumers.
 * Queue consumers go into the CONSUMER table of migration 2, which never required its address to
 * be a subscription: detaching, maintenance of dead clients and close treat them like subscribers.
 */
final class OpsQueries {
    private final Database db;
    private final JournalClock clock;
    private final String clientId;
    private final long leaseMillis;
    private final String consumersPerAddress;
    private final String allSubscriptions;
    private final String liveClients;
    private final String insertConsumer;

    OpsQueries(Database db, JournalClock clock, String clientId, long leaseMillis) {
        this.db = db;
        this.clock = clock;
        this.clientId = clientId;
        this.leaseMillis = leaseMillis;
        Tables t = db.tables;
        String alive = " client_id IN (SELECT client_id FROM " + t.client() + " WHERE heartbeat_at >= ?)";
        consumersPerAddress = "SELECT address, COUNT(*) FROM " + t.consumer() + " WHERE" + alive
                + " GROUP BY address";
        allSubscriptions = "SELECT " + TopicSql.SUBSCRIPTION_COLUMNS + " FROM " + t.subscription() + " ORDER BY address";
        liveClients = "SELECT COUNT(*) FROM " + t.client() + " WHERE heartbeat_at >= ?";
        insertConsumer = "INSERT INTO " + t.consumer() + " (consumer_id, address, client_id) VALUES (?, ?, ?)";
    }

    JournalOverview overview(Operations operations) {
        return db.transaction("overview", c -> {
            long now = clock.now();
            // A client is live while it heartbeats within one lease, as everywhere else in the journal.
            long aliveSince = now - leaseMillis;
            List<DestinationStats> stats = operations.stats(c, now);
            Map<String, Integer> consumers = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(consumersPerAddress)) {
                ps.setLong(1, aliveSince);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumers.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            List<Subscription> subscriptions = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(allSubscriptions); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    subscriptions.add(TopicSql.subscription(rs));
                }
            }
            int clients;
            try (PreparedStatement ps = c.prepareStatement(liveClients)) {
                ps.setLong(1, aliveSince);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    clients = rs.getInt(1);
                }
            }
            return new JournalOverview(now, stats, consumers, subscriptions, clients);
        });
    }

    void registerConsumer(String address, String consumerId) {
        db.transaction("register consumer", c -> {
            try (PreparedStatement ps = c.prepareStatement(insertConsumer)) {
                ps.setString(1, consumerId);
                ps.setString(2, address);
                ps.setString(3, clientId);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
