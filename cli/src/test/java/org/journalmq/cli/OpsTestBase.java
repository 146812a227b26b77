package org.journalmq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.DeadLetters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the operator tests share: a real journal, a JMS connection of the test's own to it, and
 * dead letters made as the dead-letter contract describes them: ordinary messages with the
 * JMS_JournalMQ_* properties on DLQ.<queue>.
 */
abstract class OpsTestBase {

    /** Connection options (--url, --user, --table-prefix ...) for the journal under test. */
    abstract List<String> journal();

    /** A factory of the same journal, for the test's own JMS work. */
    abstract JournalConnectionFactory factory();

    String queue;
    Connection connection;
    Session session;

    @BeforeEach
    void open() throws JMSException {
        queue = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        connection = factory().createConnection();
        connection.start();
        session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
    }

    @AfterEach
    void close() throws JMSException {
        connection.close();
    }

    Cli.Result ok(String command, String... args) {
        Cli.Result r = Cli.run(command, journal(), args);
        assertEquals(0, r.exitCode(), () -> command + " failed: " + r);
        return r;
    }

    Cli.Result run(String command, String... args) {
        return Cli.run(command, journal(), args);
    }

    void send(String queueName, String body, int priority, long delay, Map<String, Object> properties)
            throws JMSException {
        try (MessageProducer p = session.createProducer(session.createQueue(queueName))) {
            TextMessage m = session.createTextMessage(body);
            for (Map.Entry<String, Object> e : properties.entrySet()) {
                m.setObjectProperty(e.getKey(), e.getValue());
            }
            p.setDeliveryDelay(delay);
            p.send(m, jakarta.jms.DeliveryMode.PERSISTENT, priority, 0);
        }
    }

    /** A message as the redelivery policy leaves it on DLQ.<queue> after its last attempt. */
    void deadLetter(String origin, String body, int n) throws JMSException {
        send(DeadLetters.deadLetterQueueFor(origin), body, 4, 0, Map.of(
                DeadLetters.ORIGINAL_DESTINATION, origin,
                DeadLetters.DELIVERY_ATTEMPTS, 3,
                DeadLetters.DEAD_LETTER_REASON, "listener threw IllegalStateException: boom " + n,
                "n", n));
    }

    List<Message> browse(String queueName) throws JMSException {
        List<Message> list = new ArrayList<>();
        try (QueueBrowser b = session.createBrowser(session.createQueue(queueName))) {
            for (var e = b.getEnumeration(); e.hasMoreElements(); ) {
                list.add((Message) e.nextElement());
            }
        }
        return list;
    }

    static Map<String, Object> find(List<Map<String, Object>> objects, String name) {
        return objects.stream().filter(o -> name.equals(o.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + objects));
    }
}
