package org.journalmq.persistence.dialect;

import java.sql.Connection;
import java.util.Map;
import java.util.Optional;

/**
 * MariaDB 10.6+ on InnoDB (issue 17): SKIP LOCKED claims (10.6), sequences (10.3), UPDATE and
 * DELETE statements whose subqueries read their own table (10.3.2). Not MySQL: MySQL 8 has no
 * sequences and refuses such subqueries. DDL commits on its own, and there is no UPDATE ...
 * RETURNING, so a claim is a locking SELECT then an UPDATE per row in the same transaction.
 */
public final class MariaDbDialect extends ServerDialect {

    /**
     * InnoDB for row locks and crash-safe commits whatever the server's default engine is. A binary
     * collation without padding: destination, subscription and group names compare byte for byte
     * as they do on HSQLDB and PostgreSQL ("Orders", "orders" and "orders " are three queues; the
     * server's default collation would make them one, and utf8mb4_bin two). utf8mb4 keeps every
     * index within InnoDB's 3072-byte key limit: the widest, (destination, group_id, state, id),
     * takes 2,630 bytes. LONGBLOB: a body up to the driver's and server's max_allowed_packet
     * (16 MiB by default). No sequence type clause (AS BIGINT comes with MariaDB 11.5), no partial
     * indexes.
     */
    private static final SchemaWords WORDS = new SchemaWords("CREATE TABLE",
            " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin", "LONGBLOB", "VARBINARY(64)",
            "TEXT", "", false);

    public MariaDbDialect() {
        super("MariaDB", "jdbc:mariadb:", WORDS);
    }

    /**
     * READ COMMITTED, as on PostgreSQL: each statement sees what committed before it, which the
     * journal's re-checking updates and its candidate reads assume (InnoDB's default, REPEATABLE
     * READ, would also take gap locks on the claim index and make inserts wait on claims). Update
     * counts stay the driver's default, found rows: the journal locks rows with no-op updates
     * ("SET state = state") and reads a count of 0 as "no such row". No bulk protocol: for UPDATE
     * and DELETE it reports no count per batched row (-2), and the journal checks them (claims,
     * acks); for INSERT it refuses some INSERT ... SELECT (error 1295). Batches are still pipelined.
     */
    @Override
    public Map<String, String> driverProperties() {
        return Map.of("transactionIsolation", "READ-COMMITTED", "useBulkStmts", "false",
                "useBulkStmtsForInserts", "false");
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public boolean lockForMigration(Connection c, Tables t) {
        // Every DDL statement commits the transaction, so no lock taken in it would outlive the
        // first one; as on HSQLDB, the JVM serialises its migrations, every statement is IF NOT
        // EXISTS and the version row is inserted once, so concurrent JVMs are safe.
        return false;
    }

    @Override
    public String nextIdBlock(Tables t) {
        return "SELECT NEXTVAL(" + t.idSequence() + ")";
    }

    /** SYSDATE, not NOW: the time of the call, not of the statement's start. */
    @Override
    public String currentTimeMillis() {
        return "SELECT CAST(UNIX_TIMESTAMP(SYSDATE(3)) * 1000 AS SIGNED)";
    }

    @Override
    public Optional<String> skipLockedClaim(Tables t) {
        return Optional.empty();
    }

    /**
     * Locks the head of the destination, passing over rows other claims hold; the subqueries
     * (group rule, shared body) read without locks. The claimer then takes each row by id.
     */
    @Override
    public Optional<String> skipLockedSelect(Tables t) {
        String d = t.delivery();
        return Optional.of("SELECT id, destination, priority, deliver_at, expires_at, delivery_count, created_at,"
                + " group_id, " + t.deliveryData() + ", origin, expired_at FROM " + d
                + " WHERE destination = ? AND state = 0 AND deliver_at <= ? AND (expires_at = 0 OR expires_at > ?)"
                + " AND " + t.groupTurn(d) + " ORDER BY priority_rank, id LIMIT ? FOR UPDATE SKIP LOCKED");
    }

    @Override
    public String bigintCast() {
        return "SIGNED";
    }

    /** LOCK IN SHARE MODE: MariaDB's spelling of FOR SHARE (a concurrent bump of the row waits). */
    @Override
    public String sharedRowLock() {
        return " LOCK IN SHARE MODE";
    }

    @Override
    public String upsertClient(Tables t) {
        return "INSERT INTO " + t.client() + " (client_id, heartbeat_at, started_at) VALUES (?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE heartbeat_at = VALUES(heartbeat_at)";
    }

    @Override
    public String addTraffic(Tables t) {
        return "INSERT INTO " + t.traffic() + " (client_id, destination, enqueued, acked, updated_at)"
                + " VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE enqueued = enqueued + VALUES(enqueued),"
                + " acked = acked + VALUES(acked), updated_at = VALUES(updated_at)";
    }

    /**
     * A known id must count 0 rows, but with found rows (see {@link #driverProperties}), and on an
     * application's connection in a local transaction, an ON DUPLICATE KEY UPDATE that changes
     * nothing counts 1. So the row is inserted only when no id of the destination is live (NOT
     * EXISTS: 0 rows, no error); an expired one is overwritten by ON DUPLICATE KEY UPDATE, which
     * restarts its window. A live id found only there was committed by a concurrent transaction
     * after the NOT EXISTS read: expires_at = NULL then fails the statement with SQL state 23000
     * (strict mode, MariaDB's default), which the journal treats as the key clash it is (retried,
     * the retry sees the id). The assignments run left to right, each seeing the ones before, so
     * the window test is kept in a session variable and expires_at, which it reads, is set last.
     */
    @Override
    public String admitDuplicateId(Tables t) {
        String d = t.duplicateId();
        return "INSERT INTO " + d + " (destination, duplicate_id, created_at, expires_at, xa_branch)"
                + " SELECT v.destination, v.duplicate_id, v.created_at, v.expires_at, v.xa_branch FROM"
                + " (SELECT ? AS destination, ? AS duplicate_id, ? AS created_at, ? AS expires_at,"
                + " CAST(? AS SIGNED) AS xa_branch, ? AS now) v"
                + " WHERE NOT EXISTS (SELECT 1 FROM " + d + " k WHERE k.destination = v.destination"
                + " AND k.duplicate_id = v.duplicate_id AND k.expires_at > v.now)"
                + " ON DUPLICATE KEY UPDATE"
                + " created_at = IF(@journalmq_window_ended := (" + d + ".expires_at <= v.now), VALUES(created_at),"
                + " " + d + ".created_at),"
                + " xa_branch = IF(@journalmq_window_ended, VALUES(xa_branch), " + d + ".xa_branch),"
                + " expires_at = IF(@journalmq_window_ended, VALUES(expires_at), NULL)";
    }
}
