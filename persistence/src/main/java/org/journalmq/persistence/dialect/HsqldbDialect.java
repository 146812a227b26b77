package org.journalmq.persistence.dialect;

import java.io.File;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HSQLDB 2.7: embedded file, in-memory and server mode. No SKIP LOCKED, DDL commits on its own, and
 * an embedded file database is locked by one JVM at a time.
 */
public final class HsqldbDialect extends BuiltInDialect {

    /**
     * CACHED tables: rows live on disk, not in the heap. VARBINARY(16M) rather than BLOB: stored
     * inline, read and written like any column (no LOB store, no locator lifetime rules); a 1 MiB
     * body round-trips fine. HSQLDB has no partial indexes.
     */
    private static final SchemaWords WORDS = new SchemaWords("CREATE CACHED TABLE", "",
            "VARBINARY(16M)", "VARBINARY(64)", "VARCHAR(16000)", " AS BIGINT", false);

    /** HSQLDB error code for "Database lock acquisition failure" (lock file of another process). */
    private static final int LOCK_FILE_FAILURE = -451;

    /**
     * Options the journal relies on: MVCC so readers never block the writer, fsync at every commit
     * (a synchronous send is durable when it returns) and disk-backed tables so a backlog does not
     * live on the heap, with a row cache small enough (10,000 rows, 32 MiB) that a JVM with a 64 MiB
     * heap drains a 100 MiB backlog of 1 KiB messages. Only honoured by an in-process database; a
     * server applies its own.
     *
     * <p>The cache's byte limit must hold two rows of the largest message (issue 13): a row larger
     * than the whole cache fails its insert or read with "Data cache size limit is reached"; at the
     * earlier 8 MiB a 10 MiB message could not be sent at all. 32 MiB holds two rows of the default
     * maxMessageSize (15 MiB), and for 1 KiB rows the 10,000-row limit still binds first.
     *
     * <p>No memory-mapped data file (issue 13): when the disk fills up, a write into a mapped file
     * is a SIGBUS that HSQLDB gets as an InternalError, after which every statement of the database
     * fails until the JVM restarts (measured on a full tmpfs). With plain file writes the failed
     * write is an IOException ("No space left on device"): the statement fails, committed rows stay,
     * and the same database works again once space is freed.
     *
     * <p>Table spaces (issue 13 item 3): without them the space of deleted rows in the .data file
     * was not reused, so every fill and drain of a queue grew the file by the size of what it had
     * held (a 20,000-message fill/drain cycle of 1 KiB messages added 32–64 MiB, cycle after cycle;
     * measured by {@code DeepQueue}); with {@code files_space} each table reuses its own freed
     * space and the file stayed at 30–32 MiB over three such cycles. HSQLDB takes the property when
     * it creates a database; an older journal gets it with {@code SET FILES SPACE TRUE} and
     * {@code CHECKPOINT DEFRAG} (README "Disk space").
     */
    private static final List<String> OPTIONS = List.of(
            "hsqldb.tx=mvcc", "hsqldb.write_delay=false", "hsqldb.default_table_type=cached",
            "hsqldb.cache_rows=10000", "hsqldb.cache_size=32768", "hsqldb.nio_data_file=false",
            "hsqldb.files_space=true");

    public HsqldbDialect() {
        super("HSQLDB", "jdbc:hsqldb:", WORDS);
    }

    @Override
    public String prepareUrl(String jdbcUrl) {
        if (!isInProcess(jdbcUrl)) {
            return jdbcUrl;
        }
        StringBuilder url = new StringBuilder(jdbcUrl);
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        for (String option : OPTIONS) {
            String key = option.substring(0, option.indexOf('=') + 1);
            if (!lower.contains(key)) {
                url.append(';').append(option);
            }
        }
        return url.toString();
    }

    @Override
    public Map<String, String> driverProperties() {
        return Map.of();
    }

    @Override
    public String defaultUser() {
        return "SA";
    }

    @Override
    public String defaultPassword() {
        return "";
    }

    @Override
    public String databaseKey(String jdbcUrl) {
        String base = stripProperties(jdbcUrl);
        String lower = base.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:hsqldb:file:")) {
            // Two spellings of one path must map to one database, as HSQLDB itself does.
            String path = base.substring("jdbc:hsqldb:file:".length());
            return "hsqldb:file:" + new File(path).getAbsoluteFile().toPath().normalize();
        }
        return lower.startsWith("jdbc:hsqldb:mem:") ? base.toLowerCase(Locale.ROOT) : base;
    }

    @Override
    public boolean isEmbeddedFile(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:hsqldb:file:")
                || (lower.startsWith("jdbc:hsqldb:") && !isServer(lower) && !lower.startsWith("jdbc:hsqldb:mem:")
                && !lower.startsWith("jdbc:hsqldb:res:"));
    }

    @Override
    public boolean isLockFileBusy(SQLException e) {
        return e.getErrorCode() == LOCK_FILE_FAILURE;
    }

    /**
     * HSQLDB keeps each table's row count in its store: read without touching a row (it may count
     * rows of transactions not yet committed, so the figure derived from it is shown as an estimate).
     */
    @Override
    public Optional<String> deliveryRowEstimate(Tables t) {
        return Optional.of("SELECT CARDINALITY FROM INFORMATION_SCHEMA.SYSTEM_TABLESTATS"
                + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = UPPER('" + t.delivery() + "')");
    }

    /**
     * {@code CHECKPOINT DEFRAG} rewrites the {@code .data} file with the live rows only. The file's
     * free space is what its last checkpoint counted as lost (freed blocks included); an in-memory
     * database has no row in SYSTEM_CACHEINFO.
     */
    @Override
    public Optional<DataFileCompactionSql> dataFileCompaction(Tables t) {
        return Optional.of(new DataFileCompactionSql(
                "SELECT CACHE_FILE, FILE_FREE_POS, FILE_LOST_BYTES FROM INFORMATION_SCHEMA.SYSTEM_CACHEINFO",
                deliveryRowEstimate(t).orElseThrow(), "CHECKPOINT DEFRAG"));
    }

    @Override
    public Optional<String> shutdownSql() {
        return Optional.of("SHUTDOWN");
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public boolean lockForMigration(Connection c, Tables t) {
        // HSQLDB commits at each DDL statement, so a table lock would not outlive the first one.
        // The journal serialises migrations per database inside the JVM and every statement is
        // IF NOT EXISTS, which makes concurrent server-mode clients safe as well.
        return false;
    }

    @Override
    public String nextIdBlock(Tables t) {
        return "VALUES NEXT VALUE FOR " + t.idSequence();
    }

    @Override
    public String currentTimeMillis() {
        return "VALUES UNIX_MILLIS()";
    }

    @Override
    public String inDeliveryOrder() {
        // HSQLDB walks an index for ORDER BY ... LIMIT only when the ORDER BY names the index
        // columns from the first, all ascending (measured: 0.2 ms instead of 5 s on 200k rows).
        // Hence the ascending priority_rank column instead of "priority DESC".
        return " ORDER BY destination, state, priority_rank, id LIMIT ? USING INDEX";
    }

    /**
     * Without it HSQLDB reads the expired rows through the lease index (state, lease_until), whose
     * leading column matches the sweep's {@code state = 0}: every maintenance round then walked every
     * ready row of the journal (a million rows a round on a deep queue, evicting the head of the
     * queue from the row cache while its consumer claimed there; issue 13). Ordered by the expiry
     * index, the walk starts at the first expiring row and stops after LIMIT.
     */
    @Override
    public String inExpiryOrder() {
        return " ORDER BY expires_at LIMIT ? USING INDEX";
    }

    /**
     * Lower than elsewhere: HSQLDB rewrites and logs (as hex text) the whole row at every update,
     * so each claim of a copied 1 KiB body costs kilobytes of I/O; a shared body is written once.
     * Measured with the topic benchmark of the time (now the benchmarks module's `fanout`; 1 KiB,
     * 4 subscribers): publishing 4,300-5,700 msgs/s instead of 1,800-4,400, delivery about 10 %
     * faster.
     */
    @Override
    public int sharedBodyThreshold() {
        return 256;
    }

    @Override
    public Optional<String> skipLockedClaim(Tables t) {
        return Optional.empty();
    }

    @Override
    public String upsertClient(Tables t) {
        return "MERGE INTO " + t.client() + " USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS BIGINT),"
                + " CAST(? AS BIGINT))) AS v (client_id, heartbeat_at, started_at)"
                + " ON " + t.client() + ".client_id = v.client_id"
                + " WHEN MATCHED THEN UPDATE SET heartbeat_at = v.heartbeat_at"
                + " WHEN NOT MATCHED THEN INSERT VALUES (v.client_id, v.heartbeat_at, v.started_at)";
    }

    @Override
    public String addTraffic(Tables t) {
        String r = t.traffic();
        return "MERGE INTO " + r + " USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(400)),"
                + " CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT))) AS v (client_id, destination,"
                + " enqueued, acked, updated_at) ON " + r + ".client_id = v.client_id AND " + r
                + ".destination = v.destination WHEN MATCHED THEN UPDATE SET enqueued = " + r
                + ".enqueued + v.enqueued, acked = " + r + ".acked + v.acked, updated_at = v.updated_at"
                + " WHEN NOT MATCHED THEN INSERT VALUES (v.client_id, v.destination, v.enqueued, v.acked,"
                + " v.updated_at)";
    }

    @Override
    public boolean isInProcess(String jdbcUrl) {
        return !isServer(jdbcUrl.toLowerCase(Locale.ROOT));
    }

    private static boolean isServer(String lowerUrl) {
        return lowerUrl.startsWith("jdbc:hsqldb:hsql:") || lowerUrl.startsWith("jdbc:hsqldb:hsqls:")
                || lowerUrl.startsWith("jdbc:hsqldb:http:") || lowerUrl.startsWith("jdbc:hsqldb:https:");
    }

    private static String stripProperties(String jdbcUrl) {
        int semicolon = jdbcUrl.indexOf(';');
        return semicolon < 0 ? jdbcUrl : jdbcUrl.substring(0, semicolon);
    }

    /**
     * MERGE rather than INSERT: a known id is no error that would abort the group commit's
     * transaction, only an update count of 0. A concurrent transaction inserting the same id makes
     * this one wait for its outcome (MVCC), then match or insert.
     */
    @Override
    public String admitDuplicateId(Tables t) {
        String d = t.duplicateId();
        return "MERGE INTO " + d + " USING (VALUES (CAST(? AS VARCHAR(400)), CAST(? AS VARCHAR(255)),"
                + " CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT)))"
                + " AS v (destination, duplicate_id, created_at, expires_at, xa_branch)"
                + " ON " + d + ".destination = v.destination AND " + d + ".duplicate_id = v.duplicate_id"
                + " WHEN MATCHED AND " + d + ".expires_at <= ? THEN UPDATE SET created_at = v.created_at,"
                + " expires_at = v.expires_at, xa_branch = v.xa_branch"
                + " WHEN NOT MATCHED THEN INSERT VALUES (v.destination, v.duplicate_id, v.created_at, v.expires_at,"
                + " v.xa_branch)";
    }
}
