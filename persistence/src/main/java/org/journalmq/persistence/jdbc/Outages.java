package org.journalmq.persistence.jdbc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.journalmq.persistence.Journal;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.JournalException.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a journal's database can be reached, and who is told when it stops (issue 13). An outage
 * begins with the first failure of kind {@link Kind#UNAVAILABLE} of any of the journal's database
 * operations (a write of the group writer, a claim, the maintenance heartbeat) and ends with the
 * next operation that succeeds. Each outage is logged once at each end and reported once to every
 * registered listener, however many operations fail meanwhile: the JMS connections turn that
 * report into one ExceptionListener call per outage.
 */
final class Outages {
    private static final Logger LOG = LoggerFactory.getLogger(Outages.class);

    private final String url;
    private final long reconnectMillis;
    private final List<Consumer<JournalException>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile long downSince;

    Outages(String url, long reconnectMillis) {
        this.url = url;
        this.reconnectMillis = reconnectMillis;
    }

    /** How long a write waits for the database, reconnecting, before it fails. */
    long reconnectMillis() {
        return reconnectMillis;
    }

    /** True while an outage lasts. */
    boolean isDown() {
        return down.get();
    }

    /** An operation failed: the first failure of kind UNAVAILABLE begins an outage. */
    void failed(JournalException e) {
        if (e.kind() != Kind.UNAVAILABLE || !down.compareAndSet(false, true)) {
            return;
        }
        downSince = System.nanoTime();
        LOG.warn("JMQ1003 database unavailable; reconnecting, writes wait for it up to {} ms: {}", reconnectMillis,
                e.getMessage());
        JournalException notice = new JournalException(Kind.UNAVAILABLE, "the database of the journal on "
                + SqlErrors.safeUrl(url) + " became unavailable; JournalMQ reconnects by itself and the connection"
                + " stays open (a send, acknowledge or commit waits up to reconnectTimeoutMillis=" + reconnectMillis
                + " ms for it): " + reason(e), e);
        if (listeners.isEmpty()) {
            return;
        }
        // Not on the failing thread: it may be the writer, which a listener calling back into the
        // journal would wait for.
        Thread t = new Thread(() -> listeners.forEach(l -> tell(l, notice)), "journalmq-outage");
        t.setDaemon(true);
        t.start();
    }

    /** An operation succeeded: an outage in progress ends. */
    void reached() {
        if (down.get() && down.compareAndSet(true, false)) {
            LOG.info("JMQ1004 database reachable again after {} ms: {}",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - downSince), SqlErrors.safeUrl(url));
        }
    }

    Journal.Registration register(Consumer<JournalException> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * The innermost failure's first line, short: the driver's text of a failed batch holds the whole
     * statement with the message bytes, which do not belong in a listener's exception.
     */
    static String reason(Throwable e) {
        Throwable root = e;
        for (Throwable t = e; t != null; ) { // the innermost one that says something
            if (t.getMessage() != null) {
                root = t;
            }
            Throwable next = t instanceof java.sql.SQLException s && s.getNextException() != null
                    ? s.getNextException() : t.getCause();
            t = next == t ? null : next;
        }
        String state = root instanceof java.sql.SQLException s && s.getSQLState() != null
                ? " (SQLState " + s.getSQLState() + ")" : "";
        String text = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        return SqlErrors.safeUrl(text.length() > 200 ? text.substring(0, 200) + "..." : text) + state;
    }

    private static void tell(Consumer<JournalException> listener, JournalException notice) {
        try {
            listener.accept(notice);
        } catch (RuntimeException e) {
            LOG.warn("JMQ1003 an outage listener threw", e);
        }
    }
}
