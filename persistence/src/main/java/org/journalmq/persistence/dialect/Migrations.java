package org.journalmq.persistence.dialect;

import java.util.List;

/**
 * The schema migrations 1 to 11, written once for every dialect (issue 19). Databases differ here
 * only in the words a {@link SchemaWords} supplies: how a table is created (HSQLDB wants CACHED
 * tables so that rows live on disk, MariaDB wants InnoDB and a binary collation), the types of
 * large and short byte strings and of long text, how the id sequence is declared, and whether an
 * index can be partial. Each statement is idempotent (IF NOT EXISTS), since only PostgreSQL runs
 * DDL inside the migration's transaction. The HSQLDB and PostgreSQL statements are exactly those
 * of the per-dialect copies this replaced, so that existing journals see no change.
 */
final class Migrations {

    /** The newest schema version. */
    static final int LATEST = 11;

    /**
     * Migration 10: row-level security (issue 15 item 1), PostgreSQL's alone ({@link RowSecurity});
     * the other databases have none and record it with no statement.
     */
    static final int ROW_SECURITY = 10;

    /**
     * Migration 11: the operators' capped figures (issue 13 item 3), a function on PostgreSQL
     * ({@link CappedStatsFunction}); the other databases read them with plain queries.
     */
    static final int CAPPED_STATS = 11;

    private Migrations() {
    }

    static List<String> of(int version, Tables t, SchemaWords w) {
        return switch (version) {
            case 1 -> queues(t, w);
            case 2 -> topics(t, w);
            case 3 -> xa(t, w);
            case 4 -> deadLetterAndExpiry(t);
            case 5 -> temporaries(t, w);
            case 6 -> duplicateIds(t, w);
            case 7 -> messageGroups(t, w);
            case 8 -> traffic(t, w);
            case 9 -> accessControl(t, w);
            case ROW_SECURITY, CAPPED_STATS -> List.of();
            default -> throw new IllegalArgumentException("no migration " + version);
        };
    }

    /** The version table, created before any migration runs. */
    static List<String> versionTable(Tables t, SchemaWords w) {
        return List.of(w.table(t.schemaVersion(), "version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL"));
    }

    /**
     * Migration 1: queue deliveries, clients and the id sequence. priority_rank = 9 - priority is
     * an ascending sort key, so that the claim index (destination, state, priority_rank, id)
     * matches the claim's equality columns and then its ORDER BY, and every database walks it in
     * delivery order and stops after LIMIT rows.
     */
    private static List<String> queues(Tables t, SchemaWords w) {
        // Without partial indexes the state leads the lease index, so that the maintenance scan
        // of claimed rows reads only those; with them, only claimed and expiring rows pay for them.
        String leaseIndex = w.partialIndexes() ? " (lease_until) WHERE state = 1" : " (state, lease_until)";
        String expiryIndex = w.partialIndexes() ? " (expires_at) WHERE expires_at > 0" : " (expires_at)";
        return List.of(
                w.table(t.delivery(), "id BIGINT NOT NULL PRIMARY KEY, destination VARCHAR(400) NOT NULL, "
                        + "priority SMALLINT NOT NULL, priority_rank SMALLINT NOT NULL, deliver_at BIGINT NOT NULL, "
                        + "expires_at BIGINT NOT NULL, "
                        + "state SMALLINT NOT NULL, owner VARCHAR(64), lease_until BIGINT NOT NULL, "
                        + "delivery_count INTEGER NOT NULL, group_id VARCHAR(255), created_at BIGINT NOT NULL, "
                        + "data " + w.largeBytes() + " NOT NULL"),
                "CREATE INDEX IF NOT EXISTS " + t.claimIndex() + " ON " + t.delivery()
                        + " (destination, state, priority_rank, id)",
                "CREATE INDEX IF NOT EXISTS " + t.leaseIndex() + " ON " + t.delivery() + leaseIndex,
                "CREATE INDEX IF NOT EXISTS " + t.expiryIndex() + " ON " + t.delivery() + expiryIndex,
                w.table(t.client(), "client_id VARCHAR(64) NOT NULL PRIMARY KEY, "
                        + "heartbeat_at BIGINT NOT NULL, started_at BIGINT NOT NULL"),
                "CREATE SEQUENCE IF NOT EXISTS " + t.idSequence() + w.sequenceType() + " START WITH 1 INCREMENT BY "
                        + Dialect.ID_BLOCK_SIZE);
    }

    /** Migration 2: topics (subscriptions, topic versions, consumers, client names, shared bodies). */
    private static List<String> topics(Tables t, SchemaWords w) {
        return List.of(
                w.table(t.subscription(), "address VARCHAR(400) NOT NULL PRIMARY KEY, "
                        + "topic VARCHAR(400) NOT NULL, selector " + w.longText() + ", no_local VARCHAR(600), "
                        + "durable SMALLINT NOT NULL, shared SMALLINT NOT NULL, created_at BIGINT NOT NULL"),
                "CREATE INDEX IF NOT EXISTS " + t.subscriptionTopicIndex() + " ON " + t.subscription() + " (topic)",
                w.table(t.topicVersion(), "topic VARCHAR(400) NOT NULL PRIMARY KEY, version BIGINT NOT NULL"),
                w.table(t.consumer(), "consumer_id VARCHAR(100) NOT NULL PRIMARY KEY, "
                        + "address VARCHAR(400) NOT NULL, client_id VARCHAR(64) NOT NULL"),
                "CREATE INDEX IF NOT EXISTS " + t.consumerAddressIndex() + " ON " + t.consumer() + " (address)",
                w.table(t.clientName(), "name VARCHAR(400) NOT NULL PRIMARY KEY, client_id VARCHAR(64) NOT NULL"),
                w.table(t.body(), "id BIGINT NOT NULL PRIMARY KEY, created_at BIGINT NOT NULL, data "
                        + w.largeBytes() + " NOT NULL"),
                // Deliveries whose body is in BODY have body_id set and an empty data column.
                "ALTER TABLE " + t.delivery() + " ADD COLUMN IF NOT EXISTS body_id BIGINT",
                "CREATE INDEX IF NOT EXISTS " + t.deliveryBodyIndex() + " ON " + t.delivery() + " (body_id)");
    }

    /**
     * Migration 3: XA branches. A prepared branch's sends are DELIVERY rows in state 2 and its
     * acknowledged rows are in state 3, both carrying the branch in {@code xa_branch}; claims,
     * browses, lease expiry and the expiry sweep only ever touch states 0 and 1.
     */
    private static List<String> xa(Tables t, SchemaWords w) {
        return List.of(
                w.table(t.xaBranch(), "branch_id BIGINT NOT NULL PRIMARY KEY, "
                        + "format_id INTEGER NOT NULL, gtrid " + w.xidBytes() + " NOT NULL, bqual " + w.xidBytes()
                        + " NOT NULL, owner VARCHAR(64) NOT NULL, state SMALLINT NOT NULL, created_at BIGINT NOT NULL, "
                        + "CONSTRAINT " + t.xaBranchXidKey() + " UNIQUE (format_id, gtrid, bqual)"),
                "ALTER TABLE " + t.delivery() + " ADD COLUMN IF NOT EXISTS xa_branch BIGINT",
                "CREATE INDEX IF NOT EXISTS " + t.deliveryXaIndex() + " ON " + t.delivery() + " (xa_branch)");
    }

    /**
     * Migration 4: where an expired row goes (its sender decides, see NewMessage#expiryAddress), and
     * where a row moved by the expiry sweep came from and when it expired.
     */
    private static List<String> deadLetterAndExpiry(Tables t) {
        return List.of(
                "ALTER TABLE " + t.delivery() + " ADD COLUMN IF NOT EXISTS expiry_address VARCHAR(400)",
                "ALTER TABLE " + t.delivery() + " ADD COLUMN IF NOT EXISTS origin VARCHAR(400)",
                "ALTER TABLE " + t.delivery() + " ADD COLUMN IF NOT EXISTS expired_at BIGINT DEFAULT 0 NOT NULL");
    }

    /**
     * Migration 5: temporary destinations and their owning client. A deleted one stays a while as a
     * tombstone ({@code deleted_at} set) so that rows a late send commits after the deletion are
     * swept as well.
     */
    private static List<String> temporaries(Tables t, SchemaWords w) {
        return List.of(w.table(t.temporary(), "address VARCHAR(400) NOT NULL PRIMARY KEY, "
                + "client_id VARCHAR(64) NOT NULL, created_at BIGINT NOT NULL, deleted_at BIGINT"));
    }

    /**
     * Migration 6: duplicate detection on send (issue 16). One row per (destination, duplicate id),
     * inserted in the transaction of the send, so that a second send of the id sees it the moment
     * the first commits, from any JVM. For a topic the destination is the topic (one row per
     * publish, not per subscription copy). {@code expires_at} ends the window: the sender's journal
     * decides it, so that every JVM's maintenance sweeps alike; {@code xa_branch} names a prepared
     * branch whose rollback takes its ids back.
     */
    private static List<String> duplicateIds(Tables t, SchemaWords w) {
        return List.of(
                w.table(t.duplicateId(), "destination VARCHAR(400) NOT NULL, "
                        + "duplicate_id VARCHAR(255) NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, "
                        + "xa_branch BIGINT, PRIMARY KEY (destination, duplicate_id)"),
                "CREATE INDEX IF NOT EXISTS " + t.duplicateIdExpiryIndex() + " ON " + t.duplicateId() + " (expires_at)",
                "CREATE INDEX IF NOT EXISTS " + t.duplicateIdXaIndex() + " ON " + t.duplicateId() + " (xa_branch)");
    }

    /**
     * Migration 7: message groups. The group a claimed row belongs to is owned by the consumer that
     * holds it: {@code claimant} names that consumer (a receiver of a client), next to
     * {@code owner}, the client whose lease the row is. The index answers the claim's two group
     * questions (does another consumer hold a row of this group; is an earlier row of it still
     * waiting) without reading the destination's backlog.
     */
    private static List<String> messageGroups(Tables t, SchemaWords w) {
        // Partial where possible: only grouped rows pay for the index.
        String onlyGrouped = w.partialIndexes() ? " WHERE group_id IS NOT NULL" : "";
        return List.of(
                "ALTER TABLE " + t.delivery() + " ADD COLUMN IF NOT EXISTS claimant VARCHAR(100)",
                "CREATE INDEX IF NOT EXISTS " + t.groupIndex() + " ON " + t.delivery()
                        + " (destination, group_id, state, id)" + onlyGrouped);
    }

    /**
     * Migration 8: journal-wide traffic counts (issue 18). Each client writes its own cumulative
     * sends and acks per destination into its own rows at its heartbeat, so no two JVMs ever update
     * the same row; maintenance folds the rows of a dead or closed client into the retired rows
     * (client_id '-'), so the sum over a destination never goes down. No index besides the key:
     * the table holds one row per live client and destination it used, plus one retired row per
     * destination, and is read whole by the operators' overview.
     */
    private static List<String> traffic(Tables t, SchemaWords w) {
        return List.of(w.table(t.traffic(), "client_id VARCHAR(64) NOT NULL, destination VARCHAR(400) NOT NULL, "
                + "enqueued BIGINT NOT NULL, acked BIGINT NOT NULL, updated_at BIGINT NOT NULL, "
                + "PRIMARY KEY (client_id, destination)"));
    }

    /**
     * Migration 9: per-destination permissions (issue 15). One row per (principal, operation,
     * pattern): the principal is a database user (JournalMQ's users are the database's users), the
     * operation one of send, consume, browse, manage, and the pattern {@code queue:<name>} or
     * {@code topic:<name>} where {@code *} in the name matches any run of characters. The table is
     * read whole (it holds a handful of rows per user), so its key is its only index.
     */
    private static List<String> accessControl(Tables t, SchemaWords w) {
        return List.of(w.table(t.acl(), "principal VARCHAR(128) NOT NULL, operation VARCHAR(16) NOT NULL, "
                + "pattern VARCHAR(400) NOT NULL, PRIMARY KEY (principal, operation, pattern)"));
    }
}
