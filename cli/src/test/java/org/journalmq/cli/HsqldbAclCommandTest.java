package org.journalmq.cli;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.journalmq.jms.JournalConnectionFactory;
import org.junit.jupiter.api.io.TempDir;

/** {@link AclCommandContract} on an HSQLDB file journal, whose users are created with CREATE USER. */
class HsqldbAclCommandTest extends AclCommandContract {

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:hsqldb:file:" + dir.resolve("j");
    }

    @Override
    JournalConnectionFactory ownerFactory() {
        return new JournalConnectionFactory(url());
    }

    @Override
    List<String> as(String user) {
        return user == null ? List.of("--url", url())
                : List.of("--url", url(), "--user", user, "--password", PASSWORD);
    }

    @Override
    void createUser(String user) throws Exception {
        try (var c = DriverManager.getConnection(url(), "SA", ""); Statement st = c.createStatement()) {
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
    String alice() {
        return "ACL15_ALICE";
    }

    @Override
    String admin() {
        return "ACL15_ADMIN";
    }
}
