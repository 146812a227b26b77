package org.journalmq.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conformance suite on an embedded HSQLDB file database, plus what only files show. */
class HsqldbFileJournalTest extends JournalConformanceTest {
    @TempDir
    Path directory;

    @Override
    protected JournalConfig.Builder freshConfig() {
        return JournalConfig.builder(TestDatabases.hsqldbFileUrl(directory));
    }

    @Override
    protected String unreachableUrl(int port) {
        return "jdbc:hsqldb:hsql://127.0.0.1:" + port + "/journal;password=secretpw";
    }

    @Override
    protected JournalConfig wrongCredentials(JournalConfig base) {
        return base.toBuilder().user("NOBODY").password("wrong").build();
    }

    @Override
    protected void cleanUp(JournalConfig config) {
        TestDatabases.shutdownHsqldb(config.jdbcUrl());
    }

    @Test
    void closeShutsTheDatabaseDownAndReopenFindsEveryRow() {
        Journal first = open();
        first.writeAndWait(new UnitOfWork(IntStream.range(0, 100)
                .mapToObj(i -> message(QUEUE, i % 10, "m" + i)).toList(), List.of()));
        StoredMessage claimed = first.claim(ClaimRequest.of(QUEUE, 1)).get(0);
        first.close();
        Path lockFile = directory.resolve("journal.lck");
        assertFalse(Files.exists(lockFile), "the last close shuts the database down and frees its lock file");

        Journal second = open();
        assertEquals(100, second.depth(QUEUE));
        List<StoredMessage> all = second.claim(ClaimRequest.of(QUEUE, 200));
        assertEquals(100, all.size());
        assertEquals(claimed.id(), all.get(0).id());
        assertEquals(2, all.get(0).deliveryCount());
        assertTrue(all.subList(1, 100).stream().allMatch(m -> m.deliveryCount() == 1));
    }

    @Test
    void twoJournalsShareTheDatabaseUntilTheLastCloses() {
        Journal a = open();
        Journal b = open();
        a.writeAndWait(UnitOfWork.send(message(QUEUE, 4, "x")));
        a.close();
        assertEquals(1, b.depth(QUEUE), "b still works after a closed");
        assertTrue(Files.exists(directory.resolve("journal.lck")));
        b.close();
        assertFalse(Files.exists(directory.resolve("journal.lck")));
    }

    @Test
    void databaseRunsWithMvccFsyncAtCommitAndCachedTables() throws Exception {
        open();
        try (Connection c = TestDatabases.connect(config); Statement s = c.createStatement()) {
            Map<String, String> properties = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT PROPERTY_NAME, PROPERTY_VALUE FROM"
                    + " INFORMATION_SCHEMA.SYSTEM_PROPERTIES")) {
                while (rs.next()) {
                    properties.put(rs.getString(1), rs.getString(2));
                }
            }
            assertEquals("MVCC", properties.get("hsqldb.tx").toUpperCase());
            assertEquals("false", properties.get("hsqldb.write_delay"));
            try (ResultSet rs = s.executeQuery("SELECT HSQLDB_TYPE FROM INFORMATION_SCHEMA.SYSTEM_TABLES"
                    + " WHERE TABLE_NAME IN ('JMQ_DELIVERY', 'JMQ_CLIENT', 'JMQ_SCHEMA_VERSION')")) {
                int tables = 0;
                while (rs.next()) {
                    tables++;
                    assertEquals("CACHED", rs.getString(1));
                }
                assertEquals(3, tables);
            }
        }
    }
}
