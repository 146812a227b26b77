package org.journalmq.tck;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
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

/** Acknowledge modes (spec 6.2.10 message acknowledgment, 6.2.11 recovery; Message.acknowledge javadoc). */
public abstract class AbstractAcknowledgeTest extends ConformanceBase {

    private static void send(Session s, Queue q, int n) throws Exception {
        MessageProducer p = s.createProducer(q);
        for (int i = 0; i < n; i++) {
            p.send(s.createTextMessage("m" + i));
        }
    }

    /** Spec 6.2.10: AUTO_ACKNOWLEDGE acknowledges each message as receive returns it. */
    @Test
    void autoAcknowledge() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s);
        send(s, q, 2);
        MessageConsumer mc = s.createConsumer(q);
        assertEquals("m0", ((TextMessage) mc.receive(WAIT)).getText());
        s.recover(); // nothing to redeliver: m0 is acknowledged
        mc.close();
        s.close();
        Session s2 = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer mc2 = s2.createConsumer(q);
        assertEquals("m1", ((TextMessage) mc2.receive(WAIT)).getText());
        assertNull(mc2.receive(ABSENT));
    }

    /** Spec 6.2.10: CLIENT_ACKNOWLEDGE — acknowledging one message acknowledges all consumed by the session. */
    @Test
    void clientAcknowledgeAcknowledgesAllConsumed() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        assertEquals(Session.CLIENT_ACKNOWLEDGE, s.getAcknowledgeMode());
        Queue q = queue(s);
        send(s, q, 3);
        MessageConsumer mc = s.createConsumer(q);
        mc.receive(WAIT);
        Message second = mc.receive(WAIT);
        second.acknowledge(); // acknowledges m0 and m1
        s.recover();
        assertEquals("m2", ((TextMessage) mc.receive(WAIT)).getText());
        assertNull(mc.receive(ABSENT));
    }

    /** Spec 6.2.11: recover redelivers the unacknowledged messages, in order, flagged JMSRedelivered. */
    @Test
    void recoverRedeliversUnacknowledged() throws Exception {
        Session s = started().createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = queue(s);
        send(s, q, 2);
        MessageConsumer mc = s.createConsumer(q);
        mc.receive(WAIT);
        mc.receive(WAIT);
        s.recover();
        TextMessage a = (TextMessage) mc.receive(WAIT);
        TextMessage b = (TextMessage) mc.receive(WAIT);
        assertEquals("m0", a.getText());
        assertEquals("m1", b.getText());
        assertTrue(a.getJMSRedelivered());
        b.acknowledge();
    }

    /** Spec 6.2.10: unacknowledged CLIENT_ACKNOWLEDGE messages come back when the session closes. */
    @Test
    void closeWithoutAcknowledgeRedelivers() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = queue(s);
        send(s, q, 1);
        assertNotNull(s.createConsumer(q).receive(WAIT));
        s.close();
        Session s2 = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Message again = s2.createConsumer(q).receive(WAIT);
        assertNotNull(again);
        assertTrue(again.getJMSRedelivered());
    }

    /** Spec 6.2.10: DUPS_OK_ACKNOWLEDGE delivers every message. */
    @Test
    void dupsOk() throws Exception {
        Session s = started().createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
        assertEquals(Session.DUPS_OK_ACKNOWLEDGE, s.getAcknowledgeMode());
        assertFalse(s.getTransacted());
        Queue q = queue(s);
        send(s, q, 3);
        assertEquals(3, receiveAll(s.createConsumer(q), 3, WAIT).size());
    }

    /** Message.acknowledge javadoc: ignored in AUTO_ACKNOWLEDGE and transacted sessions. */
    @Test
    void acknowledgeIgnoredOutsideClientMode() throws Exception {
        Connection c = started();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Queue q = queue(tx);
        send(tx, q, 1);
        tx.commit();
        Message m = tx.createConsumer(q).receive(WAIT);
        m.acknowledge(); // no effect: the transaction decides
        tx.rollback();
        Message again = tx.createConsumer(q).receive(WAIT);
        assertNotNull(again);
        assertTrue(again.getJMSRedelivered());
        tx.commit();
    }

    /** Message.acknowledge javadoc: IllegalStateException when called on a closed session. */
    @Test
    void acknowledgeOnClosedSession() throws Exception {
        Session s = started().createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = queue(s);
        send(s, q, 1);
        Message m = s.createConsumer(q).receive(WAIT);
        s.close();
        assertThrows(IllegalStateException.class, m::acknowledge);
    }
}
