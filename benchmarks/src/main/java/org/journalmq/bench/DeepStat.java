package org.journalmq.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.journalmq.cli.JournalMq;
import org.journalmq.jms.JournalConnectionFactory;
import picocli.CommandLine;

/**
 * The operators' reads on a very deep queue (issue 13 item 3): {@code journalmq stat} and
 * {@code journalmq browse --count 10} timed on a queue of millions of messages.
 *
 * <ul>
 *   <li>{@code fill URL USER PREFIX QUEUE MESSAGES [PRODUCERS [BODY]]} adds MESSAGES persistent
 *       BytesMessages of BODY bytes (default 1,024) through JMS: PRODUCERS threads (default 2),
 *       each in transactions of {@value #TX}, printing progress every {@value #REPORT_EVERY}, so
 *       that a fill stopped early still says how deep the queue is. The journal SPI has no bulk
 *       path, and raw SQL would bypass what a send writes (ids, traffic counts).</li>
 *   <li>{@code time URL USER PREFIX QUEUE [RUNS]} runs the CLI's {@code stat}, {@code stat --json}
 *       and {@code browse QUEUE --count 10} in this JVM RUNS times each (default 5) after one
 *       warm-up each, and prints p50 and max: the time of the command itself (opening the journal,
 *       reading, printing), without the JVM start of a {@code journalmq} process.</li>
 * </ul>
 */
public final class DeepStat {

    static final int TX = 1_000;
    static final int REPORT_EVERY = 500_000;

    private DeepStat() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[1];
        String user = args[2];
        String prefix = args[3];
        String queue = args[4];
        switch (args[0]) {
            case "fill" -> fill(url, user, prefix, queue, Long.parseLong(args[5]),
                    args.length > 6 ? Integer.parseInt(args[6]) : 2, args.length > 7 ? Integer.parseInt(args[7]) : 1024);
            case "time" -> time(url, user, prefix, queue, args.length > 5 ? Integer.parseInt(args[5]) : 5);
            case "head" -> head(url, user, prefix, queue, args.length > 5 ? Integer.parseInt(args[5]) : 10);
            default -> throw new IllegalArgumentException("mode fill, time or head, was " + args[0]);
        }
    }

    private static void fill(String url, String user, String prefix, String queue, long messages, int producers,
                             int body) throws Exception {
        JournalConnectionFactory f = new JournalConnectionFactory(url);
        f.setUser(user);
        f.setTablePrefix(prefix);
        f.setJmxEnabled(false);
        AtomicLong sent = new AtomicLong();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        try (Connection c = f.createConnection()) {
            List<Future<?>> parts = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                long share = messages / producers + (p < messages % producers ? 1 : 0);
                parts.add(pool.submit(() -> {
                    send(c, queue, share, body, sent, t0);
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            pool.shutdown();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("filled %,d x %d B into %s in %.0f s (%.0f msgs/s)%n", messages, body, queue, s,
                messages / s);
    }

    private static void send(Connection c, String queue, long count, int body, AtomicLong sent, long t0)
            throws JMSException {
        try (Session tx = c.createSession(Session.SESSION_TRANSACTED)) {
            MessageProducer p = tx.createProducer(tx.createQueue(queue));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            byte[] bytes = new byte[body];
            for (long i = 0; i < count; i++) {
                var m = tx.createBytesMessage();
                m.writeBytes(bytes);
                p.send(m);
                if ((i + 1) % TX == 0 || i == count - 1) {
                    tx.commit();
                    long total = sent.addAndGet((i + 1) % TX == 0 ? TX : (i + 1) % TX);
                    if (total % REPORT_EVERY < TX) {
                        System.out.printf("%tT sent %,d (%.0f msgs/s)%n", System.currentTimeMillis(), total,
                                total / ((System.nanoTime() - t0) / 1e9));
                    }
                }
            }
        }
    }

    private static void head(String url, String user, String prefix, String queue, int rounds) throws Exception {
        JournalConnectionFactory f = new JournalConnectionFactory(url);
        f.setUser(user);
        f.setTablePrefix(prefix);
        f.setJmxEnabled(false);
        double[] small = new double[rounds];
        double[] deep = new double[rounds];
        try (Connection c = f.createConnection()) {
            c.start();
            try (Session s = c.createSession(Session.AUTO_ACKNOWLEDGE)) {
                jakarta.jms.Queue smallQueue = s.createQueue(queue + "-small");
                jakarta.jms.Queue deepQueue = s.createQueue(queue);
                for (int r = 0; r < rounds; r++) {
                    send(c, smallQueue.getQueueName(), DeepQueue.HEAD, 1024, new AtomicLong(), System.nanoTime());
                    small[r] = timedHead(c, smallQueue);
                    deep[r] = timedHead(c, deepQueue);
                    System.out.printf("%tT round %d: %,d-message queue %.3f ms per message, deep queue %.3f%n",
                            System.currentTimeMillis(), r + 1, DeepQueue.HEAD, small[r], deep[r]);
                }
            }
        }
        System.out.printf("head cost from a fresh JVM: %,d-message queue median %.3f ms (%s), deep queue median %.3f ms"
                + " (%s): %.2f×%n", DeepQueue.HEAD, DeepQueue.p50(small), DeepQueue.runs(small), DeepQueue.p50(deep),
                DeepQueue.runs(deep), DeepQueue.p50(deep) / DeepQueue.p50(small));
    }

    private static double timedHead(Connection c, jakarta.jms.Queue q) throws Exception {
        long t0 = System.nanoTime();
        DeepQueue.drain(c, q, DeepQueue.HEAD, Session.AUTO_ACKNOWLEDGE, false);
        return (System.nanoTime() - t0) / 1e6 / DeepQueue.HEAD;
    }

    private static void time(String url, String user, String prefix, String queue, int runs) {
        String[] conn = {"--url", url, "--user", user, "--table-prefix", prefix};
        report("stat", conn, runs, "stat");
        report("stat --json", conn, runs, "stat", "--json");
        report("browse --count 10", conn, runs, "browse", "--queue", queue, "--count", "10");
    }

    private static void report(String what, String[] conn, int runs, String... command) {
        String[] args = new String[command.length + conn.length];
        System.arraycopy(command, 0, args, 0, command.length);
        System.arraycopy(conn, 0, args, command.length, conn.length);
        String shown = run(args).out; // warm-up: class loading, the journal's first open
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Outcome o = run(args);
            t[i] = (System.nanoTime() - t0) / 1e6;
            if (o.exit != 0) {
                throw new IllegalStateException(what + " exited " + o.exit + ": " + o.err);
            }
            shown = o.out;
        }
        double[] sorted = t.clone();
        Arrays.sort(sorted);
        System.out.printf("journalmq %s: p50 %.0f ms, max %.0f ms over %d runs %s%n", what, sorted[runs / 2],
                sorted[runs - 1], runs, Arrays.toString(Arrays.stream(t).map(Math::rint).toArray()));
        System.out.println(shown.length() > 2_000 ? shown.substring(0, 2_000) + "..." : shown);
    }

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome run(String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new JournalMq());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }
}
