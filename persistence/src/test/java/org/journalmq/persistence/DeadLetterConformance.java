package org.journalmq.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.journalmq.persistence.ConformanceSupport.*;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.journalmq.persistence.JournalException.Kind;
import org.junit.jupiter.api.Test;

/**
 * What the dead-letter queue and the expiry queue rely on (migration 4): a claimed row moves to
 * another destination in one transaction, by claim token; the expiry sweep moves rows that carry
 * an expiry address and deletes the others, in bounded batches. Part of {@link JournalConformanceTest}.
 */
interface DeadLetterConformance extends JournalFixture {

    String DLQ = "Q:DLQ.orders";
    String EXPIRY = "Q:ExpiryQueue";

    @Test
    default void aMoveIsASendAndAnAckInOneUnitAndMissesAsAWholeWhenTheClaimIsStale() {
        Journal j = open();
        j.writeAndWait(UnitOfWork.send(message(QUEUE, 6, "poison")));
        StoredMessage claimed = j.claim(ClaimRequest.of(QUEUE, 1)).get(0);

        NewMessage copy = new NewMessage(DLQ, claimed.priority(), 0, 0, null, "poison+reason".getBytes(UTF_8));
        j.writeAndWait(new UnitOfWork(List.of(copy), List.of(claimed.ack())));
        assertEquals(0, j.depth(QUEUE));
        StoredMessage dead = j.claim(ClaimRequest.of(DLQ, 1)).get(0);
        assertEquals("poison+reason", body(dead));
        assertEquals(6, dead.priority());

        // A stale claim token (the row was released and claimed again): nothing of the unit applies.
        j.writeAndWait(UnitOfWork.send(message(QUEUE, 4, "second")));
        StoredMessage first = j.claim(ClaimRequest.of(QUEUE, 1)).get(0);
        j.release(List.of(new Release(first.id(), first.deliveryCount(), 0, true)));
        StoredMessage again = j.claim(ClaimRequest.of(QUEUE, 1)).get(0);
        JournalException e = assertThrows(JournalException.class, () -> j.writeAndWait(new UnitOfWork(
                List.of(new NewMessage(DLQ, 4, 0, 0, null, new byte[] {9})), List.of(first.ack()))));
        assertEquals(Kind.LEASE_LOST, e.kind());
        assertEquals(1, j.depth(DLQ), "no copy was inserted for the stale move");
        assertEquals(1, j.depth(QUEUE), "the row is still held by its current claim");
        j.writeAndWait(UnitOfWork.ack(List.of(again.ack())));
    }

    @Test
    default void expirySweepMovesRowsWithAnExpiryAddressAndDropsTheOthers() {
        useShortLease();
        Journal j = open();
        long now = j.now();
        long expiresAt = now + 200;
        sendAll(j, List.of(
                new NewMessage(QUEUE, 7, 0, expiresAt, "g1", "moved-1".getBytes(UTF_8), EXPIRY),
                new NewMessage(QUEUE, 3, 0, expiresAt, null, "moved-2".getBytes(UTF_8), EXPIRY),
                new NewMessage(QUEUE, 4, 0, expiresAt, null, "dropped".getBytes(UTF_8)),
                new NewMessage(QUEUE, 4, 0, now + 600_000, null, "neighbour".getBytes(UTF_8), EXPIRY)));

        await("the expired rows left the queue", () -> j.depth(QUEUE) == 1);
        assertEquals(2, j.depth(EXPIRY), "the row without an expiry address was deleted, not moved");

        List<StoredMessage> moved = j.claim(ClaimRequest.of(EXPIRY, 10));
        assertEquals(List.of("moved-1", "moved-2"), moved.stream().map(ConformanceSupport::body).toList(),
                "delivery order (priority) is kept");
        for (StoredMessage m : moved) {
            assertEquals(EXPIRY, m.destination());
            assertEquals(QUEUE, m.origin());
            assertTrue(m.movedOnExpiry());
            assertEquals(expiresAt, m.expiredAt());
            assertEquals(0, m.expiresAt(), "a moved row no longer expires");
            assertEquals(1, m.deliveryCount(), "first delivery in its new destination");
        }
        assertEquals("g1", moved.get(0).groupId());
        StoredMessage neighbour = j.claim(ClaimRequest.of(QUEUE, 1)).get(0);
        assertEquals("neighbour", body(neighbour));
        assertNull(neighbour.origin());
        assertEquals(0, neighbour.expiredAt());
    }

    @Test
    default void expirySweepLeavesClaimedRowsAlone() {
        useShortLease();
        Journal j = open();
        long now = j.now();
        sendAll(j, List.of(new NewMessage(QUEUE, 9, 0, now + 400, null, "held".getBytes(UTF_8), EXPIRY),
                new NewMessage(QUEUE, 1, 0, now + 400, null, "waiting".getBytes(UTF_8), EXPIRY)));
        StoredMessage held = j.claim(ClaimRequest.of(QUEUE, 1)).get(0);
        assertEquals("held", body(held));

        await("the waiting row is moved", () -> j.depth(EXPIRY) == 1);
        assertEquals(1, j.depth(QUEUE), "the claimed row stays where its consumer holds it");
        j.writeAndWait(UnitOfWork.ack(List.of(held.ack()))); // its claim token still matches
        assertEquals(0, j.depth(QUEUE));
    }

    @Test
    default void expirySweepWorksInBatchesThroughABacklogLargerThanOneBatch() {
        useShortLease();
        Journal j = open();
        long expiresAt = j.now() + 300;
        List<NewMessage> batch = new ArrayList<>();
        for (int i = 0; i < 1_300; i++) {
            batch.add(new NewMessage(QUEUE, 4, 0, expiresAt, null, ("m" + i).getBytes(UTF_8),
                    i % 2 == 0 ? EXPIRY : null));
        }
        sendAll(j, batch);
        sendAll(j, List.of(message(QUEUE, 4, "kept")));

        await("every expired row is moved or dropped", () -> j.depth(QUEUE) == 1);
        assertEquals(650, j.depth(EXPIRY));
        List<String> bodies = new ArrayList<>();
        List<StoredMessage> page;
        while (!(page = j.claim(ClaimRequest.of(EXPIRY, 200))).isEmpty()) {
            page.forEach(m -> bodies.add(body(m)));
        }
        assertEquals(IntStream.range(0, 1_300).filter(i -> i % 2 == 0).mapToObj(i -> "m" + i).sorted().toList(),
                bodies.stream().sorted().toList(), "each even message moved exactly once");
    }

    @Test
    default void expiredTopicCopiesWithASharedBodyMoveWithTheirBody() {
        useShortLease();
        Journal j = open();
        j.subscribe(new Subscription("D:one", "T:prices", null, null, true, false), "c1");
        j.subscribe(new Subscription("D:two", "T:prices", null, null, true, false), "c2");
        byte[] large = new byte[64 * 1024]; // above every dialect's shared-body threshold
        Arrays.fill(large, (byte) 7);
        NewMessage m = new NewMessage("T:prices", 4, 0, j.now() + 200, null, large, EXPIRY);
        j.writeAndWait(UnitOfWork.publish(new Publication(m, null)));

        await("both copies are moved", () -> j.depth(EXPIRY) == 2);
        List<StoredMessage> moved = j.claim(ClaimRequest.of(EXPIRY, 10));
        assertEquals(List.of("D:one", "D:two"), moved.stream().map(StoredMessage::origin).sorted().toList());
        for (StoredMessage copy : moved) {
            assertArrayEquals(large, copy.data());
        }
        assertEquals(0, j.depth("D:one"));
        assertFalse(moved.get(0).id() == moved.get(1).id());
    }

    /** A journal written before migration 4 is upgraded in place; its rows keep the old expiry behaviour. */
    @Test
    default void migrationFourUpgradesAPopulatedJournal() throws SQLException {
        Journal first = open();
        sendAll(first, List.of(message(QUEUE, 4, "written before"),
                new NewMessage(QUEUE, 4, 0, first.now() + 600_000, null, "expires later".getBytes(UTF_8))));
        first.close();
        String prefix = config().tablePrefix();
        try (Connection c = TestDatabases.connect(config()); Statement s = c.createStatement()) {
            for (String column : List.of("expiry_address", "origin", "expired_at")) {
                s.execute("ALTER TABLE " + prefix + "DELIVERY DROP COLUMN " + column);
            }
            s.execute("DELETE FROM " + prefix + "SCHEMA_VERSION WHERE version > 2");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }

        Journal upgraded = open();
        List<StoredMessage> rows = upgraded.claim(ClaimRequest.of(QUEUE, 10));
        assertEquals(List.of("written before", "expires later"), rows.stream().map(ConformanceSupport::body).toList());
        for (StoredMessage m : rows) {
            assertNull(m.origin());
            assertEquals(0, m.expiredAt());
        }
        try (Connection c = TestDatabases.connect(config()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + prefix + "DELIVERY WHERE expiry_address IS NULL")) {
            assertTrue(rs.next());
            assertEquals(2, rs.getInt(1), "rows from before migration 4 are deleted when they expire, as before");
        }
    }
}
