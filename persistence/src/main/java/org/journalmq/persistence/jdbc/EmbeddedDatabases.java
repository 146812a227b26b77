package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.dialect.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the journals open on each in-process file database of this JVM. The first opens the
 * database, waiting out the lock file a killed JVM left behind; the last shuts it down, so its lock
 * file is released for another JVM.
 */
final class EmbeddedDatabases {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabases.class);

    /** A stale lock file is taken over after ~7.4 s (measured); wait at least this long. */
    private static final long MIN_LOCK_WAIT_MILLIS = 15_000;

    private static final Map<String, Integer> OPEN = new HashMap<>();

    private EmbeddedDatabases() {
    }

    /** Registers a journal on the database, opening it first if no journal of this JVM has. */
    static void acquire(JournalConfig config, Dialect dialect) {
        String key = dialect.databaseKey(config.jdbcUrl());
        synchronized (OPEN) {
            if (!OPEN.containsKey(key)) {
                openWaitingForLock(config, dialect);
            }
            OPEN.merge(key, 1, Integer::sum);
        }
    }

    /** Unregisters a journal; the last one out shuts the database down. */
    static void release(JournalConfig config, Dialect dialect) {
        String key = dialect.databaseKey(config.jdbcUrl());
        synchronized (OPEN) {
            Integer count = OPEN.get(key);
            if (count == null) {
                return;
            }
            if (count > 1) {
                OPEN.put(key, count - 1);
                return;
            }
            OPEN.remove(key);
            shutdown(config, dialect);
        }
    }

    private static void openWaitingForLock(JournalConfig config, Dialect dialect) {
        long deadline = System.nanoTime()
                + TimeUnit.MILLISECONDS.toNanos(Math.max(config.connectTimeoutMillis(), MIN_LOCK_WAIT_MILLIS));
        while (true) {
            try (Connection c = rawConnection(config, dialect, dialect.prepareUrl(config.jdbcUrl()))) {
                return; // the database stays open after this connection closes (no shutdown=true)
            } catch (SQLException e) {
                if (!dialect.isLockFileBusy(e) || System.nanoTime() > deadline) {
                    throw SqlErrors.wrap("open", e, config.jdbcUrl());
                }
                LOG.debug("database {} is locked by another process, waiting", SqlErrors.safeUrl(config.jdbcUrl()));
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
            }
        }
    }

    private static void shutdown(JournalConfig config, Dialect dialect) {
        if (dialect.shutdownSql().isEmpty()) {
            return;
        }
        // ifexists: if the database is already gone, do not create an empty one just to close it.
        String url = dialect.prepareUrl(config.jdbcUrl()) + ";ifexists=true";
        try (Connection c = rawConnection(config, dialect, url); Statement s = c.createStatement()) {
            s.execute(dialect.shutdownSql().get());
        } catch (SQLException e) {
            LOG.warn("JMQ1009 shutdown of {} failed: {}", SqlErrors.safeUrl(config.jdbcUrl()), e.getMessage());
        }
    }

    private static Connection rawConnection(JournalConfig config, Dialect dialect, String url) throws SQLException {
        String user = config.user() != null ? config.user() : dialect.defaultUser();
        String password = config.password() != null ? config.password() : dialect.defaultPassword();
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new JournalException(JournalException.Kind.INTERNAL,
                    "cannot open " + SqlErrors.safeUrl(config.jdbcUrl()), e);
        }
    }
}
