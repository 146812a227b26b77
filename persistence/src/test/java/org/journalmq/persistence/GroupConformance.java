package org.journalmq.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.journalmq.persistence.ConformanceSupport.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.journalmq.persistence.Receiver.Fetched;
import org.junit.jupiter.api.Test;

/**
 * Message groups (JMSXGroupID, issue 16): the rows of one group go to one claimant at a time, in
 * send order, and a group moves to another claimant only once its holder acknowledged or gave back
 * every row of it. Part of {@link JournalConformanceTest}, so it runs on every dialect.
 */
interface GroupConformance extends JournalFixture {

    private static NewMessage grouped(String group, String body) {
        return new NewMessage(QUEUE, 4, 0, 0, group, body.getBytes(UTF_8));
    }

    private static List<String> bodies(List<StoredMessage> rows) {
        return rows.stream().map(ConformanceSupport::body).toList();
    }

    private static List<Ack> acks(List<StoredMessage> rows) {
        return rows.stream().map(StoredMessage::ack).toList();
    }

    private static List<StoredMessage> claim(Journal j, String claimant, int max) {
        return j.claim(ClaimRequest.of(QUEUE, max).by(claimant));
    }

    @Test
    default void aGroupHasOneClaimantAtATimeAndMovesOnlyWhenItsHolderAckedEveryRow() {
        Journal j = open();
        sendAll(j, List.of(grouped("g", "g1"), grouped("g", "g2"), grouped("g", "g3"), message(QUEUE, 4, "free")));

        List<StoredMessage> a1 = claim(j, "A", 10);
        // One statement judges every row against one snapshot: only the group's first waiting row.
        assertEquals(List.of("g1", "free"), bodies(a1));
        assertEquals(List.of(), claim(j, "B", 10), "B gets no row of g while A holds g1");

        List<StoredMessage> a2 = claim(j, "A", 10);
        assertEquals(List.of("g2"), bodies(a2), "the holder may hold several rows of its group (prefetch)");
        j.writeAndWait(UnitOfWork.ack(acks(a1)));
        assertEquals(List.of(), claim(j, "B", 10), "A still holds g2 unacknowledged");

        j.writeAndWait(UnitOfWork.ack(acks(a2)));
        assertEquals(List.of("g3"), bodies(claim(j, "B", 10)), "A holds nothing of g: the group moves to B");
        assertEquals(List.of(), claim(j, "A", 10));
    }

    @Test
    default void aRowGivenBackWithADelayStillGoesFirstInItsGroup() {
        Journal j = open();
        sendAll(j, List.of(grouped("g", "g1"), grouped("g", "g2")));
        StoredMessage g1 = claim(j, "A", 10).get(0);

        j.release(List.of(new Release(g1.id(), g1.deliveryCount(), 400, true)));

        assertEquals(List.of(), claim(j, "B", 10), "g2 must not overtake g1, which waits out its redelivery delay");
        assertEquals(List.of(), claim(j, "A", 10), "nor for its former holder");
        List<StoredMessage> again = new ArrayList<>();
        await("g1 is claimable again", () -> again.addAll(claim(j, "B", 10)));
        assertEquals(List.of("g1"), bodies(again));
        assertEquals(2, again.get(0).deliveryCount(), "redelivered, counted");
        assertEquals(List.of("g2"), bodies(claim(j, "B", 10)));
    }

    @Test
    default void groupsSpreadOverClaimantsAndRowsWithoutGroupAreUnaffected() {
        Journal j = open();
        List<NewMessage> sends = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (String g : List.of("p", "q", "r", "s")) {
                sends.add(grouped(g, g + i));
            }
            sends.add(message(QUEUE, 4, "x" + i));
        }
        sendAll(j, sends);

        List<StoredMessage> a = claim(j, "A", 3);
        List<StoredMessage> b = claim(j, "B", 20);

        assertEquals(List.of("p0", "q0", "r0"), bodies(a));
        assertEquals(List.of("s0", "x0", "x1", "x2"), bodies(b), "B gets the free group and every ungrouped row");
        Set<String> groupsOfA = a.stream().map(StoredMessage::groupId).collect(Collectors.toSet());
        Set<String> groupsOfB = b.stream().map(StoredMessage::groupId).filter(g -> g != null)
                .collect(Collectors.toSet());
        assertTrue(groupsOfA.stream().noneMatch(groupsOfB::contains), "no group has two claimants");
        assertEquals(List.of("s1"), bodies(claim(j, "B", 20)), "B's next claim: the next row of its own group");
    }

    @Test
    default void anExpiredEarlierRowDoesNotBlockItsGroup() {
        Journal j = open();
        long expiresAt = j.now() + 200;
        sendAll(j, List.of(new NewMessage(QUEUE, 4, 0, expiresAt, "g", "old".getBytes(UTF_8)), grouped("g", "g2")));
        StoredMessage old = claim(j, "A", 1).get(0);
        j.release(List.of(new Release(old.id(), old.deliveryCount(), 0, false)));

        await("the first row expired", () -> j.now() > expiresAt);

        assertEquals(List.of("g2"), bodies(claim(j, "B", 10)),
                "an expired row is never delivered, so it holds up nobody");
    }

    @Test
    default void twoReceiversOfOneClientAreTwoClaimants() {
        Journal j = open();
        sendAll(j, List.of(grouped("g", "g1"), grouped("g", "g2")));
        Receiver first = j.openReceiver(QUEUE, null, 0, 9, new ReceiverConformance.Heard());
        Receiver second = j.openReceiver(QUEUE, null, 0, 9, new ReceiverConformance.Heard());

        Fetched f1 = first.fetch(UnitOfWork.ack(List.of()), 5).join();
        Fetched f2 = second.fetch(UnitOfWork.ack(List.of()), 5).join();
        Fetched f3 = first.fetch(UnitOfWork.ack(List.of()), 5).join();

        assertEquals(List.of("g1"), bodies(f1.rows()));
        assertEquals(List.of(), f2.rows(), "the second consumer of this JVM does not share the first one's group");
        assertEquals(List.of("g2"), bodies(f3.rows()));
        first.close();
        second.close();
    }

    @Test
    default void aGroupedSendIsNeverHandedOverButWakesTheWaitingReceivers() {
        Journal j = open();
        ReceiverConformance.Heard heard = new ReceiverConformance.Heard();
        Receiver r = j.openReceiver(QUEUE, null, 0, 9, heard);
        awaitWaiting(r);
        int wakesBefore = heard.wakes.get();

        sendAll(j, List.of(grouped("g", "g1")));

        await("the waiting receiver is woken", () -> heard.wakes.get() > wakesBefore);
        assertEquals(List.of(), heard.handed, "whose turn it is in a group only the claim can tell");
        assertEquals(List.of("g1"), bodies(r.fetch(UnitOfWork.ack(List.of()), 5).join().rows()));
        r.close();
    }

    @Test
    default void theAckThatFreesAGroupWakesTheOtherWaitingReceivers() {
        Journal j = open();
        sendAll(j, List.of(grouped("g", "g1"), grouped("g", "g2")));
        Receiver holder = j.openReceiver(QUEUE, null, 0, 9, new ReceiverConformance.Heard());
        ReceiverConformance.Heard heard = new ReceiverConformance.Heard();
        Receiver other = j.openReceiver(QUEUE, null, 0, 9, heard);
        List<StoredMessage> held = holder.fetch(UnitOfWork.ack(List.of()), 1).join().rows();
        assertEquals(List.of("g1"), bodies(held));
        awaitWaiting(other);
        int wakesBefore = heard.wakes.get();

        j.writeAndWait(UnitOfWork.ack(acks(held)));
        holder.close(); // the holder fetches no more: only the wake-up can move the group

        await("the other receiver is woken", () -> heard.wakes.get() > wakesBefore);
        assertEquals(List.of("g2"), bodies(other.fetch(UnitOfWork.ack(List.of()), 5).join().rows()));
        other.close();
    }

    @Test
    default void aFilteredReceiverKeepsToGroupsToo() {
        Journal j = open();
        sendAll(j, List.of(grouped("g", "g1"), grouped("g", "g2")));
        List<StoredMessage> held = claim(j, "A", 1);
        Receiver filtered = j.openReceiver(QUEUE, m -> true, 0, 9, new ReceiverConformance.Heard());

        assertEquals(List.of(), filtered.fetch(UnitOfWork.ack(List.of()), 5).join().rows(),
                "a selector consumer gets no row of a group another consumer holds");
        j.writeAndWait(UnitOfWork.ack(acks(held)));
        List<StoredMessage> got = new ArrayList<>();
        await("the filtered receiver gets g2", () -> got.addAll(filtered.fetch(UnitOfWork.ack(List.of()), 5)
                .join().rows()));
        assertEquals(List.of("g2"), bodies(got));
        filtered.close();
    }

    /**
     * An ack in the application's own transaction (Journal#applyLocal) may free a group as well: its
     * destination is among the addresses woken after that transaction commits.
     */
    @Test
    default void aGroupedAckInALocalTransactionIsAnnouncedAtItsCommit() throws Exception {
        Journal j = open();
        sendAll(j, List.of(grouped("g", "g1"), grouped("g", "g2"), new NewMessage("other", 4, 0, 0, null,
                "free".getBytes(UTF_8))));
        StoredMessage g1 = claim(j, "A", 1).get(0);
        StoredMessage free = j.claim(ClaimRequest.of("other", 1)).get(0);
        try (java.sql.Connection c = TestDatabases.connect(config())) {
            c.setAutoCommit(false);
            Set<String> announced = j.applyLocal(c, UnitOfWork.ack(List.of(g1.ack(), free.ack())));
            j.commitLocal(c);
            assertEquals(Set.of(QUEUE), announced, "the grouped ack's destination, not the ungrouped one's");
        }
        assertEquals(List.of("g2"), bodies(claim(j, "B", 10)), "the group is free: another claimant takes it");
    }

    /** Fetches until the receiver waits (a wake-up that arrives meanwhile makes it look again first). */
    private static void awaitWaiting(Receiver r) {
        for (int i = 0; i < 20; i++) {
            Fetched f = r.fetch(UnitOfWork.ack(List.of()), 5).join();
            assertEquals(List.of(), f.rows(), "no row is ready for it");
            if (f.waiting()) {
                return;
            }
        }
        throw new AssertionError("the receiver never started waiting");
    }
}
