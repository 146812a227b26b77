package org.journalmq.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Producers and MessageListener consumers on one queue, end to end in this JVM: e2e (1/1,
 * unthrottled), e2e-paced (1/1 at a fixed rate) and competing (4/4). Producers and consumers use
 * separate connections, as separate applications would. Throughput is counted from the first send
 * to the last distinct arrival; every message must arrive exactly once.
 */
final class Flow extends DeclaredScenario {

    private final int producers;
    private final int consumers;
    private final double perSecond;

    /** @param perSecond the total send rate, or 0 for as fast as the producers go */
    Flow(String name, int producers, int consumers, double perSecond, int defaultMessages) {
        super(name, defaultMessages);
        if (perSecond > 0) {
            // a paced run's rate is the pace: what compares is the latency; a paced warm-up of the
            // full count would take as long as the run: one second is enough
            metric(Metric.LATENCY);
            warmupAtMost((int) perSecond);
        }
        this.producers = producers;
        this.consumers = consumers;
        this.perSecond = perSecond;
    }

    @Override
    public Result run(BenchContext ctx, String queueName, int messages) throws Exception {
        Arrivals arrivals = new Arrivals(messages);
        List<Pacer> pacers = new ArrayList<>();
        long start;
        boolean complete;
        try (Connection consuming = ctx.connect(); Connection producing = ctx.connect()) {
            for (int i = 0; i < consumers; i++) {
                // a session delivers to its listener on one thread: one session per consumer
                Session s = consuming.createSession(ctx.consumerAckMode());
                s.createConsumer(s.createQueue(queueName)).setMessageListener(arrivals);
            }
            consuming.start();
            List<Thread> threads = new ArrayList<>();
            start = System.nanoTime();
            for (int k = 0; k < producers; k++) {
                Pacer pacer = perSecond > 0 ? new Pacer(perSecond / producers) : null;
                pacers.add(pacer);
                int first = k;
                Thread t = new Thread(() -> produce(ctx, producing, queueName, first, messages, pacer, arrivals),
                        name() + "-producer-" + k);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            complete = arrivals.await(ctx.timeoutSeconds());
            for (Thread t : threads) {
                t.join(complete ? 0 : 1000);
            }
        }
        return result(messages, arrivals, start, complete, pacers, ctx.consumerAckMode(), ctx.groups());
    }

    /** Sends sequence numbers first, first + producers, ... below messages. */
    private void produce(BenchContext ctx, Connection c, String queueName, int first, int messages, Pacer pacer,
                         Arrivals arrivals) {
        try (Session s = c.createSession(Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer p = s.createProducer(s.createQueue(queueName));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            long sent = 0;
            for (int seq = first; seq < messages; seq += producers) {
                if (pacer != null) {
                    pacer.awaitTurn(sent);
                }
                var m = ctx.message(s, seq);
                if (ctx.groups() > 0) {
                    m.setStringProperty("JMSXGroupID", "g" + seq % ctx.groups());
                }
                m.setLongProperty(BenchContext.SENT_AT, System.nanoTime());
                p.send(m);
                sent++;
            }
        } catch (JMSException | RuntimeException e) {
            arrivals.fail(e);
        }
    }

    private Result result(int messages, Arrivals arrivals, long start, boolean complete, List<Pacer> pacers,
                          int ackMode, int groups) {
        Latencies.Snapshot l = arrivals.latencies();
        long missing = messages - arrivals.distinct();
        StringBuilder notes = new StringBuilder(String.format(Locale.ROOT, "%dp/%dc listeners", producers, consumers));
        if (ackMode == Session.DUPS_OK_ACKNOWLEDGE) {
            notes.append(" (DUPS_OK)");
        }
        if (groups > 0) {
            notes.append(", ").append(groups).append(" groups");
        }
        if (perSecond > 0) {
            double late = pacers.stream().mapToDouble(Pacer::maxLateMillis).max().orElse(0);
            notes.append(String.format(Locale.ROOT, ", paced %.0f/s (max %.1f ms behind)", perSecond, late));
        }
        notes.append(String.format(Locale.ROOT, "; p90 %s ms, max %s ms; duplicates %d, missing %d",
                Result.millis(l.millis(90)), Result.millis(l.maxMillis()), arrivals.duplicates(), missing));
        if (!complete) {
            notes.append("; TIMEOUT");
        }
        long end = complete ? arrivals.lastArrivalNanos() : System.nanoTime();
        double rate = arrivals.distinct() / ((end - start) / 1e9);
        boolean ok = complete && missing == 0 && arrivals.duplicates() == 0;
        return new Result(messages, rate, l.millis(50), l.millis(99), notes.toString(), ok);
    }
}
