package org.journalmq.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.DeadLetters;
import org.journalmq.jms.admin.DestinationFigures;
import org.journalmq.jms.admin.JournalAdmin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Micrometer binder (issue 8, item 5): each meter read from a {@link SimpleMeterRegistry}
 * against a real journal, and compared with the admin figures the CLI and the MBeans show.
 */
abstract class MetricsContract {

    abstract JournalConnectionFactory factory();

    private String queue;
    private Connection connection;
    private Session session;
    private SimpleMeterRegistry registry;
    private JournalMetrics metrics;

    @BeforeEach
    void open() throws Exception {
        queue = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
        connection = factory().createConnection();
        connection.start();
        session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
        registry = new SimpleMeterRegistry();
    }

    @AfterEach
    void close() throws Exception {
        if (metrics != null) {
            metrics.close();
        }
        connection.close();
    }

    private void send(String to, String body, long delay) throws Exception {
        try (MessageProducer p = session.createProducer(session.createQueue(to))) {
            p.setDeliveryDelay(delay);
            p.send(session.createTextMessage(body));
        }
    }

    private double gauge(String meter, String name) {
        var g = registry.find(meter).tag("name", name).tag("type", "queue").gauge();
        assertTrue(g != null, () -> meter + " for " + name + " missing: " + registry.getMetersAsString());
        return g.value();
    }

    private double counter(String meter, String name) {
        var c = registry.find(meter).tag("name", name).functionCounter();
        assertTrue(c != null, () -> meter + " for " + name + " missing: " + registry.getMetersAsString());
        return c.count();
    }

    private double journalGauge(String meter) {
        var g = registry.find(meter).gauge();
        assertTrue(g != null, () -> meter + " missing: " + registry.getMetersAsString());
        return g.value();
    }

    @Test
    @DisplayName("each destination meter: depth, ready, in flight, scheduled, DLQ depth, consumers, oldest age, enqueued, acked")
    void destinationMetersReadTheJournal() throws Exception {
        send(queue, "one", 0);
        send(queue, "two", 0);
        send(queue, "three", 0);
        send(queue, "later", 600_000);
        send(DeadLetters.deadLetterQueueFor(queue), "dead", 0);
        MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
        consumer.receive(10_000).acknowledge();
        Message held = consumer.receive(10_000);
        assertEquals("two", ((TextMessage) held).getText());

        metrics = JournalMetrics.of(factory());
        metrics.bindTo(registry);

        assertEquals(3, gauge("journalmq.destination.depth", queue));
        assertEquals(1, gauge("journalmq.destination.ready", queue));
        assertEquals(1, gauge("journalmq.destination.in.flight", queue));
        assertEquals(1, gauge("journalmq.destination.scheduled", queue));
        assertEquals(1, gauge("journalmq.destination.dlq.depth", queue));
        assertEquals(1, gauge("journalmq.destination.consumers", queue));
        assertEquals(4, counter("journalmq.destination.enqueued", queue), "sends of this JVM");
        assertEquals(1, counter("journalmq.destination.acked", queue), "acks of this JVM");
        var age = registry.find("journalmq.destination.oldest.age").tag("name", queue).timeGauge();
        assertTrue(age != null, registry::getMetersAsString);
        try (JournalAdmin admin = factory().createAdmin()) {
            DestinationFigures f = admin.figures().queue(queue).orElseThrow();
            double ms = age.value(TimeUnit.MILLISECONDS);
            assertTrue(ms >= f.oldestAgeMs() - 1_500 && ms <= f.oldestAgeMs() + 1_500,
                    "metric " + ms + " ms, admin " + f.oldestAgeMs() + " ms");
            assertEquals(f.depth(), gauge("journalmq.destination.depth", queue), "the same figure as stat and JMX");
        }
        assertEquals(1, gauge("journalmq.destination.depth", DeadLetters.deadLetterQueueFor(queue)));
        consumer.close();
    }

    @Test
    @DisplayName("journalmq.destination.duplicates counts sends suppressed by JMS_JournalMQ_DuplicateID (issue 16), apart from enqueued")
    void duplicateMeterCountsSuppressedSends() throws Exception {
        try (MessageProducer p = session.createProducer(session.createQueue(queue))) {
            for (int i = 0; i < 3; i++) {
                TextMessage m = session.createTextMessage("order " + i);
                m.setStringProperty(JournalConnectionFactory.DUPLICATE_ID_PROPERTY, "order-1");
                p.send(m);
            }
        }
        metrics = JournalMetrics.of(factory());
        metrics.bindTo(registry);
        assertEquals(2, counter("journalmq.destination.duplicates", queue), "the second and third send");
        assertEquals(1, counter("journalmq.destination.enqueued", queue));
        assertEquals(1, gauge("journalmq.destination.depth", queue));
    }

    @Test
    @DisplayName("journal meters: clients, connections, open sessions, pool figures")
    void journalMetersReadTheJournalAndPool() throws Exception {
        send(queue, "x", 0);
        metrics = JournalMetrics.of(factory());
        metrics.bindTo(registry);
        assertTrue(journalGauge("journalmq.clients") >= 1);
        double sessions = journalGauge("journalmq.sessions.open");
        assertTrue(sessions >= 1, "the test's session");
        Session extra = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        assertEquals(sessions + 1, journalGauge("journalmq.sessions.open"));
        extra.close();
        assertTrue(journalGauge("journalmq.connections") >= 2, "the test's connection and the binder's admin");
        assertEquals(8, journalGauge("journalmq.pool.max"));
        double total = journalGauge("journalmq.pool.total");
        assertTrue(total >= 1 && total <= 8);
        assertEquals(total, journalGauge("journalmq.pool.active") + journalGauge("journalmq.pool.idle"));
        assertEquals(0, journalGauge("journalmq.pool.waiting"));
    }

    @Test
    @DisplayName("refresh binds destinations that appeared and removes those that left; close removes every meter")
    void refreshFollowsTheJournal() throws Exception {
        metrics = JournalMetrics.of(factory());
        metrics.bindTo(registry);
        assertNull(registry.find("journalmq.destination.depth").tag("name", queue).gauge());
        send(queue, "new", 0);
        metrics.refresh();
        assertEquals(1, gauge("journalmq.destination.depth", queue));
        try (JournalAdmin admin = factory().createAdmin()) {
            admin.purgeQueue(queue);
        }
        metrics.refresh();
        assertNull(registry.find("journalmq.destination.depth").tag("name", queue).gauge(), "gone with its messages");
        metrics.close();
        metrics = null;
        assertTrue(registry.getMeters().isEmpty(), registry::getMetersAsString);
    }
}
