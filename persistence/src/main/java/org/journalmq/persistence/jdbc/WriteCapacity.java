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

    /** The bytes of message data a unit sends: what the byte bound counts. */
    static long bytesOf(org.journalmq.persistence.UnitOfWork work) {
        long total = 0;
        for (org.journalmq.persistence.NewMessage m : work.sends()) {
            total += m.data().length;
        }
        for (var pub : work.publications()) {
            total += pub.message().data().length;
        }
        return total;
    }
}
