package org.journalmq.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.journalmq.persistence.ConformanceSupport.*;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.journalmq.persistence.Receiver.Fetched;
import org.junit.jupiter.api.Test;

/**
 * The consume path through {@link Receiver}: fetches that carry acks and claim in one commit,
 * waiting receivers that are handed this journal's sends, and wake-ups for rows that become
 * ready otherwise. Part of {@link JournalConformanceTest}.
 */
interface ReceiverConformance extends JournalFixture {

    /** Records what the journal tells a receiver. */
    final class Heard implements Receiver.Callbacks {
        final List<StoredMessage> handed = new CopyOnWriteArrayList<>();
        final AtomicInteger wakes = new AtomicInteger();

        @Override
        public void handedOver(List<StoredMessage> rows) {
            handed.addAll(rows);
        }

        @Override
        public void wake() {
            wakes.incrementAndGet();
        }
    }

    private static Fetched fetch(Receiver r, UnitOfWork work, int max) {
        return r.fetch(work, max).join();
    }

    /**
     * Fetches until the receiver waits, finding no row. A fetch may answer "look again" instead of
     * waiting when a wake-up reached the receiver meanwhile (on PostgreSQL the LISTEN connection
     * wakes every receiver once when it connects), so the first fetch alone does not tell.
     */
    private static void awaitWaiting(Receiver r, int max) {
        for (int i = 0; i < 20; i++) {
            Fetched f = fetch(r, none(), max);
            assertTrue(f.rows().isEmpty(), "no row was ready");
            if (f.waiting()) {
                return;
            }
            assertTrue(f.more(), "a fetch that finds nothing either waits or says to look again");
        }
        throw new AssertionError("the receiver never started waiting");
    }

    private static UnitOfWork none() {
        return UnitOfWork.ack(List.of());
    }

    @Test
    default void aFetchCommitsItsAcksAndClaimsTheNextRowsInOneStep() {
        Journal j = open();
        sendAll(j, List.of(message(QUEUE, 4, "a"), message(QUEUE, 4, "b"), message(QUEUE, 4, "c")));
        Receiver r = j.openReceiver(QUEUE, null, 0, 9, new Heard());
        Fetched first = fetch(r, none(), 2);
        assertEquals(List.of("a", "b"), first.rows().stream().map(ConformanceSupport::body).toList());
        assertEquals(1, first.rows().get(0).deliveryCount());
        assertFalse(first.waiting());

        Fetched second = fetch(r, UnitOfWork.ack(first.rows().stream().map(StoredMessage::ack).toList()), 5);
        assertEquals(List.of("c"), second.rows().stream().map(ConformanceSupport::body).toList());
        assertFalse(second.waiting(), "it found a row, so it does not wait");
        assertEquals(1, j.depth(QUEUE), "the acks of a and b committed with the claim of c");
    }

    @Test
    default void aReceiverThatFindsNothingWaitsAndIsHandedTheNextSendAlreadyClaimed() {
        Journal j = open();
        Heard heard = new Heard();
        Receiver r = j.openReceiver(QUEUE, null, 0, 9, heard);
        awaitWaiting(r, 4);

        j.writeAndWait(UnitOfWork.send(message(QUEUE, 4, "x")));
        await("the send is handed over", () -> heard.handed.size() == 1);
        StoredMessage row = heard.handed.get(0);
        assertEquals("x", body(row));
        assertEquals(1, row.deliveryCount(), "a hand-over counts as a claim");
        assertEquals(1, deliveryCountInDatabase(row.id()), "and the count is in the journal, for a crash");
        assertTrue(leaseUntil(row.id()) > j.now(), "the row is leased to this client");
        assertEquals(List.of(), open().claim(ClaimRequest.of(QUEUE, 1)), "another client cannot claim it");

        j.writeAndWait(UnitOfWork.ack(List.of(row.ack())));
        assertEquals(0, j.depth(QUEUE));
    }

    @Test
    default void handOverKeepsSendOrderAndSkipsRowsTheFilterRejects() {
        Journal j = open();
        Heard heard = new Heard();
        Receiver r = j.openReceiver(QUEUE, m -> body(m).startsWith("match"), 0, 9, heard);
        awaitWaiting(r, 10);

        sendAll(j, List.of(message(QUEUE, 4, "other-1"), message(QUEUE, 4, "match-1"), message(QUEUE, 4, "match-2")));
        await("both matches are handed over", () -> heard.handed.size() == 2);
        assertEquals(List.of("match-1", "match-2"), heard.handed.stream().map(ConformanceSupport::body).toList());
        List<StoredMessage> left = j.claim(ClaimRequest.of(QUEUE, 5));
        assertEquals(List.of("other-1"), left.stream().map(ConformanceSupport::body).toList(),
                "the rejected row stays ready for other consumers");
    }

    @Test
    default void waitingReceiversTakeTurnsAndStopWhenTheirRoomIsUsed() {
        Journal j = open();
        Heard a = new Heard();
        Heard b = new Heard();
        awaitWaiting(j.openReceiver(QUEUE, null, 0, 9, a), 1);
        awaitWaiting(j.openReceiver(QUEUE, null, 0, 9, b), 1);

        sendAll(j, List.of(message(QUEUE, 4, "1"), message(QUEUE, 4, "2"), message(QUEUE, 4, "3")));
        await("each receiver got one", () -> a.handed.size() == 1 && b.handed.size() == 1);
        assertEquals(1, j.claim(ClaimRequest.of(QUEUE, 5)).size(), "the third stayed ready: no room left");
    }

    @Test
    default void aHigherPriorityRowOfTheSameCommitIsHandedOverFirst() {
        Journal j = open();
        Heard heard = new Heard();
        awaitWaiting(j.openReceiver(QUEUE, null, 0, 9, heard), 1);
        sendAll(j, List.of(message(QUEUE, 1, "low"), message(QUEUE, 8, "high")));
        await("one row handed over", () -> heard.handed.size() == 1);
        assertEquals("high", body(heard.handed.get(0)));
    }

    @Test
    default void aReleaseWakesWaitingReceiversAndARowLeftDelayedIsNotHandedOver() {
        Journal j = open();
        Heard heard = new Heard();
        Receiver r = j.openReceiver(QUEUE, null, 0, 9, heard);
        j.writeAndWait(UnitOfWork.send(message(QUEUE, 4, "x")));
        StoredMessage m = fetch(r, none(), 1).rows().get(0);
        Receiver other = j.openReceiver(QUEUE, null, 0, 9, new Heard());
        awaitWaiting(other, 1);

        int before = heard.wakes.get();
        j.release(List.of(new Release(m.id(), m.deliveryCount(), 0, true)));
        await("the release wakes the receivers", () -> heard.wakes.get() > before);
        Fetched again = fetch(r, none(), 1);
        assertEquals(2, again.rows().get(0).deliveryCount());

        Heard waiter = new Heard();
        Receiver delayed = j.openReceiver("delayed", null, 0, 9, waiter);
        awaitWaiting(delayed, 1);
        long due = j.now() + 400;
        j.writeAndWait(UnitOfWork.send(new NewMessage("delayed", 4, due, 0, null, "later".getBytes())));
        assertTrue(waiter.handed.isEmpty(), "a row not due yet is never handed over");
        awaitRowsAfterWakes(delayed, waiter, "a timer wakes the receiver when the delay ran out");
        assertTrue(j.now() >= due - 20, "not delivered before the row is due (journal clock)");
    }

    /**
     * Fetches after each wake-up until a row comes. Other wake-ups may come first (on PostgreSQL
     * the LISTEN connection wakes every receiver when it connects); their fetches find nothing, and
     * a fetch that says "look again" is repeated until the receiver waits again.
     */
    private static List<StoredMessage> awaitRowsAfterWakes(Receiver r, Heard heard, String what) {
        List<StoredMessage> got = new CopyOnWriteArrayList<>();
        await(what, () -> {
            if (heard.wakes.getAndSet(0) > 0) {
                for (int i = 0; i < 20; i++) {
                    Fetched f = fetch(r, none(), 1);
                    got.addAll(f.rows());
                    if (!f.rows().isEmpty() || f.waiting()) {
                        break;
                    }
                }
            }
            return !got.isEmpty();
        });
        return got;
    }

    /**
     * A row delayed by a client before this one opened was announced to nobody here: a receiver,
     * at its first wait, reads the earliest such deliver-at from the journal (off the fetching
     * thread) and sets a timer, so the row is delivered when due with no other event (delivery
     * delay, Messaging 3.1 section 7.9).
     */
    @Test
    default void aRowDelayedBeforeTheReceiverOpenedWakesItWhenDue() {
        Journal writer = open();
        long due = writer.now() + 600;
        writer.writeAndWait(UnitOfWork.send(new NewMessage("primed", 4, due, 0, null, "later".getBytes())));

        Journal j = open();
        Heard heard = new Heard();
        Receiver r = j.openReceiver("primed", null, 0, 9, heard);
        assertTrue(fetch(r, none(), 1).rows().isEmpty(), "the row is not due yet");
        List<StoredMessage> got = awaitRowsAfterWakes(r, heard, "a timer wakes the receiver when the row is due");
        assertEquals("later", body(got.get(0)));
        assertTrue(j.now() >= due - 20, "not delivered before it was due (journal clock)");
    }

    @Test
    default void aFilteredScanThatStopsPartWaySaysSoAndAWaitingReceiverCanBeStopped() {
        Journal j = open();
        List<NewMessage> many = new java.util.ArrayList<>();
        for (int i = 0; i < 30_000; i++) { // one fetch scans at most about 20,000 rows
            many.add(message(QUEUE, 4, "other-" + i));
        }
        sendAll(j, many);
        Heard heard = new Heard();
        Receiver r = j.openReceiver(QUEUE, m -> body(m).equals("wanted"), 0, 9, heard);
        Fetched first = fetch(r, none(), 5);
        assertTrue(first.rows().isEmpty());
        assertTrue(first.more(), "30,000 rows are more than one scan reads");
        assertFalse(first.waiting());
        Fetched second = fetch(r, none(), 5);
        assertTrue(second.rows().isEmpty());
        assertFalse(second.more() && second.waiting());
        awaitWaiting(r, 5); // the scan reached the end: it waits instead of starting over

        r.stopWaiting();
        j.writeAndWait(UnitOfWork.send(message(QUEUE, 4, "wanted")));
        assertTrue(heard.handed.isEmpty(), "a receiver that stopped waiting is handed nothing");
        r.close();
    }

    @Test
    default void theJournalTellsWhetherEveryCommitReachesItsReceivers() {
        Journal j = open();
        if (config().jdbcUrl() != null && config().jdbcUrl().startsWith("jdbc:postgresql:")
                && config().dataSource() == null) {
            await("the LISTEN connection is up", j::wakesForEveryWriter);
            Journal other = open(config().toBuilder().poolSize(config().poolSize() + 1).build());
            Heard heard = new Heard();
            awaitWaiting(j.openReceiver(QUEUE, null, 0, 9, heard), 1);
            other.writeAndWait(UnitOfWork.send(message(QUEUE, 4, "from another client")));
            await("another client's commit wakes the receiver (NOTIFY)", () -> heard.wakes.get() > 0);
            assertTrue(heard.handed.isEmpty(), "only this journal's own sends are handed over");
        } else if (config().jdbcUrl() != null && config().jdbcUrl().startsWith("jdbc:hsqldb:hsql:")) {
            assertFalse(j.wakesForEveryWriter(), "an HSQLDB server has other writers nobody announces");
        } else if (config().jdbcUrl() != null && config().jdbcUrl().startsWith("jdbc:hsqldb:")
                && config().dataSource() == null) {
            assertTrue(j.wakesForEveryWriter(), "alone on its in-process database, the journal hears every commit");
            Heard heard = new Heard();
            awaitWaiting(j.openReceiver(QUEUE, null, 0, 9, heard), 1);
            // A second journal on the same database (another configuration): neither hears the other's
            // commits, so the first one's waiting receivers must be told to ask again (issue 13 item 6).
            open(config().toBuilder().poolSize(config().poolSize() + 1).build());
            assertFalse(j.wakesForEveryWriter(), "another journal of this JVM writes to the database unannounced");
            await("the second journal's open wakes the first one's waiting receiver", () -> heard.wakes.get() > 0);
        }
    }
}
