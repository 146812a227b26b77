package org.journalmq.persistence;

import java.util.Objects;

/**
 * How to open a journal. Immutable; build with {@link #builder(String)}.
 *
 * @param jdbcUrl              JDBC URL of the journal database (HSQLDB or PostgreSQL)
 * @param user                 database user, or null
 * @param password             database password, or null; never printed
 * @param poolSize             maximum pooled JDBC connections
 * @param leaseMillis          how long a claim holds without renewal
 * @param tablePrefix          prefix of every table name (letters, digits, underscore)
 * @param connectTimeoutMillis bound on waiting for the database when opening or borrowing a connection
 * @param dataSource           a caller-supplied DataSource (a container's), or null for the journal's own
 *                             pool on {@code jdbcUrl}; see {@link #builder(javax.sql.DataSource)}
 * @param duplicateWindowMillis how long a send's duplicate id is remembered (issue 16): a second send of the
 *                             id to the same destination within it stores nothing
 * @param reconnectTimeoutMillis how long a write (send, acknowledge, commit) waits for a database that
 *                             cannot be reached, reconnecting, before it fails (issue 13)
 * @param indexCompactionMinBytes the index size from which the journal rebuilds a table's indexes
 *                             once a backlog has drained (PostgreSQL), the data file size from
 *                             which it defragments the file (HSQLDB); 0 turns it off (issue 13)
 */
public record JournalConfig(String jdbcUrl, String user, String password, int poolSize, long leaseMillis,
                            String tablePrefix, long connectTimeoutMillis, javax.sql.DataSource dataSource,
                            long duplicateWindowMillis, long reconnectTimeoutMillis, long indexCompactionMinBytes) {

    public static final String DEFAULT_URL = "jdbc:hsqldb:file:journalmq-data/journal";
    public static final int DEFAULT_POOL_SIZE = 8;
    public static final long DEFAULT_LEASE_MILLIS = 30_000;
    public static final String DEFAULT_TABLE_PREFIX = "JMQ_";
    public static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 10_000;
    /**
     * One hour: long enough for a producer to restart and resend after a crash, short enough that
     * the table of ids stays a fraction of the messages.
     */
    public static final long DEFAULT_DUPLICATE_WINDOW_MILLIS = 3_600_000;
    /**
     * 30 s: longer than a PostgreSQL restart or crash recovery (under a second to a few seconds,
     * docs/benchmarks.md), so that it never reaches a synchronous sender as an exception; short
     * enough that a database that is really gone is reported while someone still waits for the
     * answer. A failover takes longer (about 55 s with pg_auto_failover's defaults): deployments
     * with one set it above their failover time (README "High availability").
     */
    public static final long DEFAULT_RECONNECT_TIMEOUT_MILLIS = 30_000;
    /**
     * 64 MiB: the delivery table's indexes after a 100,000-message fill and drain are about 15 MiB
     * (docs/benchmarks.md), so only a backlog several times deeper triggers a rebuild, and a rebuild
     * never runs for a few MiB.
     */
    public static final long DEFAULT_INDEX_COMPACTION_MIN_BYTES = 64L * 1024 * 1024;

    public JournalConfig {
        if (dataSource == null) {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        }
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("not a JDBC URL (must start with jdbc:): " + jdbcUrl);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
        }
        if (leaseMillis < 100) {
            throw new IllegalArgumentException("leaseMillis must be at least 100, was " + leaseMillis);
        }
        if (tablePrefix == null || !tablePrefix.matches("[A-Za-z][A-Za-z0-9_]{0,19}")) {
            throw new IllegalArgumentException("tablePrefix must be 1-20 letters, digits or underscores"
                    + " starting with a letter, was " + tablePrefix);
        }
        if (connectTimeoutMillis < 250) {
            throw new IllegalArgumentException("connectTimeoutMillis must be at least 250, was "
                    + connectTimeoutMillis);
        }
        if (duplicateWindowMillis < 1) {
            throw new IllegalArgumentException("duplicateWindowMillis must be at least 1, was " + duplicateWindowMillis);
        }
        if (reconnectTimeoutMillis < 0) {
            throw new IllegalArgumentException("reconnectTimeoutMillis must not be negative, was "
                    + reconnectTimeoutMillis);
        }
        if (indexCompactionMinBytes < 0) {
            throw new IllegalArgumentException("indexCompactionMinBytes must not be negative, was "
                    + indexCompactionMinBytes);
        }
    }

    /** The configuration with the default index compaction floor. */
    public JournalConfig(String jdbcUrl, String user, String password, int poolSize, long leaseMillis,
                         String tablePrefix, long connectTimeoutMillis, javax.sql.DataSource dataSource,
                         long duplicateWindowMillis, long reconnectTimeoutMillis) {
        this(jdbcUrl, user, password, poolSize, leaseMillis, tablePrefix, connectTimeoutMillis, dataSource,
                duplicateWindowMillis, reconnectTimeoutMillis, DEFAULT_INDEX_COMPACTION_MIN_BYTES);
    }

    /** The configuration with the default reconnect time. */
    public JournalConfig(String jdbcUrl, String user, String password, int poolSize, long leaseMillis,
                         String tablePrefix, long connectTimeoutMillis, javax.sql.DataSource dataSource,
                         long duplicateWindowMillis) {
        this(jdbcUrl, user, password, poolSize, leaseMillis, tablePrefix, connectTimeoutMillis, dataSource,
                duplicateWindowMillis, DEFAULT_RECONNECT_TIMEOUT_MILLIS);
    }

    /** The configuration with the default duplicate window. */
    public JournalConfig(String jdbcUrl, String user, String password, int poolSize, long leaseMillis,
                         String tablePrefix, long connectTimeoutMillis, javax.sql.DataSource dataSource) {
        this(jdbcUrl, user, password, poolSize, leaseMillis, tablePrefix, connectTimeoutMillis, dataSource,
                DEFAULT_DUPLICATE_WINDOW_MILLIS);
    }

    /** The configuration of a journal with its own connection pool (every setting as before the DataSource option). */
    public JournalConfig(String jdbcUrl, String user, String password, int poolSize, long leaseMillis,
                         String tablePrefix, long connectTimeoutMillis) {
        this(jdbcUrl, user, password, poolSize, leaseMillis, tablePrefix, connectTimeoutMillis, null);
    }

    public static Builder builder(String jdbcUrl) {
        return new Builder(jdbcUrl);
    }

    public Builder toBuilder() {
        return new Builder(jdbcUrl).user(user).password(password).poolSize(poolSize).leaseMillis(leaseMillis)
                .tablePrefix(tablePrefix).connectTimeoutMillis(connectTimeoutMillis)
                .dataSource(dataSource).duplicateWindowMillis(duplicateWindowMillis)
                .reconnectTimeoutMillis(reconnectTimeoutMillis).indexCompactionMinBytes(indexCompactionMinBytes);
    }

    /** Interval of the maintenance task (heartbeat, lease renewal, sweeps). */
    public long maintenanceIntervalMillis() {
        return Math.max(50, leaseMillis / 3);
    }

    // ------------------------------------------------------------------ caller-supplied DataSource

    /**
     * A journal on a DataSource the caller owns, typically a Jakarta EE container's: connections are
     * borrowed from it and closed after each transaction, so the journal opens no pool of its own
     * ({@code poolSize} does not apply) and never closes the DataSource. The dialect is chosen from
     * the database the first connection reaches (its metadata URL, else its product name), and that
     * URL becomes {@link #jdbcUrl()} of the opened journal's configuration. {@code user} and
     * {@code password}, when set, are passed to {@link javax.sql.DataSource#getConnection(String, String)}.
     */
    public static Builder builder(javax.sql.DataSource dataSource) {
        return new Builder(null).dataSource(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** Where the journal is, for messages: its JDBC URL, or its DataSource before it is opened. */
    public String location() {
        return jdbcUrl != null ? jdbcUrl : "DataSource " + dataSource;
    }

    /** This configuration with the database URL learnt from the DataSource's connection. */
    public JournalConfig withJdbcUrl(String url) {
        return new JournalConfig(url, user, password, poolSize, leaseMillis, tablePrefix, connectTimeoutMillis,
                dataSource, duplicateWindowMillis, reconnectTimeoutMillis, indexCompactionMinBytes);
    }

    /** The password never appears here. */
    @Override
    public String toString() {
        return "JournalConfig[url=" + (jdbcUrl == null && dataSource != null ? "DataSource " + dataSource : jdbcUrl)
                + ", user=" + user + ", poolSize=" + poolSize
                + ", leaseMillis=" + leaseMillis + ", tablePrefix=" + tablePrefix + "]";
    }

    /** Mutable builder with the defaults above. */
    public static final class Builder {
        private final String jdbcUrl;
        private String user;
        private String password;
        private int poolSize = DEFAULT_POOL_SIZE;
        private long leaseMillis = DEFAULT_LEASE_MILLIS;
        private String tablePrefix = DEFAULT_TABLE_PREFIX;
        private long connectTimeoutMillis = DEFAULT_CONNECT_TIMEOUT_MILLIS;
        private javax.sql.DataSource dataSource;
        private long duplicateWindowMillis = DEFAULT_DUPLICATE_WINDOW_MILLIS;
        private long reconnectTimeoutMillis = DEFAULT_RECONNECT_TIMEOUT_MILLIS;
        private long indexCompactionMinBytes = DEFAULT_INDEX_COMPACTION_MIN_BYTES;

        private Builder(String jdbcUrl) {
            this.jdbcUrl = jdbcUrl;
        }

        public Builder user(String user) { this.user = user; return this; }
        public Builder password(String password) { this.password = password; return this; }
        public Builder poolSize(int poolSize) { this.poolSize = poolSize; return this; }
        public Builder leaseMillis(long leaseMillis) { this.leaseMillis = leaseMillis; return this; }
        public Builder tablePrefix(String tablePrefix) { this.tablePrefix = tablePrefix; return this; }
        public Builder connectTimeoutMillis(long millis) { this.connectTimeoutMillis = millis; return this; }
        /** See {@link JournalConfig#builder(javax.sql.DataSource)}; null for the journal's own pool. */
        public Builder dataSource(javax.sql.DataSource ds) { this.dataSource = ds; return this; }
        public Builder duplicateWindowMillis(long millis) { this.duplicateWindowMillis = millis; return this; }
        public Builder reconnectTimeoutMillis(long millis) { this.reconnectTimeoutMillis = millis; return this; }
        /** See {@link JournalConfig#indexCompactionMinBytes()}; 0 turns the automatic compaction off. */
        public Builder indexCompactionMinBytes(long bytes) { this.indexCompactionMinBytes = bytes; return this; }

        public JournalConfig build() {
            return new JournalConfig(jdbcUrl, user, password, poolSize, leaseMillis, tablePrefix,
                    connectTimeoutMillis, dataSource, duplicateWindowMillis, reconnectTimeoutMillis,
                    indexCompactionMinBytes);
        }
    }
}
