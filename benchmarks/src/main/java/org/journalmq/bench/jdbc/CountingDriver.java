package org.journalmq.bench.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver for {@code jdbc:counting:<real JDBC URL>}: it opens the real URL and hands out a
 * connection whose statements count every execution in {@link StatementCounts}, by the name of the
 * thread that executes. JournalMQ has no hook for counting its statements; this sees them from the
 * outside, as the database would.
 */
public final class CountingDriver implements Driver {

    public static final String PREFIX = "jdbc:counting:";

    private static final CountingDriver INSTANCE = new CountingDriver();
    private static boolean registered;

    /** Registers the driver with DriverManager once; later calls do nothing. */
    public static synchronized void register() throws SQLException {
        if (!registered) {
            DriverManager.registerDriver(INSTANCE);
            registered = true;
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null; // the DriverManager contract: not ours, let the next driver try
        }
        return CountingProxies.connection(DriverManager.getConnection(url.substring(PREFIX.length()), info));
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return DriverManager.getDriver(url.substring(PREFIX.length())).getPropertyInfo(url.substring(PREFIX.length()),
                info);
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging here");
    }
}
