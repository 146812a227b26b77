package org.journalmq.jms.it.child;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.lang.management.ManagementFactory;
import java.util.BitSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Mode {@code send}: sends {@code count} persistent BytesMessages of {@code mib} MiB each and prints
 * "SENT count peakHeapMiB millis". Mode {@code receive}: drains them with a listener
 * (AUTO_ACKNOWLEDGE, the factory's default prefetch), checking each body's length and content, and
 * prints "RECEIVED count peakHeapMiB millis liveHeapMiB" (the largest heap in use right after a
 * full GC, taken at each delivery). Run the receiver with -Xmx256m: a consumer that held
 * its prefetch (16) of such messages in hand would not fit. Exits 0 when all went well.
 * Args: url user prefix lease queue count mib mode.
 */
public final class BigMessagesMain {
    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[5]);
        int size = Integer.parseInt(args[6]) << 20;
        AtomicLong peak = new AtomicLong();
        if (args[7].equals("send")) {
            send(args, count, size, peak);
        } else {
            receive(args, count, size, peak);
        }
    }

    private static void send(String[] args, int count, int size, AtomicLong peak) throws Exception {
        try (Connection c = ChildSupport.connect(args)) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(args[4]));
            byte[] body = new byte[size];
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                fill(body, i);
                BytesMessage m = s.createBytesMessage();
                m.writeBytes(body);
                m.setIntProperty("n", i);
                p.send(m);
                sample(peak);
            }
            System.out.println("SENT " + count + " " + (peak.get() >> 20) + " " + (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private static void receive(String[] args, int count, int size, AtomicLong peak) throws Exception {
        AtomicLong live = new AtomicLong();
        try (Connection c = ChildSupport.connect(args)) {
            Session r = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = r.createConsumer(r.createQueue(args[4]));
            BitSet seen = new BitSet(count);
            AtomicInteger received = new AtomicInteger();
            AtomicReference<String> bad = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(1);
            long t1 = System.nanoTime();
            consumer.setMessageListener((Message m) -> {
                try {
                    int n = m.getIntProperty("n");
                    BytesMessage b = (BytesMessage) m;
                    byte[] got = new byte[(int) b.getBodyLength()];
                    b.readBytes(got);
                    if (got.length != size || got[0] != first(n) || got[size - 1] != last(n, size)) {
                        bad.compareAndSet(null, "message " + n + " arrived changed: " + got.length + " bytes");
                    }
                    synchronized (seen) {
                        seen.set(n);
                    }
                    sample(peak);
                    // live heap, measured after a full GC: what the consumer holds in hand, garbage aside
                    ManagementFactory.getMemoryMXBean().gc();
                    sample(live);
                    if (received.incrementAndGet() == count) {
                        done.countDown();
                    }
                } catch (Exception | OutOfMemoryError e) {
                    bad.compareAndSet(null, e.toString());
                    done.countDown();
                }
            });
            c.start();
            if (!done.await(5, TimeUnit.MINUTES) || bad.get() != null || seen.cardinality() != count) {
                System.out.println("FAILED received=" + received.get() + " distinct=" + seen.cardinality() + " " + bad.get());
                System.exit(2);
            }
            long receiveMillis = (System.nanoTime() - t1) / 1_000_000;
            c.stop();
            consumer.setMessageListener(null);
            c.start();
            if (consumer.receiveNoWait() != null) {
                System.out.println("FAILED the queue is not empty");
                System.exit(3);
            }
            System.out.println("RECEIVED " + received.get() + " " + (peak.get() >> 20) + " " + receiveMillis + " "
                    + (live.get() >> 20));
        }
    }

    /** A body that differs per message at both ends, so a mixed-up or cut body is seen. */
    private static void fill(byte[] body, int n) {
        java.util.Arrays.fill(body, (byte) (n * 7));
        body[0] = first(n);
        body[body.length - 1] = last(n, body.length);
    }

    private static byte first(int n) {
        return (byte) n;
    }

    private static byte last(int n, int size) {
        return (byte) (n ^ size ^ 0x5A);
    }

    private static void sample(AtomicLong peak) {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        peak.accumulateAndGet(used, Math::max);
    }
}
