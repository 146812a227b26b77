package org.journalmq.tck;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sessions and transactions (spec 6.2 sessions, 6.2.7 transactions; Connection.createSession javadoc). */
public abstract class AbstractTransactionTest extends ConformanceBase {

    /** Spec 6.2.7: sends of a transacted session are invisible until commit; rollback discards them. */
    @Test
    void commitPublishesRollbackDiscards() throws Exception {
        Connection c = started();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Session reader = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(tx);
        MessageConsumer r = reader.createConsumer(q);
        tx.createProducer(q).send(tx.createTextMessage("dropped"));
        assertNull(r.receive(ABSENT));
        tx.rollback();
        tx.createProducer(q).send(tx.createTextMessage("kept"));
        tx.commit();
        assertEquals("kept", ((TextMessage) r.receive(WAIT)).getText());
        assertNull(r.receive(ABSENT));
    }

    /** Spec 6.2.7: rollback gives consumed messages back, redelivered; commit consumes them. */
    @Test
    void rollbackRedeliversConsumed() throws Exception {
        Session tx = started().createSession(true, Session.SESSION_TRANSACTED);
        Queue q = queue(tx);
        tx.createProducer(q).send(tx.createTextMessage("x"));
        tx.commit();
        MessageConsumer mc = tx.createConsumer(q);
        Message first = mc.receive(WAIT);
        assertFalse(first.getJMSRedelivered());
        tx.rollback();
        Message again = mc.receive(WAIT);
        assertNotNull(again);
        assertTrue(again.getJMSRedelivered());
        tx.commit();
        assertNull(mc.receive(ABSENT));
    }

    /** Spec 6.2.7: closing a transacted session rolls back its transaction. */
    @Test
    void closeRollsBack() throws Exception {
        Connection c = started();
        Session tx = c.createSession(Session.SESSION_TRANSACTED);
        Queue q = queue(tx);
        tx.createProducer(q).send(tx.createMessage());
        tx.close();
        assertNull(c.createSession().createConsumer(q).receive(ABSENT));
    }

    /** Session.commit/rollback javadoc: IllegalStateException on a non-transacted session; recover on a transacted one. */
    @Test
    void wrongStateCalls() throws Exception {
        Connection c = started();
        Session auto = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThrows(IllegalStateException.class, auto::commit);
        assertThrows(IllegalStateException.class, auto::rollback);
        Session tx = c.createSession(true, Session.AUTO_ACKNOWLEDGE); // transacted wins over the mode
        assertTrue(tx.getTransacted());
        assertEquals(Session.SESSION_TRANSACTED, tx.getAcknowledgeMode());
        assertThrows(IllegalStateException.class, tx::recover);
    }

    /** Connection.createSession javadoc: an invalid acknowledge mode → JMSException; createSession() is AUTO. */
    @Test
    void sessionModes() throws Exception {
        Connection c = connect();
        assertThrows(JMSException.class, () -> c.createSession(false, 99));
        assertThrows(JMSException.class, () -> c.createSession(99));
        assertThrows(JMSException.class, () -> c.createSession(false, Session.SESSION_TRANSACTED));
        assertEquals(Session.AUTO_ACKNOWLEDGE, c.createSession().getAcknowledgeMode());
        assertEquals(Session.CLIENT_ACKNOWLEDGE, c.createSession(Session.CLIENT_ACKNOWLEDGE).getAcknowledgeMode());
        assertTrue(c.createSession(Session.SESSION_TRANSACTED).getTransacted());
    }

    /** Spec 6.2.7: a transaction spans several producers and consumers of the session. */
    @Test
    void transactionSpansDestinations() throws Exception {
        Connection c = started();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Queue in = queue(tx);
        Queue out = queue(tx);
        Session plain = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        plain.createProducer(in).send(plain.createTextMessage("req"));
        Message req = tx.createConsumer(in).receive(WAIT);
        tx.createProducer(out).send(tx.createTextMessage("resp:" + ((TextMessage) req).getText()));
        tx.commit();
        assertEquals("resp:req", ((TextMessage) plain.createConsumer(out).receive(WAIT)).getText());
        assertNull(plain.createConsumer(in).receive(ABSENT));
    }
}
