package org.journalmq.bench;

import java.lang.management.ManagementFactory;

/** Heap in use after full collections: what a backlog really keeps on the heap. */
final class Heap {

    private Heap() {
    }

    /**
     * MiB used after a few System.gc() calls (one may not finish what finalization or reference
     * processing leaves for the next). Peers are embedded, so their brokers' heap counts too.
     */
    static long usedAfterGcMiB() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }
}
