package org.journalmq.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 1 publisher, {@value #SUBSCRIBERS} durable subscribers on one topic: the publisher sends
 * synchronous persistent messages as fast as it can, each subscriber is a MessageListener in the
 * listeners' acknowledge mode (--consumer-ack) on a connection of its own (a durable subscription
 * belongs to a client id). msgs/s counts messages delivered to all subscribers per second of wall
 * clock, from the first send to the last of the {@value #SUBSCRIBERS} x N deliveries; p50/p99 are
 * end-to-end over all deliveries. Every run creates its subscriptions and removes them at the end,
 * so the warm-up's leave nothing behind.
 */
final class Fanout extends DeclaredScenario {

    static final int SUBSCRIBERS = 4;

    Fanout() {
        super("fanout", 5_000);
        kind(Kind.SELF); // its own topic: the runner's queue is not used
    }

    @Override
    public Result run(BenchContext ctx, String topicName, int messages) throws Exception {
        Latencies latencies = new Latencies(SUBSCRIBERS * messages);
        List<Arrivals> subscribers = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        List<Session> sessions = new ArrayList<>();
        List<MessageConsumer> consumers = new ArrayList<>();
        long start;
        boolean complete = true;
        try {
            for (int i = 0; i < SUBSCRIBERS; i++) {
                Connection c = ctx.connect();
                connections.add(c);
                c.setClientID("bench-fanout-" + i);
                Session s = c.createSession(ctx.consumerAckMode());
                sessions.add(s);
                Arrivals a = new Arrivals(messages, latencies);
                subscribers.add(a);
                MessageConsumer mc = s.createDurableConsumer(s.createTopic(topicName), "sub");
                mc.setMessageListener(a);
                consumers.add(mc);
                c.start();
            }
            Connection pc = ctx.connect();
            connections.add(pc);
            Session ps = pc.createSession(Session.AUTO_ACKNOWLEDGE);
            Topic topic = ps.createTopic(topicName);
            MessageProducer p = ps.createProducer(topic);
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            start = System.nanoTime();
            for (int seq = 0; seq < messages; seq++) {
                var m = ctx.message(ps, seq);
                m.setLongProperty(BenchContext.SENT_AT, System.nanoTime());
                p.send(m);
            }
            long deadline = System.nanoTime() + ctx.timeoutSeconds() * 1_000_000_000L;
            for (Arrivals a : subscribers) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000L);
                complete &= a.await(left);
            }
        } finally {
            // the subscriptions go with the run: a consumer must be closed before its unsubscribe
            for (int i = 0; i < consumers.size(); i++) {
                try {
                    consumers.get(i).close();
                    sessions.get(i).unsubscribe("sub");
                } catch (Exception e) {
                    System.err.println("fanout: could not remove subscription " + i + ": " + e);
                }
            }
            for (Connection c : connections) {
                c.close();
            }
        }
        return result(ctx, messages, subscribers, latencies, start, complete);
    }

    private static Result result(BenchContext ctx, int messages, List<Arrivals> subscribers, Latencies latencies,
                                 long start, boolean complete) {
        long duplicates = 0;
        long missing = 0;
        long last = 0;
        for (Arrivals a : subscribers) {
            duplicates += a.duplicates();
            missing += messages - a.distinct();
            last = Math.max(last, a.lastArrivalNanos());
        }
        Latencies.Snapshot l = latencies.snapshot();
        long end = complete ? last : System.nanoTime();
        double rate = (messages - missing / (double) SUBSCRIBERS) / ((end - start) / 1e9);
        String notes = String.format(Locale.ROOT, "1p/%d durable subscribers (listeners, %s), msgs/s delivered to"
                        + " all %d; p90 %s ms, max %s ms; duplicates %d, missing %d (sum over subscribers)%s",
                SUBSCRIBERS, BenchContext.ackName(ctx.consumerAckMode()), SUBSCRIBERS, Result.millis(l.millis(90)),
                Result.millis(l.maxMillis()), duplicates, missing, complete ? "" : "; TIMEOUT");
        return new Result(messages, rate, l.millis(50), l.millis(99), notes,
                complete && duplicates == 0 && missing == 0);
    }
}
