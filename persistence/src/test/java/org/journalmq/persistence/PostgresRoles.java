package org.journalmq.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.journalmq.persistence.dialect.PostgresDialect;
import org.journalmq.persistence.dialect.Tables;

/**
 * The roles of the access control tests (issue 15 item 1), shared with other modules through the
 * test-jar: for row-level security an admin role that runs the migrations and so owns the tables,
 * and two client roles that own nothing; for JournalMQ's own checks, login roles with plain table
 * rights. Created idempotently by the superuser; never dropped, since tests of other modules may
 * use them at the same time.
 */
public final class PostgresRoles {
    public static final String ADMIN = "rls15_admin";
    public static final String ALICE = "rls15_alice";
    public static final String BOB = "rls15_bob";
    /** The superuser that may create roles (trust authentication on the test machine). */
    private static final String SUPERUSER = System.getProperty("journalmq.test.pg.superuser", "postgres");

    private PostgresRoles() {
    }

    /** Creates the three login roles unless they exist, and lets the admin create tables in the schema. */
    public static void ensure() {
        TestDatabases.assumePostgres();
        try (Connection c = DriverManager.getConnection(TestDatabases.postgresUrl(), SUPERUSER, null);
             Statement s = c.createStatement()) {
            for (String role : new String[] {ADMIN, ALICE, BOB}) {
                // duplicate_object: another test JVM created it between the check and the CREATE.
                s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role
                        + "') THEN CREATE ROLE " + role + " LOGIN; END IF;"
                        + " EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            }
            s.execute("GRANT USAGE, CREATE ON SCHEMA public TO " + ADMIN);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test roles as " + SUPERUSER, e);
        }
    }

    /** A journal configuration of the role on the test database with the table prefix. */
    public static JournalConfig.Builder as(String role, String prefix) {
        return JournalConfig.builder(TestDatabases.postgresUrl()).user(role).tablePrefix(prefix);
    }

    /** Runs the dialect's client GRANTs for the role, as the admin (the tables' owner). */
    public static void grantClient(String prefix, String role) {
        try (Connection c = TestDatabases.connect(as(ADMIN, prefix).build()); Statement s = c.createStatement()) {
            for (String grant : new PostgresDialect().clientGrants(new Tables(prefix), role)) {
                s.execute(grant);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot grant " + role + " the journal's tables", e);
        }
    }

    /** Adds a row to the ACL as the admin. */
    public static void permit(String prefix, String principal, String operation, String pattern) {
        try (Connection c = TestDatabases.connect(as(ADMIN, prefix).build());
             var ps = c.prepareStatement("INSERT INTO " + prefix + "ACL (principal, operation, pattern) VALUES (?, ?, ?)")) {
            ps.setString(1, principal);
            ps.setString(2, operation);
            ps.setString(3, pattern);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot add an ACL row", e);
        }
    }

    /**
     * Creates a login role with a password unless it exists (a creation by another test JVM
     * meanwhile counts as existing): for tests that connect as several users.
     */
    public static void ensureLogin(String role, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestDatabases.postgresUrl(), SUPERUSER, null);
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            try {
                st.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
            } catch (SQLException e) {
                if (!"42710".equals(e.getSQLState())) { // duplicate_object
                    throw e;
                }
            }
        }
    }

    /**
     * Grants the role every privilege on the tables and sequences of the prefix, as their owner
     * (the given connection's user): a client with plain table rights, as before row-level security.
     */
    public static void grantAllTables(Connection owner, String prefix, String role) throws SQLException {
        String like = prefix.toLowerCase(Locale.ROOT).replace("_", "\\_") + "%";
        List<String> grants = new ArrayList<>();
        try (Statement st = owner.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = current_schema() AND table_name LIKE '" + like + "'")) {
                while (rs.next()) {
                    grants.add("GRANT ALL PRIVILEGES ON TABLE " + rs.getString(1) + " TO " + role);
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT sequence_name FROM information_schema.sequences"
                    + " WHERE sequence_schema = current_schema() AND sequence_name LIKE '" + like + "'")) {
                while (rs.next()) {
                    grants.add("GRANT ALL PRIVILEGES ON SEQUENCE " + rs.getString(1) + " TO " + role);
                }
            }
            for (String g : grants) {
                st.execute(g);
            }
        }
    }
}
