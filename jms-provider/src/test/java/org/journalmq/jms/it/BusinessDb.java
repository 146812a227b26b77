package org.journalmq.jms.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.XADataSource;
import org.hsqldb.jdbc.pool.JDBCXADataSource;
import org.postgresql.xa.PGXADataSource;

/**
 * The application's own database holding "business rows", reached through an XA data source:
 * HSQLDB in memory (org.hsqldb.jdbc.pool.JDBCXADataSource) or PostgreSQL
 * (org.postgresql.xa.PGXADataSource, prepared transactions enabled), with a table of its own.
 */
public final class BusinessDb implements AutoCloseable {
    private final XADataSource xa;
    private final String table;
    private final boolean postgres;

    private BusinessDb(XADataSource xa, String table, boolean postgres) {
        this.xa = xa;
        this.table = table;
        this.postgres = postgres;
    }

    public static BusinessDb hsqldb() throws SQLException {
        JDBCXADataSource ds = new JDBCXADataSource();
        ds.setUrl("jdbc:hsqldb:mem:business-" + UUID.randomUUID());
        ds.setUser("SA");
        ds.setPassword("");
        return create(ds, "ORDERS", false);
    }

    public static BusinessDb postgres() throws SQLException {
        return create(postgresXa(TestJournal.PG_URL, TestJournal.PG_USER), "xa_orders_"
                + UUID.randomUUID().toString().substring(0, 8), true);
    }

    /** An existing PostgreSQL table (crash tests: the child JVMs get its name). */
    public static BusinessDb postgres(String url, String user, String table) {
        return new BusinessDb(postgresXa(url, user), table, true);
    }

    public static PGXADataSource postgresXa(String url, String user) {
        PGXADataSource ds = new PGXADataSource();
        ds.setUrl(url);
        ds.setUser(user);
        return ds;
    }

    private static BusinessDb create(XADataSource ds, String table, boolean postgres) throws SQLException {
        BusinessDb db = new BusinessDb(ds, table, postgres);
        try (Connection c = db.plain(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, note VARCHAR(100))");
        }
        return db;
    }

    public XADataSource xa() {
        return xa;
    }

    public String table() {
        return table;
    }

    /** A connection outside any global transaction, auto-commit on. */
    public Connection plain() throws SQLException {
        Connection c = xa.getXAConnection().getConnection();
        c.setAutoCommit(true);
        return c;
    }

    /** Inserts a row on a connection enlisted in the current global transaction. */
    public void insert(Connection enlisted, int id, String note) throws SQLException {
        try (PreparedStatement ps = enlisted.prepareStatement("INSERT INTO " + table + " (id, note) VALUES (?, ?)")) {
            ps.setInt(1, id);
            ps.setString(2, note);
            ps.executeUpdate();
        }
    }

    /** The committed rows' ids, ascending. */
    public List<Integer> ids() throws SQLException {
        try (Connection c = plain(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM " + table + " ORDER BY id")) {
            List<Integer> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
            return ids;
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = plain(); Statement s = c.createStatement()) {
            s.execute(postgres ? "DROP TABLE IF EXISTS " + table : "SHUTDOWN");
        }
    }
}
