package org.journalmq.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.jms.JMSException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.admin.DestinationFigures;
import org.journalmq.jms.admin.JournalAdmin;
import org.journalmq.jms.admin.JournalFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds a journal's figures to a Micrometer {@link MeterRegistry}: the same figures as the MBeans
 * and {@code journalmq stat}, read through the same {@link JournalAdmin}.
 *
 * <pre>{@code
 * JournalMetrics metrics = JournalMetrics.of(connectionFactory);
 * metrics.bindTo(registry);   // ... metrics.close() when the application stops
 * }</pre>
 *
 * Meters (every one tagged {@code journal=<prefix>@<url>}): {@code journalmq.clients},
 * {@code journalmq.connections}, {@code journalmq.sessions.open}, {@code journalmq.pool.active|idle|total|waiting|max};
 * and per destination, tagged {@code type} (queue, temporary-queue, subscription), {@code name} and
 * {@code topic} (empty for queues): gauges {@code journalmq.destination.depth|ready|in.flight|scheduled|dlq.depth|consumers},
 * the time gauge {@code journalmq.destination.oldest.age}, and the counters
 * {@code journalmq.destination.enqueued|acked|duplicates} (this JVM's, since its journal opened). Destinations
 * appearing later are bound at the next {@link #refresh()}, run every {@value #REFRESH_SECONDS} s;
 * those gone are removed from the registry. Gauges read a snapshot at most one second old, so a
 * scrape costs one query, not one per meter.
 */
public final class JournalMetrics implements MeterBinder, AutoCloseable {
    static final int REFRESH_SECONDS = 10;
    private static final long MAX_AGE_NANOS = 1_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(JournalMetrics.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final JournalAdmin admin;
    private final boolean ownsAdmin;
    private final Tag journalTag;
    private final Map<String, List<Meter>> destinationMeters = new HashMap<>();
    private final List<Meter> journalMeters = new ArrayList<>();
    private MeterRegistry registry;
    private ScheduledExecutorService refresher;
    private volatile JournalFigures snapshot;
    private volatile long snapshotAt;

    private JournalMetrics(JournalAdmin admin, boolean ownsAdmin) {
        this.admin = admin;
        this.ownsAdmin = ownsAdmin;
        this.journalTag = Tag.of("journal", admin.tablePrefix() + "@" + admin.url());
    }

    /** Metrics of the factory's journal; {@link #close()} gives the journal back. */
    public static JournalMetrics of(JournalConnectionFactory factory) throws JMSException {
        return new JournalMetrics(factory.createAdmin(), true);
    }

    /** Metrics read through an admin the caller keeps and closes. */
    public static JournalMetrics of(JournalAdmin admin) {
        return new JournalMetrics(admin, false);
    }

    @Override
    public synchronized void bindTo(MeterRegistry meterRegistry) {
        if (registry != null) {
            throw new IllegalStateException("already bound to a registry; use one JournalMetrics per registry");
        }
        registry = meterRegistry;
        Tags tags = Tags.of(journalTag);
        journalMeters.add(gauge("journalmq.clients", tags, "live journal clients in every JVM", m -> current().clients()));
        journalMeters.add(gauge("journalmq.connections", tags, "connections and admin handles on the journal in this JVM",
                m -> admin.connections()));
        journalMeters.add(gauge("journalmq.sessions.open", tags, "open sessions on the journal in this JVM",
                m -> admin.openSessions()));
        journalMeters.add(gauge("journalmq.pool.active", tags, "JDBC connections in use", m -> admin.pool().active()));
        journalMeters.add(gauge("journalmq.pool.idle", tags, "JDBC connections idle in the pool", m -> admin.pool().idle()));
        journalMeters.add(gauge("journalmq.pool.total", tags, "JDBC connections open", m -> admin.pool().total()));
        journalMeters.add(gauge("journalmq.pool.waiting", tags, "threads waiting for a JDBC connection",
                m -> admin.pool().waiting()));
        journalMeters.add(gauge("journalmq.pool.max", tags, "maximum JDBC connections", m -> admin.pool().maximum()));
        refreshQuietly();
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "journalmq-metrics-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refreshQuietly, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    /** Reads the journal now, binds meters of new destinations and removes those of vanished ones. */
    public synchronized void refresh() throws JMSException {
        JournalFigures figures = admin.figures();
        snapshot = figures;
        snapshotAt = System.nanoTime();
        if (registry == null) {
            return;
        }
        Set<String> present = new HashSet<>();
        for (DestinationFigures d : figures.destinations()) {
            if ("other".equals(d.type())) {
                continue;
            }
            present.add(d.address());
            destinationMeters.computeIfAbsent(d.address(), a -> bind(d));
        }
        destinationMeters.entrySet().removeIf(e -> {
            if (present.contains(e.getKey())) {
                return false;
            }
            e.getValue().forEach(registry::remove);
            return true;
        });
    }

    private List<Meter> bind(DestinationFigures d) {
        String address = d.address();
        Tags tags = Tags.of(journalTag, Tag.of("type", d.type()), Tag.of("name", d.name()),
                Tag.of("topic", d.topic() == null ? "" : d.topic()));
        List<Meter> meters = new ArrayList<>();
        meters.add(gauge("journalmq.destination.depth", tags, "messages held: ready, in flight and scheduled",
                m -> figure(address, DestinationFigures::depth)));
        meters.add(gauge("journalmq.destination.ready", tags, "messages deliverable now",
                m -> figure(address, DestinationFigures::ready)));
        meters.add(gauge("journalmq.destination.in.flight", tags, "messages claimed by consumers, not acknowledged",
                m -> figure(address, DestinationFigures::inFlight)));
        meters.add(gauge("journalmq.destination.scheduled", tags, "messages whose delivery time lies ahead",
                m -> figure(address, DestinationFigures::scheduled)));
        meters.add(gauge("journalmq.destination.dlq.depth", tags, "messages in the dead-letter queue",
                m -> figure(address, DestinationFigures::dlqDepth)));
        meters.add(gauge("journalmq.destination.consumers", tags, "consumers attached in every JVM",
                m -> figure(address, DestinationFigures::consumers)));
        meters.add(TimeGauge.builder("journalmq.destination.oldest.age", this,
                        TimeUnit.MILLISECONDS, m -> figure(address, DestinationFigures::oldestAgeMs))
                .tags(tags).description("age of the oldest message (consumer lag)").register(registry));
        meters.add(FunctionCounter.builder("journalmq.destination.enqueued", this,
                        m -> figure(address, DestinationFigures::enqueued))
                .tags(tags).description("messages sent by this JVM").register(registry));
        meters.add(FunctionCounter.builder("journalmq.destination.acked", this,
                        m -> figure(address, DestinationFigures::acked))
                .tags(tags).description("messages acknowledged by this JVM").register(registry));
        meters.add(FunctionCounter.builder("journalmq.destination.duplicates", this,
                        m -> figure(address, DestinationFigures::duplicates))
                .tags(tags).description("sends by this JVM suppressed as duplicates").register(registry));
        return meters;
    }

    private Gauge gauge(String name, Tags tags, String description, ToDoubleFunction<JournalMetrics> value) {
        return Gauge.builder(name, this, m -> {
            try {
                return value.applyAsDouble(m);
            } catch (RuntimeException e) {
                return Double.NaN; // the journal is unreachable: no value rather than a wrong one
            }
        }).tags(tags).description(description).register(registry);
    }

    /** A destination's figure in the current snapshot; 0 once it left the journal (until removed). */
    private double figure(String address, ToDoubleFunction<DestinationFigures> figure) {
        for (DestinationFigures d : current().destinations()) {
            if (d.address().equals(address)) {
                return figure.applyAsDouble(d);
            }
        }
        return 0;
    }

    private JournalFigures current() {
        JournalFigures s = snapshot;
        if (s == null || System.nanoTime() - snapshotAt > MAX_AGE_NANOS) {
            try {
                s = admin.figures();
            } catch (JMSException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            snapshot = s;
            snapshotAt = System.nanoTime();
        }
        return s;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (JMSException | RuntimeException e) {
            LOG.debug("JMQ5009 metrics refresh failed: {}", e.toString());
        }
    }

    /** Removes every meter it bound and stops refreshing; closes the admin when it opened it. */
    @Override
    public void close() {
        ScheduledExecutorService r;
        synchronized (this) {
            r = refresher;
            refresher = null;
        }
        if (r != null) {
            r.shutdown(); // no interrupt: it may be inside a JDBC call on an HSQLDB file channel
            try {
                r.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (registry != null) {
                destinationMeters.values().forEach(list -> list.forEach(registry::remove));
                journalMeters.forEach(registry::remove);
            }
            destinationMeters.clear();
            journalMeters.clear();
        }
        if (ownsAdmin) {
            admin.close();
        }
    }
}
