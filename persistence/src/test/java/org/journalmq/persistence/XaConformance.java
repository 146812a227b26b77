package org.journalmq.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.journalmq.persistence.ConformanceSupport.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.journalmq.persistence.JournalException.Kind;
import org.journalmq.persistence.PreparedBranch.State;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The journal as an XA resource manager (DESIGN.md "Transacted sessions ... XA"; X/Open XA
 * xa_prepare/xa_commit/xa_rollback/xa_recover/xa_forget semantics). Part of {@link JournalConformanceTest}.
 */
interface XaConformance extends JournalFixture {
    AtomicInteger XIDS = new AtomicInteger();

    private static XaId xid() {
        return new XaId(4711, ("gtrid-" + XIDS.incrementAndGet() + "-" + System.nanoTime()).getBytes(UTF_8),
                new byte[] {1, 2});
    }

    private static List<String> bodies(List<StoredMessage> rows) {
        return rows.stream().map(ConformanceSupport::body).toList();
    }

    private List<XaId> recorded(Journal j) {
        return j.preparedBranches().stream().map(PreparedBranch::xid).toList();
    }

    @Test
    @DisplayName("xa_prepare: a prepared send is invisible to claims and browses until commit")
    default void preparedSendInvisibleUntilCommit() {
        Journal j = open();
        XaId xid = xid();
        j.prepare(xid, UnitOfWork.send(message(QUEUE, 4, "prepared")));
        assertEquals(List.of(), j.claim(ClaimRequest.of(QUEUE, 10)));
        assertEquals(List.of(), j.browse(QUEUE, null, 10));
        assertEquals(List.of(xid), recorded(j));

        assertEquals(XaOutcome.DONE, j.commitPrepared(xid));
        assertEquals(List.of("prepared"), bodies(j.claim(ClaimRequest.of(QUEUE, 10))));
        assertEquals(List.of(), j.preparedBranches(), "a committed branch is no longer recorded");
    }

    @Test
    @DisplayName("xa_prepare: a prepared ack keeps its row claimed, even when maintenance finds its lease expired")
    default void preparedAckStaysClaimedAcrossMaintenance() throws SQLException {
        useShortLease();
        Journal j = open();
        sendAll(j, List.of(message(QUEUE, 4, "acked"), message(QUEUE, 4, "canary")));
        List<StoredMessage> claimed = j.claim(ClaimRequest.of(QUEUE, 2));
        StoredMessage acked = claimed.get(0);
        StoredMessage canary = claimed.get(1);
        XaId xid = xid();
        j.prepare(xid, UnitOfWork.ack(List.of(acked.ack())));
        // Both leases run out now and their owner is gone; maintenance gives back the plain claim,
        // never the prepared ack.
        expireLeases(List.of(acked.id(), canary.id()));
        Journal other = open();
        await("maintenance released the canary's expired lease",
                () -> !other.claim(ClaimRequest.of(QUEUE, 10)).isEmpty());
        assertEquals(2, other.depth(QUEUE), "the prepared ack's row is still there");
        assertEquals(List.of(), other.claim(ClaimRequest.of(QUEUE, 10)), "and nobody can claim it");

        assertEquals(XaOutcome.DONE, other.commitPrepared(xid));
        assertEquals(1, other.depth(QUEUE), "commit deleted the acknowledged row; the canary stays claimed");
    }

    @Test
    @DisplayName("xa_rollback: prepared sends vanish, prepared acks are redelivered with their count kept")
    default void rollbackDropsSendsAndRedeliversAcks() {
        Journal j = open();
        sendAll(j, List.of(message(QUEUE, 4, "consumed")));
        StoredMessage consumed = j.claim(ClaimRequest.of(QUEUE, 1)).get(0);
        XaId xid = xid();
        j.prepare(xid, new UnitOfWork(List.of(message("replies", 4, "reply")), List.of(consumed.ack())));

        assertEquals(XaOutcome.DONE, j.rollbackPrepared(xid));
        assertEquals(0, j.depth("replies"));
        List<StoredMessage> again = j.claim(ClaimRequest.of(QUEUE, 1));
        assertEquals(List.of("consumed"), bodies(again));
        assertEquals(2, again.get(0).deliveryCount(), "the redelivery is flagged");
        assertEquals(List.of(), j.preparedBranches());
    }

    @Test
    @DisplayName("xa_commit from a second journal instance finishes a branch prepared by a closed one")
    default void commitFromSecondJournalInstance() {
        Journal first = open();
        sendAll(first, List.of(message(QUEUE, 4, "consumed")));
        StoredMessage consumed = first.claim(ClaimRequest.of(QUEUE, 1)).get(0);
        XaId xid = xid();
        first.prepare(xid, new UnitOfWork(List.of(message("replies", 4, "reply")), List.of(consumed.ack())));
        first.close(); // releases its claims, but not the row held by the prepared branch

        Journal second = open();
        assertEquals(List.of(), second.claim(ClaimRequest.of(QUEUE, 1)), "the prepared ack survived the close");
        assertEquals(XaOutcome.DONE, second.commitPrepared(xid));
        assertEquals(0, second.depth(QUEUE));
        assertEquals(List.of("reply"), bodies(second.claim(ClaimRequest.of("replies", 10))));
    }

    @Test
    @DisplayName("xa_recover after reopen lists the prepared branch with its XID; xa_rollback from the new instance")
    default void recoverAfterReopen() {
        Journal first = open();
        XaId a = xid();
        XaId b = new XaId(a.formatId(), a.gtrid(), new byte[0]); // same transaction, another branch
        first.prepare(a, UnitOfWork.send(message(QUEUE, 4, "a")));
        first.prepare(b, UnitOfWork.send(message(QUEUE, 4, "b")));
        String owner = first.clientId();
        first.close();

        Journal second = open();
        List<PreparedBranch> branches = second.preparedBranches();
        assertEquals(List.of(a, b), branches.stream().map(PreparedBranch::xid).toList());
        for (PreparedBranch p : branches) {
            assertEquals(State.PREPARED, p.state());
            assertEquals(owner, p.owner());
        }
        assertEquals(XaOutcome.DONE, second.rollbackPrepared(a));
        assertEquals(XaOutcome.DONE, second.commitPrepared(b));
        assertEquals(List.of("b"), bodies(second.claim(ClaimRequest.of(QUEUE, 10))));
    }

    @Test
    @DisplayName("xa_prepare of a topic publication: its fanned-out copies stay invisible until commit")
    default void preparedPublicationInvisibleUntilCommit() {
        Journal j = open();
        j.subscribe(new Subscription("D:a", "T:news", null, null, true, false), "c1");
        j.subscribe(new Subscription("D:b", "T:news", null, null, true, false), "c2");
        byte[] big = new byte[8 * 1024]; // stored once in BODY on every dialect
        XaId xid = xid();
        j.prepare(xid, new UnitOfWork(List.of(), List.of(), List.of(
                new Publication(new NewMessage("T:news", 4, 0, 0, null, "small".getBytes(UTF_8)), null),
                new Publication(new NewMessage("T:news", 4, 0, 0, null, big), null))));
        assertEquals(List.of(), j.claim(ClaimRequest.of("D:a", 10)));
        assertEquals(List.of(), j.claim(ClaimRequest.of("D:b", 10)));

        assertEquals(XaOutcome.DONE, j.commitPrepared(xid));
        List<StoredMessage> a = j.claim(ClaimRequest.of("D:a", 10));
        assertEquals(2, a.size());
        assertEquals("small", body(a.get(0)));
        assertEquals(big.length, a.get(1).data().length);
        assertEquals(2, j.claim(ClaimRequest.of("D:b", 10)).size());
    }

    @Test
    @DisplayName("xa_prepare with a lost lease fails with LEASE_LOST and prepares nothing")
    default void prepareWithStaleAckPreparesNothing() {
        Journal j = open();
        sendAll(j, List.of(message(QUEUE, 4, "x")));
        StoredMessage m = j.claim(ClaimRequest.of(QUEUE, 1)).get(0);
        XaId xid = xid();
        JournalException e = assertThrows(JournalException.class, () -> j.prepare(xid,
                new UnitOfWork(List.of(message("replies", 4, "reply")), List.of(new Ack(m.id(), 99)))));
        assertEquals(Kind.LEASE_LOST, e.kind());
        assertEquals(List.of(), j.preparedBranches());
        assertEquals(0, j.depth("replies"));
        j.release(List.of(new Release(m.id(), m.deliveryCount(), 0, true)));
        assertEquals(1, j.claim(ClaimRequest.of(QUEUE, 1)).size(), "the claim was not held by the failed prepare");
    }

    @Test
    @DisplayName("XAER_DUPID / XAER_NOTA: a second prepare of one XID conflicts, an unknown XID is not found")
    default void duplicateAndUnknownBranches() {
        Journal j = open();
        XaId xid = xid();
        j.prepare(xid, UnitOfWork.send(message(QUEUE, 4, "first")));
        JournalException dup = assertThrows(JournalException.class,
                () -> j.prepare(xid, UnitOfWork.send(message(QUEUE, 4, "second"))));
        assertEquals(Kind.CONFLICT, dup.kind());
        XaId unknown = xid();
        assertEquals(Kind.NOT_FOUND, assertThrows(JournalException.class, () -> j.commitPrepared(unknown)).kind());
        assertEquals(Kind.NOT_FOUND, assertThrows(JournalException.class, () -> j.rollbackPrepared(unknown)).kind());
        assertEquals(Kind.NOT_FOUND, assertThrows(JournalException.class, () -> j.forget(unknown)).kind());

        assertEquals(XaOutcome.DONE, j.commitPrepared(xid));
        assertEquals(List.of("first"), bodies(j.claim(ClaimRequest.of(QUEUE, 10))), "the duplicate wrote nothing");
        assertEquals(Kind.NOT_FOUND, assertThrows(JournalException.class, () -> j.commitPrepared(xid)).kind(),
                "a finished branch is gone");
    }

    @Test
    @DisplayName("heuristic completion by an operator is reported to commit/rollback (XA_HEURCOM/XA_HEURRB) until forgotten")
    default void heuristicCompletionIsReportedUntilForgotten() {
        Journal j = open();
        XaId committed = xid();
        XaId rolledBack = xid();
        j.prepare(committed, UnitOfWork.send(message(QUEUE, 4, "kept")));
        j.prepare(rolledBack, UnitOfWork.send(message(QUEUE, 4, "dropped")));
        assertEquals(Kind.CONFLICT, assertThrows(JournalException.class, () -> j.forget(committed)).kind(),
                "a prepared branch cannot be forgotten");

        j.completeHeuristically(committed, true);
        j.completeHeuristically(rolledBack, false);
        assertEquals(Kind.CONFLICT, assertThrows(JournalException.class,
                () -> j.completeHeuristically(committed, false)).kind());
        assertEquals(List.of("kept"), bodies(j.browse(QUEUE, null, 10)));
        assertEquals(List.of(State.HEURISTIC_COMMITTED, State.HEURISTIC_ROLLED_BACK),
                j.preparedBranches().stream().map(PreparedBranch::state).toList(), "listed for recovery");

        assertEquals(XaOutcome.HEURISTIC_COMMITTED, j.rollbackPrepared(committed));
        assertEquals(XaOutcome.HEURISTIC_ROLLED_BACK, j.commitPrepared(rolledBack));
        assertEquals(List.of("kept"), bodies(j.browse(QUEUE, null, 10)), "reporting changed nothing");

        j.forget(committed);
        j.forget(rolledBack);
        assertEquals(List.of(), j.preparedBranches());
    }

    @Test
    @DisplayName("two journals committing one prepared branch at once: exactly one applies it")
    default void concurrentCommitsApplyOnce() throws Exception {
        Journal a = open();
        Journal b = open();
        XaId xid = xid();
        a.prepare(xid, UnitOfWork.send(message(QUEUE, 4, "once")));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (Journal j : List.of(a, b)) {
                calls.add(() -> {
                    try {
                        return j.commitPrepared(xid).name();
                    } catch (JournalException e) {
                        return e.kind().name();
                    }
                });
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                outcomes.add(f.get());
            }
            Collections.sort(outcomes);
            assertEquals(List.of("DONE", "NOT_FOUND"), outcomes);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("once"), bodies(a.claim(ClaimRequest.of(QUEUE, 10))));
    }

    @Test
    @DisplayName("prepares of many branches at once, with sends and topic publications, each keep exactly their own rows")
    default void concurrentPreparesKeepTheirOwnRows() throws Exception {
        Journal j = open();
        j.subscribe(new Subscription("D:all", "T:feed", null, null, true, false), "c1");
        int branches = 24;
        List<XaId> xids = new ArrayList<>();
        for (int i = 0; i < branches; i++) {
            xids.add(xid());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> prepares = new ArrayList<>();
            for (int i = 0; i < branches; i++) {
                int n = i;
                prepares.add(() -> {
                    List<Publication> pubs = n % 2 == 0 ? List.of(new Publication(
                            new NewMessage("T:feed", 4, 0, 0, null, ("p" + n).getBytes(UTF_8)), null)) : List.of();
                    j.prepare(xids.get(n), new UnitOfWork(List.of(message(QUEUE, 4, "m" + n)), List.of(), pubs));
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(prepares)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(branches, j.preparedBranches().size());
        assertEquals(List.of(), j.claim(ClaimRequest.of(QUEUE, 100)));
        assertEquals(List.of(), j.claim(ClaimRequest.of("D:all", 100)));
        for (int i = 0; i < branches; i += 2) {
            assertEquals(XaOutcome.DONE, j.commitPrepared(xids.get(i)));
        }
        for (int i = 1; i < branches; i += 2) {
            assertEquals(XaOutcome.DONE, j.rollbackPrepared(xids.get(i)));
        }
        List<String> queue = new ArrayList<>(bodies(j.claim(ClaimRequest.of(QUEUE, 100))));
        Collections.sort(queue);
        List<String> expected = new ArrayList<>();
        List<String> expectedPubs = new ArrayList<>();
        for (int i = 0; i < branches; i += 2) {
            expected.add("m" + i);
            expectedPubs.add("p" + i);
        }
        Collections.sort(expected);
        Collections.sort(expectedPubs);
        assertEquals(expected, queue, "the committed branches' sends, and only those");
        List<String> published = new ArrayList<>(bodies(j.claim(ClaimRequest.of("D:all", 100))));
        Collections.sort(published);
        assertEquals(expectedPubs, published);
    }

    @Test
    @DisplayName("XaId carries format id, gtrid and bqual by value and refuses the null XID and oversized parts")
    default void xaIdValidation() {
        XaId x = new XaId(1, new byte[] {1}, new byte[] {2});
        assertEquals(x, new XaId(1, new byte[] {1}, new byte[] {2}));
        assertEquals(x.hashCode(), new XaId(1, new byte[] {1}, new byte[] {2}).hashCode());
        assertTrue(x.sameGlobalTransaction(new XaId(1, new byte[] {1}, new byte[] {3})));
        assertThrows(IllegalArgumentException.class, () -> new XaId(-1, new byte[] {1}, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new XaId(1, new byte[0], new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new XaId(1, new byte[65], new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new XaId(1, new byte[1], new byte[65]));
    }

    /**
     * Moves the lease deadline of rows into the past and hands them to a client that no longer
     * exists, as if their owner had died: no maintenance renews them any more.
     */
    private void expireLeases(List<Long> ids) throws SQLException {
        try (Connection c = TestDatabases.connect(config());
             PreparedStatement ps = c.prepareStatement("UPDATE " + config().tablePrefix()
                     + "DELIVERY SET lease_until = 1, owner = 'gone' WHERE id = ?")) {
            for (long id : ids) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }
}
