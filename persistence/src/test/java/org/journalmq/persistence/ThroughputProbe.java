package org.journalmq.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Rough throughput figures of the journal through its public API (not a test; nothing asserted).
 * Usage: {@code ThroughputProbe [jdbcUrl [user]]}, default a fresh HSQLDB file database.
 */
public final class ThroughputProbe {
    private static final byte[] BODY = new byte[1024];

    private ThroughputProbe() {
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : TestDatabases.hsqldbFileUrl();
        JournalConfig.Builder builder = JournalConfig.builder(url).tablePrefix(TestDatabases.randomPrefix());
        if (args.length > 1) {
            builder.user(args[1]);
        }
        JournalConfig config = builder.build();
        try (Journal j = Journals.open(config)) {
            System.out.println("journal " + SafeUrl.of(url));
            singleSends(j, "warm-up", 3_000);
            // Interleaved with bare JDBC on the same table, so both see the same machine load.
            for (int round = 1; round <= 3; round++) {
                bareJdbc(config, 3_000, 200);
                singleSends(j, "journal: 1 KiB sends, one thread, writeAndWait each", 3_000);
                batchedSends(j, "journal: units of 100 x 1 KiB, one thread, writeAndWait", 200);
            }
            concurrentSends(j, "journal: 1 KiB sends from 8 threads, writeAndWait each", 8, 2_000);
            claimAndAck(j, "claim 100 + ack 100 per unit, single thread");
        } finally {
            if (url.startsWith("jdbc:postgresql:")) {
                TestDatabases.dropAll(config);
            }
        }
    }

    /**
     * The ceiling at this moment: plain JDBC inserts into the same table of the same database,
     * one commit per row and then 100 rows per commit, with no journal in between.
     */
    private static void bareJdbc(JournalConfig config, int singles, int batches) throws SQLException {
        String insert = "INSERT INTO " + config.tablePrefix() + "DELIVERY (id, destination, priority, priority_rank,"
                + " deliver_at, expires_at, state, owner, lease_until, delivery_count, group_id, created_at, data)"
                + " VALUES (?, 'baseline', 4, 5, 0, 0, 0, NULL, 0, 0, NULL, 0, ?)";
        try (Connection c = TestDatabases.connect(config); PreparedStatement ps = c.prepareStatement(insert)) {
            c.setAutoCommit(false);
            long id = 1L << 50;
            long start = System.nanoTime();
            for (int i = 0; i < singles; i++) {
                ps.setLong(1, id++);
                ps.setBytes(2, BODY);
                ps.executeUpdate();
                c.commit();
            }
            report("bare JDBC: one row per commit", singles, start);
            start = System.nanoTime();
            for (int u = 0; u < batches; u++) {
                for (int i = 0; i < 100; i++) {
                    ps.setLong(1, id++);
                    ps.setBytes(2, BODY);
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            }
            report("bare JDBC: 100 rows per commit", batches * 100, start);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM " + config.tablePrefix() + "DELIVERY WHERE destination = 'baseline'");
                c.commit();
            }
        }
    }

    private static void singleSends(Journal j, String what, int n) {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            j.writeAndWait(UnitOfWork.send(new NewMessage("probe", 4, 0, 0, null, BODY)));
        }
        report(what, n, start);
    }

    private static void batchedSends(Journal j, String what, int units) {
        List<NewMessage> unit = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            unit.add(new NewMessage("probe", 4, 0, 0, null, BODY));
        }
        UnitOfWork work = new UnitOfWork(unit, List.of());
        long start = System.nanoTime();
        for (int i = 0; i < units; i++) {
            j.writeAndWait(work);
        }
        report(what, units * 100, start);
    }

    private static void concurrentSends(Journal j, String what, int threads, int perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> singleSendsQuiet(j, perThread)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        report(what, threads * perThread, start);
        pool.shutdown();
    }

    private static void singleSendsQuiet(Journal j, int n) {
        for (int i = 0; i < n; i++) {
            j.writeAndWait(UnitOfWork.send(new NewMessage("probe", 4, 0, 0, null, BODY)));
        }
    }

    private static void claimAndAck(Journal j, String what) {
        long start = System.nanoTime();
        int n = 0;
        List<StoredMessage> batch;
        while (n < 100_000 && !(batch = j.claim(ClaimRequest.of("probe", 100))).isEmpty()) {
            j.writeAndWait(UnitOfWork.ack(batch.stream().map(StoredMessage::ack).toList()));
            n += batch.size();
        }
        report(what, n, start);
    }

    private static void report(String what, int n, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("%-58s %8d msgs in %6.2f s = %9.0f msgs/s%n", what, n, seconds, n / seconds);
    }

    /** Keeps any password out of the printed URL. */
    private static final class SafeUrl {
        static String of(String url) {
            return org.journalmq.persistence.jdbc.SqlErrors.safeUrl(url);
        }
    }
}
