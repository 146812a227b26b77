package org.journalmq.ra;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * The container DataSource named by the adapter's {@code dataSourceJndiName}, looked up when a
 * connection is first needed rather than when the adapter starts: a server may start resource
 * adapters before it binds its JDBC resources. Until the lookup succeeds every connection request
 * fails with an SQLException naming the JNDI name, with SQLState 08001 (cannot connect), so the
 * journal reports it as unavailable and message-driven bean activations retry with back-off.
 */
final class JndiDataSource implements DataSource {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(JndiDataSource.class);
    private static final String CANNOT_CONNECT = "08001";

    private final String jndiName;
    private volatile DataSource target;

    JndiDataSource(String jndiName) {
        this.jndiName = jndiName;
    }

    /**
     * Tries the lookup now, for an early line in the server log.
     *
     * @return true when the DataSource is bound
     */
    boolean probe() {
        try {
            target();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private DataSource target() throws SQLException {
        DataSource ds = target;
        if (ds != null) {
            return ds;
        }
        Object found;
        try {
            found = new InitialContext().lookup(jndiName);
        } catch (NamingException e) {
            LOG.warn("JMQ7021 dataSourceJndiName '{}' cannot be looked up (yet): {}", jndiName, e.toString());
            throw new SQLException("dataSourceJndiName '" + jndiName + "' cannot be looked up: " + e, CANNOT_CONNECT,
                    e);
        }
        if (!(found instanceof DataSource d)) {
            String what = found == null ? "null" : found.getClass().getName();
            LOG.error("JMQ7022 dataSourceJndiName '{}' names a {}, not a javax.sql.DataSource", jndiName, what);
            throw new SQLException("dataSourceJndiName '" + jndiName + "' names a " + what
                    + ", not a javax.sql.DataSource", CANNOT_CONNECT);
        }
        target = d;
        LOG.info("JMQ7023 journal on the container DataSource '{}'", jndiName);
        return d;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return target().getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return target().getConnection(user, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("JournalMQ's JNDI DataSource has no java.util.logging parent");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : target().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target().isWrapperFor(iface);
    }

    /** Names the JNDI name in the journal's messages. */
    @Override
    public String toString() {
        return "'" + jndiName + "'";
    }
}
