package org.journalmq.jms.it.child;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends {@code count} persistent BytesMessages of {@code size} bytes asynchronously as fast as
 * send(message, CompletionListener) returns, then waits for every completion. Prints
 * "COMPLETED count" and exits 0 when all completed without exception; exits 2 on a failed
 * completion or when completions stop for {@code stallSeconds}; any OutOfMemoryError, in any
 * thread, is printed and ends the JVM with 3 (a JVM that runs out of heap must not hang the test).
 * Args: url user prefix lease queue (unused) count size stallSeconds.
 */
public final class AsyncSendMain {
    public static void main(String[] args) throws Exception {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            System.out.println("uncaught in " + t.getName() + ": " + e);
            e.printStackTrace(System.out);
            if (e instanceof OutOfMemoryError) {
                Runtime.getRuntime().halt(3);
            }
        });
        long count = Long.parseLong(args[6]);
        int size = Integer.parseInt(args[7]);
        long stall = TimeUnit.SECONDS.toNanos(Long.parseLong(args[8]));
        AtomicLong completed = new AtomicLong();
        AtomicReference<Exception> failed = new AtomicReference<>();
        long start = System.nanoTime();
        try (Connection c = ChildSupport.connect(args)) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(args[4]));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            byte[] body = new byte[size];
            new java.util.Random(42).nextBytes(body);
            CompletionListener listener = new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    completed.incrementAndGet();
                }

                @Override
                public void onException(Message message, Exception exception) {
                    failed.compareAndSet(null, exception);
                    completed.incrementAndGet();
                }
            };
            for (long i = 0; i < count; i++) {
                BytesMessage m = s.createBytesMessage();
                m.writeBytes(body);
                p.send(m, listener);
                if (i % 100_000 == 99_999) {
                    System.out.println("sent " + (i + 1) + ", completed " + completed.get() + " after "
                            + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms, heap used "
                            + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1_048_576
                            + " MiB");
                }
            }
            long last = completed.get();
            long lastChange = System.nanoTime();
            while (completed.get() < count) {
                Thread.sleep(10);
                long now = completed.get();
                if (now != last) {
                    last = now;
                    lastChange = System.nanoTime();
                } else if (System.nanoTime() - lastChange > stall) {
                    System.out.println("STALLED at " + now + " completions of " + count);
                    System.exit(2);
                }
            }
        } catch (OutOfMemoryError e) {
            System.out.println("main: " + e);
            Runtime.getRuntime().halt(3);
        }
        if (failed.get() != null) {
            System.out.println("FAILED completion: " + failed.get());
            failed.get().printStackTrace(System.out);
            System.exit(2);
        }
        System.out.println("COMPLETED " + completed.get() + " in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
    }
}
