package org.journalmq.bench.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver in front of a real one: it accepts the same URLs and hands out the real driver's
 * connections wrapped so that every statement execution is counted in {@link StatementCounts}, by
 * the name of the thread that executes it. JournalMQ has no hook for counting its statements; this
 * sees them from the outside, as the database would, and the journal is opened from its plain URL
 * (its own pool, its LISTEN connection), exactly as an application opens it.
 */
public final class CountingDriver implements Driver {

    private final Driver real;

    private CountingDriver(Driver real) {
        this.real = real;
    }

    /**
     * Puts a counting driver in front of every driver registered now. Call it before any connection
     * is opened in this JVM (the idle scenario's child JVM does so first thing).
     */
    public static synchronized void interposeAll() throws SQLException {
        List<Driver> drivers = Collections.list(DriverManager.getDrivers());
        for (Driver d : drivers) {
            if (d instanceof CountingDriver) {
                continue;
            }
            DriverManager.deregisterDriver(d);
            DriverManager.registerDriver(new CountingDriver(d));
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Connection c = real.connect(url, info);
        return c == null ? null : CountingProxies.connection(c);
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return real.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return real.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return real.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return real.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return real.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return real.getParentLogger();
    }
}
