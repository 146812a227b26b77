package org.journalmq.jms.it;

import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import org.journalmq.jms.DeadLetters;
import org.journalmq.jms.admin.JournalAdmin;
import org.journalmq.jms.admin.MoveRequest;
import org.journalmq.jms.message.payload.Order;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit trail (issue 15 item 6): operators' commands and refused operations each print one INFO
 * line on the logger org.journalmq.audit with a stable id, what was done or refused, and the acting
 * user (database user and OS user); never a password or a body.
 */
public abstract class AbstractAuditTest extends JmsTestBase {

    /** The database user the test factory connects as: the configured one, else the driver's default. */
    protected abstract String databaseUser();

    /** The end of every audit line of the test factory. */
    private String actor() {
        return "(user " + databaseUser() + ", os user " + System.getProperty("user.name") + ")";
    }

    private void send(Session s, Queue q, int n) throws JMSException {
        MessageProducer p = s.createProducer(q);
        for (int i = 0; i < n; i++) {
            var m = s.createTextMessage("m" + i);
            m.setIntProperty("n", i);
            p.send(m);
        }
    }

    @Test
    void aPurgeIsAuditedWithItsQueueCountAndUser() throws Exception {
        Session s = connect().createSession();
        Queue q = queue(s, "audit-purge");
        send(s, q, 3);
        try (JournalAdmin admin = factory.createAdmin(); AuditLog log = new AuditLog()) {
            assertEquals(3, admin.purgeQueue(q.getQueueName()));
            assertEquals("JMQ9001 purge of queue " + q.getQueueName() + " removed 3 message(s) " + actor(),
                    text(log.line("JMQ9001")));
        }
    }

    @Test
    void aPurgeThroughJmxIsAuditedToo() throws Exception {
        Session s = connect().createSession(); // the connection registers the journal's MBeans
        Queue q = queue(s, "audit-jmx");
        send(s, q, 2);
        javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        String f = javax.management.ObjectName.quote(factory.getTablePrefix() + "@" + factory.getUrl());
        server.invoke(new javax.management.ObjectName("org.journalmq:type=ConnectionFactory,name=" + f),
                "refresh", null, null); // the queue's MBean exists from here, not at the next 10 s sync
        javax.management.ObjectName queueBean = new javax.management.ObjectName("org.journalmq:type=Queue,factory="
                + f + ",name=" + javax.management.ObjectName.quote(q.getQueueName()));
        try (AuditLog log = new AuditLog()) {
            assertEquals(2L, server.invoke(queueBean, "purge", null, null));
            assertEquals("JMQ9001 purge of queue " + q.getQueueName() + " removed 2 message(s) " + actor(),
                    text(log.line("JMQ9001")));
        }
    }

    @Test
    void aMoveIsAuditedOnceWithSourceTargetSelectorAndCount() throws Exception {
        Session s = connect().createSession();
        Queue from = queue(s, "audit-from");
        Queue to = queue(s, "audit-to");
        send(s, from, 5);
        try (JournalAdmin admin = factory.createAdmin(); AuditLog log = new AuditLog()) {
            // batches of 1: still one audit line for the command
            long moved = admin.move(MoveRequest.move(from.getQueueName(), to.getQueueName(), "n >= 2", 0)
                    .withBatchSize(1));
            assertEquals(3, moved);
            assertEquals("JMQ9002 move from queue " + from.getQueueName() + " to queue " + to.getQueueName()
                    + " moved 3 message(s) selected by 'n >= 2' " + actor(), text(log.line("JMQ9002")));
        }
    }

    @Test
    void aReplayIsAuditedAndSoIsOneThatStopped() throws Exception {
        Session s = connect().createSession();
        Queue q = queue(s, "audit-replay");
        Queue dlq = s.createQueue(DeadLetters.deadLetterQueueFor(q.getQueueName()));
        send(s, dlq, 2);
        try (JournalAdmin admin = factory.createAdmin(); AuditLog log = new AuditLog()) {
            // to their original destinations: these messages name none, so the replay stops at once
            assertThrows(InvalidDestinationException.class,
                    () -> admin.move(MoveRequest.replay(dlq.getQueueName(), null, null, 0)));
            assertEquals("JMQ9003 dead-letter replay from queue " + dlq.getQueueName()
                    + " to their original destinations moved 0 message(s); it stopped on InvalidDestinationException "
                    + actor(), text(log.line("JMQ9003")));
        }
        try (JournalAdmin admin = factory.createAdmin(); AuditLog log = new AuditLog()) {
            assertEquals(2, admin.move(MoveRequest.replay(dlq.getQueueName(), q.getQueueName(), null, 0)));
            assertEquals("JMQ9003 dead-letter replay from queue " + dlq.getQueueName() + " to queue "
                    + q.getQueueName() + " moved 2 message(s) " + actor(), text(log.line("JMQ9003")));
        }
    }

    @Test
    void consumingOrBrowsingAnotherConnectionsTemporaryDestinationIsAuditedAsRefused() throws Exception {
        Session owner = connect().createSession();
        TemporaryQueue tq = owner.createTemporaryQueue();
        TemporaryTopic tt = owner.createTemporaryTopic();
        Session other = connect().createSession();
        try (AuditLog log = new AuditLog()) {
            assertThrows(InvalidDestinationException.class, () -> other.createConsumer(tq));
            assertEquals("JMQ9103 consume from temporary queue " + tq.getQueueName()
                    + " refused: it belongs to another connection or was deleted " + actor(), text(log.line("JMQ9103")));
            assertThrows(InvalidDestinationException.class, () -> other.createBrowser(tq));
            assertEquals("JMQ9104 browse of temporary queue " + tq.getQueueName()
                    + " refused: it belongs to another connection or was deleted " + actor(), text(log.line("JMQ9104")));
        }
        try (AuditLog log = new AuditLog()) {
            assertThrows(InvalidDestinationException.class, () -> other.createConsumer(tt));
            assertEquals("JMQ9103 consume from temporary topic " + tt.getTopicName()
                    + " refused: it belongs to another connection or was deleted " + actor(), text(log.line("JMQ9103")));
        }
    }

    @Test
    void aRefusedObjectBodyIsAuditedWithItsDestinationAndClassNotItsContent() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = queue(s, "audit-object");
        s.createProducer(q).send(s.createObjectMessage(new Order("secret-order-4711", 3)));
        ObjectMessage m = (ObjectMessage) s.createConsumer(q).receive(10_000);
        try (AuditLog log = new AuditLog()) {
            assertThrows(MessageFormatException.class, m::getObject);
            assertThrows(MessageFormatException.class, m::getObject); // the same message: audited once
            String line = text(log.line("JMQ9105"));
            assertTrue(line.startsWith("JMQ9105 ObjectMessage body of " + m.getJMSMessageID() + " from queue://"
                    + q.getQueueName() + " refused by the deserialization filter: class " + Order.class.getName()
                    + " is not allowed to be deserialized"), line);
            assertTrue(line.endsWith(actor()), line);
            log.assertAbsent("secret-order-4711");
        }
    }

    /** A refused login names the user it tried, and no password. Needs a journal opened first (HSQLDB). */
    protected void assertLoginRefusedAudited(String user, String wrongPassword, String location) throws Exception {
        try (AuditLog log = new AuditLog()) {
            assertThrows(JMSSecurityException.class, () -> factory.createConnection(user, wrongPassword));
            assertEquals("JMQ9101 login to the journal at " + location
                    + " refused: the database refused the credentials (user " + user + ", os user "
                    + System.getProperty("user.name") + ")", text(log.line("JMQ9101")));
            log.assertAbsent(wrongPassword);
        }
        try (AuditLog log = new AuditLog()) {
            assertThrows(JMSSecurityRuntimeException.class,
                    () -> factory.createContext(user, wrongPassword, JMSContext.AUTO_ACKNOWLEDGE));
            assertTrue(text(log.line("JMQ9101")).contains("(user " + user + ", "), log.all());
            log.assertAbsent(wrongPassword);
        }
    }

    /** The text of an slf4j-simple line: what follows "logger - ". */
    static String text(String line) {
        return line.substring(line.indexOf(" - ") + 3);
    }
}
