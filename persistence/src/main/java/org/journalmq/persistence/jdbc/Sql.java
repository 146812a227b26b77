package org.journalmq.persistence.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.journalmq.persistence.Ack;
import org.journalmq.persistence.NewMessage;
import org.journalmq.persistence.StoredMessage;
import org.journalmq.persistence.dialect.Dialect;
import org.journalmq.persistence.dialect.Tables;

/**
 * Statements that read the same on every dialect. Built once per journal from validated table
 * names; every value is a bind parameter.
 */
final class Sql {
    /** Row columns in the order {@link #message(ResultSet)} reads them. */
    static final String COLUMNS =
            "id, destination, priority, deliver_at, expires_at, delivery_count, created_at, group_id, data,"
            + " origin, expired_at";

    static final int READY = 0;
    static final int CLAIMED = 1;

    final String insert;
    /** {@link #insert} of a row handed over: claimed by parameter 11 (owner) until 12 (lease_until), count 1. */
    final String insertLeased;
    final String earliestDelayed;
    final String ack;
    /** Locks a row if it exists, changing nothing: after a lost commit, is this row still there? */
    final String probeRow;
    final String claimById;
    final String candidates;
    final String candidatesSameRank;
    final String candidatesLaterRanks;
    /** The three candidate queries for a claim: with the group rule, parameters claimant, now before the limit. */
    final String claimCandidates;
    final String claimCandidatesSameRank;
    final String claimCandidatesLaterRanks;
    final String release;
    final String depth;
    final String stats;
    final String purge;
    final String renewLeases;
    final String expiredLeases;
    final String releaseExpiredLease;
    final String releaseOwn;
    /** Gives back a lease a lost commit may have taken (LostClaims): id, owner, delivery count, claimant or ''. */
    final String releaseLostClaim;
    final String deleteClient;
    final String deadClients;
    final String deleteDeadClient;
    final String expiredRows;
    final String deleteExpired;
    final String moveExpired;
    final String destinationOf;
    /** A row of the group (destination, group_id) waits while nobody holds one: parameters twice that pair. */
    final String groupFreed;

    /**
     * Binds parameters 1-10 of an insert of a new row in the column order of {@link #insert} (id,
     * destination, priority, priority_rank, deliver_at, expires_at, group_id, created_at, data,
     * expiry_address): one place for every writer of new rows (group commit, local and XA
     * transactions), so that a new column cannot be forgotten by one of them.
     */
    static void bindNewRow(PreparedStatement ps, long id, NewMessage m, long now) throws SQLException {
        ps.setLong(1, id);
        ps.setString(2, m.destination());
        ps.setInt(3, m.priority());
        ps.setInt(4, 9 - m.priority()); // priority_rank
        ps.setLong(5, m.deliverAt());
        ps.setLong(6, m.expiresAt());
        ps.setString(7, m.groupId());
        ps.setLong(8, now);
        ps.setBytes(9, m.data());
        ps.setString(10, m.expiryAddress());
    }

    /**
     * Runs a statement guarded by the claim token ({@code ... WHERE id = ? AND owner = ? AND
     * delivery_count = ?}, those three from parameter {@code first} on; the parameters before it are
     * bound by the caller for every row alike) once per ack as one batch.
     *
     * @return false when an ack matched no row: the lease was lost. SUCCESS_NO_INFO (-2) cannot be
     *         checked and counts as a hit (neither driver reports it for these statements).
     */
    static boolean everyAckMatched(PreparedStatement ps, List<Ack> acks, String owner, int first,
                                   SqlConsumer<PreparedStatement> leading) throws SQLException {
        if (acks.isEmpty()) {
            return true;
        }
        for (Ack a : acks) {
            leading.accept(ps);
            ps.setLong(first, a.id());
            ps.setString(first + 1, owner);
            ps.setInt(first + 2, a.deliveryCount());
            ps.addBatch();
        }
        for (int count : ps.executeBatch()) {
            if (count == 0) {
                return false;
            }
        }
        return true;
    }

    /** A JDBC step that may throw SQLException. */
    @FunctionalInterface
    interface SqlConsumer<T> {
        void accept(T t) throws SQLException;
    }

    Sql(Dialect dialect, Tables t) {
        String d = t.delivery();
        String limit = dialect.limitParameter();
        String readyNow = " WHERE destination = ? AND state = 0 AND deliver_at <= ? AND (expires_at = 0 OR expires_at > ?)";
        String order = dialect.inDeliveryOrder();
        // priority_rank = 9 - priority: ascending rank, then id, is delivery order.
        insert = "INSERT INTO " + d + " (id, destination, priority, priority_rank, deliver_at, expires_at, state, owner,"
                + " lease_until, delivery_count, group_id, created_at, data, expiry_address)"
                + " VALUES (?, ?, ?, ?, ?, ?, 0, NULL, 0, 0, ?, ?, ?, ?)";
        insertLeased = "INSERT INTO " + d + " (id, destination, priority, priority_rank, deliver_at, expires_at,"
                + " group_id, created_at, data, expiry_address, owner, lease_until, state, delivery_count)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1)";
        earliestDelayed = "SELECT MIN(deliver_at) FROM " + d + " WHERE destination = ? AND state = 0 AND deliver_at > ?";
        // The delivery count is the claim token: a late ack of an older claim of the row misses.
        ack = "DELETE FROM " + d + " WHERE id = ? AND owner = ? AND delivery_count = ? AND state = 1";
        // An UPDATE, not a SELECT: it waits for a transaction that still holds the row (a commit the
        // server is still finishing), where a SELECT would read the state before it (CommitOutcomes).
        probeRow = "UPDATE " + d + " SET delivery_count = delivery_count WHERE id = ?";
        // Parameters: owner, claimant, lease_until, id, delivery_count, then claimant and now for
        // the group rule (checked again here: the candidates were read before this transaction).
        claimById = "UPDATE " + d + " SET state = 1, owner = ?, claimant = ?, lease_until = ?,"
                + " delivery_count = delivery_count + 1 WHERE id = ? AND state = 0 AND delivery_count = ? AND "
                + t.groupTurn(d);
        // Large topic bodies live once in BODY; reads take them from there (migration 2).
        String columns = COLUMNS.replace(", data", ", " + t.deliveryData());
        // A priority range (from a selector) narrows the index range scanned; 0..9 for all.
        String ranks = " AND priority_rank >= ? AND priority_rank <= ?";
        candidates = "SELECT " + columns + " FROM " + d + readyNow + ranks + order;
        // Keyset paging after (rank, id) in two simple ranges, because HSQLDB only starts an index
        // scan at a plain range: with "rank > ? OR (rank = ? AND id > ?)" it reads every earlier
        // row again on each page, which makes a scan of a deep backlog quadratic.
        candidatesSameRank = "SELECT " + columns + " FROM " + d + readyNow + " AND priority_rank = ? AND id > ?" + order;
        candidatesLaterRanks = "SELECT " + columns + " FROM " + d + readyNow
                + " AND priority_rank > ? AND priority_rank <= ?" + order;
        String turn = " AND " + t.groupTurn(d);
        claimCandidates = "SELECT " + columns + " FROM " + d + readyNow + ranks + turn + order;
        claimCandidatesSameRank = "SELECT " + columns + " FROM " + d + readyNow + " AND priority_rank = ? AND id > ?"
                + turn + order;
        claimCandidatesLaterRanks = "SELECT " + columns + " FROM " + d + readyNow
                + " AND priority_rank > ? AND priority_rank <= ?" + turn + order;
        release = "UPDATE " + d + " SET state = 0, owner = NULL, lease_until = 0, deliver_at = ?,"
                + " delivery_count = delivery_count - ? WHERE id = ? AND owner = ? AND delivery_count = ? AND state = 1";
        depth = "SELECT COUNT(*) FROM " + d + " WHERE destination = ?";
        stats = "SELECT destination,"
                + " SUM(CASE WHEN state = 0 AND deliver_at <= ? THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN state <> 0 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN state = 0 AND deliver_at > ? THEN 1 ELSE 0 END),"
                + " MIN(created_at) FROM " + d + " GROUP BY destination ORDER BY destination";
        purge = "DELETE FROM " + d + " WHERE destination = ?";
        renewLeases = dialect.renewLeases(t);
        expiredLeases = "SELECT id, destination, owner FROM " + d + " WHERE state = 1 AND lease_until < ?" + limit;
        // Re-checks the deadline so that a lease renewed since the scan is left alone; the count
        // is kept so that the next delivery is flagged as a redelivery.
        releaseExpiredLease = "UPDATE " + d + " SET state = 0, owner = NULL, lease_until = 0"
                + " WHERE id = ? AND state = 1 AND lease_until < ?";
        releaseOwn = "UPDATE " + d + " SET state = 0, owner = NULL, lease_until = 0 WHERE state = 1 AND owner = ?";
        // The count goes back down: the lost claim delivered nothing. deliver_at is left alone (no
        // redelivery delay: nobody saw the message). A hand-off row has no claimant, hence COALESCE.
        releaseLostClaim = "UPDATE " + d + " SET state = 0, owner = NULL, lease_until = 0,"
                + " delivery_count = delivery_count - 1"
                + " WHERE id = ? AND owner = ? AND delivery_count = ? AND state = 1 AND COALESCE(claimant, '') = ?";
        deleteClient = "DELETE FROM " + t.client() + " WHERE client_id = ?";
        deadClients = "SELECT client_id FROM " + t.client() + " WHERE heartbeat_at < ?";
        deleteDeadClient = "DELETE FROM " + t.client() + " WHERE client_id = ? AND heartbeat_at < ?";
        expiredRows = "SELECT id, destination, expiry_address FROM " + d
                + " WHERE expires_at > 0 AND expires_at <= ? AND state = 0" + dialect.inExpiryOrder();
        String expiredNow = " WHERE id = ? AND state = 0 AND expires_at > 0 AND expires_at <= ?";
        // Rows sent without an expiry address (and every row written before migration 4) are dropped.
        deleteExpired = "DELETE FROM " + d + expiredNow + " AND expiry_address IS NULL";
        // Moved in place (migration 4): no copy of the data, the same row id, one statement. Every
        // right-hand side reads the row as it was, so origin gets the old destination. The moved
        // row no longer expires and starts again as never delivered in its new destination.
        moveExpired = "UPDATE " + d + " SET origin = destination, destination = expiry_address,"
                + " expired_at = expires_at, expires_at = 0, expiry_address = NULL, deliver_at = 0,"
                + " delivery_count = 0" + expiredNow + " AND expiry_address IS NOT NULL";
        destinationOf = "SELECT DISTINCT destination FROM " + d + " WHERE id IN (";
        groupFreed = "SELECT 1 FROM " + d + " WHERE destination = ? AND group_id = ? AND state = 0 AND NOT EXISTS"
                + " (SELECT 1 FROM " + d + " h WHERE h.destination = ? AND h.group_id = ? AND h.state IN (1, 3))"
                + limit;
    }

    /** Distinct destinations of n rows given by id: n placeholders, values still bound. */
    String destinationsOf(int n) {
        return destinationOf + "?, ".repeat(n - 1) + "?)";
    }

    /** Reads a row selected with {@link #COLUMNS}. */
    static StoredMessage message(ResultSet rs) throws SQLException {
        return new StoredMessage(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getLong(5),
                rs.getInt(6), rs.getLong(7), rs.getString(8), rs.getBytes(9), rs.getString(10), rs.getLong(11));
    }
}
