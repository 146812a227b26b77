package org.journalmq.persistence.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.journalmq.persistence.DestinationStats;
import org.journalmq.persistence.JournalOverview;
import org.journalmq.persistence.LiveClient;
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
    private final String clientNames;
    private final String insertConsumer;
    private final TrafficRows trafficRows;

    OpsQueries(Database db, JournalClock clock, String clientId, long leaseMillis, TrafficRows trafficRows) {
        this.db = db;
        this.trafficRows = trafficRows;
        this.clock = clock;
        this.clientId = clientId;
        this.leaseMillis = leaseMillis;
        Tables t = db.tables;
        String alive = " client_id IN (SELECT client_id FROM " + t.client() + " WHERE heartbeat_at >= ?)";
        consumersPerAddress = "SELECT address, COUNT(*) FROM " + t.consumer() + " WHERE" + alive
                + " GROUP BY address";
        allSubscriptions = "SELECT " + TopicSql.SUBSCRIPTION_COLUMNS + " FROM " + t.subscription() + " ORDER BY address";
        // one row per live client with its consumer count: the count of live clients and the web
        // console's client list come from the same read (plain SQL-92, the same on every dialect)
        liveClients = "SELECT c.client_id, c.started_at, c.heartbeat_at, (SELECT COUNT(*) FROM " + t.consumer()
                + " k WHERE k.client_id = c.client_id) FROM " + t.client() + " c WHERE c.heartbeat_at >= ?"
                + " ORDER BY c.started_at, c.client_id";
        clientNames = "SELECT client_id, name FROM " + t.clientName() + " ORDER BY name";
        insertConsumer = "INSERT INTO " + t.consumer() + " (consumer_id, address, client_id) VALUES (?, ?, ?)";
    }

    JournalOverview overview(Operations operations, long exactLimit) {
        if (exactLimit < 1) {
            throw new IllegalArgumentException("the exact limit of the overview must be at least 1, was " + exactLimit);
        }
        return db.transaction("overview", c -> {
            long now = clock.now();
            // A client is live while it heartbeats within one lease, as everywhere else in the journal.
            long aliveSince = now - leaseMillis;
            List<DestinationStats> stats = operations.stats(c, now, exactLimit);
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
            Map<String, List<String>> names = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(clientNames); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            List<LiveClient> clients = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(liveClients)) {
                ps.setLong(1, aliveSince);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        clients.add(new LiveClient(id, rs.getLong(2), rs.getLong(3), rs.getInt(4),
                                names.getOrDefault(id, List.of())));
                    }
                }
            }
            return new JournalOverview(now, stats, consumers, subscriptions, clients.size(), clients,
                    trafficRows.read(c, now));
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
