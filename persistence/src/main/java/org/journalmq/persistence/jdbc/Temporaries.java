package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.JournalException.Kind;
import org.journalmq.persistence.dialect.Tables;

/**
 * Temporary destinations (migration 5): each is a row naming its owning client, so that the
 * maintenance of any live client removes the temporary destinations of a dead one together with
 * their messages.
 *
 * <p>Removal leaves a tombstone ({@code deleted_at} set) for {@link #TOMBSTONE_LEASES} leases: a
 * sender checks {@link #exists} before its write commits, so a write racing with the removal can
 * commit rows after it; every maintenance run deletes the rows of tombstoned addresses again, so
 * such rows go too.
 */
final class Temporaries {
    /** How long, in leases, a removed address keeps having its late rows swept. */
    static final int TOMBSTONE_LEASES = 3;

    private final Database db;
    private final JournalClock clock;
    private final String clientId;
    private final long leaseMillis;
    /** Addresses this client created and has not deleted: answers {@link #exists} without a query. */
    private final Set<String> own = ConcurrentHashMap.newKeySet();

    private final String insert;
    private final String markDeleted;
    private final String deleteRows;
    private final String selectLive;
    private final String markDead;
    private final String markOwn;
    private final String selectTombstones;
    private final String forgetTombstones;

    Temporaries(Database db, JournalClock clock, String clientId, long leaseMillis) {
        this.db = db;
        this.clock = clock;
        this.clientId = clientId;
        this.leaseMillis = leaseMillis;
        Tables t = db.tables;
        String tmp = t.temporary();
        String alive = "client_id IN (SELECT client_id FROM " + t.client() + " WHERE heartbeat_at >= ?)";
        insert = "INSERT INTO " + tmp + " (address, client_id, created_at, deleted_at) VALUES (?, ?, ?, NULL)";
        markDeleted = "UPDATE " + tmp + " SET deleted_at = ? WHERE address = ? AND client_id = ? AND deleted_at IS NULL";
        deleteRows = "DELETE FROM " + t.delivery() + " WHERE destination = ?";
        selectLive = "SELECT 1 FROM " + tmp + " WHERE address = ? AND deleted_at IS NULL AND " + alive;
        markDead = "UPDATE " + tmp + " SET deleted_at = ? WHERE deleted_at IS NULL AND NOT " + alive;
        markOwn = "UPDATE " + tmp + " SET deleted_at = ? WHERE deleted_at IS NULL AND client_id = ?";
        selectTombstones = "SELECT address FROM " + tmp + " WHERE deleted_at IS NOT NULL";
        forgetTombstones = "DELETE FROM " + tmp + " WHERE deleted_at IS NOT NULL AND deleted_at < ?";
    }

    void create(String address) {
        try {
            db.transaction("create temporary destination", c -> {
                try (PreparedStatement ps = c.prepareStatement(insert)) {
                    ps.setString(1, address);
                    ps.setString(2, clientId);
                    ps.setLong(3, clock.now());
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (JournalException e) {
            if (isUniqueViolation(e)) {
                throw new JournalException(Kind.CONFLICT, "temporary destination " + address + " exists already", e);
            }
            throw e;
        }
        own.add(address);
    }

    /** Marks this client's temporary destination deleted and deletes its rows, in one transaction. */
    boolean delete(String address) {
        own.remove(address);
        return db.transaction("delete temporary destination", c -> {
            int marked;
            try (PreparedStatement ps = c.prepareStatement(markDeleted)) {
                ps.setLong(1, clock.now());
                ps.setString(2, address);
                ps.setString(3, clientId);
                marked = ps.executeUpdate();
            }
            if (marked == 0) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement(deleteRows)) {
                ps.setString(1, address);
                ps.executeUpdate();
            }
            return true;
        });
    }

    boolean exists(String address) {
        if (own.contains(address)) {
            return true;
        }
        return db.transaction("temporary destination lookup", c -> {
            try (PreparedStatement ps = c.prepareStatement(selectLive)) {
                ps.setString(1, address);
                ps.setLong(2, clock.now() - leaseMillis);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /**
     * Maintenance: marks the temporary destinations of clients silent for a lease as deleted, then
     * deletes the rows of every tombstoned address and forgets old tombstones.
     *
     * @return how many temporary destinations of dead clients were removed
     */
    int removeDead() {
        long now = clock.now();
        return db.transaction("temporary destinations of dead clients", c -> {
            int dead;
            try (PreparedStatement ps = c.prepareStatement(markDead)) {
                ps.setLong(1, now);
                ps.setLong(2, now - leaseMillis);
                dead = ps.executeUpdate();
            }
            sweep(c, now);
            return dead;
        });
    }

    /** At close: every temporary destination of this client goes with its rows. */
    void removeOwn() {
        own.clear();
        long now = clock.now();
        db.transaction("own temporary destinations", c -> {
            try (PreparedStatement ps = c.prepareStatement(markOwn)) {
                ps.setLong(1, now);
                ps.setString(2, clientId);
                ps.executeUpdate();
            }
            sweep(c, now);
            return null;
        });
    }

    /**
     * Deletes the rows of every tombstoned address, one {@code destination = ?} delete per address
     * (the claim index serves it), rather than one DELETE with an IN subquery, which HSQLDB may run
     * as a scan of the whole delivery table at every maintenance run.
     */
    private void sweep(Connection c, long now) throws SQLException {
        Optional<String> everywhere = db.dialect.sweepTemporaryRows(db.tables);
        if (everywhere.isPresent()) {
            // Row-level security may hide a dead client's temporary rows from this one: the
            // database's definer function deletes them for every tombstone.
            try (PreparedStatement ps = c.prepareStatement(everywhere.get())) {
                ps.executeQuery().close();
            }
            forgetTombstones(c, now);
            return;
        }
        List<String> addresses = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(selectTombstones);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                addresses.add(rs.getString(1));
            }
        }
        if (!addresses.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(deleteRows)) {
                for (String address : addresses) {
                    ps.setString(1, address);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        forgetTombstones(c, now);
    }

    private void forgetTombstones(Connection c, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(forgetTombstones)) {
            ps.setLong(1, now - TOMBSTONE_LEASES * leaseMillis);
            ps.executeUpdate();
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        return SqlErrors.isUniqueViolation(e);
    }
}
