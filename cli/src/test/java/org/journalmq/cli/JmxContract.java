package org.journalmq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.DeadLetters;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The MBeans (issue 8, item 4), read through the platform MBeanServer as a JMX console would, and
 * compared with what {@code journalmq stat --json} prints for the same journal.
 */
abstract class JmxContract extends OpsTestBase {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    private ObjectName only(String pattern) throws Exception {
        Set<ObjectName> names = server.queryNames(new ObjectName(pattern), null);
        assertEquals(1, names.size(), () -> pattern + " matched " + names);
        return names.iterator().next();
    }

    private ObjectName queueBean(String name) throws Exception {
        return only("org.journalmq:type=Queue,name=" + ObjectName.quote(name) + ",*");
    }

    /** The factory MBean of the test's journal (its URL and table prefix), refreshed so that new queues show. */
    private ObjectName factoryBean() throws Exception {
        JournalConnectionFactory f = factory();
        for (ObjectName n : server.queryNames(new ObjectName("org.journalmq:type=ConnectionFactory,*"), null)) {
            if (f.getUrl().equals(server.getAttribute(n, "Url"))
                    && f.getTablePrefix().equals(server.getAttribute(n, "TablePrefix"))) {
                server.invoke(n, "refresh", null, null);
                return n;
            }
        }
        throw new AssertionError("no ConnectionFactory MBean for " + f);
    }

    private long attr(ObjectName name, String attribute) throws Exception {
        return ((Number) server.getAttribute(name, attribute)).longValue();
    }

    @Test
    @DisplayName("JMX queue MBean: depth, ready, in-flight, scheduled, DLQ depth, oldest age, consumers agree with stat --json; enqueue/ack counts of this JVM")
    void queueFiguresAgreeWithStat() throws Exception {
        send(queue, "one", 4, 0, Map.of());
        send(queue, "two", 4, 0, Map.of());
        send(queue, "three", 4, 0, Map.of());
        send(queue, "later", 4, 600_000, Map.of());
        deadLetter(queue, "dead", 0);
        MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
        Message first = consumer.receive(10_000);
        first.acknowledge(); // CLIENT_ACKNOWLEDGE: one acked
        Message second = consumer.receive(10_000); // received, not acknowledged: in flight
        assertEquals("two", ((TextMessage) second).getText());

        Cli.Result stat = ok("stat", "--json");
        long statTakenAt = System.currentTimeMillis();
        factoryBean();
        long jmxTakenAt = System.currentTimeMillis();
        Map<String, Object> q = find(JsonReader.array(stat.out()), queue);
        ObjectName bean = queueBean(queue);

        assertEquals(queue, server.getAttribute(bean, "Name"));
        assertEquals("queue", server.getAttribute(bean, "Type"));
        assertEquals(q.get("depth"), attr(bean, "Depth"));
        assertEquals(q.get("ready"), attr(bean, "Ready"));
        assertEquals(q.get("inFlight"), attr(bean, "InFlight"));
        assertEquals(q.get("scheduled"), attr(bean, "Scheduled"));
        assertEquals(q.get("dlqDepth"), attr(bean, "DeadLetterDepth"));
        assertEquals(q.get("deadLetterQueue"), server.getAttribute(bean, "DeadLetterQueue"));
        assertEquals(q.get("consumers"), attr(bean, "ConsumerCount"));
        long statAge = (Long) q.get("oldestAgeMs");
        long jmxAge = attr(bean, "OldestMessageAgeMillis");
        // Both read the same oldest message; only the time between the two readings separates them.
        assertTrue(jmxAge >= statAge - 50 && jmxAge <= statAge + (jmxTakenAt - statTakenAt) + 1_000,
                "stat " + statAge + " ms, JMX " + jmxAge + " ms");
        // And the figures themselves are right, not merely equal.
        assertEquals(3L, attr(bean, "Depth"));
        assertEquals(1L, attr(bean, "Ready"));
        assertEquals(1L, attr(bean, "InFlight"));
        assertEquals(1L, attr(bean, "Scheduled"));
        assertEquals(1L, attr(bean, "DeadLetterDepth"));
        assertEquals(1L, attr(bean, "ConsumerCount"));
        assertEquals(4L, attr(bean, "EnqueueCount"), "four sends by this JVM");
        assertEquals(1L, attr(bean, "AckCount"), "one acknowledgement by this JVM");
        assertEquals(0L, attr(bean, "DuplicateCount"), "no send carried a known duplicate id");
        consumer.close();
    }

    @Test
    @DisplayName("JMX subscription MBean and stat --topic agree: durable subscription (spec 6.11) depth, consumers, topic DLQ")
    void subscriptionFiguresAgreeWithStat() throws Exception {
        String topic = queue + "-topic";
        connection.close();
        JournalConnectionFactory f = factory();
        f.setClientID("ops-" + queue);
        connection = f.createConnection();
        session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        jakarta.jms.Topic t = session.createTopic(topic);
        MessageConsumer subscriber = session.createDurableConsumer(t, "audit");
        try (var producer = session.createProducer(t)) {
            producer.send(session.createTextMessage("p1"));
            producer.send(session.createTextMessage("p2"));
        }
        deadLetter(topic, "dead", 0);

        Cli.Result stat = ok("stat", "--json", "--topic", topic);
        java.util.List<Map<String, Object>> subs = JsonReader.array(stat.out());
        assertEquals(1, subs.size(), stat::toString);
        Map<String, Object> s = subs.get(0);
        assertEquals("audit", s.get("name"));
        assertEquals("subscription", s.get("type"));
        assertEquals(topic, s.get("topic"));
        assertEquals(Boolean.TRUE, s.get("durable"));
        assertEquals(2L, s.get("depth"));
        assertEquals(1L, s.get("consumers"));
        assertEquals(1L, s.get("dlqDepth"));
        assertEquals("DLQ." + topic, s.get("deadLetterQueue"));

        factoryBean();
        ObjectName bean = only("org.journalmq:type=Subscription,topic=" + ObjectName.quote(topic) + ",name="
                + ObjectName.quote("audit") + ",*");
        assertEquals(topic, server.getAttribute(bean, "Topic"));
        assertEquals(s.get("depth"), attr(bean, "Depth"));
        assertEquals(s.get("ready"), attr(bean, "Ready"));
        assertEquals(s.get("consumers"), attr(bean, "ConsumerCount"));
        assertEquals(s.get("dlqDepth"), attr(bean, "DeadLetterDepth"));
        assertEquals(2L, attr(bean, "EnqueueCount"), "the topic's publications from this JVM");
        subscriber.close();
        session.unsubscribe("audit");
    }

    @Test
    @DisplayName("JMX connection factory MBean: clients agree with stat, sessions, pool figures from HikariCP")
    void factoryFigures() throws Exception {
        send(queue, "x", 4, 0, Map.of());
        Cli.Result stat = ok("stat", "--json");
        ObjectName f = factoryBean();
        String clients = stat.err().replaceAll("(?s).*journalmq stat: (\\d+) live client.*", "$1");
        assertEquals(Long.parseLong(clients), attr(f, "Clients"), stat::toString);
        long sessions = attr(f, "OpenSessions");
        Session extra = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        assertEquals(sessions + 1, attr(f, "OpenSessions"));
        extra.close();
        assertEquals(sessions, attr(f, "OpenSessions"));
        assertEquals(8L, attr(f, "PoolMaximum"), "the default pool size");
        // The three pool figures are separate reads of a live pool (the writer, the consumer and
        // HikariCP's housekeeper move connections between them), so read until one sample agrees.
        long total = -1;
        long activePlusIdle = -2;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (total != activePlusIdle && System.nanoTime() < deadline) {
            total = attr(f, "PoolTotal");
            activePlusIdle = attr(f, "PoolActive") + attr(f, "PoolIdle");
            if (total != activePlusIdle) {
                Thread.sleep(10);
            }
        }
        assertTrue(total >= 1 && total <= 8, "pool total " + total);
        assertEquals(total, activePlusIdle, "pool total against active + idle");
        assertTrue(attr(f, "Connections") >= 1);
        assertEquals(JsonReader.array(stat.out()).size(), attr(f, "DestinationCount"));
        assertTrue(((String) server.getAttribute(f, "Url")).startsWith("jdbc:"));
    }

    @Test
    @DisplayName("JMX operations: purge empties the queue, replayDeadLetters moves the selected dead letters back")
    void purgeAndReplayOperations() throws Exception {
        for (int i = 0; i < 4; i++) {
            deadLetter(queue, "d" + i, i);
        }
        send(queue, "live", 4, 0, Map.of());
        factoryBean();
        ObjectName bean = queueBean(queue);
        Object replayed = server.invoke(bean, "replayDeadLetters", new Object[] {"n < 3", 2L},
                new String[] {String.class.getName(), long.class.getName()});
        assertEquals(2L, replayed);
        assertEquals(3, browse(queue).size());
        assertEquals(2, browse(DeadLetters.deadLetterQueueFor(queue)).size());

        RuntimeMBeanException bad = assertThrows(RuntimeMBeanException.class, () -> server.invoke(bean,
                "replayDeadLetters", new Object[] {"n <<< 1", 0L}, new String[] {String.class.getName(), long.class.getName()}));
        assertTrue(bad.getCause() instanceof IllegalArgumentException, bad::toString);
        assertEquals(2, browse(DeadLetters.deadLetterQueueFor(queue)).size(), "a bad selector changed nothing");

        assertEquals(3L, server.invoke(bean, "purge", null, null));
        assertEquals(0, browse(queue).size());
        assertEquals(2, browse(DeadLetters.deadLetterQueueFor(queue)).size(), "purge leaves the DLQ alone");
    }

    @Test
    @DisplayName("JMX opt-out: jmx=false registers nothing; MBeans go when the journal closes")
    void optOutAndUnregistration() throws Exception {
        send(queue, "x", 4, 0, Map.of());
        ObjectName factoryName = factoryBean();
        ObjectName bean = queueBean(queue);
        connection.close();
        assertTrue(!server.isRegistered(bean), "unregistered with the journal's last connection");
        assertTrue(!server.isRegistered(factoryName), "unregistered with the journal's last connection");

        JournalConnectionFactory off = factory();
        off.set(JournalConnectionFactory.JMX, "false");
        try (Connection c = off.createConnection()) {
            c.createSession(Session.AUTO_ACKNOWLEDGE);
            assertTrue(server.queryNames(new ObjectName("org.journalmq:type=Queue,name=" + ObjectName.quote(queue)
                    + ",*"), null).isEmpty());
        }
        connection = factory().createConnection(); // for the base class to close
        assertThrows(IllegalArgumentException.class, () -> factory().set(JournalConnectionFactory.JMX, "maybe"));
    }
}
