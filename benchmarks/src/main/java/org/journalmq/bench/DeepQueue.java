package org.journalmq.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.admin.JournalAdmin;

/**
 * A very deep queue (issue 13 item 3): what a queue of N messages costs its consumer, its operators
 * and its database, fill/drain cycle after fill/drain cycle.
 *
 * <ol>
 *   <li>baseline: one fill and drain of {@code BASELINE} messages, then the journal's table and index
 *       sizes (PostgreSQL: {@code pg_table_size}/{@code pg_indexes_size}; HSQLDB file journal: the
 *       size of its {@code .data} file), read once autovacuum has cleaned the drained rows (at most
 *       SETTLE_SECONDS, default 180: what a deployment sees after a quiet minute or two);</li>
 *   <li>head cost on a small queue: the time to receive the first {@value #HEAD} messages of a
 *       {@value #HEAD}-message queue, one AUTO_ACKNOWLEDGE listener (median of 3). Every consumer
 *       uses PREFETCH (default 1,000, as the backlog scenarios of {@link Bench});</li>
 *   <li>cycles: fill N messages of {@code BODY} bytes (transacted sessions of {@value #TX}, one per
 *       producer thread), time {@link JournalAdmin#figures()} (what {@code journalmq stat} reads) and
 *       the first 10 messages of a QueueBrowser (what {@code browse --count 10} reads), the head
 *       cost again (three times {@value #HEAD}, the first from a cold cache), then drain the rest with one DUPS_OK listener while the heap used after GC is sampled
 *       ten times; then the sizes again, against the baseline;</li>
 *   <li>with COMPACTION_SECONDS above 0: after the sizes of a cycle, waits at most that long for the
 *       journal's own compaction job (README "Index compaction (PostgreSQL) and data file compaction
 *       (HSQLDB)", it looks every minute) to bring the sizes to at most twice the baseline's, and
 *       gives the sizes again.</li>
 * </ol>
 * The tool and its consumer run in one JVM: the heap samples are the consumer's.
 * <pre>
 * java -Xmx512m -cp benchmarks/target/journalmq-benchmarks.jar org.journalmq.bench.DeepQueue \
 *     URL USER PREFIX MESSAGES CYCLES [BASELINE [PREFETCH [BODY [PRODUCERS [SETTLE_SECONDS
 *     [COMPACTION_SECONDS]]]]]]
 * </pre>
 */
public final class DeepQueue {

    static final int HEAD = 1_000;
    static final int TX = 1_000;
    private static final String QUEUE = "deep";
    /** Bulk drains batch their acks (DUPS_OK): the head cost is measured in AUTO_ACKNOWLEDGE. */
    private static final int BULK = Session.DUPS_OK_ACKNOWLEDGE;

    private final JournalConnectionFactory factory;
    private final StorageSizes sizes;
    private final int body;
    private final int producers;
    private final int settleSeconds;
    private final int compactionSeconds;

    private DeepQueue(JournalConnectionFactory factory, StorageSizes sizes, int body, int producers, int settleSeconds,
                      int compactionSeconds) {
        this.settleSeconds = settleSeconds;
        this.compactionSeconds = compactionSeconds;
        this.factory = factory;
        this.sizes = sizes;
        this.body = body;
        this.producers = producers;
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String prefix = args[2];
        int messages = Integer.parseInt(args[3]);
        int cycles = Integer.parseInt(args[4]);
        int baseline = args.length > 5 ? Integer.parseInt(args[5]) : 100_000;
        int prefetch = args.length > 6 ? Integer.parseInt(args[6]) : 1000;
        int body = args.length > 7 ? Integer.parseInt(args[7]) : 1024;
        int producers = args.length > 8 ? Integer.parseInt(args[8]) : 2;
        int settle = args.length > 9 ? Integer.parseInt(args[9]) : 180;
        int compaction = args.length > 10 ? Integer.parseInt(args[10]) : 0;
        JournalConnectionFactory f = new JournalConnectionFactory(url);
        f.setUser(user);
        f.setTablePrefix(prefix);
        f.setJmxEnabled(false);
        f.setPrefetch(prefetch);
        System.out.printf("deep queue: %s, prefix %s, %,d × %d B, %d cycles, baseline %,d, prefetch %d, %d producers%n",
                withoutParameters(url), prefix, messages, body, cycles, baseline, f.getPrefetch(), producers);
        new DeepQueue(f, StorageSizes.of(url, user, prefix), body, producers, settle, compaction).run(messages, cycles, baseline);
    }

    /** The URL without its parameters, which may carry a password. */
    private static String withoutParameters(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private void run(int messages, int cycles, int baseline) throws Exception {
        try (Connection c = factory.createConnection(); JournalAdmin admin = factory.createAdmin()) {
            c.start();
            Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(QUEUE);
            long leftOver = depth(admin);
            if (leftOver > 0) {
                System.out.printf("draining %,d messages left by an earlier run%n", leftOver);
                drain(c, q, leftOver, BULK, false);
            }
            fill(baseline);
            drain(c, q, baseline, BULK, false);
            System.out.println("baseline: " + sizes.settle(settleSeconds));
            StorageSizes.Figures base = sizes.read();
            System.out.printf("baseline after a %,d fill/drain: %s%n", baseline, base);

            double[] smallRuns = headCosts(c, q, true);
            double small = p50(smallRuns);
            System.out.printf("head cost, %,d-message queue: %.3f ms per message (median of 3: %s)%n", HEAD, small,
                    runs(smallRuns));
            for (int cycle = 1; cycle <= cycles; cycle++) {
                long t0 = System.nanoTime();
                fill(messages);
                double fillSeconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf("cycle %d: filled %,d in %.0f s (%.0f msgs/s)%n", cycle, messages, fillSeconds,
                        messages / fillSeconds);
                double[] stat = statTimes(admin);
                double[] browse = browseTimes(s, q);
                System.out.printf("cycle %d: stat (JournalAdmin.figures) p50 %.0f ms, max %.0f ms; browse 10 p50 %.0f ms,"
                        + " max %.0f ms (5 each); depth shown %,d%n", cycle, p50(stat), max(stat), p50(browse),
                        max(browse), depth(admin));
                double[] deep = headCosts(c, q, false);
                System.out.printf("cycle %d: head cost at %,d: %.3f ms per message (median of 3: %s; the first, cold):"
                        + " %.2f× the small queue's%n", cycle, messages, p50(deep), runs(deep), p50(deep) / small);
                long d0 = System.nanoTime();
                // not messages - 3 * HEAD: a listener may take one more before its session closes
                long rest = depth(admin);
                long[] heap = drain(c, q, rest, BULK, true);
                double drainSeconds = (System.nanoTime() - d0) / 1e9;
                System.out.printf("cycle %d: drained %,d in %.0f s (%.0f msgs/s); heap after GC min %d MiB, max %d MiB"
                        + " over %d samples %s%n", cycle, rest, drainSeconds, rest / drainSeconds,
                        Arrays.stream(heap).min().orElse(0), Arrays.stream(heap).max().orElse(0), heap.length,
                        Arrays.toString(heap));
                System.out.printf("cycle %d: sizes right after the drain %s%n", cycle, sizes.read());
                System.out.printf("cycle %d: %s%n", cycle, sizes.settle(settleSeconds));
                StorageSizes.Figures now = sizes.read();
                System.out.printf("cycle %d: sizes %s; %.2f× the baseline%n", cycle, now, now.ratioTo(base));
                if (compactionSeconds > 0) {
                    awaitCompaction(cycle, base);
                }
            }
        }
    }

    /** Waits for the journal's compaction job to shrink the indexes to at most twice the baseline's. */
    private void awaitCompaction(int cycle, StorageSizes.Figures base) throws Exception {
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(compactionSeconds);
        StorageSizes.Figures now = sizes.read();
        // 0: an HSQLDB file read while the defrag swaps it for the new one
        while ((now.total() > 2 * base.total() || now.total() == 0) && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            now = sizes.read();
        }
        System.out.printf("cycle %d: after %.0f s waiting for the compaction job: sizes %s; %.2f× the baseline"
                + " (indexes %.2f× the baseline's)%n", cycle, (System.nanoTime() - t0) / 1e9, now, now.ratioTo(base),
                (double) now.indexBytes() / base.indexBytes());
    }

    private long depth(JournalAdmin admin) throws JMSException {
        return admin.figures(Long.MAX_VALUE).queue(QUEUE).map(d -> d.depth()).orElse(0L);
    }

    /** N messages by {@code producers} threads, each in transactions of {@value #TX}. */
    private void fill(int messages) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        try (Connection c = factory.createConnection()) {
            List<Future<?>> parts = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int share = messages / producers + (p < messages % producers ? 1 : 0);
                parts.add(pool.submit(() -> {
                    send(c, share);
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private void send(Connection c, int count) throws JMSException {
        try (Session tx = c.createSession(Session.SESSION_TRANSACTED)) {
            MessageProducer p = tx.createProducer(tx.createQueue(QUEUE));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            byte[] bytes = new byte[body];
            for (int i = 0; i < count; i++) {
                var m = tx.createBytesMessage();
                m.writeBytes(bytes);
                p.send(m);
                if ((i + 1) % TX == 0 || i == count - 1) {
                    tx.commit();
                }
            }
        }
    }

    /**
     * Milliseconds per message to receive the first {@value #HEAD} of the queue with a fresh
     * AUTO_ACKNOWLEDGE listener (its first claims start at the head), three times in a row; with
     * {@code fillFirst}, the queue is filled with exactly {@value #HEAD} before each.
     */
    private double[] headCosts(Connection c, Queue q, boolean fillFirst) throws Exception {
        double[] runs = new double[3];
        for (int r = 0; r < runs.length; r++) {
            if (fillFirst) {
                fill(HEAD);
            }
            long t0 = System.nanoTime();
            drain(c, q, HEAD, Session.AUTO_ACKNOWLEDGE, false);
            runs[r] = (System.nanoTime() - t0) / 1e6 / HEAD;
        }
        return runs;
    }

    /**
     * Receives {@code count} messages with a MessageListener (a synchronous receive claims one row
     * per call, so only a listener shows what the prefetch does) in a session of {@code ackMode};
     * with {@code sampleHeap}, the heap after GC each time a tenth more has arrived.
     */
    static long[] drain(Connection c, Queue q, long count, int ackMode, boolean sampleHeap) throws Exception {
        long[] heap = new long[sampleHeap ? 10 : 0];
        AtomicLong received = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        try (Session s = c.createSession(ackMode); MessageConsumer consumer = s.createConsumer(q)) {
            consumer.setMessageListener(m -> {
                if (received.incrementAndGet() == count) {
                    done.countDown();
                }
            });
            int sampled = 0;
            long lastProgress = System.nanoTime();
            long lastCount = 0;
            while (!done.await(100, TimeUnit.MILLISECONDS)) {
                long now = received.get();
                while (sampled < heap.length && now >= (sampled + 1) * count / 10) {
                    heap[sampled++] = Heap.usedAfterGcMiB();
                }
                if (now != lastCount) {
                    lastCount = now;
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(60)) {
                    throw new IllegalStateException("no message for 60 s after " + now + " of " + count);
                }
            }
            while (sampled < heap.length) {
                heap[sampled++] = Heap.usedAfterGcMiB();
            }
        }
        return heap;
    }

    private static double[] statTimes(JournalAdmin admin) throws JMSException {
        admin.figures(); // warms the statement cache
        double[] t = new double[5];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            admin.figures();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        return t;
    }

    private static double[] browseTimes(Session s, Queue q) throws JMSException {
        double[] t = new double[5];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            try (QueueBrowser b = s.createBrowser(q)) {
                Enumeration<?> e = b.getEnumeration();
                for (int n = 0; n < 10 && e.hasMoreElements(); n++) {
                    e.nextElement();
                }
            }
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        return t;
    }

    static double p50(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    /** Each run's figure, in the order run. */
    static String runs(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double x : v) {
            b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", x));
        }
        return b.toString();
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
