package org.journalmq.jms.admin;

import org.journalmq.jms.DeadLetters;
import jakarta.jms.JMSException;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.journalmq.persistence.PoolFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers a journal's MBeans in the platform MBeanServer: one for the connection factory
 * configuration and one per queue and subscription. Destinations come and go with the journal's
 * rows, so the set is synchronised with each snapshot: every {@value #REFRESH_SECONDS} s on a
 * daemon thread, and when {@link ConnectionFactoryMXBean#refresh()} is called.
 */
public final class JmxExport implements AutoCloseable {
    static final String DOMAIN = "org.journalmq";
    static final int REFRESH_SECONDS = 10;
    /** Attribute reads within this age share one snapshot: a console reading 13 attributes costs one query. */
    static final long MAX_AGE_MILLIS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(JmxExport.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final JournalAdmin admin;
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final String factoryKey;
    private final ObjectName factoryName;
    private final Map<ObjectName, String> registered = new HashMap<>(); // name -> address
    private final ScheduledExecutorService refresher;
    private volatile JournalFigures snapshot;
    private volatile long snapshotAt;
    private volatile boolean closed;

    private JmxExport(JournalAdmin admin) throws JMException {
        this.admin = admin;
        this.factoryKey = ObjectName.quote(admin.tablePrefix() + "@" + admin.url());
        this.factoryName = new ObjectName(DOMAIN + ":type=ConnectionFactory,name=" + factoryKey);
        server.registerMBean(new FactoryBean(), factoryName);
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "journalmq-jmx-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Exports the admin's journal; closing the result unregisters everything. Returns null (and
     * logs why) when the MBeans cannot be registered, e.g. another class loader registered the same
     * journal already: JMX is an aid, never a reason to refuse a connection.
     */
    public static AutoCloseable register(JournalAdmin admin) {
        try {
            return new JmxExport(admin);
        } catch (JMException | RuntimeException e) {
            LOG.warn("JMQ5007 JMX disabled for journal {}*@{}: {}", admin.tablePrefix(), admin.url(), e.toString());
            return null;
        }
    }

    /** The ObjectName of a queue's MBean. */
    public static ObjectName queueName(String factoryKey, String queue) throws JMException {
        return new ObjectName(DOMAIN + ":type=Queue,factory=" + factoryKey + ",name=" + ObjectName.quote(queue));
    }

    private ObjectName nameOf(DestinationFigures d) throws JMException {
        if (d.isSubscription()) {
            return new ObjectName(DOMAIN + ":type=Subscription,factory=" + factoryKey + ",topic="
                    + ObjectName.quote(d.topic()) + ",name=" + ObjectName.quote(d.name()));
        }
        String type = FiguresBuilder.TEMPORARY_QUEUE.equals(d.type()) ? "TemporaryQueue" : "Queue";
        return new ObjectName(DOMAIN + ":type=" + type + ",factory=" + factoryKey + ",name=" + ObjectName.quote(d.name()));
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (JMSException | RuntimeException e) {
            LOG.debug("JMQ5003 JMX refresh failed: {}", e.toString());
        }
    }

    /** Takes a new snapshot and (un)registers destination MBeans to match it. */
    synchronized JournalFigures refresh() throws JMSException {
        JournalFigures figures = admin.figures();
        snapshot = figures;
        snapshotAt = System.nanoTime();
        if (closed) {
            return figures;
        }
        Map<ObjectName, String> wanted = new HashMap<>();
        for (DestinationFigures d : figures.destinations()) {
            if (FiguresBuilder.OTHER.equals(d.type())) {
                continue;
            }
            try {
                wanted.put(nameOf(d), d.address());
            } catch (JMException e) {
                LOG.debug("JMQ5008 no MBean name for {}: {}", d.address(), e.toString());
            }
        }
        registered.entrySet().removeIf(e -> {
            if (wanted.containsKey(e.getKey())) {
                return false;
            }
            unregister(e.getKey());
            return true;
        });
        for (Map.Entry<ObjectName, String> e : wanted.entrySet()) {
            if (!registered.containsKey(e.getKey())) {
                try {
                    server.registerMBean(new DestinationBean(e.getValue()), e.getKey());
                    registered.put(e.getKey(), e.getValue());
                } catch (JMException ex) {
                    LOG.debug("JMQ5008 could not register {}: {}", e.getKey(), ex.toString());
                }
            }
        }
        return figures;
    }

    private JournalFigures current() {
        JournalFigures s = snapshot;
        if (s == null || System.nanoTime() - snapshotAt > MAX_AGE_MILLIS * 1_000_000) {
            try {
                return refresh();
            } catch (JMSException e) {
                throw new IllegalStateException(e.getMessage()); // a JDK type: any JMX client can read it
            }
        }
        return s;
    }

    private void unregister(ObjectName name) {
        try {
            server.unregisterMBean(name);
        } catch (JMException e) {
            LOG.debug("JMQ5008 could not unregister {}: {}", name, e.toString());
        }
    }

    @Override
    public void close() {
        closed = true;
        // No interrupt: an interrupted HSQLDB file channel closes and takes the database with it.
        refresher.shutdown();
        try {
            refresher.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        unregisterAll();
    }

    private synchronized void unregisterAll() {
        registered.keySet().forEach(this::unregister);
        registered.clear();
        unregister(factoryName);
    }

    private final class FactoryBean implements ConnectionFactoryMXBean {
        @Override public String getUrl() { return admin.url(); }
        @Override public String getTablePrefix() { return admin.tablePrefix(); }
        @Override public int getClients() { return current().clients(); }
        @Override public int getConnections() { return admin.connections(); }
        @Override public int getOpenSessions() { return admin.openSessions(); }
        @Override public int getDestinationCount() { return current().destinations().size(); }
        @Override public int getPoolActive() { return pool().active(); }
        @Override public int getPoolIdle() { return pool().idle(); }
        @Override public int getPoolTotal() { return pool().total(); }
        @Override public int getPoolWaiting() { return pool().waiting(); }
        @Override public int getPoolMaximum() { return pool().maximum(); }

        private PoolFigures pool() {
            return admin.pool();
        }

        @Override
        public void refresh() {
            try {
                JmxExport.this.refresh();
            } catch (JMSException e) {
                throw new IllegalStateException(e.getMessage());
            }
        }
    }

    private final class DestinationBean implements DestinationMXBean {
        private final String address;

        DestinationBean(String address) {
            this.address = address;
        }

        /** Its figures in the current snapshot; zeros once it left the journal (until unregistered). */
        private DestinationFigures figures() {
            for (DestinationFigures d : current().destinations()) {
                if (d.address().equals(address)) {
                    return d;
                }
            }
            return new DestinationFigures(FiguresBuilder.nameOf(address), FiguresBuilder.OTHER, address, null, false,
                    false, 0, 0, 0, "", 0, 0, 0, 0, 0, 0);
        }

        @Override public String getName() { return figures().name(); }
        @Override public String getType() { return figures().type(); }
        @Override public String getTopic() { String t = figures().topic(); return t == null ? "" : t; }
        @Override public long getDepth() { return figures().depth(); }
        @Override public long getReady() { return figures().ready(); }
        @Override public long getInFlight() { return figures().inFlight(); }
        @Override public long getScheduled() { return figures().scheduled(); }
        @Override public String getDeadLetterQueue() { return figures().deadLetterQueue(); }
        @Override public long getDeadLetterDepth() { return figures().dlqDepth(); }
        @Override public long getOldestMessageAgeMillis() { return figures().oldestAgeMs(); }
        @Override public int getConsumerCount() { return figures().consumers(); }
        @Override public String[] getEstimatedFigures() {
            return figures().estimated().stream().sorted().toArray(String[]::new);
        }
        @Override public long getEnqueueCount() { return figures().enqueued(); }
        @Override public long getAckCount() { return figures().acked(); }
        @Override public long getDuplicateCount() { return figures().duplicates(); }
        @Override public long getJournalEnqueueCount() { return figures().journalEnqueued(); }
        @Override public long getJournalAckCount() { return figures().journalAcked(); }

        @Override
        public long purge() {
            try {
                long n = admin.purge(figures());
                refreshQuietly();
                return n;
            } catch (JMSException e) {
                throw new IllegalStateException(e.getMessage());
            }
        }

        @Override
        public long replayDeadLetters(String selector, long limit) {
            DestinationFigures d = figures();
            String chosen = selector == null || selector.isBlank() ? null : selector;
            if (d.isSubscription()) {
                // The topic's dead-letter queue holds every subscription's: take only this one's.
                String own = DeadLetters.ORIGINAL_SUBSCRIPTION + " IN ('" + d.name().replace("'", "''")
                        + "', '" + d.address().replace("'", "''") + "')";
                chosen = chosen == null ? own : "(" + chosen + ") AND " + own;
            }
            try {
                long n = admin.move(MoveRequest.replay(d.deadLetterQueue(), null, chosen, limit));
                refreshQuietly();
                return n;
            } catch (JMSException e) {
                // IllegalArgumentException for what the caller typed, a JDK type any console can show
                if (e instanceof jakarta.jms.InvalidSelectorException || e instanceof jakarta.jms.InvalidDestinationException) {
                    throw new IllegalArgumentException(e.getMessage());
                }
                throw new IllegalStateException(e.getMessage());
            }
        }
    }
}
