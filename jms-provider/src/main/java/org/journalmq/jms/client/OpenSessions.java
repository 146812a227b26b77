package org.journalmq.jms.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.journalmq.persistence.Journal;

/**
 * Open sessions per shared journal in this JVM: a figure for operators (JMX, metrics).
 * <p>Internal: for org.journalmq.jms.
 */
public final class OpenSessions {
    private static final Map<Journal, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

    private OpenSessions() {
    }

    /** Internal: for org.journalmq.jms. */
    public static void opened(Journal journal) {
        COUNTS.computeIfAbsent(journal, j -> new AtomicInteger()).incrementAndGet();
    }

    /** Internal: for org.journalmq.jms. */
    public static void closed(Journal journal) {
        AtomicInteger n = COUNTS.get(journal);
        if (n != null) {
            n.decrementAndGet();
        }
    }

    /** Internal: for org.journalmq.jms. */
    public static int count(Journal journal) {
        AtomicInteger n = COUNTS.get(journal);
        return n == null ? 0 : n.get();
    }

    /** The journal closed with its last connection: nothing is open on it any more. */
    static void forget(Journal journal) {
        COUNTS.remove(journal);
    }
}
