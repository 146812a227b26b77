package org.journalmq.examples.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition with a bounded timeout (no fixed sleeps in assertions). */
final class Await {
    private Await() {
    }

    static boolean until(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
