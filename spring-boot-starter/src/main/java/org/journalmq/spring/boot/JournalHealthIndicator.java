package org.journalmq.spring.boot;

import jakarta.jms.JMSException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.journalmq.jms.DeadLetters;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.admin.DestinationFigures;
import org.journalmq.jms.admin.JournalAdmin;
import org.journalmq.jms.admin.JournalFigures;
import org.journalmq.jms.config.SettingsBinder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the journal, read through the same {@link JournalAdmin} as JMX, Micrometer and
 * {@code journalmq stat}: UP when one query of the journal's figures succeeds, with the live
 * clients, the number of destinations and the dead-letter depth (in total and per dead-letter
 * queue); DOWN with the error when the journal cannot be read. Dead letters do not make it DOWN:
 * they are the application's to handle, and an alert on {@code deadLetters} (or on the meter
 * {@code journalmq.destination.dlq.depth}) says so without restarting a healthy instance.
 */
public final class JournalHealthIndicator extends AbstractHealthIndicator implements DisposableBean {
    private final JournalConnectionFactory factory;
    private JournalAdmin admin;

    public JournalHealthIndicator(JournalConnectionFactory factory) {
        super("JournalMQ health check failed");
        this.factory = factory;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws JMSException {
        JournalAdmin a = admin();
        JournalFigures figures = a.figures();
        // A dead-letter queue is known by name from the destinations that use it (each reports its
        // depth; a topic's subscriptions share DLQ.<topic>), and is a queue of its own that stays
        // listed after its source queue emptied: counted once per queue, at the larger figure.
        Map<String, Long> deadLetters = new TreeMap<>();
        Set<String> names = new HashSet<>();
        String configured = factory.settings().policies().get(SettingsBinder.DEAD_LETTER_QUEUE);
        if (configured != null) {
            names.add(configured);
        }
        for (DestinationFigures d : figures.destinations()) {
            if (d.deadLetterQueue() != null) {
                names.add(d.deadLetterQueue());
                if (d.dlqDepth() > 0) {
                    deadLetters.merge(d.deadLetterQueue(), d.dlqDepth(), Math::max);
                }
            }
        }
        for (DestinationFigures d : figures.destinations()) {
            boolean deadLetterQueue = names.contains(d.name())
                    || d.name().startsWith(DeadLetters.DEAD_LETTER_QUEUE_PREFIX);
            if (!d.isSubscription() && deadLetterQueue && d.depth() > 0) {
                deadLetters.merge(d.name(), d.depth(), Math::max);
            }
        }
        String where = a.url() != null ? a.url() : "application DataSource";
        builder.up()
                .withDetail("journal", a.tablePrefix() + "@" + where)
                .withDetail("clients", figures.clients())
                .withDetail("destinations", figures.destinations().size())
                .withDetail("deadLetters", deadLetters.values().stream().mapToLong(Long::longValue).sum())
                .withDetail("deadLetterQueues", deadLetters);
    }

    /** Opened at the first check and kept: it holds the journal open, not a database connection. */
    private synchronized JournalAdmin admin() throws JMSException {
        if (admin == null) {
            admin = factory.createAdmin();
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }
}
