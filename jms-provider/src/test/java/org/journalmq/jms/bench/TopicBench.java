package org.journalmq.jms.bench;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.it.TestJournal;

/**
 * End-to-end topic runs (the benchmarks module is not on this branch yet, so this runner lives
 * with the tests). Args: {@code hsqldb|postgresql [messages] [maxAhead]}.
 *
 * <p>Scenario "fan-out": 1 producer, 4 durable subscribers, persistent 1 KiB messages. The
 * producer sends asynchronously (each send is durable when its CompletionListener runs; at most
 * 1,000 in flight; optionally at most {@code maxAhead} ahead of the slowest subscriber), each subscriber is a MessageListener in CLIENT_ACKNOWLEDGE mode that
 * acknowledges every 100 messages. The figure is messages delivered to all 4 subscribers per
 * second of wall clock, from the first send to the last of the 4 x N deliveries.
 *
 * <p>Scenario "bodies": 50 durable subscriptions and one 1 MiB message; prints the journal's row
 * counts and bytes per table, showing the body stored once.
 */
public final class TopicBench {
    private static final int WINDOW = 1_000;
    private static final int ACK_EVERY = 100;
    /**
     * How far the producer may run ahead of the slowest subscriber (third argument; default
     * unlimited). A bound measures the rate the journal sustains without a growing backlog.
     */
    private static int maxAhead = Integer.MAX_VALUE;

    public static void main(String[] args) throws Exception {
        TestJournal.Kind kind = TestJournal.Kind.valueOf(args[0].toUpperCase());
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        maxAhead = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
        for (int round = 1; round <= 3; round++) {
            Path dir = Files.createTempDirectory("topic-bench");
            try (TestJournal journal = TestJournal.of(kind, dir)) {
                fanOut(journal, n, round);
            }
        }
        Path dir = Files.createTempDirectory("topic-bench-bodies");
        try (TestJournal journal = TestJournal.of(kind, dir)) {
            bodies(journal);
        }
        System.exit(0);
    }

    private static void fanOut(TestJournal journal, int n, int round) throws Exception {
        JournalConnectionFactory f = journal.factory();
        f.setPrefetch(200);
        List<Connection> connections = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(4 * n);
        AtomicInteger[] seenBy = new AtomicInteger[4];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try {
            Connection pc = f.createConnection();
            connections.add(pc);
            Session ps = pc.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic topic = ps.createTopic("bench");
            for (int i = 0; i < 4; i++) {
                Connection c = f.createConnection();
                connections.add(c);
                c.setClientID("bench-sub-" + i);
                Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
                MessageConsumer consumer = s.createDurableConsumer(topic, "sub");
                AtomicInteger seen = new AtomicInteger();
                seenBy[i] = seen;
                consumer.setMessageListener(m -> {
                    try {
                        if (seen.incrementAndGet() % ACK_EVERY == 0 || seen.get() == n) {
                            m.acknowledge();
                        }
                    } catch (JMSException e) {
                        failure.compareAndSet(null, e);
                    }
                    done.countDown();
                });
                c.start();
            }
            MessageProducer producer = ps.createProducer(topic);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            byte[] body = new byte[1024];
            Semaphore window = new Semaphore(WINDOW);
            CompletionListener completion = new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    window.release();
                }

                @Override
                public void onException(Message message, Exception exception) {
                    failure.compareAndSet(null, exception);
                    window.release();
                }
            };
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                BytesMessage m = ps.createBytesMessage();
                m.writeBytes(body);
                window.acquire();
                producer.send(m, completion);
                while (i - slowest(seenBy) > maxAhead) {
                    Thread.sleep(1);
                }
            }
            window.acquire(WINDOW); // every send committed
            long sent = System.nanoTime();
            if (!done.await(300, TimeUnit.SECONDS)) {
                throw new IllegalStateException("only " + (4L * n - done.getCount()) + " of " + 4L * n
                        + " deliveries arrived");
            }
            long end = System.nanoTime();
            if (failure.get() != null) {
                throw new IllegalStateException("failure during the run", failure.get());
            }
            System.out.printf("%s fan-out round %d: %d msgs x 4 durable subscribers, 1 KiB persistent:"
                            + " published %.0f msgs/s, delivered to all 4: %.0f msgs/s (%.2f s)%n",
                    journal.kind(), round, n, n / ((sent - start) / 1e9), n / ((end - start) / 1e9),
                    (end - start) / 1e9);
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    private static int slowest(AtomicInteger[] seen) {
        int min = Integer.MAX_VALUE;
        for (AtomicInteger s : seen) {
            min = Math.min(min, s.get());
        }
        return min;
    }

    private static void bodies(TestJournal journal) throws Exception {
        JournalConnectionFactory f = journal.factory();
        Connection c = f.createConnection();
        try {
            c.setClientID("bodies");
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic topic = s.createTopic("big");
            for (int i = 0; i < 50; i++) {
                s.createDurableConsumer(topic, "s" + i).close();
            }
            BytesMessage m = s.createBytesMessage();
            byte[] body = new byte[1 << 20];
            new java.util.Random(1).nextBytes(body); // incompressible, so TOAST cannot hide copies
            m.writeBytes(body);
            s.createProducer(topic).send(m);
            String p = journal.prefix();
            try (var jdbc = DriverManager.getConnection(journal.url(),
                    journal.user() == null ? "SA" : journal.user(), journal.user() == null ? "" : null);
                 Statement st = jdbc.createStatement()) {
                report(st, "SELECT COUNT(*), COALESCE(SUM(OCTET_LENGTH(data)), 0) FROM " + p + "BODY", "BODY");
                report(st, "SELECT COUNT(*), COALESCE(SUM(OCTET_LENGTH(data)), 0) FROM " + p + "DELIVERY",
                        "DELIVERY");
                if (journal.kind() == TestJournal.Kind.POSTGRESQL) {
                    for (String t : List.of("BODY", "DELIVERY")) {
                        try (ResultSet rs = st.executeQuery("SELECT pg_total_relation_size('"
                                + (p + t).toLowerCase() + "')")) {
                            rs.next();
                            System.out.printf("%s pg_total_relation_size(%s) = %d bytes%n", journal.kind(), t,
                                    rs.getLong(1));
                        }
                    }
                }
            }
        } finally {
            c.close();
        }
    }

    private static void report(Statement st, String sql, String table) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            System.out.printf("table %s: %d rows, %d bytes of message data%n", table, rs.getLong(1), rs.getLong(2));
        }
    }
}
