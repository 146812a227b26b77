package org.journalmq.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.journalmq.persistence.ConformanceSupport.*;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.journalmq.persistence.JournalException.Kind;
import org.junit.jupiter.api.Test;

/** Browse, stats, purge, maintenance, and failing to reach the database. Part of {@link JournalConformanceTest}. */
interface OperationsConformance extends JournalFixture {

    @Test
    default void browsePagesInDeliveryOrderWithoutClaiming() {
        Journal j = open();
        sendAll(j, IntStream.range(0, 25).mapToObj(i -> message(QUEUE, i % 3, "m" + i)).toList());
        List<String> expected = IntStream.range(0, 25).boxed()
                .sorted((x, y) -> x % 3 != y % 3 ? Integer.compare(y % 3, x % 3) : Integer.compare(x, y))
                .map(i -> "m" + i).toList();

        List<String> seen = new ArrayList<>();
        BrowsePosition position = null;
        List<StoredMessage> page;
        int pages = 0;
        while (!(page = j.browse(QUEUE, position, 10)).isEmpty()) {
            pages++;
            assertTrue(page.size() <= 10);
            page.forEach(m -> seen.add(body(m)));
            assertEquals(0, page.get(0).deliveryCount(), "browse claims nothing");
            position = BrowsePosition.after(page.get(page.size() - 1));
        }
        assertEquals(expected, seen);
        assertEquals(3, pages);
        assertEquals(25, j.claim(ClaimRequest.of(QUEUE, 100)).size(), "all still ready after browsing");
        assertEquals(List.of(), j.browse(QUEUE, null, 10), "claimed rows are not browsed");
    }

    @Test
    default void statsCountReadyInFlightAndScheduledPerDestination() {
        Journal j = open();
        long later = j.now() + 600_000;
        sendAll(j, List.of(message("a", 4, "1"), message("a", 4, "2"), message("a", 4, "3"),
                new NewMessage("a", 4, later, 0, null, new byte[0]), new NewMessage("a", 4, later, 0, null, new byte[0]),
                message("b", 4, "x")));
        j.claim(ClaimRequest.of("a", 1));

        List<DestinationStats> stats = j.stats();
        DestinationStats a = stats.stream().filter(s -> s.destination().equals("a")).findFirst().orElseThrow();
        DestinationStats b = stats.stream().filter(s -> s.destination().equals("b")).findFirst().orElseThrow();
        assertEquals(2, a.ready());
        assertEquals(1, a.inFlight());
        assertEquals(2, a.scheduled());
        assertEquals(5, a.depth());
        assertEquals(1, b.ready());
        assertTrue(a.oldestAgeMillis() >= 0 && a.oldestAgeMillis() < 60_000, "age " + a.oldestAgeMillis());
        assertEquals(2, stats.size());
    }

    @Test
    default void purgeDeletesEveryRowOfTheDestinationOnly() {
        Journal j = open();
        sendAll(j, IntStream.range(0, 10).mapToObj(i -> message("a", 4, "m" + i)).toList());
        sendAll(j, IntStream.range(0, 3).mapToObj(i -> message("b", 4, "m" + i)).toList());
        j.claim(ClaimRequest.of("a", 2));

        assertEquals(10, j.purge("a"));
        assertEquals(0, j.depth("a"));
        assertEquals(3, j.depth("b"));
        assertEquals(0, j.purge("a"));
    }

    @Test
    default void maintenanceReleasesLeasesNobodyRenews() throws Exception {
        useShortLease();
        Journal j = open();
        j.writeAndWait(UnitOfWork.send(message(QUEUE, 4, "x")));
        StoredMessage m = j.claim(ClaimRequest.of(QUEUE, 1)).get(0);
        CountDownLatch woken = new CountDownLatch(1);
        j.onAvailable(QUEUE, woken::countDown);
        // Hand the claim to a client that died: nobody renews its lease any more.
        try (Connection c = TestDatabases.connect(config());
             PreparedStatement ps = c.prepareStatement("UPDATE " + config().tablePrefix()
                     + "DELIVERY SET owner = 'dead-client' WHERE id = ?")) {
            c.setAutoCommit(true);
            ps.setLong(1, m.id());
            assertEquals(1, ps.executeUpdate());
        }

        List<StoredMessage> again = new ArrayList<>();
        await("the expired lease is released", () -> again.addAll(j.claim(ClaimRequest.of(QUEUE, 1))));
        assertEquals(m.id(), again.get(0).id());
        assertEquals(2, again.get(0).deliveryCount(), "the count survives the release");
        assertTrue(woken.await(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS), "listener woken by the release");
    }

    @Test
    default void maintenanceRenewsTheLeasesOfALiveClient() throws Exception {
        useShortLease();
        Journal j = open();
        j.writeAndWait(UnitOfWork.send(message(QUEUE, 4, "x")));
        StoredMessage m = j.claim(ClaimRequest.of(QUEUE, 1)).get(0);
        long firstLease = leaseUntil(m.id());

        await("the lease is renewed beyond its first deadline", () -> leaseUntil(m.id()) > firstLease + 300);
        assertEquals(List.of(), j.claim(ClaimRequest.of(QUEUE, 1)), "still held by its live owner");
        j.writeAndWait(UnitOfWork.ack(List.of(m.ack())));
        assertEquals(0, j.depth(QUEUE));
    }

    @Test
    default void expirySweepDeletesExpiredRows() {
        useShortLease();
        Journal j = open();
        long now = j.now();
        sendAll(j, List.of(new NewMessage(QUEUE, 4, 0, now + 100, null, new byte[] {1}),
                new NewMessage(QUEUE, 4, 0, now + 100, null, new byte[] {2}),
                new NewMessage("kept", 4, 0, 0, null, new byte[] {3})));
        assertEquals(2, j.depth(QUEUE));

        await("expired rows are swept", () -> j.depth(QUEUE) == 0);
        assertEquals(1, j.depth("kept"));
    }

    @Test
    default void unreachableDatabaseFailsWithinBoundedTimeNamingTheUrlButNotThePassword() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        JournalConfig unreachable = JournalConfig.builder(unreachableUrl(port)).password("otherpw")
                .connectTimeoutMillis(1_000).build();
        long start = System.nanoTime();
        JournalException e = assertThrows(JournalException.class, () -> open(unreachable));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(Kind.UNAVAILABLE, e.kind(), e.getMessage());
        assertTrue(millis < 8_000, "took " + millis + " ms");
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
        assertFalse(e.getMessage().contains("secretpw"), e.getMessage());
        assertFalse(e.getMessage().contains("otherpw"), e.getMessage());
        assertNotNull(e.getCause());
    }

    @Test
    default void refusedCredentialsFailWithAuthentication() {
        open(); // the database and its tables exist
        JournalConfig wrong = wrongCredentials(config().toBuilder().connectTimeoutMillis(1_000).build());
        JournalException e = assertThrows(JournalException.class, () -> open(wrong));
        assertEquals(Kind.AUTHENTICATION, e.kind(), e.getMessage());
    }

    /**
     * A refused login is reported at once (SQLState class 28 is final), not after the pool has
     * retried it for its whole connect timeout. The bound is half the configured timeout, far above
     * a login's duration, so only waiting for the timeout can break it.
     */
    @Test
    default void refusedCredentialsFailWithoutWaitingForTheConnectTimeout() {
        open(); // the database and its tables exist (a new in-memory database would accept anyone)
        JournalConfig wrong = wrongCredentials(config().toBuilder().connectTimeoutMillis(60_000).build());
        long start = System.nanoTime();
        JournalException e = assertThrows(JournalException.class, () -> open(wrong));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(Kind.AUTHENTICATION, e.kind(), e.getMessage());
        assertTrue(millis < 30_000, "a refused login waited " + millis + " ms, as if retried until the timeout");
    }
}
