package org.journalmq.persistence;

import static org.journalmq.persistence.ConformanceSupport.QUEUE;
import static org.journalmq.persistence.ConformanceSupport.await;
import static org.journalmq.persistence.ConformanceSupport.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.journalmq.persistence.JournalException.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Duplicate detection on send (issue 16 item 2): a message whose duplicate id is known on its
 * destination within the window is not stored and its write succeeds; this holds for group-commit
 * writes, XA prepares and local transactions alike, per publish for topics, and the window ends.
 * Part of {@link JournalConformanceTest}.
 */
interface DuplicateConformance extends JournalFixture {
    AtomicInteger BRANCHES = new AtomicInteger();

    private static NewMessage keyed(String destination, String body, String duplicateId) {
        return new NewMessage(destination, 4, 0, 0, null, body.getBytes(StandardCharsets.UTF_8), null, duplicateId);
    }

    private static List<String> drain(Journal j, String destination) {
        List<String> bodies = new ArrayList<>();
        for (StoredMessage m : j.claim(ClaimRequest.of(destination, 100))) {
            bodies.add(body(m));
        }
        return bodies;
    }

    private long recordedIds() {
        try (Connection c = TestDatabases.connect(config());
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + config().tablePrefix() + "DUPLICATE_ID");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static XaId xid() {
        return new XaId(16, ("dup-" + BRANCHES.incrementAndGet() + "-" + System.nanoTime())
                .getBytes(StandardCharsets.UTF_8), new byte[] {2});
    }

    @Test
    @DisplayName("a second write of a known id on the same destination succeeds and stores nothing; other destinations and id-less messages are unaffected")
    default void secondSendOfAnIdStoresNothing() {
        Journal j = open();
        j.writeAndWait(UnitOfWork.send(keyed(QUEUE, "first", "id-1")));
        j.writeAndWait(UnitOfWork.send(keyed(QUEUE, "again", "id-1")));
        j.writeAndWait(UnitOfWork.send(keyed("other", "elsewhere", "id-1")));
        j.writeAndWait(UnitOfWork.send(keyed(QUEUE, "plain", null)));
        j.writeAndWait(UnitOfWork.send(keyed(QUEUE, "plain", null)));
        assertEquals(List.of("first", "plain", "plain"), drain(j, QUEUE));
        assertEquals(List.of("elsewhere"), drain(j, "other"));
        TrafficCounts counts = j.trafficCounts();
        assertEquals(1, counts.duplicates(QUEUE), "the suppressed send is counted");
        assertEquals(3, counts.enqueued(QUEUE), "and not as enqueued");
        assertEquals(0, counts.duplicates("other"));
    }

    @Test
    @DisplayName("a duplicate does not fail the group commit: units queued together all succeed, and within one unit the id's second message is dropped")
    default void duplicateDoesNotAbortTheGroup() {
        Journal j = open();
        j.writeAndWait(UnitOfWork.send(keyed(QUEUE, "known", "k")));
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            // Queued without waiting, so the writer commits many of them in one transaction.
            futures.add(j.write(UnitOfWork.send(keyed(QUEUE, "dup " + i, "k"))));
            futures.add(j.write(UnitOfWork.send(keyed(QUEUE, "new " + i, "n" + i))));
        }
        futures.add(j.write(new UnitOfWork(List.of(keyed(QUEUE, "twice-a", "t"), keyed(QUEUE, "twice-b", "t"),
                keyed(QUEUE, "beside", null)), List.of())));
        futures.forEach(CompletableFuture::join); // none fails
        List<String> stored = drain(j, QUEUE);
        assertEquals(53, stored.size(), "known, 50 new, twice-a, beside: " + stored);
        assertTrue(stored.contains("twice-a") && !stored.contains("twice-b") && stored.contains("beside"), stored::toString);
        assertTrue(stored.stream().noneMatch(b -> b.startsWith("dup ")), stored::toString);
        assertEquals(51, j.trafficCounts().duplicates(QUEUE));
    }

    @Test
    @DisplayName("topics: the id is checked once per publish (one record, not one per subscription copy)")
    default void topicDuplicateIsPerPublish() {
        Journal j = open();
        String topic = "T:prices";
        j.subscribe(new Subscription("D:a", topic, null, null, true, false), "c1");
        j.subscribe(new Subscription("D:b", topic, null, null, true, false), "c2");
        j.writeAndWait(UnitOfWork.publish(new Publication(keyed(topic, "p1", "pub-1"), null)));
        j.writeAndWait(UnitOfWork.publish(new Publication(keyed(topic, "p1 again", "pub-1"), null)));
        assertEquals(List.of("p1"), drain(j, "D:a"));
        assertEquals(List.of("p1"), drain(j, "D:b"));
        assertEquals(1, recordedIds());
        assertEquals(1, j.trafficCounts().duplicates(topic));
    }

    @Test
    @DisplayName("XA: ids are recorded at prepare; a committed branch's id suppresses a resend, a rolled back branch's id does not")
    default void xaPrepareRecordsTheIdUnderTheBranch() {
        Journal j = open();
        XaId committed = xid();
        j.prepare(committed, new UnitOfWork(List.of(keyed(QUEUE, "xa", "x-1"), keyed(QUEUE, "xa dup", "x-1")), List.of()));
        assertEquals(XaOutcome.DONE, j.commitPrepared(committed));
        j.writeAndWait(UnitOfWork.send(keyed(QUEUE, "resent", "x-1")));
        assertEquals(List.of("xa"), drain(j, QUEUE));

        XaId rolledBack = xid();
        j.prepare(rolledBack, UnitOfWork.send(keyed(QUEUE, "xa 2", "x-2")));
        assertEquals(XaOutcome.DONE, j.rollbackPrepared(rolledBack));
        j.writeAndWait(UnitOfWork.send(keyed(QUEUE, "resent 2", "x-2")));
        assertEquals(List.of("resent 2"), drain(j, QUEUE), "the rollback took the id back");

        XaId third = xid();
        j.prepare(third, UnitOfWork.send(keyed(QUEUE, "xa 3", "x-1")));
        assertEquals(XaOutcome.DONE, j.commitPrepared(third));
        assertEquals(List.of(), drain(j, QUEUE), "a prepare's duplicate stores nothing either");
        assertEquals(3, j.trafficCounts().duplicates(QUEUE));
    }

    @Test
    @DisplayName("local transactions: the id is recorded in the caller's transaction; its rollback forgets it, its commit keeps it")
    default void localTransactionRecordsTheIdInTheCallersTransaction() throws SQLException {
        Journal j = open();
        try (Connection c = TestDatabases.connect(config())) {
            c.setAutoCommit(false);
            j.applyLocal(c, UnitOfWork.send(keyed(QUEUE, "rolled back", "l-1")));
            j.rollbackLocal(c);
            j.applyLocal(c, new UnitOfWork(List.of(keyed(QUEUE, "local", "l-1"), keyed(QUEUE, "local dup", "l-1")),
                    List.of()));
            j.commitLocal(c);
            j.writeAndWait(UnitOfWork.send(keyed(QUEUE, "resent", "l-1")));
            j.applyLocal(c, UnitOfWork.send(keyed(QUEUE, "resent locally", "l-1")));
            j.commitLocal(c);
        }
        assertEquals(List.of("local"), drain(j, QUEUE));
    }

    @Test
    @DisplayName("the window ends: a resend is suppressed until the id's window passed, then stored")
    default void windowExpires() {
        long window = 1_500;
        Journal j = open(config().toBuilder().duplicateWindowMillis(window).build());
        long first = j.now();
        j.writeAndWait(UnitOfWork.send(keyed(QUEUE, "first", "w")));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int attempts = 0;
        long storedAt;
        while (true) {
            long before = j.now();
            j.writeAndWait(UnitOfWork.send(keyed(QUEUE, "resend " + attempts++, "w")));
            if (j.depth(QUEUE) == 2) {
                storedAt = before;
                break;
            }
            assertTrue(System.nanoTime() < deadline, "the resend was never stored");
            await("a moment to pass", () -> j.now() > before + 50); // bounded: the journal clock advances
        }
        assertTrue(storedAt + 1_000 >= first + window, "stored only once the window had (nearly) passed: after "
                + (storedAt - first) + " ms of " + window);
        assertTrue(attempts > 1, "resends within the window were suppressed");
        assertEquals(attempts - 1, j.trafficCounts().duplicates(QUEUE));
    }

    @Test
    @DisplayName("maintenance deletes ids whose window ended")
    default void maintenanceSweepsExpiredIds() {
        useShortLease();
        Journal j = open(config().toBuilder().duplicateWindowMillis(200).build());
        j.writeAndWait(new UnitOfWork(List.of(keyed(QUEUE, "a", "s-1"), keyed(QUEUE, "b", "s-2")), List.of()));
        await("the expired ids to be swept", () -> recordedIds() == 0);
        assertEquals(2, j.depth(QUEUE), "the messages stay");
    }

    @Test
    @DisplayName("an empty or over-long duplicate id is refused with INVALID_ARGUMENT naming it")
    default void badDuplicateIdIsRefused() {
        Journal j = open();
        JournalException e = assertThrows(JournalException.class,
                () -> j.writeAndWait(UnitOfWork.send(keyed(QUEUE, "x", "i".repeat(256)))));
        assertEquals(Kind.INVALID_ARGUMENT, e.kind());
        assertTrue(e.getMessage().contains("duplicate id"), e.getMessage());
        assertEquals(0, j.depth(QUEUE));
    }
}
