package org.journalmq.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.journalmq.persistence.JournalException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every journal dialect must show. Each concrete subclass supplies a fresh database
 * (or a fresh table prefix) per test.
 */
public abstract class JournalConformanceTest {
    protected static final String QUEUE = "orders";
    private static final long TIMEOUT_MILLIS = 15_000;

    protected JournalConfig config;
    private final List<Journal> opened = Collections.synchronizedList(new ArrayList<>());

    /** A configuration on a database (or prefix) no other test uses. */
    protected abstract JournalConfig.Builder freshConfig();

    /** A URL of this dialect pointing at a port where nothing listens, carrying password=secretpw. */
    protected abstract String unreachableUrl(int port);

    /** Configuration whose credentials the database refuses (the database exists already). */
    protected abstract JournalConfig wrongCredentials(JournalConfig base);

    /** Frees what the test created (called after every journal is closed). */
    protected abstract void cleanUp(JournalConfig config);

    @BeforeEach
    void freshDatabase() {
        config = freshConfig().leaseMillis(10_000).connectTimeoutMillis(5_000).build();
    }

    @AfterEach
    void closeJournals() {
        synchronized (opened) {
            for (int i = opened.size() - 1; i >= 0; i--) {
                opened.get(i).close();
            }
        }
        cleanUp(config);
    }

    protected Journal open() {
        return open(config);
    }

    /**
     * Switches the test to a 300 ms lease, so maintenance runs every 100 ms. Only for the tests of
     * maintenance itself: on a loaded machine a short lease can expire between two runs.
     */
    protected void useShortLease() {
        config = config.toBuilder().leaseMillis(300).build();
    }

    protected Journal open(JournalConfig c) {
        Journal journal = Journals.open(c);
        opened.add(journal);
        return journal;
    }

    protected static NewMessage message(String destination, int priority, String body) {
        return new NewMessage(destination, priority, 0, 0, null, body.getBytes(UTF_8));
    }

    protected static String body(StoredMessage m) {
        return new String(m.data(), UTF_8);
    }

    protected static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + TIMEOUT_MILLIS + " ms waiting until " + what);
            }
            Thread.onSpinWait();
            try {
                TimeUnit.MILLISECONDS.sleep(10); // polling interval of the bounded wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    private static void sendAll(Journal j, List<NewMessage> messages) {
        j.writeAndWait(new UnitOfWork(messages, List.of()));
    }

    @Test
    void appendAndClaimRoundTripKeepsEveryField() {
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
    void claimsInPriorityOrderThenIdOrderUpToMax() {
        Journal j = open();
        int[] priorities = {1, 5, 9, 5, 0, 9, 4};
        List<NewMessage> sends = new ArrayList<>();
        for (int i = 0; i < priorities.length; i++) {
            sends.add(message(QUEUE, priorities[i], "m" + i));
        }
        sendAll(j, sends);

        List<StoredMessage> first = j.claim(ClaimRequest.of(QUEUE, 3));
        List<StoredMessage> rest = j.claim(ClaimRequest.of(QUEUE, 10));

        assertEquals(List.of("m2", "m5", "m1"), first.stream().map(JournalConformanceTest::body).toList());
        assertEquals(List.of("m3", "m6", "m0", "m4"), rest.stream().map(JournalConformanceTest::body).toList());
        assertTrue(first.get(0).id() < first.get(1).id(), "same priority: lower id first");
    }

    @Test
    void deliveryDelayHoldsMessageBack() {
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
    void expiredMessageIsNeverClaimedOrBrowsed() {
        Journal j = open();
        long now = j.now();
        sendAll(j, List.of(new NewMessage(QUEUE, 9, 0, now - 1, null, "expired".getBytes(UTF_8)),
                new NewMessage(QUEUE, 0, 0, now + 60_000, null, "live".getBytes(UTF_8))));

        assertEquals(List.of("live"), j.browse(QUEUE, null, 10).stream().map(JournalConformanceTest::body).toList());
        assertEquals(List.of("live"), j.claim(ClaimRequest.of(QUEUE, 10)).stream()
                .map(JournalConformanceTest::body).toList());
        assertEquals(List.of(), j.claim(ClaimRequest.of(QUEUE, 10)));
    }

    @Test
    void deliveryCountIsPersistedAtClaimAndVisibleAfterReopening() {
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
    void releaseDeliveredKeepsTheCountAndUndeliveredTakesItBack() {
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
    void releaseDelayPushesDeliverAtOut() {
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
    void acksInBatchesDeleteTheRows() {
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
    void staleAckFailsWithLeaseLostAndAppliesNothingOfItsUnit() {
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
        assertEquals(List.of("d"), j.claim(ClaimRequest.of(QUEUE, 10)).stream().map(JournalConformanceTest::body)
                .toList());
    }

    @Test
    void groupCommitFromEightThreadsCompletesEveryFutureAndStoresEveryRowOnce() throws Exception {
        Journal j = open();
        int threads = 8;
        int perThread = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<CompletableFuture<Void>>>> submitted = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                submitted.add(pool.submit(() -> {
                    List<CompletableFuture<Void>> futures = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        futures.add(j.write(UnitOfWork.send(message(QUEUE, i % 10, thread + "-" + i))));
                        if (i % 50 == 0) {
                            futures.get(futures.size() - 1).join(); // mix synchronous and async senders
                        }
                    }
                    return futures;
                }));
            }
            for (Future<List<CompletableFuture<Void>>> f : submitted) {
                for (CompletableFuture<Void> write : f.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                    write.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * perThread, j.depth(QUEUE));
        Set<Long> ids = new HashSet<>();
        Set<String> bodies = new HashSet<>();
        List<StoredMessage> batch;
        while (!(batch = j.claim(ClaimRequest.of(QUEUE, 500))).isEmpty()) {
            for (StoredMessage m : batch) {
                assertTrue(ids.add(m.id()), "id " + m.id() + " twice");
                assertTrue(bodies.add(body(m)), "body " + body(m) + " twice");
            }
        }
        assertEquals(threads * perThread, bodies.size());
    }

    @Test
    void competingClaimsFromFourThreadsClaimEveryRowExactlyOnce() throws Exception {
        int total = 400;
        Journal a = open();
        Journal b = open();
        sendAll(a, IntStream.range(0, total).mapToObj(i -> message(QUEUE, i % 3, "m" + i)).toList());
        Set<Long> claimed = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Journal j = t % 2 == 0 ? a : b;
                workers.add(pool.submit(() -> {
                    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS * 2);
                    while (count.get() < total && System.nanoTime() < deadline) {
                        List<StoredMessage> got = j.claim(ClaimRequest.of(QUEUE, 7));
                        for (StoredMessage m : got) {
                            count.incrementAndGet();
                            if (!claimed.add(m.id())) {
                                duplicates.incrementAndGet();
                            }
                        }
                        j.writeAndWait(UnitOfWork.ack(got.stream().map(StoredMessage::ack).toList()));
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get(TIMEOUT_MILLIS * 3, TimeUnit.MILLISECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, duplicates.get());
        assertEquals(total, claimed.size());
        assertEquals(0, a.depth(QUEUE));
    }

    @Test
    void browsePagesInDeliveryOrderWithoutClaiming() {
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
    void statsCountReadyInFlightAndScheduledPerDestination() {
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
    void purgeDeletesEveryRowOfTheDestinationOnly() {
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
    void maintenanceReleasesLeasesNobodyRenews() throws Exception {
        useShortLease();
        Journal j = open();
        j.writeAndWait(UnitOfWork.send(message(QUEUE, 4, "x")));
        StoredMessage m = j.claim(ClaimRequest.of(QUEUE, 1)).get(0);
        CountDownLatch woken = new CountDownLatch(1);
        j.onAvailable(QUEUE, woken::countDown);
        // Hand the claim to a client that died: nobody renews its lease any more.
        try (Connection c = TestDatabases.connect(config);
             PreparedStatement ps = c.prepareStatement("UPDATE " + config.tablePrefix()
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
    void maintenanceRenewsTheLeasesOfALiveClient() throws Exception {
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

    private int deliveryCountInDatabase(long id) {
        return (int) column("delivery_count", id);
    }

    private long leaseUntil(long id) {
        return column("lease_until", id);
    }

    private long column(String column, long id) {
        try (Connection c = TestDatabases.connect(config);
             PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM " + config.tablePrefix()
                     + "DELIVERY WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void expirySweepDeletesExpiredRows() {
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
    void oneMebibyteBodyRoundTrips() {
        Journal j = open();
        byte[] data = new byte[1 << 20];
        new Random(42).nextBytes(data);
        j.writeAndWait(UnitOfWork.send(new NewMessage(QUEUE, 4, 0, 0, null, data)));

        assertArrayEquals(data, j.browse(QUEUE, null, 1).get(0).data());
        assertArrayEquals(data, j.claim(ClaimRequest.of(QUEUE, 1)).get(0).data());
    }

    @Test
    void unreachableDatabaseFailsWithinBoundedTimeNamingTheUrlButNotThePassword() throws Exception {
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
    void refusedCredentialsFailWithAuthentication() {
        open(); // the database and its tables exist
        JournalConfig wrong = wrongCredentials(config.toBuilder().connectTimeoutMillis(1_000).build());
        JournalException e = assertThrows(JournalException.class, () -> open(wrong));
        assertEquals(Kind.AUTHENTICATION, e.kind(), e.getMessage());
    }

    @Test
    void destinationLongerThan400CharactersIsRejected() {
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
    void filteredClaimTakesOnlyMatchingRowsAndLeavesTheOthersUntouched() {
        Journal j = open();
        sendAll(j, IntStream.range(0, 10).mapToObj(i -> message(QUEUE, 4, String.valueOf(i))).toList());

        List<StoredMessage> even = j.claim(new ClaimRequest(QUEUE, 10, m -> Integer.parseInt(body(m)) % 2 == 0));
        List<StoredMessage> firstOdd = j.claim(new ClaimRequest(QUEUE, 1, m -> Integer.parseInt(body(m)) % 2 == 1));
        List<StoredMessage> rest = j.claim(ClaimRequest.of(QUEUE, 10));

        assertEquals(List.of("0", "2", "4", "6", "8"), even.stream().map(JournalConformanceTest::body).toList());
        assertEquals(List.of("1"), firstOdd.stream().map(JournalConformanceTest::body).toList());
        assertEquals(List.of("3", "5", "7", "9"), rest.stream().map(JournalConformanceTest::body).toList());
        assertTrue(rest.stream().allMatch(m -> m.deliveryCount() == 1), "rejected rows were not claimed before");
    }

    @Test
    void sendWakesListenersOfItsDestinationAfterCommit() throws Exception {
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

    @Test
    void closeReleasesClaimsAndRejectsLaterCalls() {
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
    void closeCommitsOrFailsEveryPendingWrite() {
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

    @Test
    void concurrentOpensMigrateTheSchemaOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Journal>> journals = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                journals.add(pool.submit(() -> open()));
            }
            Set<String> clients = new HashSet<>();
            for (Future<Journal> f : journals) {
                clients.add(f.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).clientId());
            }
            assertEquals(4, clients.size());
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = TestDatabases.connect(config);
             PreparedStatement ps = c.prepareStatement("SELECT version FROM " + config.tablePrefix()
                     + "SCHEMA_VERSION");
             ResultSet rs = ps.executeQuery()) {
            List<Integer> versions = new ArrayList<>();
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
            assertEquals(List.of(1), versions);
        }
        Set<String> registered = clientRows();
        assertEquals(4, registered.size(), "every journal has its client row: " + registered);
    }

    protected Set<String> clientRows() throws SQLException {
        try (Connection c = TestDatabases.connect(config);
             PreparedStatement ps = c.prepareStatement("SELECT client_id FROM " + config.tablePrefix() + "CLIENT");
             ResultSet rs = ps.executeQuery()) {
            Set<String> ids = new HashSet<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        }
    }
}
