package org.journalmq.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.journalmq.persistence.ConformanceSupport.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.journalmq.persistence.JournalException.Kind;
import org.junit.jupiter.api.Test;

/** Appending and claiming: order, timing, filters, sizes, wake-up. Part of {@link JournalConformanceTest}. */
interface SendClaimConformance extends JournalFixture {

    @Test
    default void appendAndClaimRoundTripKeepsEveryField() {
        Journal j = open();
        long before = j.now();
        byte[] data = "hello".getBytes(UTF_8);
        j.writeAndWait(UnitOfWork.send(new NewMessage(QUEUE, 7, 0, before + 60_000, "group-1", data)));
        long after = j.now();

        List<StoredMessage> claimed = j.claim(ClaimRequest.of(QUEUE, 10));

        assertEquals(1, claimed.size());
        StoredMessage m = claimed.get(0);
        assertTrue(m.id() > 0);
        assertEquals(QUEUE, m.destination());
        assertEquals(7, m.priority());
        assertEquals(0, m.deliverAt());
        assertEquals(before + 60_000, m.expiresAt());
        assertEquals(1, m.deliveryCount());
        assertTrue(m.createdAt() >= before && m.createdAt() <= after, "createdAt " + m.createdAt());
        assertEquals("group-1", m.groupId());
        assertArrayEquals(data, m.data());
        assertEquals(List.of(), j.claim(ClaimRequest.of(QUEUE, 10)), "a claimed row is not claimed twice");
        assertEquals(1, j.depth(QUEUE));
        assertEquals(0, j.depth("other"));
    }

    @Test
    default void claimsInPriorityOrderThenIdOrderUpToMax() {
        Journal j = open();
        int[] priorities = {1, 5, 9, 5, 0, 9, 4};
        List<NewMessage> sends = new ArrayList<>();
        for (int i = 0; i < priorities.length; i++) {
            sends.add(message(QUEUE, priorities[i], "m" + i));
        }
        sendAll(j, sends);

        List<StoredMessage> first = j.claim(ClaimRequest.of(QUEUE, 3));
        List<StoredMessage> rest = j.claim(ClaimRequest.of(QUEUE, 10));

        assertEquals(List.of("m2", "m5", "m1"), first.stream().map(ConformanceSupport::body).toList());
        assertEquals(List.of("m3", "m6", "m0", "m4"), rest.stream().map(ConformanceSupport::body).toList());
        assertTrue(first.get(0).id() < first.get(1).id(), "same priority: lower id first");
    }

    @Test
    default void deliveryDelayHoldsMessageBack() {
        Journal j = open();
        long deliverAt = j.now() + 500;
        j.writeAndWait(UnitOfWork.send(new NewMessage(QUEUE, 4, deliverAt, 0, null, new byte[] {1})));

        assertEquals(List.of(), j.claim(ClaimRequest.of(QUEUE, 1)));
        assertEquals(List.of(), j.browse(QUEUE, null, 10));
        assertEquals(1, j.stats().get(0).scheduled());

        List<StoredMessage> got = new ArrayList<>();
        await("the delayed message is claimable", () -> got.addAll(j.claim(ClaimRequest.of(QUEUE, 1))));
        assertTrue(j.now() >= deliverAt);
        assertEquals(deliverAt, got.get(0).deliverAt());
    }

    @Test
    default void expiredMessageIsNeverClaimedOrBrowsed() {
        Journal j = open();
        long now = j.now();
        sendAll(j, List.of(new NewMessage(QUEUE, 9, 0, now - 1, null, "expired".getBytes(UTF_8)),
                new NewMessage(QUEUE, 0, 0, now + 60_000, null, "live".getBytes(UTF_8))));

        assertEquals(List.of("live"), j.browse(QUEUE, null, 10).stream().map(ConformanceSupport::body).toList());
        assertEquals(List.of("live"), j.claim(ClaimRequest.of(QUEUE, 10)).stream()
                .map(ConformanceSupport::body).toList());
        assertEquals(List.of(), j.claim(ClaimRequest.of(QUEUE, 10)));
    }

    @Test
    default void oneMebibyteBodyRoundTrips() {
        Journal j = open();
        byte[] data = new byte[1 << 20];
        new Random(42).nextBytes(data);
        j.writeAndWait(UnitOfWork.send(new NewMessage(QUEUE, 4, 0, 0, null, data)));

        assertArrayEquals(data, j.browse(QUEUE, null, 1).get(0).data());
        assertArrayEquals(data, j.claim(ClaimRequest.of(QUEUE, 1)).get(0).data());
    }

    @Test
    default void destinationLongerThan400CharactersIsRejected() {
        Journal j = open();
        String tooLong = "q".repeat(401);
        String longest = "q".repeat(400);

        JournalException e = assertThrows(JournalException.class,
                () -> j.writeAndWait(UnitOfWork.send(message(tooLong, 4, "x"))));
        assertEquals(Kind.INVALID_ARGUMENT, e.kind());
        assertEquals(Kind.INVALID_ARGUMENT, assertThrows(JournalException.class,
                () -> j.claim(ClaimRequest.of(tooLong, 1))).kind());
        assertEquals(Kind.INVALID_ARGUMENT, assertThrows(JournalException.class,
                () -> j.browse(tooLong, null, 1)).kind());
        assertEquals(Kind.INVALID_ARGUMENT, assertThrows(JournalException.class, () -> j.depth(tooLong)).kind());
        assertEquals(Kind.INVALID_ARGUMENT, assertThrows(JournalException.class, () -> j.purge(tooLong)).kind());

        j.writeAndWait(UnitOfWork.send(message(longest, 4, "x")));
        assertEquals(longest, j.claim(ClaimRequest.of(longest, 1)).get(0).destination());
    }

    @Test
    default void filteredClaimTakesOnlyMatchingRowsAndLeavesTheOthersUntouched() {
        Journal j = open();
        sendAll(j, IntStream.range(0, 10).mapToObj(i -> message(QUEUE, 4, String.valueOf(i))).toList());

        List<StoredMessage> even = j.claim(new ClaimRequest(QUEUE, 10, m -> Integer.parseInt(body(m)) % 2 == 0));
        List<StoredMessage> firstOdd = j.claim(new ClaimRequest(QUEUE, 1, m -> Integer.parseInt(body(m)) % 2 == 1));
        List<StoredMessage> rest = j.claim(ClaimRequest.of(QUEUE, 10));

        assertEquals(List.of("0", "2", "4", "6", "8"), even.stream().map(ConformanceSupport::body).toList());
        assertEquals(List.of("1"), firstOdd.stream().map(ConformanceSupport::body).toList());
        assertEquals(List.of("3", "5", "7", "9"), rest.stream().map(ConformanceSupport::body).toList());
        assertTrue(rest.stream().allMatch(m -> m.deliveryCount() == 1), "rejected rows were not claimed before");
    }

    @Test
    default void claimScanResumesWhereItStoppedAndStartsOverAtTheEnd() {
        Journal j = open();
        List<NewMessage> batch = new ArrayList<>();
        for (int i = 0; i < 4_500; i++) {
            batch.add(message(QUEUE, 4, i == 4_200 ? "match" : "other" + i));
        }
        j.writeAndWait(new UnitOfWork(batch, List.of()));
        java.util.function.Predicate<StoredMessage> onlyMatch = m -> body(m).equals("match");

        ClaimResult first = j.claimScan(new ClaimRequest(QUEUE, 1, onlyMatch));
        assertTrue(first.claimed().isEmpty(), "one call reads a bounded part of the backlog");
        assertTrue(first.resumeAfter() != null, "a scan that stopped early says where");
        ClaimResult next = first;
        int calls = 1;
        while (next.claimed().isEmpty() && next.resumeAfter() != null) {
            next = j.claimScan(new ClaimRequest(QUEUE, 1, onlyMatch, next.resumeAfter(), 0, 9));
            calls++;
        }
        assertEquals(List.of("match"), next.claimed().stream().map(ConformanceSupport::body).toList());
        assertTrue(calls <= 3, "resumed scans never read the same rows again: " + calls + " calls");

        ClaimResult end = j.claimScan(new ClaimRequest(QUEUE, 1, onlyMatch, next.resumeAfter(), 0, 9));
        assertTrue(end.claimed().isEmpty());
        assertEquals(null, end.resumeAfter(), "reaching the end starts the next scan over");
        assertEquals(4_500, j.depth(QUEUE), "rejected rows stay");
        assertEquals(1, j.stats().get(0).inFlight());
    }

    @Test
    default void claimScanHonoursThePriorityRange() {
        Journal j = open();
        for (int p = 0; p <= 9; p++) {
            j.writeAndWait(UnitOfWork.send(message(QUEUE, p, "p" + p)));
        }
        ClaimResult r = j.claimScan(new ClaimRequest(QUEUE, 10, m -> true, null, 3, 5));
        assertEquals(List.of("p5", "p4", "p3"), r.claimed().stream().map(ConformanceSupport::body).toList());
        assertEquals(7, j.claim(ClaimRequest.of(QUEUE, 10)).size());
    }

    @Test
    default void sendWakesListenersOfItsDestinationAfterCommit() throws Exception {
        Journal j = open();
        CountDownLatch woken = new CountDownLatch(1);
        AtomicInteger other = new AtomicInteger();
        j.onAvailable(QUEUE, woken::countDown);
        Journal.Registration unregistered = j.onAvailable(QUEUE, other::incrementAndGet);
        unregistered.close();
        j.onAvailable("elsewhere", other::incrementAndGet);

        j.write(UnitOfWork.send(message(QUEUE, 4, "x")));

        assertTrue(woken.await(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
        assertEquals(1, j.depth(QUEUE), "woken after the row committed");
        assertEquals(0, other.get());
    }
}
