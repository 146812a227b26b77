package org.journalmq.jms.client;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.journalmq.persistence.Journal;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.Journals;

/**
 * Shares one journal per configuration inside the JVM, so that every connection to the same
 * database rides the same writer (group commit), pool and client row. Reference counted: the
 * journal closes when its last connection closes.
 * <p>Internal: for org.journalmq.jms.
 */
public final class JournalRegistry {

    /** Keyed by the configuration, or by {@link DataSourceKey} for a journal on a caller's DataSource. */
    private static final Map<Object, Shared> OPEN = new HashMap<>();
    /** Journals being opened now, by the same keys: later callers of a key wait on its placeholder. */
    private static final Map<Object, CompletableFuture<Void>> OPENING = new HashMap<>();
    /** Told of every journal that closed, after its last release; see {@link #whenClosed}. */
    private static final List<Consumer<Journal>> CLOSED = new CopyOnWriteArrayList<>();

    private JournalRegistry() {
    }

    private static final class Shared {
        final Journal journal;
        int references;
        /** The journal's MBeans, or null when JMX is off for it. */
        AutoCloseable jmx;

        Shared(Journal journal) {
            this.journal = journal;
        }
    }

    /**
     * Opens or shares the journal; pair each call with {@link #release(Journal)}.
     * <p>Internal: for org.journalmq.jms.
     */
    public static Journal acquire(JournalConfig config) {
        return acquire(config, false);
    }

    /**
     * Opens or shares the journal and, when {@code jmx} is set, registers its MBeans if they are
     * not registered yet (the first factory with JMX on exports them for the shared journal).
     *
     * <p>The open itself (pool, schema migration, client row: database round trips that may hang)
     * runs outside the registry's lock, so that a database that does not answer blocks only the
     * callers of its own journal (issue 13 item 6): the first caller leaves a placeholder in
     * {@code OPENING} that later callers of the same key wait on; its failure reaches them too.
     * <p>Internal: for org.journalmq.jms.
     */
    public static Journal acquire(JournalConfig config, boolean jmx) {
        Object key = keyOf(config);
        while (true) {
            CompletableFuture<Void> opening;
            synchronized (JournalRegistry.class) {
                Shared shared = OPEN.get(key);
                if (shared != null) {
                    return take(shared, jmx);
                }
                opening = OPENING.get(key);
                if (opening == null) {
                    OPENING.put(key, new CompletableFuture<>());
                }
            }
            if (opening == null) {
                return open(key, config, jmx);
            }
            awaitOpening(opening);
            // Opened (or closed again by its last release meanwhile): look again under the lock.
        }
    }

    /** Runs the open of the placeholder this thread put in {@code OPENING} and completes it. */
    private static Journal open(Object key, JournalConfig config, boolean jmx) {
        Journal journal;
        try {
            journal = Journals.open(config);
        } catch (RuntimeException | Error e) {
            CompletableFuture<Void> opening;
            synchronized (JournalRegistry.class) {
                opening = OPENING.remove(key);
            }
            opening.completeExceptionally(e);
            throw e;
        }
        CompletableFuture<Void> opening;
        Journal result;
        synchronized (JournalRegistry.class) {
            opening = OPENING.remove(key);
            Shared shared = new Shared(journal);
            OPEN.put(key, shared);
            result = take(shared, jmx);
        }
        opening.complete(null);
        return result;
    }

    /** Waits for another thread's open of the same journal; its failure is this caller's failure. */
    private static void awaitOpening(CompletableFuture<Void> opening) {
        try {
            opening.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalException(JournalException.Kind.UNAVAILABLE,
                    "interrupted while another thread was opening the journal", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof JournalException je) {
                // A fresh exception per waiter, same kind: callers translate by kind (JmsExceptions).
                throw new JournalException(je.kind(), je.getMessage(), je);
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new JournalException(JournalException.Kind.UNAVAILABLE, String.valueOf(e.getCause()), e.getCause());
        }
    }

    /** Takes one reference to an open journal; called under the registry's lock. */
    private static Journal take(Shared shared, boolean jmx) {
        shared.references++;
        if (jmx && shared.jmx == null) {
            Shared s = shared;
            shared.jmx = org.journalmq.jms.admin.JmxExport.register(new org.journalmq.jms.admin.JournalAdmin(
                    s.journal, () -> references(s.journal), () -> OpenSessions.count(s.journal), () -> { }));
        }
        return shared.journal;
    }

    /**
     * How many connections and admins share the journal (0 once it closed).
     * <p>Internal: for org.journalmq.jms.
     */
    public static synchronized int references(Journal journal) {
        for (Shared s : OPEN.values()) {
            if (s.journal == journal) {
                return s.references;
            }
        }
        return 0;
    }

    /** Internal: for org.journalmq.jms. */
    public static void release(Journal journal) {
        Journal toClose = null;
        synchronized (JournalRegistry.class) {
            var it = OPEN.entrySet().iterator();
            while (it.hasNext()) {
                Shared s = it.next().getValue();
                if (s.journal == journal && --s.references == 0) {
                    it.remove();
                    toClose = journal;
                    closeQuietly(s.jmx);
                    OpenSessions.forget(journal);
                    break;
                }
            }
        }
        if (toClose != null) {
            Journal closed = toClose;
            CLOSED.forEach(hook -> hook.accept(closed));
            toClose.close();
        }
    }

    /**
     * Registers a hook told of each journal the registry closes, so that per-journal state kept
     * elsewhere (the XA branches' timeouts) goes with it without this package depending on its
     * keeper. Internal: for org.journalmq.jms.transaction.
     */
    public static void whenClosed(Consumer<Journal> hook) {
        CLOSED.add(hook);
    }

    private static void closeQuietly(AutoCloseable jmx) {
        if (jmx == null) {
            return;
        }
        try {
            jmx.close();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(JournalRegistry.class).warn(
                    "JMQ5002 could not unregister the journal's MBeans: {}", e.toString());
        }
    }

    // ---------------------------------------------------------------- caller-supplied DataSource

    private static Object keyOf(JournalConfig config) {
        return config.dataSource() == null ? config : new DataSourceKey(config);
    }

    /**
     * A journal on a caller's DataSource is shared by the DataSource's identity (DataSource classes
     * may define equals by their settings, yet two container resources are two pools), its table
     * prefix and the user its connections are asked for.
     */
    private static final class DataSourceKey {
        private final javax.sql.DataSource dataSource;
        private final String tablePrefix;
        private final String user;

        DataSourceKey(JournalConfig config) {
            this.dataSource = config.dataSource();
            this.tablePrefix = config.tablePrefix();
            this.user = config.user();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DataSourceKey k && k.dataSource == dataSource && k.tablePrefix.equals(tablePrefix)
                    && java.util.Objects.equals(k.user, user);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(dataSource) * 31 + tablePrefix.hashCode();
        }
    }
}
