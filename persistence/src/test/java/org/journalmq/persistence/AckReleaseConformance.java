package org.journalmq.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.journalmq.persistence.ConformanceSupport.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.journalmq.persistence.JournalException.Kind;
import org.junit.jupiter.api.Test;

/** Acks, releases, delivery counts and what close does with claims and pending writes. Part of {@link JournalConformanceTest}. */
interface AckReleaseConformance extends JournalFixture {

    @Test
    default void deliveryCountIsPersistedAtClaimAndVisibleAfterReopening() {
        Journal first = open();
        first.writeAndWait(UnitOfWork.send(message(QUEUE, 4, "x")));
        StoredMessage claimed = first.claim(ClaimRequest.of(QUEUE, 1)).get(0);
        assertEquals(1, claimed.deliveryCount());
        assertEquals(1, deliveryCountInDatabase(claimed.id()), "committed by the claim, before any delivery");
        first.close(); // gives the claim back with its count

        Journal second = open();
        List<StoredMessage> again = second.claim(ClaimRequest.of(QUEUE, 1));
        assertEquals(1, again.size());
        assertEquals(2, again.get(0).deliveryCount(), "the redelivery is flagged");
    }

    @Test
    default void releaseDeliveredKeepsTheCountAndUndeliveredTakesItBack() {
        Journal j = open();
        j.writeAndWait(UnitOfWork.send(message(QUEUE, 4, "x")));
        StoredMessage m1 = j.claim(ClaimRequest.of(QUEUE, 1)).get(0);

        j.release(List.of(new Release(m1.id(), m1.deliveryCount(), 0, true)));
        StoredMessage m2 = j.claim(ClaimRequest.of(QUEUE, 1)).get(0);
        assertEquals(2, m2.deliveryCount());

        j.release(List.of(new Release(m2.id(), m2.deliveryCount(), 0, false)));
        StoredMessage m3 = j.claim(ClaimRequest.of(QUEUE, 1)).get(0);
        assertEquals(2, m3.deliveryCount(), "an undelivered release takes its increment back");

        // A release with a stale count (an older claim) changes nothing.
        j.release(List.of(new Release(m3.id(), 1, 0, false)));
        assertEquals(List.of(), j.claim(ClaimRequest.of(QUEUE, 1)));
    }

    @Test
    default void releaseDelayPushesDeliverAtOut() {
        Journal j = open();
        j.writeAndWait(UnitOfWork.send(message(QUEUE, 4, "x")));
        StoredMessage m = j.claim(ClaimRequest.of(QUEUE, 1)).get(0);
        long releasedAt = j.now();
        j.release(List.of(new Release(m.id(), m.deliveryCount(), 400, true)));

        assertEquals(List.of(), j.claim(ClaimRequest.of(QUEUE, 1)));
        List<StoredMessage> got = new ArrayList<>();
        await("the released message is claimable again", () -> got.addAll(j.claim(ClaimRequest.of(QUEUE, 1))));
        assertTrue(got.get(0).deliverAt() >= releasedAt + 400, "deliverAt " + got.get(0).deliverAt());
        assertEquals(2, got.get(0).deliveryCount());
    }

    @Test
    default void acksInBatchesDeleteTheRows() {
        Journal j = open();
        sendAll(j, IntStream.range(0, 50).mapToObj(i -> message(QUEUE, 4, "m" + i)).toList());
        List<StoredMessage> claimed = j.claim(ClaimRequest.of(QUEUE, 50));
        assertEquals(50, claimed.size());

        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int from = 0; from < 50; from += 10) {
            futures.add(j.write(UnitOfWork.ack(claimed.subList(from, from + 10).stream().map(StoredMessage::ack)
                    .toList())));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();

        assertEquals(0, j.depth(QUEUE));
    }

    @Test
    default void staleAckFailsWithLeaseLostAndAppliesNothingOfItsUnit() {
        Journal j = open();
        sendAll(j, List.of(message(QUEUE, 4, "a"), message(QUEUE, 4, "b")));
        List<StoredMessage> claimed = j.claim(ClaimRequest.of(QUEUE, 2));
        StoredMessage a = claimed.get(0);
        StoredMessage b = claimed.get(1);
        // b is given back and claimed again: its first claim token is now stale.
        j.release(List.of(new Release(b.id(), b.deliveryCount(), 0, true)));
        StoredMessage b2 = j.claim(ClaimRequest.of(QUEUE, 1)).get(0);
        assertEquals(b.id(), b2.id());

        UnitOfWork bad = new UnitOfWork(List.of(message(QUEUE, 4, "c")), List.of(a.ack(), b.ack()));
        CompletableFuture<Void> badFuture = j.write(bad);
        CompletableFuture<Void> goodFuture = j.write(UnitOfWork.send(message(QUEUE, 4, "d")));

        CompletionException failed = assertThrows(CompletionException.class, badFuture::join);
        assertEquals(Kind.LEASE_LOST, ((JournalException) failed.getCause()).kind());
        goodFuture.join();
        assertEquals(Kind.LEASE_LOST, assertThrows(JournalException.class, () -> j.writeAndWait(bad)).kind());
        assertEquals(3, j.depth(QUEUE), "a, b and d: neither c nor the ack of a was applied");

        j.writeAndWait(UnitOfWork.ack(List.of(a.ack(), b2.ack())));
        assertEquals(List.of("d"), j.claim(ClaimRequest.of(QUEUE, 10)).stream().map(ConformanceSupport::body)
                .toList());
    }

    @Test
    default void closeReleasesClaimsAndRejectsLaterCalls() {
        Journal first = open();
        sendAll(first, List.of(message(QUEUE, 4, "x"), message(QUEUE, 4, "y")));
        first.claim(ClaimRequest.of(QUEUE, 2));
        first.close();

        assertEquals(Kind.CLOSED, assertThrows(JournalException.class,
                () -> first.claim(ClaimRequest.of(QUEUE, 1))).kind());
        assertEquals(Kind.CLOSED, assertThrows(JournalException.class,
                () -> first.writeAndWait(UnitOfWork.send(message(QUEUE, 4, "z")))).kind());

        Journal second = open();
        List<StoredMessage> again = second.claim(ClaimRequest.of(QUEUE, 10));
        assertEquals(2, again.size());
        assertTrue(again.stream().allMatch(m -> m.deliveryCount() == 2));
    }

    @Test
    default void closeCommitsOrFailsEveryPendingWrite() {
        Journal first = open();
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            futures.add(first.write(UnitOfWork.send(message(QUEUE, 4, "m" + i))));
        }
        first.close();

        int committed = 0;
        for (CompletableFuture<Void> f : futures) {
            assertTrue(f.isDone(), "no write is left pending by close");
            try {
                f.join();
                committed++;
            } catch (CompletionException e) {
                assertEquals(Kind.CLOSED, ((JournalException) e.getCause()).kind());
            }
        }
        assertEquals(committed, open().depth(QUEUE), "exactly the completed writes are in the journal");
        assertTrue(committed > 0);
    }
}
