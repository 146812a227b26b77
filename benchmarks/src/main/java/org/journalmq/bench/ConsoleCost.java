package org.journalmq.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.journalmq.cli.console.ConsoleOptions;
import org.journalmq.cli.console.JournalConsole;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.admin.JournalAdmin;
import org.journalmq.jms.admin.JournalFigures;

/**
 * What the web console costs (issue 18 item 4): (1) the time of its one read per sampling period,
 * {@link JournalAdmin#figures()}, on a journal of D destinations holding N messages; (2) sync-send
 * (one producer, AUTO session, persistent sends on a queue of its own) without and with a console
 * running on the same journal, alternating passes so that drifting machine load hits both.
 *
 * <pre>
 * java -cp benchmarks/target/journalmq-benchmarks.jar org.journalmq.bench.ConsoleCost \
 *     URL USER PREFIX DESTINATIONS MESSAGES SENDS PASSES SAMPLE_MS
 * </pre>
 * The preload is skipped when the journal already holds the messages (a second run on the same tables).
 */
public final class ConsoleCost {

    private ConsoleCost() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String prefix = args[2];
        int destinations = Integer.parseInt(args[3]);
        int messages = Integer.parseInt(args[4]);
        int sends = Integer.parseInt(args[5]);
        int passes = Integer.parseInt(args[6]);
        long sampleMs = Long.parseLong(args[7]);
        JournalConnectionFactory f = new JournalConnectionFactory(url);
        f.setUser(user);
        f.setTablePrefix(prefix);
        f.setJmxEnabled(false);
        try (Connection keeper = f.createConnection(); JournalAdmin admin = f.createAdmin()) {
            long held = admin.figures().destinations().stream().filter(d -> d.name().startsWith("load-"))
                    .mapToLong(d -> d.depth()).sum();
            if (held < messages) {
                preload(keeper, destinations, messages);
            }
            List<Double> reads = new ArrayList<>();
            JournalFigures figures = null;
            for (int i = 0; i < 11; i++) {
                long t0 = System.nanoTime();
                figures = admin.figures();
                double ms = (System.nanoTime() - t0) / 1e6;
                if (i > 0) { // the first read warms the statement caches
                    reads.add(ms);
                }
            }
            double[] r = reads.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            long total = figures.destinations().stream().mapToLong(d -> d.depth()).sum();
            System.out.printf("overview read: %d destinations, %d messages: p50 %.0f ms, max %.0f ms (10 reads)%n",
                    figures.destinations().size(), total, r[r.length / 2], r[r.length - 1]);

            double[] without = new double[passes];
            double[] with = new double[passes];
            for (int p = 0; p < passes; p++) {
                without[p] = syncSend(keeper, sends);
                try (JournalConsole console = JournalConsole.start(f,
                        ConsoleOptions.loopback(0).withSamplePeriod(sampleMs))) {
                    with[p] = syncSend(keeper, sends);
                    System.out.printf("pass %d: sync-send %.0f msgs/s without console, %.0f with (%d console reads)%n",
                            p + 1, without[p], with[p], console.samplesTaken());
                }
            }
            double a = median(without);
            double b = median(with);
            System.out.printf("sync-send median of %d passes: %.0f msgs/s without, %.0f with a console: %.1f %% slower%n",
                    passes, a, b, (a - b) / a * 100);
        }
    }

    private static void preload(Connection c, int destinations, int messages) throws Exception {
        Session s = c.createSession(true, Session.SESSION_TRANSACTED);
        byte[] body = new byte[100];
        int per = messages / destinations;
        long t0 = System.nanoTime();
        for (int d = 0; d < destinations; d++) {
            try (MessageProducer p = s.createProducer(s.createQueue("load-" + d))) {
                p.setDeliveryMode(DeliveryMode.PERSISTENT);
                for (int i = 0; i < per; i++) {
                    var m = s.createBytesMessage();
                    m.writeBytes(body);
                    p.send(m);
                    if ((i + 1) % 500 == 0) {
                        s.commit();
                    }
                }
                s.commit();
            }
        }
        System.out.printf("preloaded %d messages on %d queues in %.0f s%n", per * destinations, destinations,
                (System.nanoTime() - t0) / 1e9);
        s.close();
    }

    private static double syncSend(Connection c, int sends) throws Exception {
        try (Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
             MessageProducer p = s.createProducer(s.createQueue("console-cost-send"))) {
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            byte[] body = new byte[1024];
            long t0 = System.nanoTime();
            for (int i = 0; i < sends; i++) {
                var m = s.createBytesMessage();
                m.writeBytes(body);
                p.send(m);
            }
            double rate = sends / ((System.nanoTime() - t0) / 1e9);
            return rate;
        }
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
