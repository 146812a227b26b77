package org.journalmq.jms.audit;

import org.journalmq.persistence.JournalConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The acting user of the audit lines, read from the configuration (a refused login has no connection to ask). */
class AuditTest {

    private static String user(JournalConfig.Builder b) {
        return Audit.databaseUser(b.build());
    }

    @Test
    void theConfiguredUserWins() {
        assertEquals("alice", user(JournalConfig.builder("jdbc:postgresql://h/db?user=bob").user("alice")));
    }

    @Test
    void elseTheUserOfTheUrl() {
        assertEquals("bob", user(JournalConfig.builder("jdbc:postgresql://h/db?ssl=true&user=bob&password=pw")));
        assertEquals("carol", user(JournalConfig.builder("jdbc:hsqldb:mem:x;user=carol;password=pw")));
    }

    @Test
    void elseTheDriversDefault() {
        assertEquals("SA", user(JournalConfig.builder("jdbc:hsqldb:mem:x")));
        // pgjdbc connects as the OS user when no user is given
        assertEquals(System.getProperty("user.name"), user(JournalConfig.builder("jdbc:postgresql://h/db")));
    }

    @Test
    void aDataSourceWithoutUserIsNamedSo() {
        org.hsqldb.jdbc.JDBCDataSource ds = new org.hsqldb.jdbc.JDBCDataSource();
        assertEquals("(the DataSource's user)", user(JournalConfig.builder(ds)));
        assertEquals("app", user(JournalConfig.builder(ds).user("app")));
    }

    @Test
    void theActorNamesTheOsUserAndNeverThePassword() {
        String actor = Audit.actor(JournalConfig.builder("jdbc:postgresql://h/db?password=pw-in-url")
                .user("alice").password("pw-in-config").build());
        assertEquals("user alice, os user " + System.getProperty("user.name"), actor);
    }
}
