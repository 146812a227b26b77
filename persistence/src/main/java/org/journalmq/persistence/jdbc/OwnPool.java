package org.journalmq.persistence.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.PoolFigures;
import org.journalmq.persistence.dialect.Dialect;

/**
 * The journal's own connection pool (HikariCP), used only when a journal opens on a JDBC URL.
 *
 * <p>This is the one class that names HikariCP. HikariCP is an optional dependency of the
 * persistence module: a journal on a caller's DataSource never loads this class, so it runs with
 * no HikariCP on the class path. {@link #open} checks for HikariCP before touching it, so a URL
 * without it fails with a message saying what to add instead of a NoClassDefFoundError.
 */
final class OwnPool implements AutoCloseable {

    private static final String HIKARI_CLASS = "com.zaxxer.hikari.HikariDataSource";

    private final HikariDataSource pool;

    private OwnPool(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * Fails when HikariCP is missing. Looked up by name, without initializing it, through the
     * loader of this class: that is where {@link #open} would link it from.
     */
    static void requireHikari(String jdbcUrl) {
        try {
            Class.forName(HIKARI_CLASS, false, OwnPool.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new JournalException(JournalException.Kind.INTERNAL, "a journal on the JDBC URL "
                    + SqlErrors.safeUrl(jdbcUrl) + " needs its own connection pool, and HikariCP is not on the"
                    + " class path: add com.zaxxer:HikariCP, or give the connection factory a DataSource instead"
                    + " of a URL");
        }
    }

    /** A pool on the config's URL; nothing is borrowed yet (the caller's first borrow reports failures). */
    static OwnPool open(JournalConfig config, Dialect dialect, String poolName, String user, String password) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName(poolName);
        hc.setJdbcUrl(dialect.prepareUrl(config.jdbcUrl()));
        if (user != null) {
            hc.setUsername(user);
        }
        if (password != null) {
            hc.setPassword(password);
        }
        dialect.driverProperties().forEach(hc::addDataSourceProperty);
        hc.setMaximumPoolSize(config.poolSize());
        hc.setMinimumIdle(Math.min(2, config.poolSize()));
        hc.setAutoCommit(false);
        hc.setConnectionTimeout(config.connectTimeoutMillis());
        // Whole seconds: HSQLDB has no network timeout and Hikari warns about fractions.
        hc.setValidationTimeout(Math.min(5_000, Math.max(1_000, config.connectTimeoutMillis() / 1_000 * 1_000)));
        // The caller's first borrow reports the failure with the journal's wording and bound.
        hc.setInitializationFailTimeout(-1);
        try {
            return new OwnPool(new HikariDataSource(hc));
        } catch (RuntimeException e) {
            // Typically "no driver for this URL". Its message holds the raw URL, password
            // included, so only the masked text is kept, not the exception itself.
            throw new JournalException(JournalException.Kind.INTERNAL, "cannot create a connection pool for "
                    + SqlErrors.safeUrl(config.jdbcUrl()) + ": " + e.getClass().getSimpleName() + ": "
                    + SqlErrors.safeUrl(String.valueOf(e.getMessage())));
        }
    }

    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** Hikari's own figures; zeros while its pool MXBean is not available yet (pool starting or closed). */
    PoolFigures figures(boolean closed) {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        if (bean == null || closed) {
            return new PoolFigures(0, 0, 0, 0, pool.getMaximumPoolSize());
        }
        return new PoolFigures(bean.getActiveConnections(), bean.getIdleConnections(),
                bean.getTotalConnections(), bean.getThreadsAwaitingConnection(), pool.getMaximumPoolSize());
    }

    @Override
    public void close() {
        pool.close();
    }
}
