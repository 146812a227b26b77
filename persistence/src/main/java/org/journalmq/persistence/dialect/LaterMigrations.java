package org.journalmq.persistence.dialect;

import java.util.List;

/**
 * Migrations 3 to 7, written once for every dialect: they differ between databases only in how a
 * table is created (HSQLDB wants CACHED tables, so that rows live on disk, not in heap) and in the
 * type of a short byte string, which the dialect supplies.
 */
final class LaterMigrations {

    private LaterMigrations() {
    }

    /**
     * @param createTable the dialect's "CREATE [CACHED] TABLE" words
     * @param xidBytes    the dialect's type for a byte string of up to 64 bytes (an XID part)
     * @param onlyGrouped the dialect's clause restricting an index to grouped rows ("" where
     *                    indexes cannot be partial)
     */
    static List<String> of(int version, Tables t, String createTable, String xidBytes, String onlyGrouped) {
        return switch (version) {
            case 3 -> xa(t, createTable, xidBytes);
            case 4 -> deadLetterAndExpiry(t);
            case 5 -> temporaries(t, createTable);
            case 6 -> duplicateIds(t, createTable);
            case 7 -> messageGroups(t, onlyGrouped);
            default -> throw new IllegalArgumentException("no migration " + version);
        };
    }

    /**
     * Migration 3: XA branches. A prepared branch's sends are DELIVERY rows in state 2 and its
     * acknowledged rows are in state 3, both carrying the branch in {@code xa_branch}; claims,
     * browses, lease expiry and the expiry sweep only ever touch states 0 and 1.
     */
    private static List<String> xa(Tables t, String createTable, String xidBytes) {
        return List.of(
                createTable + " IF NOT EXISTS " + t.xaBranch() + " (branch_id BIGINT NOT NULL PRIMARY KEY, "
                        + "format_id INTEGER NOT NULL, gtrid " + xidBytes + " NOT NULL, bqual " + xidBytes + " NOT NULL, "
                        + "owner VARCHAR(64) NOT NULL, state SMALLINT NOT NULL, created_at BIGINT NOT NULL, "
                        + "CONSTRAINT " + t.xaBranchXidKey() + " UNIQUE (format_id, gtrid, bqual))",
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
    private static List<String> temporaries(Tables t, String createTable) {
        return List.of(createTable + " IF NOT EXISTS " + t.temporary() + " (address VARCHAR(400) NOT NULL PRIMARY KEY, "
                + "client_id VARCHAR(64) NOT NULL, created_at BIGINT NOT NULL, deleted_at BIGINT)");
    }

    /**
     * Migration 6: duplicate detection on send (issue 16). One row per (destination, duplicate id),
     * inserted in the transaction of the send, so that a second send of the id sees it the moment
     * the first commits, from any JVM. For a topic the destination is the topic (one row per
     * publish, not per subscription copy). {@code expires_at} ends the window: the sender's journal
     * decides it, so that every JVM's maintenance sweeps alike; {@code xa_branch} names a prepared
     * branch whose rollback takes its ids back.
     */
    private static List<String> duplicateIds(Tables t, String createTable) {
        return List.of(
                createTable + " IF NOT EXISTS " + t.duplicateId() + " (destination VARCHAR(400) NOT NULL, "
                        + "duplicate_id VARCHAR(255) NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, "
                        + "xa_branch BIGINT, PRIMARY KEY (destination, duplicate_id))",
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
    private static List<String> messageGroups(Tables t, String onlyGrouped) {
        return List.of(
                "ALTER TABLE " + t.delivery() + " ADD COLUMN IF NOT EXISTS claimant VARCHAR(100)",
                "CREATE INDEX IF NOT EXISTS " + t.groupIndex() + " ON " + t.delivery()
                        + " (destination, group_id, state, id)" + onlyGrouped);
    }
}
