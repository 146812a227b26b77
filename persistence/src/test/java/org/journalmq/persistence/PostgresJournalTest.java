package org.journalmq.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The conformance suite on PostgreSQL, each test with its own table prefix. */
class PostgresJournalTest extends JournalConformanceTest {

    @Override
    protected JournalConfig.Builder freshConfig() {
        return TestDatabases.postgres();
    }

    @Override
    public String unreachableUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/journal?user=journalmq&password=secretpw";
    }

    @Override
    public JournalConfig wrongCredentials(JournalConfig base) {
        return base.toBuilder().user("jmq_no_such_role").build();
    }

    @Override
    protected void cleanUp(JournalConfig config) {
        if (config != null) {
            TestDatabases.dropAll(config);
        }
    }

    /**
     * The heartbeat renews this client's leases without waiting for rows another transaction holds.
     * Waiting deadlocked with the writer's acks of the same client, which lock rows in another order
     * (113 deadlocks in a 10,000,000-message drain, docs/benchmarks.md); a held row is being acked or
     * released anyway, and the next round renews it if it is still leased.
     */
    @Test
    void leaseRenewalSkipsRowsAnotherTransactionHolds() throws Exception {
        Journal j = open(config.toBuilder().leaseMillis(3_000).build()); // a maintenance round every second
        j.writeAndWait(new UnitOfWork(List.of(message("renew", 4, "a"), message("renew", 4, "b")), List.of()));
        List<StoredMessage> claimed = j.claim(ClaimRequest.of("renew", 2));
        assertEquals(2, claimed.size());
        long held = claimed.get(0).id();
        long free = claimed.get(1).id();
        String table = config.tablePrefix() + "DELIVERY";
        try (Connection lock = TestDatabases.connect(config); Connection look = TestDatabases.connect(config)) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.executeQuery("SELECT id FROM " + table + " WHERE id = " + held + " FOR UPDATE").close();
            }
            long heldLease = leaseUntil(look, table, held);
            long start = leaseUntil(look, table, free);
            ConformanceSupport.await("the row nobody holds is renewed while the other is held",
                    () -> leaseUntil(look, table, free) > start);
            assertEquals(heldLease, leaseUntil(look, table, held), "the held row was skipped, not waited for");
            lock.rollback();
            long released = leaseUntil(look, table, held);
            ConformanceSupport.await("the held row is renewed once free", () -> leaseUntil(look, table, held) > released);
        }
    }

    private static long leaseUntil(Connection c, String table, long id) {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT lease_until FROM " + table + " WHERE id = " + id)) {
            assertTrue(rs.next(), "row " + id);
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void claimWalksTheClaimIndex() throws Exception {
        Journal j = open();
        for (int d = 0; d < 20; d++) {
            String destination = "q" + d;
            j.writeAndWait(new UnitOfWork(IntStream.range(0, 500)
                    .mapToObj(i -> message(destination, i % 10, "m")).toList(), List.of()));
        }
        String table = config.tablePrefix() + "DELIVERY";
        try (Connection c = TestDatabases.connect(config); Statement s = c.createStatement()) {
            s.execute("ANALYZE " + table);
            List<String> plan = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN SELECT id FROM " + table
                    + " WHERE destination = 'q3' AND state = 0 AND deliver_at <= 1 AND (expires_at = 0 OR expires_at > 1)"
                    + " ORDER BY priority_rank, id LIMIT 10 FOR UPDATE SKIP LOCKED");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
            assertTrue(String.join("\n", plan).toLowerCase().contains("delivery_claim_ix"), String.join("\n", plan));
        }
    }

    /** With password authentication (role journalmq_auth, scram-sha-256) the password matters. */
    @Test
    void passwordIsCheckedAndNeverShown() {
        JournalConfig right = TestDatabases.postgresWithPassword().connectTimeoutMillis(60_000).build();
        try {
            Journal j = open(right);
            j.writeAndWait(UnitOfWork.send(message("auth", 4, "ok")));
            assertEquals(1, j.depth("auth"));
            String wrongPassword = "Wrong-" + right.password();
            JournalException e = assertThrows(JournalException.class,
                    () -> open(right.toBuilder().password(wrongPassword).build()));
            assertEquals(JournalException.Kind.AUTHENTICATION, e.kind(), e.getMessage());
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains(wrongPassword), "password in " + t);
                assertFalse(String.valueOf(t.getMessage()).contains(right.password()), "password in " + t);
            }
        } finally {
            TestDatabases.dropAll(right);
        }
    }
}
