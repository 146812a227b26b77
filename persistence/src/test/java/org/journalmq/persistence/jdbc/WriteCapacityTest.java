package org.journalmq.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The bound of the writer's queue (flow control): a sender waits for room instead of growing the heap. */
class WriteCapacityTest {

    @Test
    void aSenderWaitsWhileTheQueueIsFullAndGoesOnOnceRoomIsMade() throws Exception {
        WriteCapacity capacity = new WriteCapacity(2, 1_000);
        capacity.acquire(100, true, () -> true);
        capacity.acquire(100, true, () -> true);
        CountDownLatch admitted = new CountDownLatch(1);
        Thread third = new Thread(() -> {
            try {
                capacity.acquire(100, true, () -> true);
                admitted.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        third.start();
        assertFalse(admitted.await(200, TimeUnit.MILLISECONDS), "two units queued: the third waits");
        capacity.release(100);
        assertTrue(admitted.await(10, TimeUnit.SECONDS), "a commit made room");
        third.join();
    }

    @Test
    void theByteBoundHoldsAndAUnitLargerThanItPassesAlone() throws Exception {
        WriteCapacity capacity = new WriteCapacity(100, 1_000);
        capacity.acquire(5_000, true, () -> true); // alone in the queue: let in, or it would wait forever
        AtomicBoolean passed = new AtomicBoolean();
        Thread next = new Thread(() -> {
            try {
                capacity.acquire(10, true, () -> true);
                passed.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        next.start();
        next.join(200);
        assertFalse(passed.get(), "the bytes in the queue are over the bound");
        capacity.release(5_000);
        next.join(10_000);
        assertTrue(passed.get());
    }

    @Test
    void aClosedWriterOrItsOwnThreadNeverWaits() throws Exception {
        WriteCapacity capacity = new WriteCapacity(1, 1_000);
        capacity.acquire(10, true, () -> true);
        long start = System.nanoTime();
        capacity.acquire(10, false, () -> true); // the writer thread itself
        capacity.acquire(10, true, () -> false); // the writer stopped accepting
        assertEquals(0, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), "neither waited");
    }
}
