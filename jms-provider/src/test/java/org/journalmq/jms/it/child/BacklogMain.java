package org.journalmq.jms.it.child;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds a backlog of {@code count} 1 KiB persistent messages, then drains it with a listener,
 * acknowledging every 500. Run with a small -Xmx: the whole backlog is several times the heap, so
 * finishing proves the provider keeps neither the backlog nor the drained messages in memory.
 * Prints "DRAINED n peakHeapMiB" and exits 0. Args: url user prefix lease queue count.
 */
public final class BacklogMain {
    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[5]);
        String body = "x".repeat(1024);
        AtomicLong peak = new AtomicLong();
        try (Connection c = ChildSupport.connect(args)) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer p = tx.createProducer(tx.createQueue(args[4]));
            for (int i = 0; i < count; i++) {
                TextMessage m = tx.createTextMessage(body);
                m.setIntProperty("n", i);
                p.send(m);
                if (i % 1000 == 999) {
                    tx.commit();
                    sample(peak);
                }
            }
            tx.commit();
            System.out.println("SENT " + count);

            Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createQueue(args[4]));
            AtomicInteger received = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(1);
            consumer.setMessageListener((Message m) -> {
                try {
                    int n = received.incrementAndGet();
                    if (n % 500 == 0 || n == count) {
                        m.acknowledge();
                        sample(peak);
                    }
                    if (n == count) {
                        done.countDown();
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
            });
            c.start();
            if (!done.await(4, TimeUnit.MINUTES) || failures.get() > 0) {
                System.out.println("FAILED received=" + received.get() + " failures=" + failures.get());
                System.exit(2);
            }
            c.stop();
            consumer.setMessageListener(null);
            c.start();
            if (consumer.receiveNoWait() != null) {
                System.out.println("FAILED the queue is not empty");
                System.exit(3);
            }
            System.out.println("DRAINED " + received.get() + " " + (peak.get() >> 20));
        }
    }

    private static void sample(AtomicLong peak) {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        peak.accumulateAndGet(used, Math::max);
    }
}
