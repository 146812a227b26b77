package org.journalmq.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.journalmq.persistence.jdbc.SqlErrors;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * The conformance suite on MariaDB (issue 17), each test with its own table prefix; skipped
 * without MariaDB, mandatory when CI=true. The tests below cover what is MariaDB's own: the
 * two-statement SKIP LOCKED claim, case-sensitive names, the lock-wait timeout being retryable.
 */
class MariaDbJournalTest extends JournalConformanceTest {

    @Override
    protected JournalConfig.Builder freshConfig() {
        return TestDatabases.mariaDb();
    }

    @Override
    public String unreachableUrl(int port) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/journal?user=journalmq&password=secretpw";
    }

    @Override
    public JournalConfig wrongCredentials(JournalConfig base) {
        return base.toBuilder().user("jmq_no_such_user").build();
    }

    @Override
    protected void cleanUp(JournalConfig config) {
        if (config != null) {
            TestDatabases.dropAll(config);
        }
    }

    /**
     * A claim passes over the rows another transaction holds instead of waiting for them: the
     * first row stays locked by a plain connection while the journal claims, and the claim returns
     * the second at once (an optimistic claim would wait innodb_lock_wait_timeout, then fail).
     */
    @Test
    void claimSkipsRowsOtherTransactionsHold() throws Exception {
        Journal j = open();
        j.writeAndWait(new UnitOfWork(List.of(message(QUEUE, 4, "first"), message(QUEUE, 4, "second")), List.of()));
        try (Connection holder = TestDatabases.connect(config); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            long head;
            try (ResultSet rs = s.executeQuery("SELECT MIN(id) FROM " + config.tablePrefix() + "DELIVERY")) {
                rs.next();
                head = rs.getLong(1);
            }
            s.executeQuery("SELECT id FROM " + config.tablePrefix() + "DELIVERY WHERE id = " + head + " FOR UPDATE")
                    .close();
            List<StoredMessage> claimed = j.claim(ClaimRequest.of(QUEUE, 10));
            assertEquals(1, claimed.size(), "only the row nobody holds");
            assertTrue(claimed.get(0).id() > head, "the second row, not the held head");
            holder.rollback();
        }
        List<StoredMessage> rest = j.claim(ClaimRequest.of(QUEUE, 10));
        assertEquals(1, rest.size(), "the head is claimable once released");
        assertEquals(1, rest.get(0).deliveryCount());
    }

    /** The binary collation: names that differ in case or trailing space are different queues. */
    @Test
    void destinationNamesAreCaseSensitive() {
        Journal j = open();
        j.writeAndWait(new UnitOfWork(List.of(message("Orders", 4, "a"), message("orders", 4, "b"),
                message("orders ", 4, "c")), List.of()));
        assertEquals(1, j.depth("Orders"));
        assertEquals(1, j.depth("orders"));
        assertEquals(1, j.depth("orders "));
        assertEquals(1, j.claim(ClaimRequest.of("orders", 10)).size());
    }

    /**
     * The dialect's driver properties, which the journal's pool applies to every connection, give
     * READ COMMITTED whatever the server's default (REPEATABLE READ).
     */
    @Test
    void driverPropertiesGiveReadCommitted() throws Exception {
        try (Connection c = TestDatabases.connect(config); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT @@GLOBAL.tx_isolation")) {
            rs.next();
            assertEquals("REPEATABLE-READ", rs.getString(1), "the server default this test is about");
        }
        java.util.Properties props = new java.util.Properties();
        org.journalmq.persistence.dialect.Dialects.forUrl(config.jdbcUrl()).orElseThrow().driverProperties()
                .forEach(props::setProperty);
        props.setProperty("user", TestDatabases.mariaDbUser());
        try (Connection c = java.sql.DriverManager.getConnection(config.jdbcUrl(), props);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT @@tx_isolation")) {
            rs.next();
            assertEquals("READ-COMMITTED", rs.getString(1));
        }
    }

    /**
     * A caller's MariaDB DataSource (issue 7): the dialect comes from the connection's URL. Its
     * owner sets what the journal's own pool gets from the dialect (README): READ COMMITTED and no
     * bulk protocol.
     */
    @Test
    void theDialectComesFromADataSource() throws Exception {
        MariaDbDataSource ds = new MariaDbDataSource(TestDatabases.mariaDbUrl()
                + "?transactionIsolation=READ-COMMITTED&useBulkStmts=false&useBulkStmtsForInserts=false");
        ds.setUser(TestDatabases.mariaDbUser());
        Journal journal = open(JournalConfig.builder(ds).tablePrefix(config.tablePrefix()).build());
        assertTrue(journal.config().jdbcUrl().startsWith("jdbc:mariadb:"), journal.config().jdbcUrl());
        byte[] body = "via DataSource".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        journal.writeAndWait(new UnitOfWork(List.of(new NewMessage(QUEUE, 4, 0, 0, null, body, null, "dup-1"),
                new NewMessage(QUEUE, 4, 0, 0, null, body, null, "dup-1"), message(QUEUE, 4, "plain")), List.of()));
        assertEquals(2, journal.claim(ClaimRequest.of(QUEUE, 10)).size(), "the second dup-1 is suppressed");
        assertEquals(1, journal.trafficCounts().duplicates(QUEUE));
    }

    /**
     * Journals of several JVMs that start together on a fresh prefix all migrate it (DDL commits
     * on its own in MariaDB, so nothing serialises them across JVMs) and all open. Two spellings
     * of the server's host are two database keys, so this JVM's own migration lock does not
     * serialise them either, as it would not for two JVMs.
     */
    @Test
    void journalsStartingTogetherAllMigrateAndOpen() throws Exception {
        String other = config.jdbcUrl().replace("//127.0.0.1:", "//localhost:");
        assertTrue(!other.equals(config.jdbcUrl()), "the test URL names 127.0.0.1: " + config.jdbcUrl());
        for (int round = 0; round < 3; round++) {
            JournalConfig fresh = config.toBuilder().tablePrefix(TestDatabases.randomPrefix()).build();
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(4);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<Journal>> opening = new java.util.ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    JournalConfig c = i % 2 == 0 ? fresh : JournalConfig.builder(other).user(fresh.user())
                            .tablePrefix(fresh.tablePrefix()).leaseMillis(fresh.leaseMillis()).build();
                    opening.add(pool.submit(() -> {
                        start.await();
                        return open(c);
                    }));
                }
                for (java.util.concurrent.Future<Journal> f : opening) {
                    f.get(60, java.util.concurrent.TimeUnit.SECONDS).writeAndWait(UnitOfWork.send(message(QUEUE, 4, "m")));
                }
                try (Connection c = TestDatabases.connect(fresh); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(version) FROM " + fresh.tablePrefix()
                             + "SCHEMA_VERSION")) {
                    rs.next();
                    int latest = new org.journalmq.persistence.dialect.MariaDbDialect().latestSchemaVersion();
                    assertEquals(latest, rs.getInt(1), "each version recorded once");
                    assertEquals(latest, rs.getInt(2));
                }
            } finally {
                pool.shutdownNow();
                TestDatabases.dropAll(fresh);
            }
        }
    }

    /** InnoDB's lock-wait timeout (error 1205) is retried like a deadlock or serialization failure. */
    @Test
    void lockWaitTimeoutIsRetryable() throws Exception {
        Journal j = open();
        j.writeAndWait(UnitOfWork.send(message(QUEUE, 4, "locked")));
        String table = config.tablePrefix() + "DELIVERY";
        try (Connection holder = TestDatabases.connect(config); Connection waiter = TestDatabases.connect(config);
             Statement hs = holder.createStatement(); Statement ws = waiter.createStatement()) {
            holder.setAutoCommit(false);
            waiter.setAutoCommit(false);
            hs.executeUpdate("UPDATE " + table + " SET lease_until = 1");
            ws.execute("SET SESSION innodb_lock_wait_timeout = 1");
            try (PreparedStatement ps = waiter.prepareStatement("UPDATE " + table + " SET lease_until = 2")) {
                SQLException e = assertThrows(SQLException.class, ps::executeUpdate);
                assertEquals(1205, e.getErrorCode(), e.toString());
                assertTrue(SqlErrors.isRetryable(e), e.toString());
            }
            holder.rollback();
            waiter.rollback();
        }
    }
}
