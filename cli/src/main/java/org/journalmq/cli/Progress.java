package org.journalmq.cli;

import java.io.PrintWriter;
import java.util.function.LongConsumer;

/** Running totals of a long operation on stderr, at most twice a second, so stdout stays for results. */
final class Progress implements LongConsumer {
    private static final long INTERVAL_NANOS = 500_000_000L;

    private final PrintWriter err;
    private final String command;
    private final String verb;
    private long lastPrinted = System.nanoTime();
    private long lastTotal;

    Progress(PrintWriter err, String command, String verb) {
        this.err = err;
        this.command = command;
        this.verb = verb;
    }

    @Override
    public void accept(long total) {
        long now = System.nanoTime();
        if (now - lastPrinted >= INTERVAL_NANOS) {
            err.println(command + ": " + total + " " + verb + " so far...");
            err.flush();
            lastPrinted = now;
            lastTotal = total;
        }
    }

    /** The final total, unless it was the last line printed. */
    void done(long total) {
        if (total != lastTotal) {
            err.println(command + ": " + total + " " + verb);
            err.flush();
        }
    }
}
