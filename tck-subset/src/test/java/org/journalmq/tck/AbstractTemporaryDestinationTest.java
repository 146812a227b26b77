package org.journalmq.tck;

import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.journalmq.jms.it.TestJournal;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Temporary destinations (spec 6.2.2; Session.createTemporaryQueue and TemporaryQueue.delete javadoc). */
public abstract class AbstractTemporaryDestinationTest extends ConformanceBase {

    /** Spec 6.2.2: a temporary queue lives as long as its connection; any connection may send to it, only its own may consume. */
    @Test
    void onlyTheOwningConnectionConsumes() throws Exception {
        Connection owner = started();
        Session s = owner.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue tq = s.createTemporaryQueue();
        assertNotNull(tq.getQueueName());
        Connection other = started();
        Session os = other.createSession(false, Session.AUTO_ACKNOWLEDGE);
        os.createProducer(tq).send(os.createTextMessage("to temp"));
        assertThrows(JMSException.class, () -> os.createConsumer(tq));
        Session s2 = owner.createSession(false, Session.AUTO_ACKNOWLEDGE); // another session of the owner may
        assertEquals("to temp", ((TextMessage) s2.createConsumer(tq).receive(WAIT)).getText());
    }

    /** Request/reply through JMSReplyTo: the replier sends to the temporary queue read back from the header. */
    @Test
    void replyToTemporaryQueue() throws Exception {
        Connection requester = started();
        Session s = requester.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue replies = s.createTemporaryQueue();
        var requests = queue(s);
        Message req = s.createTextMessage("ping");
        req.setJMSReplyTo(replies);
        s.createProducer(requests).send(req);
        Session rs = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Message got = rs.createConsumer(requests).receive(WAIT);
        rs.createProducer(got.getJMSReplyTo()).send(rs.createTextMessage("pong"));
        assertEquals("pong", ((TextMessage) s.createConsumer(replies).receive(WAIT)).getText());
    }

    /** TemporaryQueue.delete javadoc: JMSException while a consumer is open; allowed after it closed. */
    @Test
    void deleteWithOpenConsumer() throws Exception {
        Session s = session();
        TemporaryQueue tq = s.createTemporaryQueue();
        MessageConsumer c = s.createConsumer(tq);
        assertThrows(JMSException.class, tq::delete);
        c.close();
        tq.delete();
        assertThrows(JMSException.class, () -> s.createConsumer(tq)); // deleted: no longer usable
    }

    /** Spec 6.2.2: a temporary queue's messages are removed when its connection closes. */
    @Test
    void removedOnConnectionClose() throws Exception {
        Connection c = openConnection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue tq = s.createTemporaryQueue();
        s.createProducer(tq).send(s.createTextMessage("left behind"));
        assertEquals(1, rows());
        c.close();
        Connection keepOpen = connect(); // keeps the journal (and an HSQLDB database) open for counting
        keepOpen.getMetaData();
        assertEquals(0, rows());
    }

    /** Temporary queues through JMSContext: a context made by createContext(int) shares the connection, another does not. */
    @Test
    void contextTemporaryQueue() {
        JMSContext ctx = context();
        TemporaryQueue tq = ctx.createTemporaryQueue();
        ctx.createProducer().send(tq, "t");
        JMSContext sibling = ctx.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        assertEquals("t", sibling.createConsumer(tq).receiveBody(String.class, WAIT));
        sibling.close();
        JMSContext stranger = context();
        assertThrows(InvalidDestinationRuntimeException.class, () -> stranger.createConsumer(tq));
    }

    /**
     * A send to a temporary queue that no longer exists is refused: MessageProducer.send javadoc,
     * InvalidDestinationException "if a client uses this method with an invalid destination" (and
     * JMSProducer.send, InvalidDestinationRuntimeException). A deleted temporary queue, or one whose
     * connection closed, is gone (TemporaryQueue javadoc: "created for the duration of a Connection").
     */
    @Test
    void sendToRemovedTemporaryQueueIsRefused() throws Exception {
        Connection owner = openConnection();
        Session os = owner.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue deleted = os.createTemporaryQueue();
        TemporaryQueue closedWithConnection = os.createTemporaryQueue();
        Session other = session();
        MessageProducer anonymous = other.createProducer(null);
        anonymous.send(deleted, other.createTextMessage("while it exists"));

        deleted.delete();
        InvalidDestinationException e = assertThrows(InvalidDestinationException.class,
                () -> anonymous.send(deleted, other.createTextMessage("too late")));
        assertTrue(e.getMessage().contains(deleted.getQueueName()), e.getMessage());
        assertThrows(InvalidDestinationException.class,
                () -> os.createProducer(deleted).send(os.createTextMessage("owner too")));
        assertThrows(InvalidDestinationRuntimeException.class,
                () -> context().createProducer().send(deleted, "simplified API"));
        assertThrows(JMSException.class, deleted::delete, "deleted twice");

        anonymous.send(closedWithConnection, other.createTextMessage("while its connection is open"));
        owner.close();
        assertThrows(InvalidDestinationException.class,
                () -> anonymous.send(closedWithConnection, other.createTextMessage("after close")));
    }

    /**
     * Temporary topics follow the same rules (TemporaryTopic javadoc): only the owning connection
     * subscribes, delete() fails while a subscriber is open, and a publish after delete() is refused.
     */
    @Test
    void temporaryTopicLifecycle() throws Exception {
        Connection owner = started();
        Session s = owner.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryTopic tt = s.createTemporaryTopic();
        MessageConsumer subscriber = s.createConsumer(tt);
        Session other = session();
        assertThrows(InvalidDestinationException.class, () -> other.createConsumer(tt));
        other.createProducer(tt).send(other.createTextMessage("news"));
        assertEquals("news", ((TextMessage) subscriber.receive(WAIT)).getText());
        assertThrows(JMSException.class, tt::delete, "a subscriber is open");
        subscriber.close();
        tt.delete();
        assertThrows(InvalidDestinationException.class,
                () -> other.createProducer(tt).send(other.createTextMessage("after delete")));
    }

    /** Rows of this test's journal, counted with JDBC (test code may use JDBC). */
    private long rows() throws Exception {
        String table = journal.prefix() + "DELIVERY";
        if (journal.kind() == TestJournal.Kind.POSTGRESQL) {
            table = "\"" + table.toLowerCase(java.util.Locale.ROOT) + "\"";
        }
        try (var con = DriverManager.getConnection(journal.url(), journal.user(), null);
             Statement st = con.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }
}
