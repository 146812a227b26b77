package org.journalmq.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * HSQLDB users for the access control tests (issue 15 item 1), shared with other modules through
 * the test-jar: a user with a password and every right on the journal's tables (default prefix
 * {@code JMQ_}) and the database's sequences, granted by {@code SA}, the tables' owner.
 */
public final class HsqldbUsers {

    private HsqldbUsers() {
    }

    /** Creates the user on the database at the URL and grants it the journal's tables. */
    public static void create(String url, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "SA", ""); Statement st = c.createStatement()) {
            st.execute("CREATE USER " + user + " PASSWORD '" + password + "'");
            List<String> grants = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME LIKE 'JMQ\\_%' ESCAPE '\\'")) {
                while (rs.next()) {
                    grants.add("GRANT ALL PRIVILEGES ON TABLE " + rs.getString(1) + " TO " + user);
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT SEQUENCE_NAME FROM INFORMATION_SCHEMA.SEQUENCES"
                    + " WHERE SEQUENCE_SCHEMA = 'PUBLIC'")) {
                while (rs.next()) {
                    grants.add("GRANT USAGE ON SEQUENCE " + rs.getString(1) + " TO " + user);
                }
            }
            for (String g : grants) {
                st.execute(g);
            }
        }
    }
}
