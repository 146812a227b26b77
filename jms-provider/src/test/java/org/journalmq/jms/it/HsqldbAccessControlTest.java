package org.journalmq.jms.it;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link AbstractAccessControlTest} on HSQLDB, where per-destination authorization is JournalMQ's
 * alone (issue 15 item 1): the users have every right on the journal's tables.
 */
class HsqldbAccessControlTest extends AbstractAccessControlTest {
    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }

    @Override
    protected void createUser(String user) throws Exception {
        try (var c = DriverManager.getConnection(journal.url(), "SA", ""); Statement st = c.createStatement()) {
            st.execute("CREATE USER " + user + " PASSWORD '" + PASSWORD + "'");
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

    @Override
    protected String alice() {
        return "ACL15_ALICE";
    }

    @Override
    protected String bob() {
        return "ACL15_BOB";
    }

    @Override
    protected String admin() {
        return "ACL15_ADMIN";
    }

    @Override
    protected String owner() {
        return "SA";
    }
}
