package org.journalmq.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    void openWaitsOutTheLockFileOfAKilledJvm() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoldJournal.class.getName(), config.jdbcUrl()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                // skip the child's log lines
            }
            assertEquals("READY", line, "the child opened the journal");
            child.destroyForcibly(); // SIGKILL: the lock file stays behind
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }

        long start = System.nanoTime();
        Journal journal = open(); // would fail at once without the bounded wait for the lock
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(1, journal.depth("crash"), "the committed send survived kill -9");
        assertTrue(waited < 20_000, "waited " + waited + " ms");
        assertTrue(waited > 1_000, "the killed JVM's lock file was in the way for a while: " + waited + " ms");
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
