package org.journalmq.persistence;

import static org.journalmq.persistence.ConformanceSupport.QUEUE;
import static org.journalmq.persistence.ConformanceSupport.await;
import static org.journalmq.persistence.ConformanceSupport.body;
import static org.journalmq.persistence.ConformanceSupport.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.journalmq.persistence.JournalException.Kind;
import org.junit.jupiter.api.Test;

/**
 * Units of work applied in the caller's own JDBC transaction (issue 6, item 4): nothing is visible
 * before the caller commits, nothing remains after it rolls back, acks delete only with the
 * caller's commit, and a connection to another database is refused. Part of
 * {@link JournalConformanceTest}.
 */
interface LocalTransactionConformance extends JournalFixture {

    private Connection callerConnection() throws SQLException {
        Connection c = TestDatabases.connect(config());
        c.setAutoCommit(false);
        return c;
    }

    @Test
    default void localSendIsVisibleOnlyAfterTheCallersCommit() throws Exception {
        Journal j = open();
        try (Connection c = callerConnection()) {
            j.checkLocalConnection(c);
            Set<String> written = j.applyLocal(c, UnitOfWork.send(message(QUEUE, 4, "local")));
            assertEquals(Set.of(QUEUE), written);
            assertEquals(0, j.browse(QUEUE, null, 10).size(), "uncommitted");
            assertEquals(0, j.claim(ClaimRequest.of(QUEUE, 1)).size(), "uncommitted rows are not claimable");
            j.commitLocal(c);
        }
        List<StoredMessage> claimed = j.claim(ClaimRequest.of(QUEUE, 1));
        assertEquals(1, claimed.size());
        assertEquals("local", body(claimed.get(0)));
    }

    @Test
    default void callersRollbackLeavesNoRowAndKeepsTheAckedRowClaimed() throws Exception {
        Journal j = open();
        j.writeAndWait(UnitOfWork.send(message(QUEUE, 4, "in")));
        StoredMessage in = j.claim(ClaimRequest.of(QUEUE, 1)).get(0);
        try (Connection c = callerConnection()) {
            j.applyLocal(c, new UnitOfWork(List.of(message("out", 4, "out")), List.of(in.ack())));
            j.rollbackLocal(c);
        }
        assertEquals(0, j.depth("out"));
        assertEquals(1, j.depth(QUEUE), "the acknowledged row is back after the rollback");
        assertEquals(1, deliveryCountInDatabase(in.id()), "still claimed with the same count");

        try (Connection c = callerConnection()) {
            j.applyLocal(c, new UnitOfWork(List.of(message("out", 4, "out")), List.of(in.ack())));
            j.commitLocal(c);
        }
        assertEquals(0, j.depth(QUEUE), "acknowledged by the commit");
        assertEquals(1, j.depth("out"));
    }

    @Test
    default void staleAckInLocalWorkFailsWithLeaseLost() throws Exception {
        Journal j = open();
        j.writeAndWait(UnitOfWork.send(message(QUEUE, 4, "x")));
        StoredMessage first = j.claim(ClaimRequest.of(QUEUE, 1)).get(0);
        j.release(List.of(new Release(first.id(), first.deliveryCount(), 0, true)));
        j.claim(ClaimRequest.of(QUEUE, 1)); // claimed again: the first claim's count is stale
        try (Connection c = callerConnection()) {
            JournalException e = assertThrows(JournalException.class,
                    () -> j.applyLocal(c, UnitOfWork.ack(List.of(first.ack()))));
            assertEquals(Kind.LEASE_LOST, e.kind());
            j.rollbackLocal(c);
        }
        assertEquals(1, j.depth(QUEUE));
    }

    @Test
    default void localPublicationFansOutToTheSubscriptions() throws Exception {
        Journal j = open();
        j.subscribe(new Subscription("D:a", "T:news", null, null, true, false), "c1");
        j.subscribe(new Subscription("D:b", "T:news", null, null, true, false), "c2");
        try (Connection c = callerConnection()) {
            Set<String> written = j.applyLocal(c, UnitOfWork.publish(new Publication(
                    new NewMessage("T:news", 4, 0, 0, null, "p".getBytes(StandardCharsets.UTF_8)),
                    s -> !s.address().equals("D:b"))));
            assertEquals(Set.of("D:a"), written);
            j.commitLocal(c);
        }
        assertEquals(1, j.depth("D:a"));
        assertEquals(0, j.depth("D:b"), "the filter refused it");
    }

    @Test
    default void afterLocalCommitWakesThisJvmsListeners() throws Exception {
        Journal j = open();
        AtomicInteger wakes = new AtomicInteger();
        j.onAvailable(QUEUE, wakes::incrementAndGet);
        Set<String> written;
        try (Connection c = callerConnection()) {
            written = j.applyLocal(c, UnitOfWork.send(message(QUEUE, 4, "x")));
            j.commitLocal(c);
        }
        j.afterLocalCommit(written);
        await("the listener ran", () -> wakes.get() >= 1);
    }

    @Test
    default void unusableCallerConnectionsAreRefused() throws Exception {
        Journal j = open();
        try (Connection c = TestDatabases.connect(config())) {
            c.setAutoCommit(true);
            JournalException e = assertThrows(JournalException.class, () -> j.checkLocalConnection(c));
            assertEquals(Kind.INVALID_ARGUMENT, e.kind());
            assertTrue(e.getMessage().contains("auto-commit"), e.getMessage());
            assertThrows(JournalException.class, () -> j.applyLocal(c, UnitOfWork.send(message(QUEUE, 4, "x"))));
        }
        String foreignUrl = "jdbc:hsqldb:mem:ltx-foreign-" + System.nanoTime();
        try (Connection foreign = DriverManager.getConnection(foreignUrl, "SA", "")) {
            foreign.setAutoCommit(false);
            JournalException e = assertThrows(JournalException.class, () -> j.checkLocalConnection(foreign));
            assertEquals(Kind.INVALID_ARGUMENT, e.kind());
            assertTrue(e.getMessage().contains("does not reach the journal's database"), e.getMessage());
            foreign.createStatement().execute("SHUTDOWN");
        }
        assertEquals(0, j.depth(QUEUE), "nothing was written");
    }
}
