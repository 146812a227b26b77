package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.dialect.Dialect;
import org.journalmq.persistence.dialect.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the numbered migrations missing from {@code <prefix>SCHEMA_VERSION}. Several JVMs may
 * open the same journal at once: on PostgreSQL an advisory lock serialises them for the whole
 * transaction (DDL included); on HSQLDB, whose DDL commits by itself, migrations are serialised
 * inside the JVM and every statement is idempotent, and the version row is inserted only once. A
 * current schema is only read, without lock or DDL, so that a client role without DDL rights opens
 * a journal an admin role migrated (issue 15 item 1).
 */
final class SchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
    private static final ConcurrentMap<String, Object> JVM_LOCKS = new ConcurrentHashMap<>();

    private SchemaMigrator() {
    }

    static void migrate(Database db, String databaseKey, long now) {
        if (upToDate(db)) {
            return;
        }
        Dialect dialect = db.dialect;
        Tables t = db.tables;
        Object jvmLock = JVM_LOCKS.computeIfAbsent(databaseKey + "|" + t.prefix().toUpperCase(), k -> new Object());
        synchronized (jvmLock) {
            db.transaction("schema migration", c -> {
                dialect.lockForMigration(c, t);
                execute(c, dialect.createVersionTable(t));
                int current = currentVersion(c, t);
                if (current > dialect.latestSchemaVersion()) {
                    throw new JournalException(JournalException.Kind.SCHEMA, "schema version " + current
                            + " of tables " + t.prefix() + "* is newer than this JournalMQ supports ("
                            + dialect.latestSchemaVersion() + ")");
                }
                for (int v = current + 1; v <= dialect.latestSchemaVersion(); v++) {
                    execute(c, dialect.migration(v, t));
                    recordVersion(c, dialect, t, v, now);
                    LOG.info("JMQ1002 migrated schema to version {} (tables {}*)", v, t.prefix());
                }
                return null;
            });
        }
    }

    /**
     * True when the tables are at this code's latest version: nothing to migrate, so no DDL runs.
     * That lets a user granted only the journal's tables open it (issue 15 item 1: on PostgreSQL
     * even CREATE TABLE IF NOT EXISTS needs CREATE on the schema). Read without the migration lock:
     * versions only grow, and anything else takes the locked path below.
     */
    private static boolean upToDate(Database db) {
        try {
            return db.once(c -> currentVersion(c, db.tables) == db.dialect.latestSchemaVersion());
        } catch (SQLException | RuntimeException e) {
            return false; // no version table yet, or unreadable: the locked path creates it or reports why
        }
    }

    private static void execute(Connection c, Iterable<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : statements) {
                s.execute(ddl);
            }
        }
    }

    private static int currentVersion(Connection c, Tables t) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(version) FROM " + t.schemaVersion())) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void recordVersion(Connection c, Dialect dialect, Tables t, int version, long now) throws SQLException {
        // A concurrent HSQLDB server client may have recorded it in the meantime: insert only once.
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + t.schemaVersion()
                + " (version, applied_at) SELECT CAST(? AS INTEGER), CAST(? AS " + dialect.bigintCast() + ") FROM " + t.schemaVersion()
                + " HAVING COUNT(CASE WHEN version = ? THEN 1 END) = 0")) {
            ps.setInt(1, version);
            ps.setLong(2, now);
            ps.setInt(3, version);
            ps.executeUpdate();
        } catch (SQLException e) {
            // MariaDB at READ COMMITTED: two JVMs that start together both find the version
            // missing, and the second insert clashes on the key once the first commits. The
            // migration's statements are idempotent and ran in this JVM too, so the version holds;
            // a failed statement leaves a MariaDB or HSQLDB transaction usable. PostgreSQL never
            // gets here: its advisory lock serialises migrations.
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
        }
    }
}
