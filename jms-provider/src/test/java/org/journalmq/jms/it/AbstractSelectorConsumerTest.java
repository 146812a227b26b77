package org.journalmq.jms.it;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Queue consumers with message selectors (Jakarta Messaging 3.1, 3.8 message selection; 4.2:
 * a selector consumer only receives matching messages, the others stay on the queue for other
 * consumers).
 */
public abstract class AbstractSelectorConsumerTest extends JmsTestBase {

    private void sendTyped(Session s, Queue q, String type, int count, int from) throws Exception {
        MessageProducer p = s.createProducer(q);
        for (int i = 0; i < count; i++) {
            Message m = s.createTextMessage(type + (from + i));
            m.setStringProperty("type", type);
            m.setIntProperty("n", from + i);
            p.send(m);
        }
    }

    private void sendBatch(Session tx, Queue q, String type, int count, int from) throws Exception {
        sendTyped(tx, q, type, count, from);
        tx.commit();
    }

    @Test
    void complementarySelectorsEachGetExactlyTheirMessages() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "complementary");
        for (int i = 0; i < 100; i++) {
            sendTyped(s, q, i % 2 == 0 ? "A" : "B", 1, i);
        }
        MessageConsumer a = s.createConsumer(q, "type = 'A'");
        MessageConsumer b = c.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q, "type <> 'A'");
        List<Message> gotA = receiveAll(a, 50, 5_000);
        List<Message> gotB = receiveAll(b, 50, 5_000);
        assertEquals(50, gotA.size());
        assertEquals(50, gotB.size());
        int last = -1;
        for (Message m : gotA) {
            assertEquals("A", m.getStringProperty("type"));
            assertTrue(m.getIntProperty("n") > last, "send order within the selector's messages");
            last = m.getIntProperty("n");
        }
        for (Message m : gotB) {
            assertEquals("B", m.getStringProperty("type"));
        }
        assertNull(a.receiveNoWait());
        assertNull(b.receiveNoWait());
    }

    @Test
    void aSelectorConsumerNeverHidesOtherMessages() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "no-hiding");
        sendTyped(s, q, "B", 20, 0);
        MessageConsumer onlyA = s.createConsumer(q, "type = 'A'");
        assertNull(onlyA.receive(200), "no message matches");
        MessageConsumer plain = c.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(q);
        assertEquals(20, receiveAll(plain, 20, 5_000).size(), "the selector consumer must not hold non-matching messages");
    }

    @Test
    void aMatchBehindADeepBacklogIsFound() throws Exception {
        Connection c = started();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Queue q = queue(tx, "deep");
        for (int i = 0; i < 10; i++) {
            sendBatch(tx, q, "B", 500, i * 500); // 5,000 non-matching messages first
        }
        sendBatch(tx, q, "A", 1, 5_000);
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer a = s.createConsumer(q, "type = 'A'");
        Message m = a.receive(30_000);
        assertNotNull(m, "the consumer stalled behind non-matching messages");
        assertEquals(5_000, m.getIntProperty("n"));
    }

    @Test
    void aRolledBackMatchBehindTheScanPositionComesBack() throws Exception {
        Connection c = started();
        Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
        Queue q = queue(tx, "rescan");
        sendBatch(tx, q, "A", 1, 0);
        for (int i = 0; i < 6; i++) {
            sendBatch(tx, q, "B", 500, 1 + i * 500); // more than one scan's worth after the match
        }
        MessageConsumer a = tx.createConsumer(q, "type = 'A'");
        Message first = a.receive(10_000);
        assertNotNull(first);
        assertNull(a.receive(300), "a second match does not exist");
        tx.rollback();
        Message again = a.receive(30_000);
        assertNotNull(again, "a message released behind the scan position must be found again");
        assertEquals(0, again.getIntProperty("n"));
        assertTrue(again.getJMSRedelivered());
        tx.commit();
    }

    @Test
    void headerSelectorsOnPriority() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "priority-selector");
        MessageProducer p = s.createProducer(q);
        for (int prio = 0; prio <= 9; prio++) {
            Message m = s.createMessage();
            m.setIntProperty("prio", prio);
            p.send(m, DeliveryMode.PERSISTENT, prio, 0);
        }
        List<Integer> got = new ArrayList<>();
        for (Message m : receiveAll(s.createConsumer(q, "JMSPriority BETWEEN 3 AND 5 AND prio <> 4"), 10, 1_000)) {
            got.add(m.getJMSPriority());
        }
        assertEquals(List.of(5, 3), got);
        assertEquals(8, receiveAll(s.createConsumer(q), 10, 1_000).size());
    }

    @Test
    void browserWithSelector() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "browse-selector");
        for (int i = 0; i < 30; i++) {
            sendTyped(s, q, i % 3 == 0 ? "A" : "B", 1, i);
        }
        QueueBrowser browser = s.createBrowser(q, "type = 'A' AND n >= 9");
        assertEquals("type = 'A' AND n >= 9", browser.getMessageSelector());
        List<Integer> seen = new ArrayList<>();
        Enumeration<?> e = browser.getEnumeration();
        while (e.hasMoreElements()) {
            seen.add(((Message) e.nextElement()).getIntProperty("n"));
        }
        assertEquals(List.of(9, 12, 15, 18, 21, 24, 27), seen);
    }

    @Test
    void invalidSelectorsAreRefusedWhenTheConsumerIsCreated() throws Exception {
        Session s = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "invalid");
        InvalidSelectorException e = assertThrows(InvalidSelectorException.class,
                () -> s.createConsumer(q, "type = "));
        assertTrue(e.getMessage().contains("column"), e.getMessage());
        assertThrows(InvalidSelectorException.class, () -> s.createBrowser(q, "a LIKE 7"));
        try (JMSContext context = factory.createContext()) {
            assertThrows(InvalidSelectorRuntimeException.class, () -> context.createConsumer(q, "NOT"));
        }
    }
}
