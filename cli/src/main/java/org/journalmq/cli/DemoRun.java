package org.journalmq.cli;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** One run of the demo: the threads, the counters and the numbers reported. */
final class DemoRun {

    /** Holds {@link System#nanoTime()} at send: producer and consumer share this JVM's clock. */
    static final String SENT_AT = "demoSentNanos";

    private final int messages;
    private final byte[] payload;
    private final PrintWriter out;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final Latencies latencies;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile long startNanos;
    private volatile long endNanos;

    DemoRun(int messages, int size, PrintWriter out) {
        this.messages = messages;
        this.payload = new byte[size];
        for (int i = 0; i < size; i++) {
            payload[i] = (byte) ('a' + i % 26);
        }
        this.out = out;
        this.latencies = new Latencies(messages);
    }

    void execute(Connection c, String queueName, int producers, int consumers, int timeoutSeconds)
            throws Exception {
        for (int i = 0; i < consumers; i++) {
            // one session each: a session delivers to its listeners on one thread
            Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createQueue(queueName));
            consumer.setMessageListener(this::onMessage);
        }
        c.start();
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "demo-progress"));
        List<Thread> threads = new ArrayList<>();
        try {
            startNanos = System.nanoTime();
            progress.scheduleAtFixedRate(new Progress(), 1, 1, TimeUnit.SECONDS);
            for (int i = 0; i < producers; i++) {
                int share = messages / producers + (i < messages % producers ? 1 : 0);
                Thread t = daemon(() -> produce(c, queueName, share), "demo-producer-" + i);
                threads.add(t);
                t.start();
            }
            if (!finished.await(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new JMSException("demo not done after " + timeoutSeconds + " s: sent " + sent.get()
                        + ", received " + received.get() + " of " + messages);
            }
        } finally {
            progress.shutdownNow();
        }
        Throwable t = failure.get();
        if (t instanceof Exception e) {
            throw e;
        } else if (t != null) {
            throw new IllegalStateException("demo thread failed", t);
        }
        for (Thread producer : threads) {
            producer.join();
        }
    }

    private void produce(Connection c, String queueName, int count) {
        try (Session s = c.createSession(Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = s.createProducer(s.createQueue(queueName));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = 0; i < count && finished.getCount() > 0; i++) {
                BytesMessage m = s.createBytesMessage();
                m.writeBytes(payload);
                m.setLongProperty(SENT_AT, System.nanoTime());
                producer.send(m);
                sent.incrementAndGet();
            }
        } catch (JMSException | RuntimeException e) {
            fail(e);
        }
    }

    private void onMessage(Message m) {
        try {
            latencies.record(System.nanoTime() - m.getLongProperty(SENT_AT));
        } catch (JMSException e) {
            fail(e);
            return;
        }
        if (received.incrementAndGet() == messages) {
            endNanos = System.nanoTime();
            finished.countDown();
        }
    }

    private void fail(Throwable t) {
        failure.compareAndSet(null, t);
        finished.countDown();
    }

    /** Deliveries beyond the messages sent: each message must arrive exactly once. */
    long duplicates() {
        return Math.max(0, received.get() - messages);
    }

    String summary() {
        double seconds = (endNanos - startNanos) / 1e9;
        return String.format(Locale.ROOT, "demo done: %d messages in %.2f s: %.0f msgs/s, end-to-end latency"
                        + " p50 %.2f ms, p99 %.2f ms",
                messages, seconds, messages / seconds, latencies.percentileMillis(50),
                latencies.percentileMillis(99));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Prints sent/received counts and the receive rate of the last second. */
    private final class Progress implements Runnable {
        private long lastReceived;
        private long lastNanos = startNanos;

        @Override
        public void run() {
            long now = System.nanoTime();
            long r = received.get();
            double rate = (r - lastReceived) / ((now - lastNanos) / 1e9);
            lastReceived = r;
            lastNanos = now;
            out.printf(Locale.ROOT, "  %5.1f s  sent %d/%d  received %d/%d  %.0f msgs/s%n",
                    (now - startNanos) / 1e9, sent.get(), messages, r, messages, rate);
            out.flush();
        }
    }
}
