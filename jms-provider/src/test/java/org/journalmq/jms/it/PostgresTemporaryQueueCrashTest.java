package org.journalmq.jms.it;

import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.journalmq.jms.it.child.TemporaryQueueMain;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A temporary queue lives as long as its connection (TemporaryQueue javadoc: "created for the
 * duration of a Connection"; spec 6.2.2). When the owning JVM dies without closing it (kill -9),
 * the maintenance of a surviving JVM removes it and its messages, and senders then get
 * InvalidDestinationException (MessageProducer.send javadoc: "if a client uses this method with an
 * invalid destination").
 */
class PostgresTemporaryQueueCrashTest extends JmsTestBase {

    /** Generous: a lease (2 s) without heartbeat, then the next maintenance run, on a loaded machine. */
    private static final long REMOVAL_TIMEOUT = 60_000;

    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.POSTGRESQL;
    }

    @Test
    void aKilledJvmsTemporaryQueueIsRemovedWithItsMessages() throws Exception {
        String requests = uniqueQueue("tmp-requests");
        Path record = dir.resolve("requester.txt");
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        try (ChildJvm requester = ChildJvm.start(TemporaryQueueMain.class, dir.resolve("requester.log"),
                childArgs(requests, record))) {
            Message request = s.createConsumer(s.createQueue(requests)).receive(120_000);
            assertNotNull(request, "no request from the child; its output:\n" + requester.output());
            Destination replyTo = request.getJMSReplyTo();
            assertTrue(replyTo instanceof TemporaryQueue, String.valueOf(replyTo));
            String address = "q:" + ((Queue) replyTo).getQueueName();
            MessageProducer replies = s.createProducer(replyTo);
            for (int i = 0; i < 3; i++) {
                replies.send(s.createTextMessage("reply " + i)); // the owner is alive: accepted
            }
            assertEquals(3, rows(address));

            requester.kill();

            await("sends to the dead JVM's temporary queue are refused", REMOVAL_TIMEOUT, () -> refused(replies, s));
            await("its messages are deleted", REMOVAL_TIMEOUT, () -> rows(address) == 0);
        }
    }

    private static boolean refused(MessageProducer p, Session s) {
        try {
            p.send(s.createTextMessage("late reply"));
            return false;
        } catch (InvalidDestinationException e) {
            return true;
        } catch (JMSException e) {
            throw new AssertionError("expected InvalidDestinationException, got " + e, e);
        }
    }

    private long rows(String address) {
        JournalConfig config = JournalConfig.builder(journal.url()).user(journal.user())
                .tablePrefix(journal.prefix()).build();
        try (Connection c = TestDatabases.connect(config);
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + journal.prefix()
                     + "DELIVERY WHERE destination = ?")) {
            ps.setString(1, address);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
