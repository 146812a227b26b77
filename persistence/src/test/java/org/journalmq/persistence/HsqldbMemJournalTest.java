package org.journalmq.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The conformance suite on an in-memory HSQLDB database. */
class HsqldbMemJournalTest extends JournalConformanceTest {

    @Override
    protected JournalConfig.Builder freshConfig() {
        return JournalConfig.builder(TestDatabases.hsqldbMemUrl());
    }

    @Override
    public String unreachableUrl(int port) {
        return "jdbc:hsqldb:hsql://127.0.0.1:" + port + "/journal;password=secretpw";
    }

    @Override
    public JournalConfig wrongCredentials(JournalConfig base) {
        return base.toBuilder().user("NOBODY").password("wrong").build();
    }

    @Override
    protected void cleanUp(JournalConfig config) {
        TestDatabases.shutdownHsqldb(config.jdbcUrl());
    }

    @Test
    void runsWithMvcc() throws Exception {
        open();
        try (Connection c = TestDatabases.connect(config); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT PROPERTY_VALUE FROM INFORMATION_SCHEMA.SYSTEM_PROPERTIES"
                     + " WHERE PROPERTY_NAME = 'hsqldb.tx'")) {
            rs.next();
            assertEquals("MVCC", rs.getString(1).toUpperCase());
        }
    }
}
