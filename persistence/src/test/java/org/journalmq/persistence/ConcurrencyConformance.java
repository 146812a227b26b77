package org.journalmq.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.journalmq.persistence.ConformanceSupport.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Many threads and journals at once: group commit, competing claims, concurrent opens. Part of {@link JournalConformanceTest}. */
interface ConcurrencyConformance extends JournalFixture {

    @Test
    default void groupCommitFromEightThreadsCompletesEveryFutureAndStoresEveryRowOnce() throws Exception {
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
    default void competingClaimsFromFourThreadsClaimEveryRowExactlyOnce() throws Exception {
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
    default void concurrentOpensMigrateTheSchemaOnce() throws Exception {
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
        try (Connection c = TestDatabases.connect(config());
             PreparedStatement ps = c.prepareStatement("SELECT version FROM " + config().tablePrefix()
                     + "SCHEMA_VERSION ORDER BY version");
             ResultSet rs = ps.executeQuery()) {
            List<Integer> versions = new ArrayList<>();
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
            // each migration recorded once, in order (both dialects have the same versions)
            int latest = new org.journalmq.persistence.dialect.HsqldbDialect().latestSchemaVersion();
            assertEquals(IntStream.rangeClosed(1, latest).boxed().toList(), versions);
        }
        Set<String> registered = clientRows();
        assertEquals(4, registered.size(), "every journal has its client row: " + registered);
    }

    /**
     * Another process claims rows of the same destination with its own conditional updates, the way
     * a journal in another JVM would (no in-JVM lock shared with it): every row still goes to exactly
     * one of them, and the journal's claims survive the write conflicts.
     */
    @Test
    default void claimsRaceAnotherProcessWithoutDoubleDelivery() throws Exception {
        int total = 300;
        Journal j = open();
        sendAll(j, IntStream.range(0, total).mapToObj(i -> message(QUEUE, 4, "m" + i)).toList());
        Set<Long> journalClaims = ConcurrentHashMap.newKeySet();
        Set<Long> otherClaims = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                workers.add(pool.submit(() -> {
                    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS * 2);
                    while (journalClaims.size() + otherClaims.size() < total && System.nanoTime() < deadline) {
                        for (StoredMessage m : j.claim(ClaimRequest.of(QUEUE, 5))) {
                            if (!journalClaims.add(m.id())) {
                                duplicates.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            workers.add(pool.submit(() -> {
                competingClaimer(total, journalClaims, otherClaims);
                return null;
            }));
            for (Future<?> w : workers) {
                w.get(TIMEOUT_MILLIS * 3, TimeUnit.MILLISECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Set<Long> both = new HashSet<>(journalClaims);
        both.retainAll(otherClaims);
        assertEquals(Set.of(), both, "rows claimed by both");
        assertEquals(0, duplicates.get());
        assertEquals(total, journalClaims.size() + otherClaims.size());
        assertTrue(!journalClaims.isEmpty(), "the journal won some rows");
    }

    /** Claims like a foreign journal: read ready rows, take each with a conditional update. */
    private void competingClaimer(int total, Set<Long> journalClaims, Set<Long> otherClaims) throws Exception {
        String table = config().tablePrefix() + "DELIVERY";
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS * 2);
        try (Connection c = TestDatabases.connect(config());
             PreparedStatement read = c.prepareStatement("SELECT id, delivery_count FROM " + table
                     + " WHERE destination = ? AND state = 0 ORDER BY priority_rank, id LIMIT 5");
             PreparedStatement take = c.prepareStatement("UPDATE " + table + " SET state = 1, owner = 'other-jvm',"
                     + " delivery_count = delivery_count + 1 WHERE id = ? AND state = 0 AND delivery_count = ?")) {
            c.setAutoCommit(false);
            while (journalClaims.size() + otherClaims.size() < total && System.nanoTime() < deadline) {
                List<long[]> candidates = new ArrayList<>();
                read.setString(1, QUEUE);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    }
                }
                List<Long> won = new ArrayList<>();
                try {
                    for (long[] row : candidates) {
                        take.setLong(1, row[0]);
                        take.setLong(2, row[1]);
                        if (take.executeUpdate() == 1) {
                            won.add(row[0]);
                        }
                    }
                    c.commit();
                    otherClaims.addAll(won);
                } catch (java.sql.SQLException e) {
                    c.rollback(); // a write conflict: the other side took the row
                }
            }
        }
    }
}
