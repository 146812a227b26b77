package org.journalmq.jms.it;

import static javax.transaction.xa.XAResource.TMNOFLAGS;
import static javax.transaction.xa.XAResource.TMSUCCESS;
import static org.journalmq.jms.JournalConnectionFactory.DUPLICATE_ID_PROPERTY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.transaction.xa.XAResource;
import org.journalmq.jms.JournalConnection;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.JournalLocalSession;
import org.journalmq.jms.admin.JournalAdmin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Duplicate detection on send through the JMS API (issue 16 item 2): a message carrying the
 * {@code JMS_JournalMQ_DuplicateID} property (a provider-specific property, spec 3.5.10 "JMS_vendor
 * name") that was already sent to its destination within the window is not stored, and its send
 * returns normally: with plain sends, transacted sends (spec 6.2.7), XA (XAResource javadoc) and
 * local database transactions; per publish for topics; never handed to a waiting listener.
 */
public abstract class AbstractDuplicateDetectionTest extends JmsTestBase {

    private static TextMessage text(Session s, String body, String duplicateId) throws JMSException {
        TextMessage m = s.createTextMessage(body);
        if (duplicateId != null) {
            m.setStringProperty(DUPLICATE_ID_PROPERTY, duplicateId);
        }
        return m;
    }

    @Test
    @DisplayName("plain sends: a second send of an id succeeds and stores nothing, counted in the destination's figures")
    void plainSends() throws Exception {
        Session s = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "dup-plain");
        MessageProducer p = s.createProducer(q);
        p.send(text(s, "a", "order-1"));
        p.send(text(s, "a again", "order-1"));
        p.send(text(s, "no id", null));
        p.send(text(s, "b", "order-2"));
        try (JMSContext ctx = factory.createContext()) {
            ctx.createProducer().setProperty(DUPLICATE_ID_PROPERTY, "order-2").send(q, "b from a context");
            ctx.createProducer().setProperty(DUPLICATE_ID_PROPERTY, "order-3").send(q, "c");
        }
        try (JournalAdmin admin = factory.createAdmin()) {
            var figures = admin.knownQueue(q.getQueueName());
            assertEquals(2, figures.duplicates(), "the two suppressed sends (JMX DuplicateCount)");
            assertEquals(4, figures.enqueued());
        }
        assertEquals(List.of("a", "no id", "b", "c"), drain(q));
    }

    @Test
    @DisplayName("transacted sessions: a duplicate within the transaction and one of an earlier commit are dropped; a rolled back send leaves no id")
    void transactedSends() throws Exception {
        Session tx = connect().createSession(true, Session.SESSION_TRANSACTED);
        Queue q = queue(tx, "dup-tx");
        MessageProducer p = tx.createProducer(q);
        p.send(text(tx, "rolled back", "r"));
        tx.rollback();
        p.send(text(tx, "t1", "t"));
        p.send(text(tx, "t1 in the same transaction", "t"));
        p.send(text(tx, "r", "r"));
        tx.commit();
        p.send(text(tx, "t1 again", "t"));
        p.send(text(tx, "beside", null));
        tx.commit();
        assertEquals(List.of("t1", "r", "beside"), drain(q));
    }

    @Test
    @DisplayName("XA: the id counts from prepare; after commit a resend is dropped, after rollback it is stored")
    void xaSends() throws Exception {
        XAConnection xc = factory.createXAConnection();
        try {
            XASession xs = xc.createXASession();
            XAResource xa = xs.getXAResource();
            Queue q = xs.createQueue(uniqueQueue("dup-xa"));
            MessageProducer p = xs.createProducer(q);

            TestXid committed = TestXid.fresh();
            xa.start(committed, TMNOFLAGS);
            p.send(text(xs, "xa", "x"));
            xa.end(committed, TMSUCCESS);
            assertEquals(XAResource.XA_OK, xa.prepare(committed));
            xa.commit(committed, false);

            TestXid rolledBack = TestXid.fresh();
            xa.start(rolledBack, TMNOFLAGS);
            p.send(text(xs, "xa rolled back", "y"));
            xa.end(rolledBack, TMSUCCESS);
            xa.prepare(rolledBack);
            xa.rollback(rolledBack);

            TestXid onePhase = TestXid.fresh();
            xa.start(onePhase, TMNOFLAGS);
            p.send(text(xs, "xa one-phase duplicate", "x"));
            xa.end(onePhase, TMSUCCESS);
            xa.commit(onePhase, true);

            Session s = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.createProducer(q).send(text(s, "x resent", "x"));
            s.createProducer(q).send(text(s, "y resent", "y"));
            assertEquals(List.of("xa", "y resent"), drain(q));
        } finally {
            xc.close();
        }
    }

    @Test
    @DisplayName("local database transactions: the id is written in the application's transaction, forgotten by its rollback")
    void localTransactionSends() throws Exception {
        BusinessTable table = BusinessTable.of(journal);
        JournalConnection jms = (JournalConnection) started();
        Queue q;
        try (java.sql.Connection jdbc = table.open()) {
            JournalLocalSession s = jms.createSession(jdbc);
            q = s.createQueue(uniqueQueue("dup-local"));
            MessageProducer p = s.createProducer(q);
            p.send(text(s, "rolled back", "l"));
            s.rollback();
            p.send(text(s, "local", "l"));
            p.send(text(s, "local twice", "l"));
            s.commit();
            p.send(text(s, "local again", "l"));
            s.commit();
            s.close();
        }
        Session plain = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
        plain.createProducer(q).send(text(plain, "plain resend", "l"));
        assertEquals(List.of("local"), drain(q));
    }

    @Test
    @DisplayName("a duplicate is never handed over in memory to a waiting listener")
    void duplicateIsNotHandedToAWaitingListener() throws Exception {
        Connection c = started();
        Session listening = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(listening, "dup-handoff");
        List<String> got = new CopyOnWriteArrayList<>();
        listening.createConsumer(q).setMessageListener(m -> {
            try {
                got.add(((TextMessage) m).getText());
            } catch (JMSException e) {
                got.add("error " + e);
            }
        });
        Session s = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer p = s.createProducer(q);
        p.send(text(s, "first", "h"));
        await("the first message", 15_000, () -> got.size() == 1);
        // The listener now waits (its claim found nothing): the next sends are handed over in memory.
        p.send(text(s, "duplicate", "h"));
        p.send(text(s, "next", "h2"));
        await("the next message", 15_000, () -> got.size() >= 2);
        // One session's sends arrive in send order: a handed-over duplicate would have come before "next".
        assertEquals(List.of("first", "next"), got);
        listening.close();
        assertEquals(List.of(), drain(q), "nothing stored for the duplicate either");
    }

    @Test
    @DisplayName("topics: the id is per publish; every subscriber gets one copy")
    void topicPublishes() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic t = s.createTopic(uniqueQueue("dup-topic"));
        MessageConsumer one = s.createConsumer(t);
        MessageConsumer two = c.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(t);
        MessageProducer p = s.createProducer(t);
        p.send(text(s, "p", "pub"));
        p.send(text(s, "p again", "pub"));
        p.send(text(s, "q", "pub-2"));
        for (MessageConsumer consumer : List.of(one, two)) {
            assertEquals("p", ((TextMessage) consumer.receive(10_000)).getText());
            assertEquals("q", ((TextMessage) consumer.receive(10_000)).getText());
            assertNull(consumer.receiveNoWait());
        }
    }

    @Test
    @DisplayName("duplicateWindowMillis: set by property, refused below 1 naming it, and it is the window the journal keeps")
    void windowSetting() throws Exception {
        java.util.Properties props = new java.util.Properties();
        props.setProperty(JournalConnectionFactory.URL, journal.url());
        props.setProperty(JournalConnectionFactory.DUPLICATE_WINDOW_MILLIS, "250");
        assertEquals(250, new JournalConnectionFactory(props).getDuplicateWindowMillis());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> factory.setDuplicateWindowMillis(0));
        assertTrue(bad.getMessage().contains("duplicateWindowMillis"), bad.getMessage());

        factory.setDuplicateWindowMillis(250);
        Session s = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "dup-window");
        MessageProducer p = s.createProducer(q);
        p.send(text(s, "first", "w"));
        long sent = System.currentTimeMillis();
        // With the default window of an hour the resend would never be stored: resend until it is.
        int[] resends = {0};
        await("a resend after the 250 ms window to be stored", 15_000, () -> {
            try {
                p.send(text(s, "resend " + resends[0]++, "w"));
                return Collections.list(s.createBrowser(q).getEnumeration()).size() == 2;
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(System.currentTimeMillis() - sent >= 150, "not stored before the window (nearly) ended");
    }

    @Test
    @DisplayName("a duplicate id that is not a String of 1 to 255 characters fails the send with MessageFormatException naming the property")
    void badDuplicateIdIsRefused() throws Exception {
        Session s = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "dup-bad");
        MessageProducer p = s.createProducer(q);
        Message number = s.createTextMessage("x");
        number.setIntProperty(DUPLICATE_ID_PROPERTY, 7);
        MessageFormatException e = assertThrows(MessageFormatException.class, () -> p.send(number));
        assertTrue(e.getMessage().contains(DUPLICATE_ID_PROPERTY), e.getMessage());
        assertThrows(MessageFormatException.class, () -> p.send(text(s, "x", "")));
        assertThrows(MessageFormatException.class, () -> p.send(text(s, "x", "i".repeat(256))));
        try (JMSContext ctx = factory.createContext()) {
            assertThrows(MessageFormatRuntimeException.class,
                    () -> ctx.createProducer().setProperty(DUPLICATE_ID_PROPERTY, 7L).send(q, "x"));
        }
        p.send(text(s, "fine", "i".repeat(255)));
        assertEquals(List.of("fine"), drain(q));
    }
}
