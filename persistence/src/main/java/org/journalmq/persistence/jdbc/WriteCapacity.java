package org.journalmq.persistence.jdbc;

/**
 * Room in the write queue, in units and bytes. A unit larger than the byte bound alone is let
 * in when the queue is empty, so that it cannot wait forever.
 */
final class WriteCapacity {
    private final int maxUnits;
    private final long maxBytes;
    private int units;
    private long bytes;

    WriteCapacity(int maxUnits, long maxBytes) {
        this.maxUnits = maxUnits;
        this.maxBytes = maxBytes;
    }

    synchronized void acquire(long size, boolean mayWait, java.util.function.BooleanSupplier open)
            throws InterruptedException {
        while (mayWait && open.getAsBoolean() && units > 0 && (units >= maxUnits || bytes + size > maxBytes)) {
            wait(1_000);
        }
        units++;
        bytes += size;
    }

    synchronized void release(long size) {
        units--;
        bytes -= size;
        notifyAll();
    }

    synchronized void wakeWaiters() {
        notifyAll();
    }
}
