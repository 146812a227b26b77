package org.journalmq.persistence.dialect;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** PostgreSQL 12+: SKIP LOCKED claims, transactional DDL, advisory locks, row-level security. */
public final class PostgresDialect extends ServerDialect {

    /** Partial indexes: only claimed, expiring or grouped rows pay for those indexes. */
    private static final SchemaWords WORDS = new SchemaWords("CREATE TABLE", "", "BYTEA", "BYTEA", "TEXT",
            " AS BIGINT", true);

    public PostgresDialect() {
        super("PostgreSQL", "jdbc:postgresql:", WORDS);
    }

    @Override
    public Map<String, String> driverProperties() {
        // One multi-row INSERT per batch instead of one round trip per row: the group commit's
        // throughput depends on it.
        return Map.of("reWriteBatchedInserts", "true", "ApplicationName", "journalmq");
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public boolean lockForMigration(Connection c, Tables t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, lockKey(t.prefix()));
            ps.execute();
        }
        return true;
    }

    /** Migration 10: the database enforces the ACL (issue 15 item 1). */
    @Override
    List<String> rowSecurity(Tables t) {
        return RowSecurity.migration(t);
    }


    @Override
    public Optional<String> releaseExpiredLeases(Tables t) {
        return Optional.of("SELECT destination, owner FROM " + t.releaseExpiredLeasesFunction() + "(?)");
    }

    @Override
    public Optional<String> sweepExpired(Tables t) {
        return Optional.of("SELECT origin, target FROM " + t.sweepExpiredFunction() + "(?)");
    }

    @Override
    public Optional<String> dropOrphanSubscriptions(Tables t) {
        return Optional.of("SELECT dropped_address, dropped_topic FROM " + t.dropOrphanSubscriptionsFunction() + "(?)");
    }

    @Override
    public Optional<String> sweepTemporaryRows(Tables t) {
        return Optional.of("SELECT " + t.sweepTemporaryRowsFunction() + "()");
    }

    @Override
    public Optional<String> commitPreparedSends(Tables t) {
        return Optional.of("SELECT " + t.commitPreparedSendsFunction() + "(?)");
    }

    @Override
    public Optional<String> tagPublished(Tables t) {
        return Optional.of("SELECT " + t.tagPublishedFunction() + "(?, ?)");
    }

    @Override
    public Optional<String> deadLetter(Tables t) {
        return Optional.of("SELECT " + t.deadLetterFunction() + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    @Override
    public Optional<String> stats(Tables t) {
        return Optional.of("SELECT destination, ready, in_flight, scheduled, oldest FROM " + t.statsFunction() + "(?, ?)");
    }

    @Override
    public Optional<String> cappedStats(Tables t) {
        return Optional.of("SELECT destination, waiting, ready, waiting_oldest, in_flight, in_flight_oldest,"
                + " waiting_estimate, in_flight_estimate, table_estimate FROM " + t.cappedStatsFunction() + "(?, ?)");
    }

    /** Migration 11: the capped figures' function (issue 13 item 3). */
    @Override
    List<String> cappedStatsMigration(Tables t) {
        return CappedStatsFunction.migration(t);
    }

    @Override
    public List<String> clientGrants(Tables t, String role) {
        List<String> grants = new java.util.ArrayList<>(RowSecurity.clientGrants(t, role));
        grants.add("GRANT EXECUTE ON FUNCTION " + CappedStatsFunction.signature(t) + " TO " + role);
        return grants;
    }

    @Override
    public String nextIdBlock(Tables t) {
        return "SELECT nextval('" + t.idSequence() + "')";
    }

    @Override
    public String currentTimeMillis() {
        return "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";
    }

    @Override
    public Optional<String> relaxedCommit() {
        return Optional.of("SET LOCAL synchronous_commit TO OFF");
    }

    /**
     * The claim in one statement. The head is read by an {@code ARRAY(...)} subquery, which the
     * planner runs once as an InitPlan whatever its statistics say. With {@code id IN (SELECT ...)}
     * it may plan a semi join that runs the head's LIMIT subquery again for every row of the table:
     * it did so when {@code pg_class.reltuples} was 0 on a table of many pages (a vacuum that did not
     * truncate a drained table), where the planner takes a million rows for none (over 3 minutes on
     * CPU for one claim, docs/benchmarks.md).
     */
    @Override
    public Optional<String> skipLockedClaim(Tables t) {
        return Optional.of("UPDATE " + t.delivery()
                + " SET state = 1, owner = ?, claimant = ?, lease_until = ?, delivery_count = delivery_count + 1"
                + " WHERE id = ANY (ARRAY(SELECT o.id FROM " + t.delivery() + " o"
                + " WHERE o.destination = ? AND o.state = 0 AND o.deliver_at <= ?"
                + " AND (o.expires_at = 0 OR o.expires_at > ?) AND " + t.groupTurn("o")
                + " ORDER BY o.priority_rank, o.id LIMIT ? FOR UPDATE OF o SKIP LOCKED))"
                + " RETURNING id, destination, priority, deliver_at, expires_at, delivery_count, created_at,"
                + " group_id, " + t.deliveryData() + ", origin, expired_at");
    }

    /**
     * Every role the session user belongs to, inherited memberships included (pg_has_role's USAGE
     * follows INHERIT like the database's own privilege checks do), the user itself excluded.
     */
    @Override
    public Optional<String> memberRoles() {
        return Optional.of("SELECT rolname FROM pg_roles WHERE rolname <> current_user"
                + " AND pg_has_role(current_user, oid, 'USAGE') ORDER BY rolname");
    }

    @Override
    public boolean notifies() {
        return true;
    }

    @Override
    public String sharedRowLock() {
        return " FOR SHARE";
    }

    @Override
    public String upsertClient(Tables t) {
        return "INSERT INTO " + t.client() + " (client_id, heartbeat_at, started_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (client_id) DO UPDATE SET heartbeat_at = EXCLUDED.heartbeat_at";
    }

    @Override
    public String addTraffic(Tables t) {
        String r = t.traffic();
        return "INSERT INTO " + r + " AS r (client_id, destination, enqueued, acked, updated_at) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (client_id, destination) DO UPDATE SET enqueued = r.enqueued + EXCLUDED.enqueued,"
                + " acked = r.acked + EXCLUDED.acked, updated_at = EXCLUDED.updated_at";
    }

    /**
     * The rebuild of the delivery, body and duplicate-id tables' indexes. Live rows are the larger
     * of the statistics' live-tuple count (kept by every commit, autovacuum or not) and the
     * planner's last estimate: a stale high figure only postpones a rebuild, never starts one on a
     * full table. Also the dead rows, and whether autovacuum cleans the table, so that a rebuild
     * can wait for it. The lock key differs from the migration's, so a migration never waits on it.
     */
    @Override
    public Optional<IndexCompactionSql> indexCompaction(Tables t) {
        String ours = " c.oid IN (to_regclass('" + t.delivery() + "'), to_regclass('" + t.body() + "'), to_regclass('"
                + t.duplicateId() + "'))";
        String sizes = "SELECT c.relname, format('REINDEX TABLE CONCURRENTLY %I.%I', n.nspname, c.relname),"
                + " GREATEST(COALESCE(s.n_live_tup, 0), CAST(c.reltuples AS BIGINT), 0),"
                + " COALESCE((SELECT sum(pg_relation_size(i.indexrelid)) FROM pg_index i WHERE i.indrelid = c.oid), 0),"
                + " (SELECT count(*) FROM pg_index i WHERE i.indrelid = c.oid),"
                + " pg_has_role(current_user, c.relowner, 'USAGE'), COALESCE(s.n_dead_tup, 0),"
                + " current_setting('autovacuum') = 'on' AND NOT EXISTS (SELECT 1 FROM unnest(c.reloptions) o"
                + " WHERE o ~* '^autovacuum_enabled=(false|off|no|0)$')"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " LEFT JOIN pg_stat_all_tables s ON s.relid = c.oid WHERE" + ours + " ORDER BY c.relname";
        String leftovers = "SELECT format('DROP INDEX CONCURRENTLY IF EXISTS %I.%I', n.nspname, x.relname)"
                + " FROM pg_class c JOIN pg_index i ON i.indrelid = c.oid JOIN pg_class x ON x.oid = i.indexrelid"
                + " JOIN pg_namespace n ON n.oid = x.relnamespace"
                + " WHERE NOT i.indisvalid AND x.relname ~ '_cc(new|old)[0-9]*$' AND" + ours;
        long key = lockKey(t.prefix() + ":index-compaction");
        return Optional.of(new IndexCompactionSql(sizes, leftovers, "SELECT pg_try_advisory_lock(" + key + ")",
                "SELECT pg_advisory_unlock(" + key + ")"));
    }

    /**
     * A vacuum that cannot truncate a drained table leaves {@code reltuples = 0} with {@code relpages
     * > 0}; the planner then scales a density of zero to the table's size now and takes any number
     * of rows for none until the next ANALYZE (an index build can leave the same). Listed: a table
     * whose estimate, computed the planner's way, is under a tenth of the live rows the statistics
     * counted (every commit counts them, autovacuum or not). Only the owner, a member of its role or
     * the database's owner may ANALYZE a table.
     */
    @Override
    public Optional<String> staleStatistics(Tables t) {
        String pages = "(pg_relation_size(c.oid) / current_setting('block_size')::bigint)";
        return Optional.of("SELECT c.relname, format('ANALYZE %I.%I', n.nspname, c.relname),"
                + " pg_stat_get_live_tuples(c.oid),"
                + " pg_has_role(current_user, c.relowner, 'USAGE') OR pg_has_role(current_user, d.datdba, 'USAGE')"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_database d ON d.datname = current_database()"
                + " WHERE c.oid IN (to_regclass('" + t.delivery() + "'), to_regclass('" + t.body() + "'), to_regclass('"
                + t.duplicateId() + "')) AND c.relpages > 0 AND c.reltuples >= 0"
                + " AND pg_stat_get_live_tuples(c.oid) >= ?"
                + " AND c.reltuples / c.relpages * " + pages + " < pg_stat_get_live_tuples(c.oid) / 10.0"
                + " ORDER BY c.relname");
    }

    /**
     * Skips the rows another transaction holds instead of waiting for them: those are this client's
     * acks or releases under way (they delete or give back the row), or a sweep taking the lease
     * over; the next round renews whatever is still leased. Never waiting, the renewal cannot
     * deadlock with the writer's acks. The rows are read in an {@code ARRAY(...)} InitPlan, run
     * once whatever the planner's statistics (see {@link #skipLockedClaim}).
     */
    @Override
    public String renewLeases(Tables t) {
        return "UPDATE " + t.delivery() + " SET lease_until = ? WHERE id = ANY (ARRAY(SELECT o.id FROM " + t.delivery()
                + " o WHERE o.state = 1 AND o.owner = ? FOR UPDATE OF o SKIP LOCKED))";
    }

    /** A stable 64-bit FNV-1a hash, so every JVM computes the same advisory lock key for a prefix. */
    static long lockKey(String prefix) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : ("journalmq:" + prefix.toUpperCase(java.util.Locale.ROOT)).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /**
     * ON CONFLICT: a known id is no error that would abort the group commit's transaction, only an
     * update count of 0. INSERT ... SELECT rather than VALUES, because the driver's
     * reWriteBatchedInserts folds a VALUES batch into one statement and reports no count per row.
     */
    @Override
    public String admitDuplicateId(Tables t) {
        String d = t.duplicateId();
        return "INSERT INTO " + d + " (destination, duplicate_id, created_at, expires_at, xa_branch)"
                + " SELECT ?, ?, ?, ?, ? ON CONFLICT (destination, duplicate_id) DO UPDATE"
                + " SET created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at,"
                + " xa_branch = EXCLUDED.xa_branch WHERE " + d + ".expires_at <= ?";
    }
}
