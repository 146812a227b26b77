package org.journalmq.jms.client;

/**
 * A wake-up flag that cannot lose a signal: a waiter reads the generation first, checks for work,
 * then waits only if nothing was signalled since.
 */
final class Signal {
    private long generation;

    synchronized long generation() {
        return generation;
    }

    synchronized void signal() {
        generation++;
        notifyAll();
    }

    /** Waits at most {@code millis} unless signalled after {@code seen} was read. */
    synchronized void await(long seen, long millis) throws InterruptedException {
        if (generation == seen && millis > 0) {
            wait(millis);
        }
    }
}
