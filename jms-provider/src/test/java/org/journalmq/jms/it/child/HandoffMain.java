package org.journalmq.jms.it.child;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JVM that holds a waiting queue consumer and sends to that queue itself, so that its sends
 * may be handed over to the consumer in memory. Records "READY", "R n redelivered
 * deliveryCount" when the listener gets a message, "S n" after the send of n returned, and
 * "HOLDING" (mode {@code hold}) once the listener got every message; then waits to be killed.
 * Args: url user prefix lease queue recordFile mode count. Modes: {@code hold}, a
 * CLIENT_ACKNOWLEDGE listener that never acknowledges; {@code block}, an AUTO_ACKNOWLEDGE
 * listener that blocks forever in onMessage on its first message.
 */
public final class HandoffMain {
    public static void main(String[] args) throws Exception {
        boolean hold = args[6].equals("hold");
        int count = Integer.parseInt(args[7]);
        try (Connection c = ChildSupport.connect(args);
             ChildSupport.Record record = new ChildSupport.Record(Path.of(args[5]))) {
            Session cs = c.createSession(false, hold ? Session.CLIENT_ACKNOWLEDGE : Session.AUTO_ACKNOWLEDGE);
            AtomicInteger got = new AtomicInteger();
            CountDownLatch never = new CountDownLatch(1);
            cs.createConsumer(cs.createQueue(args[4])).setMessageListener(m -> {
                try {
                    record.line("R " + m.getIntProperty("n") + " " + m.getJMSRedelivered() + " "
                            + m.getIntProperty("JMSXDeliveryCount"));
                    got.incrementAndGet();
                    if (!hold) {
                        never.await(); // "processing" until killed
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                }
            });
            c.start();
            record.line("READY");
            Session ps = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = ps.createProducer(ps.createQueue(args[4]));
            for (int n = 0; n < count; n++) {
                Message m = ps.createTextMessage("payload " + n);
                m.setIntProperty("n", n);
                p.send(m);
                record.line("S " + n);
            }
            if (hold) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (got.get() < count && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                record.line(got.get() == count ? "HOLDING" : "MISSING " + (count - got.get()));
            }
            Thread.sleep(Long.MAX_VALUE); // until killed
        }
    }
}
