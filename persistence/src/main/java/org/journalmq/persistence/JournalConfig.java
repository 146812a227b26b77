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
 */
public record JournalConfig(String jdbcUrl, String user, String password, int poolSize, long leaseMillis,
                            String tablePrefix, long connectTimeoutMillis) {

    public static final String DEFAULT_URL = "jdbc:hsqldb:file:journalmq-data/journal";
    public static final int DEFAULT_POOL_SIZE = 8;
    public static final long DEFAULT_LEASE_MILLIS = 30_000;
    public static final String DEFAULT_TABLE_PREFIX = "JMQ_";
    public static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 10_000;

    public JournalConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:")) {
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
    }

    public static Builder builder(String jdbcUrl) {
        return new Builder(jdbcUrl);
    }

    public Builder toBuilder() {
        return new Builder(jdbcUrl).user(user).password(password).poolSize(poolSize).leaseMillis(leaseMillis)
                .tablePrefix(tablePrefix).connectTimeoutMillis(connectTimeoutMillis);
    }

    /** Interval of the maintenance task (heartbeat, lease renewal, sweeps). */
    public long maintenanceIntervalMillis() {
        return Math.max(50, leaseMillis / 3);
    }

    /** The password never appears here. */
    @Override
    public String toString() {
        return "JournalConfig[url=" + jdbcUrl + ", user=" + user + ", poolSize=" + poolSize
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

        private Builder(String jdbcUrl) {
            this.jdbcUrl = jdbcUrl;
        }

        public Builder user(String user) { this.user = user; return this; }
        public Builder password(String password) { this.password = password; return this; }
        public Builder poolSize(int poolSize) { this.poolSize = poolSize; return this; }
        public Builder leaseMillis(long leaseMillis) { this.leaseMillis = leaseMillis; return this; }
        public Builder tablePrefix(String tablePrefix) { this.tablePrefix = tablePrefix; return this; }
        public Builder connectTimeoutMillis(long millis) { this.connectTimeoutMillis = millis; return this; }

        public JournalConfig build() {
            return new JournalConfig(jdbcUrl, user, password, poolSize, leaseMillis, tablePrefix,
                    connectTimeoutMillis);
        }
    }
}
