package org.journalmq.jms.it;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * An application's own table ({@code <prefix>ACCOUNT}: id, balance) next to the journal's tables in
 * the same database, for the local-transaction tests. On PostgreSQL the journal prefix makes the
 * name unique to the test, and {@link TestJournal#close()} drops it with the journal's tables.
 */
public final class BusinessTable {
    private final String url;
    private final String user;
    private final String password;
    private final String table;

    public BusinessTable(String url, String user, String prefix) {
        this.url = url;
        this.user = user == null ? "SA" : user;
        this.password = user == null ? "" : null;
        this.table = prefix + "ACCOUNT";
    }

    public static BusinessTable of(TestJournal journal) {
        return new BusinessTable(journal.url(), journal.user(), journal.prefix());
    }

    /** A new connection with auto-commit off, as an application uses for its transactions. */
    public Connection open() throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        c.setAutoCommit(false);
        return c;
    }

    public void create() throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, balance INT NOT NULL)");
            c.commit();
        }
    }

    public void insert(Connection c, int id, int balance) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (id, balance) VALUES (?, ?)")) {
            ps.setInt(1, id);
            ps.setInt(2, balance);
            ps.executeUpdate();
        }
    }

    public void add(Connection c, int id, int amount) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET balance = balance + ? WHERE id = ?")) {
            ps.setInt(1, amount);
            ps.setInt(2, id);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("no account " + id);
            }
        }
    }

    /** The committed balance of an account, read on a connection of its own; null when there is no row. */
    public Integer balance(int id) throws SQLException {
        try (Connection c = open();
             PreparedStatement ps = c.prepareStatement("SELECT balance FROM " + table + " WHERE id = ?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                Integer result = rs.next() ? rs.getInt(1) : null;
                c.rollback();
                return result;
            }
        }
    }

    /** Committed rows, read on a connection of its own. */
    public int rows() throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            int n = rs.getInt(1);
            c.rollback();
            return n;
        }
    }

    /** A minimal DataSource over DriverManager, as an application's pool would hand out. */
    public DataSource dataSource() {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return DriverManager.getConnection(url, user, password);
            }

            @Override
            public Connection getConnection(String u, String p) throws SQLException {
                return DriverManager.getConnection(url, u, p);
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() {
                return Logger.getGlobal();
            }

            @Override
            public <T> T unwrap(Class<T> iface) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> iface) {
                return false;
            }
        };
    }
}
