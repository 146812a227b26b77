package org.journalmq.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Small helpers of the conformance suite. */
final class ConformanceSupport {
    static final String QUEUE = "orders";
    static final long TIMEOUT_MILLIS = 15_000;

    private ConformanceSupport() {
    }

    static NewMessage message(String destination, int priority, String body) {
        return new NewMessage(destination, priority, 0, 0, null, body.getBytes(UTF_8));
    }

    static String body(StoredMessage m) {
        return new String(m.data(), UTF_8);
    }

    static void sendAll(Journal j, List<NewMessage> messages) {
        j.writeAndWait(new UnitOfWork(messages, List.of()));
    }

    /** Polls the condition every 10 ms until it holds; fails after {@link #TIMEOUT_MILLIS}. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + TIMEOUT_MILLIS + " ms waiting until " + what);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(10); // polling interval of the bounded wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }
}
