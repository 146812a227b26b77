package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.dialect.Dialect;
import org.journalmq.persistence.dialect.Tables;

/** The connection pool of one journal and the transaction template every operation runs in. */
final class Database implements AutoCloseable {
    private static final int RETRIES = 12;

    /** Work done inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    final Dialect dialect;
    final Tables tables;
    final Sql sql;
    final String url;
    /** The journal's own pool, or null on a caller-supplied DataSource ({@link #source}). */
    private final OwnPool pool;
    /** The caller's DataSource when there is no {@link #pool}; null otherwise. */
    private final javax.sql.DataSource source;
    private final String sourceUser;
    private final String sourcePassword;
    private final java.util.Optional<String> relaxedCommit;
    private volatile boolean closed;
    /** NOTIFY of the transactions that make rows ready; set once by the journal (PostgreSQL). */
    volatile Notifier.Sender notifier = Notifier.NONE;
    /** Whether the database can be reached (issue 13); every operation's failure and success reports here. */
    final Outages outages;

    private Database(Dialect dialect, Tables tables, String url, OwnPool pool, long reconnectMillis) {
        this(dialect, tables, url, pool, null, null, null, reconnectMillis);
    }

    private Database(Dialect dialect, Tables tables, String url, OwnPool pool, javax.sql.DataSource source,
                     String sourceUser, String sourcePassword, long reconnectMillis) {
        this.outages = new Outages(url, reconnectMillis);
        this.dialect = dialect;
        this.tables = tables;
        this.sql = new Sql(dialect, tables);
        this.url = url;
        this.pool = pool;
        this.source = source;
        this.sourceUser = sourceUser;
        this.sourcePassword = sourcePassword;
        this.relaxedCommit = dialect.relaxedCommit();
    }

    /**
     * Creates the pool and borrows one connection, so that a bad URL or password fails here. The
     * pool is HikariCP, behind {@link OwnPool}: without HikariCP this fails with a message saying so.
     */
    static Database connect(JournalConfig config, Dialect dialect, String poolName) {
        OwnPool.requireHikari(config.jdbcUrl());
        String user = config.user() != null ? config.user() : dialect.defaultUser();
        String password = config.password() != null ? config.password() : dialect.defaultPassword();
        failFastOnRefusedLogin(config, dialect, user, password);
        OwnPool pool = OwnPool.open(config, dialect, poolName, user, password);
        try (Connection c = pool.connection()) {
            c.rollback();
        } catch (SQLException e) {
            pool.close();
            throw SqlErrors.wrap("open", e, config.jdbcUrl());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(dialect, new Tables(config.tablePrefix()), config.jdbcUrl(), pool,
                config.reconnectTimeoutMillis());
    }

    /**
     * Runs work in one transaction and commits it; rolls back on failure. Serialization failures
     * and deadlocks (concurrent writers in another JVM) are retried with a short random back-off.
     */
    <T> T transaction(String action, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (SQLException e) {
                if (SqlErrors.isRetryable(e) && attempt < RETRIES) {
                    backOff(attempt);
                    continue;
                }
                throw failure(action, e);
            }
        }
    }

    /** One attempt of {@link #transaction}, for callers with their own retry policy. */
    <T> T once(Work<T> work) throws SQLException {
        try (Connection c = connection()) {
            try {
                T result = work.run(c);
                c.commit();
                outages.reached();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        }
    }

    /** Applies the dialect's {@link org.journalmq.persistence.dialect.Dialect#relaxedCommit()} to this transaction. */
    Connection relaxCommit(Connection c) throws SQLException {
        if (relaxedCommit.isPresent()) {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute(relaxedCommit.get());
            }
        }
        return c;
    }

    /** True when the journal has a pool of its own (not a caller's DataSource): it may keep a connection. */
    boolean ownsPool() {
        return pool != null;
    }

    /** Borrows a connection (autoCommit off); the caller commits or rolls back. */
    Connection connection() throws SQLException {
        return pool != null ? pool.connection() : borrow(source, sourceUser, sourcePassword);
    }

    JournalException failure(String action, SQLException e) {
        if (closed) {
            return new JournalException(JournalException.Kind.CLOSED, "journal closed during " + action, e);
        }
        JournalException failure = SqlErrors.wrap(action, e, url);
        outages.failed(failure);
        return failure;
    }

    static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the pool will evict it and the transaction is gone anyway.
        }
    }

    static void backOff(int attempt) {
        long micros = ThreadLocalRandom.current().nextLong(200, 1_000L * Math.min(attempt, 10));
        LockSupport.parkNanos(micros * 1_000);
    }

    // ------------------------------------------------------------------ operations

    /** The pool's figures (see {@link OwnPool#figures}); zeros on a caller's DataSource. */
    org.journalmq.persistence.PoolFigures poolFigures() {
        if (pool == null) {
            return new org.journalmq.persistence.PoolFigures(0, 0, 0, 0, 0); // the container's pool, not ours
        }
        return pool.figures(closed);
    }

    @Override
    public void close() {
        closed = true;
        if (pool != null) {
            pool.close(); // a caller's DataSource stays open: its owner closes it
        }
    }

    // ------------------------------------------------------------------ fail-fast login

    /**
     * Opens one connection outside the pool, bounded by the connect timeout, and throws at once
     * when the database refuses the credentials (SQLState class 28) or the TLS handshake fails (the
     * server's certificate is not trusted), see {@link SqlErrors#kindOf}.
     * The pool's first borrow would retry a refused login until its connection timeout (10 s by
     * default) before reporting it, though neither mends by waiting. Any other outcome (success, another failure, no answer in time)
     * leaves the decision to the pool as before: a database that is starting up is waited for.
     */
    private static void failFastOnRefusedLogin(JournalConfig config, Dialect dialect, String user, String password) {
        Properties props = new Properties();
        dialect.driverProperties().forEach(props::setProperty);
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        String url = dialect.prepareUrl(config.jdbcUrl());
        CompletableFuture<SQLException> outcome = new CompletableFuture<>();
        // Its own thread: a host that drops packets must not hold the caller longer than the timeout.
        Thread probe = new Thread(() -> {
            try (Connection c = DriverManager.getConnection(url, props)) {
                outcome.complete(null);
            } catch (SQLException e) {
                outcome.complete(e);
            } catch (RuntimeException e) {
                outcome.complete(null);
            }
        }, "journalmq-login-probe");
        probe.setDaemon(true);
        probe.start();
        SQLException failure;
        try {
            failure = outcome.get(config.connectTimeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        JournalException.Kind kind = failure == null ? null : SqlErrors.kindOf(failure);
        if (kind == JournalException.Kind.AUTHENTICATION || kind == JournalException.Kind.TLS) {
            throw SqlErrors.wrap("open", failure, config.jdbcUrl());
        }
    }

    // ------------------------------------------------------------------ caller-supplied DataSource

    /**
     * A journal's database on a DataSource its caller owns: no pool of ours, and the dialect is the
     * one of the database the first connection reaches (its metadata URL, else its product name).
     * That first borrow also fails a wrong DataSource here, as {@link #connect} does for a URL.
     *
     * @return the database; {@link #url} is the URL the connection reported
     */
    static Database onDataSource(JournalConfig config) {
        javax.sql.DataSource ds = config.dataSource();
        String where = "DataSource " + ds;
        Dialect dialect;
        String url;
        try (Connection c = borrow(ds, config.user(), config.password())) {
            java.sql.DatabaseMetaData meta = c.getMetaData();
            String reported = meta.getURL();
            String product = meta.getDatabaseProductName();
            c.rollback();
            java.util.Optional<Dialect> byUrl = reported == null ? java.util.Optional.empty()
                    : org.journalmq.persistence.dialect.Dialects.forUrl(reported);
            dialect = byUrl.or(() -> org.journalmq.persistence.dialect.Dialects.forProductName(product))
                    .orElseThrow(() -> new JournalException(JournalException.Kind.INVALID_ARGUMENT,
                            "no journal dialect for the database of " + where + " (product " + product + ", URL "
                            + SqlErrors.safeUrl(reported) + "; supported: HSQLDB, PostgreSQL, MariaDB)"));
            // Without a URL the DataSource's identity names the database for in-JVM locks.
            url = reported != null && reported.startsWith("jdbc:") ? reported
                    : "jdbc:datasource:" + Integer.toHexString(System.identityHashCode(ds));
        } catch (SQLException e) {
            throw SqlErrors.wrap("open", e, where);
        }
        return new Database(dialect, new Tables(config.tablePrefix()), url, null, ds, config.user(),
                config.password(), config.reconnectTimeoutMillis());
    }

    /**
     * A connection of a caller's DataSource with auto-commit off, as the journal's transactions
     * need; a container's pool restores its own default when the connection goes back.
     */
    private static Connection borrow(javax.sql.DataSource ds, String user, String password) throws SQLException {
        Connection c = user != null ? ds.getConnection(user, password) : ds.getConnection();
        try {
            if (c.getAutoCommit()) {
                c.setAutoCommit(false);
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }
}
