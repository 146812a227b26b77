package org.journalmq.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;

/**
 * {@link AclCommandContract} on PostgreSQL, with login roles acl15_alice and acl15_admin (created
 * once, kept) granted the test's tables, which have a fresh prefix per test and are dropped after it.
 */
class PostgresAclCommandTest extends AclCommandContract {

    private JournalConfig pg;

    @Override
    JournalConnectionFactory ownerFactory() {
        pg = TestDatabases.postgres().build();
        JournalConnectionFactory f = new JournalConnectionFactory(pg.jdbcUrl());
        f.setUser(pg.user());
        f.setTablePrefix(pg.tablePrefix());
        return f;
    }

    @AfterEach
    void dropTables() {
        if (pg != null) {
            TestDatabases.dropAll(pg);
        }
    }

    @Override
    List<String> as(String user) {
        return user == null ? PostgresCommandsTest.options(pg)
                : List.of("--url", pg.jdbcUrl(), "--user", user, "--password", PASSWORD,
                        "--table-prefix", pg.tablePrefix());
    }

    @Override
    void createUser(String user) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", null);
             Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            boolean exists;
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + user + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                try {
                    st.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + PASSWORD + "'");
                } catch (SQLException e) {
                    if (!"42710".equals(e.getSQLState())) { // created meanwhile by another run
                        throw e;
                    }
                }
            }
        }
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), null);
             Statement st = c.createStatement()) {
            String prefix = pg.tablePrefix().toLowerCase(Locale.ROOT).replace("_", "\\_");
            List<String> grants = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = current_schema() AND table_name LIKE '" + prefix + "%'")) {
                while (rs.next()) {
                    grants.add("GRANT ALL PRIVILEGES ON TABLE " + rs.getString(1) + " TO " + user);
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT sequence_name FROM information_schema.sequences"
                    + " WHERE sequence_schema = current_schema() AND sequence_name LIKE '" + prefix + "%'")) {
                while (rs.next()) {
                    grants.add("GRANT ALL PRIVILEGES ON SEQUENCE " + rs.getString(1) + " TO " + user);
                }
            }
            for (String g : grants) {
                st.execute(g);
            }
        }
    }

    @Override
    String alice() {
        return "acl15_alice";
    }

    @Override
    String admin() {
        return "acl15_admin";
    }
}
