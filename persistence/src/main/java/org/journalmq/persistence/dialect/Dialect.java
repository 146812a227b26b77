package org.journalmq.persistence.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything that differs between the databases the journal runs on. Statements that are the same
 * on every database live in {@code org.journalmq.persistence.jdbc.Sql}; anything else goes here.
 */
public interface Dialect {

    /** Ids handed out per sequence round trip; the sequence increments by this much. */
    int ID_BLOCK_SIZE = 1000;

    /** Short name for messages and logs. */
    String name();

    /** Whether this dialect serves the URL. */
    boolean accepts(String jdbcUrl);

    /** The URL to give the driver: database options the journal relies on added where possible. */
    String prepareUrl(String jdbcUrl);

    /** Driver properties besides user and password. */
    Map<String, String> driverProperties();

    /** User to connect with when the configuration names none, or null. */
    String defaultUser();

    /** Password to connect with when the configuration gives none, or null. */
    String defaultPassword();

    /**
     * A key identifying the database within this JVM (same key, same database): used for in-JVM
     * locks and for counting the journals open on an embedded database.
     */
    String databaseKey(String jdbcUrl);

    /** True when the database runs inside this JVM from files that another JVM may lock. */
    boolean isEmbeddedFile(String jdbcUrl);

    /**
     * True when the database runs inside this JVM (embedded file or memory database): no other JVM
     * can write to it, so every commit that makes rows ready is this journal's own.
     */
    default boolean isInProcess(String jdbcUrl) {
        return false;
    }

    /**
     * True when transactions can notify other connections of their commit (PostgreSQL
     * NOTIFY/LISTEN), so that consumers in other JVMs need not poll.
     */
    default boolean notifies() {
        return false;
    }

    /**
     * A query returning the names of the roles the current user is a member of, directly or through
     * other roles (issue 15 item 1: a grant to a role covers its members), or empty when the
     * database's roles are not principals of the access control list.
     */
    default Optional<String> memberRoles() {
        return Optional.empty();
    }

    /** True when the error says another process holds the database's lock file (retry later). */
    boolean isLockFileBusy(SQLException e);

    /** Statement that closes an embedded database so that its files are released, or empty. */
    Optional<String> shutdownSql();

    /** The newest schema version this code knows. */
    int latestSchemaVersion();

    /** Statements creating the version table when it is missing; idempotent. */
    List<String> createVersionTable(Tables t);

    /** The statements of one numbered migration (1..latest), each idempotent where DDL is not transactional. */
    List<String> migration(int version, Tables t);

    /** True when DDL runs inside the transaction (so the migration lock holds across it). */
    boolean transactionalDdl();

    /**
     * Takes the cross-process migration lock inside the current transaction, if the database has
     * one; released at commit. Returns false when the database offers none (an in-JVM lock and
     * idempotent DDL must then do).
     */
    boolean lockForMigration(Connection c, Tables t) throws SQLException;

    /** Query returning the first id of a fresh block of {@link #ID_BLOCK_SIZE} ids. */
    String nextIdBlock(Tables t);

    /** Query returning the database clock in epoch milliseconds. */
    String currentTimeMillis();

    /** The clause that limits a query to the number of rows bound at its position. */
    String limitParameter();

    /**
     * ORDER BY and LIMIT (one parameter) that return the ready rows of one destination in delivery
     * order by walking the claim index, stopping after LIMIT rows instead of sorting the backlog.
     */
    String inDeliveryOrder();

    /**
     * The single-statement claim (skip rows other transactions hold), if the database supports
     * one. Parameters: owner, claimant, lease_until, destination, now, now, then the two of
     * {@link Tables#groupTurn} (claimant, now), then limit. Returns the row columns
     * of {@code Sql.COLUMNS}. Empty: the journal claims optimistically by conditional updates.
     */
    Optional<String> skipLockedClaim(Tables t);

    /**
     * The first half of a two-statement claim, for a database with SKIP LOCKED but no UPDATE ...
     * RETURNING (MariaDB): selects and locks the ready rows, skipping rows other transactions hold.
     * Parameters: destination, now, now, then the two of {@link Tables#groupTurn} (claimant, now),
     * then limit. Returns the row columns of {@code Sql.COLUMNS}; the journal then takes each row
     * by id in the same transaction. Used only when {@link #skipLockedClaim} is empty.
     */
    default Optional<String> skipLockedSelect(Tables t) {
        return Optional.empty();
    }

    /** The type a parameter is CAST to where a BIGINT is meant (MariaDB's CAST knows no BIGINT). */
    default String bigintCast() {
        return "BIGINT";
    }

    /**
     * Inserts or refreshes a client row. Parameters: client_id, heartbeat_at, started_at.
     */
    String upsertClient(Tables t);

    /**
     * Adds counts to a row of {@link Tables#traffic()}, inserting it when missing, in one statement
     * so that two maintenance tasks folding dead clients into the same retired row never clash on
     * its key. Parameters: client_id, destination, enqueued, acked, updated_at.
     */
    String addTraffic(Tables t);

    /**
     * A statement run first in claim and release transactions that lets their commit return before
     * it is flushed to disk, if the database can do that per transaction. Their effects need not
     * survive a crash of the database server itself: a lost claim is a message delivered again
     * with a lower count, a lost release a lease that expires; a consumer JVM's crash loses
     * nothing, since the commit is already visible. Sends and acks never use it.
     */
    default Optional<String> relaxedCommit() {
        return Optional.empty();
    }

    /**
     * Suffix of a SELECT that holds a shared lock on the rows read until commit, so that a
     * concurrent change of them waits (PostgreSQL FOR SHARE), or "" where readers take no locks.
     */
    default String sharedRowLock() {
        return "";
    }

    /**
     * Size in bytes above which a topic message going to more than one subscription has its body
     * stored once in BODY instead of copied into each delivery row.
     */
    default int sharedBodyThreshold() {
        return 4 * 1024;
    }

    /**
     * Records a duplicate id unless it is known (issue 16), without failing the transaction when it
     * is: update count 1 when recorded (new, or known but its window ended, which it restarts), 0
     * when known within its window. Parameters: destination, duplicate_id, created_at, expires_at,
     * xa_branch (nullable), now.
     */
    String admitDuplicateId(Tables t);

    /**
     * The statements giving a client role (not the tables' owner) the rights JournalMQ needs on the
     * journal's tables, sequence and functions, for a database that enforces the ACL itself with
     * row-level security (issue 15 item 1): the policies then decide which rows it reaches. Run by
     * the admin role that owns the schema, after the migrations. Empty where the database has no
     * row-level security.
     *
     * @throws IllegalArgumentException when the role name is no plain identifier
     */
    default List<String> clientGrants(Tables t, String role) {
        return List.of();
    }

    /**
     * A query releasing expired leases on every destination in one statement, whoever may read
     * them (a SECURITY DEFINER function where row-level security hides rows from the caller), by
     * the database clock. Parameter: the most rows to release. Returns (destination, old owner) per
     * released row. Empty: the journal selects and releases them itself.
     */
    default Optional<String> releaseExpiredLeases(Tables t) {
        return Optional.empty();
    }

    /**
     * A query running one batch of the expiry sweep on every destination, whoever may read it, by
     * the database clock: expired ready rows with an expiry address move there, the others are
     * deleted. Parameter: the most rows. Returns (origin, target) per row, target NULL when deleted.
     * Empty: the journal selects, moves and deletes them itself.
     */
    default Optional<String> sweepExpired(Tables t) {
        return Optional.empty();
    }

    /**
     * ORDER BY and LIMIT (one parameter) for the journal's own expiry sweep (no {@link #sweepExpired}):
     * it reads ready rows with {@code expires_at} in (0, now], and must find them through the expiry
     * index rather than walk every ready row of the journal.
     */
    default String inExpiryOrder() {
        return limitParameter();
    }

    /**
     * A query dropping non-durable subscriptions without a consumer, with their rows, on every
     * topic whoever may read them, each checked again under its row lock and its topic's version
     * bumped. Parameter: the most subscriptions. Returns (address, topic) per dropped one. Empty:
     * the journal finds and drops them itself.
     */
    default Optional<String> dropOrphanSubscriptions(Tables t) {
        return Optional.empty();
    }

    /**
     * A query deleting the rows of every tombstoned temporary destination, whoever may read them;
     * returns one row, the count. Empty: the journal deletes them address by address itself.
     */
    default Optional<String> sweepTemporaryRows(Tables t) {
        return Optional.empty();
    }

    /**
     * A query committing a prepared XA branch's sends (state 2 to ready) on the destinations the
     * caller may send to, for a database whose row-level security hides ready rows from a role
     * that may only send. Parameter: the branch id; returns one row, the count. Empty: the journal
     * updates them itself.
     */
    default Optional<String> commitPreparedSends(Tables t) {
        return Optional.empty();
    }

    /**
     * A query tagging the rows a topic publication just inserted in this transaction as a prepared
     * XA send of the branch, for a database whose row-level security lets a publisher insert rows
     * it may not update. Parameters: the branch id, an array of the inserted ids (ids of no row are
     * ignored). Empty: the journal updates them itself.
     */
    default Optional<String> tagPublished(Tables t) {
        return Optional.empty();
    }

    /**
     * The figures per destination (ready, in flight, scheduled, oldest created_at) counted over
     * every row, for a database whose row-level security hides rows from a client: counts and
     * names are what the operators' overview shows to every client (as the traffic counts do),
     * never a message. Parameters: now, now. Empty: the journal counts with its own query.
     */
    default Optional<String> stats(Tables t) {
        return Optional.empty();
    }

    /**
     * The capped figures per destination in one call, for a database whose row-level security hides
     * rows from a client (see {@link #stats}): per destination (in order) the waiting rows counted up
     * to the cap, how many of those are ready, their oldest created_at, the in-flight rows counted up
     * to the cap, their oldest created_at, the planner's estimate of the waiting and of the in-flight
     * rows (null while under the cap, or when the table has no statistics yet) and an estimate of the
     * table's rows (the same in every row). Parameters: now, cap. Empty: the journal probes the
     * claim index with its own queries and, if {@link #deliveryRowEstimate} is given, estimates.
     */
    default Optional<String> cappedStats(Tables t) {
        return Optional.empty();
    }

    /**
     * A cheap read of how many rows the delivery table holds (exact or estimated), one row with one
     * number and no parameter. Empty: the database offers none, and the operators' overview counts
     * every row, however deep a destination is.
     */
    default Optional<String> deliveryRowEstimate(Tables t) {
        return Optional.empty();
    }

    /**
     * A query moving a claimed row to its dead-letter queue in one statement, for a database whose
     * row-level security would refuse the consumer the insert into a dead-letter queue it may not
     * send to: deletes the row on the conditions of an ack, only if the caller may consume its
     * destination, and inserts the copy (a queue address only). Parameters: held id, owner,
     * delivery count, then the copy's id, destination, priority, deliver_at, expires_at, group_id,
     * created_at, data, expiry_address. Returns one row: true when moved, false when the row was
     * not taken (nothing written). Empty: the journal writes the move as a unit of work.
     */
    default Optional<String> deadLetter(Tables t) {
        return Optional.empty();
    }

    /**
     * The heartbeat's renewal of this client's leases. Parameters: lease_until, owner. The plain
     * UPDATE waits for rows another transaction holds, such as the writer's acks of this same
     * client, which lock the rows in another order: a deadlock, one of them rolled back and tried
     * again (113 in a 10,000,000-message drain on PostgreSQL, docs/benchmarks.md).
     */
    default String renewLeases(Tables t) {
        return "UPDATE " + t.delivery() + " SET lease_until = ? WHERE state = 1 AND owner = ?";
    }

    /**
     * The statements of the automatic index compaction (rebuild without blocking writers after a
     * drained backlog), or empty where the database offers no such rebuild.
     */
    default Optional<IndexCompactionSql> indexCompaction(Tables t) {
        return Optional.empty();
    }

    /**
     * The statements of the automatic data file compaction (a database whose tables and indexes
     * live in one file that keeps its high-water mark), or empty. A journal compacts with at most
     * one of this and {@link #indexCompaction}; with neither it never compacts.
     */
    default Optional<DataFileCompactionSql> dataFileCompaction(Tables t) {
        return Optional.empty();
    }

    /**
     * The journal tables whose planner statistics take many live rows for few (docs/benchmarks.md,
     * "reltuples = 0"), or empty where the journal leaves statistics to the database. Parameter:
     * the fewest live rows worth an ANALYZE. One row per such table: its name, the ANALYZE statement
     * (identifiers quoted by the database), the live rows the database counted, whether the session
     * user may analyze it.
     */
    default Optional<String> staleStatistics(Tables t) {
        return Optional.empty();
    }
}
