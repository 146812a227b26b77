package org.journalmq.jms.it;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.journalmq.gadget.Gadget;
import org.journalmq.jms.DeadLetters;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.message.payload.Order;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An ObjectMessage whose body the factory's deserialization filter refuses is not acknowledged
 * silently (issue 15 item 2): it goes to the dead-letter queue with the reason, at once, and can be
 * replayed by a consumer whose factory allows the class. ObjectMessage.getObject javadoc:
 * MessageFormatException "if object deserialization fails"; AUTO_ACKNOWLEDGE is spec 6.2.10.
 */
public abstract class AbstractRefusedObjectTest extends JmsTestBase {

    private void send(Session s, Queue q, Serializable body) throws JMSException {
        s.createProducer(q).send(s.createObjectMessage(body));
    }

    private Message deadLetterOf(Session s, Queue q) throws JMSException {
        MessageConsumer dlq = s.createConsumer(s.createQueue(DeadLetters.deadLetterQueueFor(q.getQueueName())));
        Message dead = dlq.receive(15_000);
        assertNotNull(dead, "the refused message reached " + DeadLetters.deadLetterQueueFor(q.getQueueName()));
        return dead;
    }

    private void assertRefusedDeadLetter(Message dead, Class<?> refused) throws JMSException {
        String reason = dead.getStringProperty(DeadLetters.DEAD_LETTER_REASON);
        assertTrue(reason.startsWith(DeadLetters.REASON_REFUSED_BODY_PREFIX), reason);
        assertTrue(reason.contains(refused.getName()) && reason.contains("deserializationAllowList"), reason);
        assertEquals(1, dead.getIntProperty(DeadLetters.DELIVERY_ATTEMPTS),
                "moved on its first delivery: a redelivery would only be refused again");
    }

    private void assertEmpty(Connection c, Queue q) throws JMSException {
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertNull(s.createConsumer(q).receive(500), "nothing is left in " + q.getQueueName());
        s.close();
    }

    @Test
    void anAutoListenerThatCatchesTheRefusalAndReturnsDoesNotAcknowledgeTheMessageItIsDeadLettered()
            throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "refused-order");
        Order order = new Order("o-17", 2);
        send(s, q, order);

        List<Exception> seen = new CopyOnWriteArrayList<>();
        Session listening = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        listening.createConsumer(q).setMessageListener(m -> {
            try {
                ((ObjectMessage) m).getObject();
            } catch (JMSException e) {
                seen.add(e); // caught, and the listener returns normally
            }
        });
        Message dead = deadLetterOf(s, q);
        assertRefusedDeadLetter(dead, Order.class);
        assertEquals(1, seen.size(), "delivered once, not redelivered");
        assertInstanceOf(MessageFormatException.class, seen.get(0));
        assertTrue(seen.get(0).getMessage().contains(Order.class.getName()), seen.get(0).getMessage());
        listening.close();
        assertEmpty(c, q);

        // Replay: once a factory allows the package, the dead-lettered body reads back whole.
        JournalConnectionFactory allowing = journal.factory();
        allowing.setDeserializationAllowList("org.journalmq.jms.message.payload.*");
        Connection replay = allowing.createConnection();
        try {
            Session replayS = replay.createSession(false, Session.AUTO_ACKNOWLEDGE);
            replay.start();
            Queue dlq = replayS.createQueue(DeadLetters.deadLetterQueueFor(q.getQueueName()));
            replayS.createProducer(q).send(dead); // an operator's replay, as `journalmq dlq replay` does it
            Message again = replayS.createConsumer(q).receive(15_000);
            assertNotNull(again);
            assertEquals(order, ((ObjectMessage) again).getObject());
            assertNull(replayS.createConsumer(dlq).receive(200), "the DLQ copy was consumed by the first receive");
        } finally {
            replay.close();
        }
    }

    @Test
    void aGadgetNeverRunsAndAListenerThatRethrowsSendsItToTheDeadLetterQueueAtOnce() throws Exception {
        int before = Gadget.SIDE_EFFECTS.get();
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "gadget");
        send(s, q, new Gadget("touch /tmp/pwned"));

        AtomicInteger deliveries = new AtomicInteger();
        Session listening = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        listening.createConsumer(q).setMessageListener(m -> {
            deliveries.incrementAndGet();
            try {
                ((ObjectMessage) m).getObject();
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        assertRefusedDeadLetter(deadLetterOf(s, q), Gadget.class);
        assertEquals(1, deliveries.get(), "no redelivery of a refused body, though attempts were left");
        assertEquals(before, Gadget.SIDE_EFFECTS.get(), "the gadget's readObject never ran in the consumer");
    }

    @Test
    void anAutoReceiveChecksTheBodyBeforeItsAcknowledgementAndDeadLettersARefusedOne() throws Exception {
        Connection c = started();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = queue(s, "refused-receive");
        send(s, q, new Order("o-18", 1));
        send(s, q, new java.util.ArrayList<>(List.of("allowed")));

        MessageConsumer consumer = s.createConsumer(q);
        Message first = consumer.receive(15_000);
        assertNotNull(first, "receive still returns the message");
        MessageFormatException e = assertThrows(MessageFormatException.class, ((ObjectMessage) first)::getObject);
        assertTrue(e.getMessage().contains("deserializationAllowList"), e.getMessage());
        Message second = consumer.receive(15_000);
        assertEquals(List.of("allowed"), ((ObjectMessage) second).getObject());
        Message dead = deadLetterOf(s, q); // an AUTO receive from the DLQ: acknowledged, not moved on
        assertRefusedDeadLetter(dead, Order.class);
        assertThrows(MessageFormatException.class, ((ObjectMessage) dead)::getObject);
        assertEmpty(c, q);
        assertEmpty(c, s.createQueue(DeadLetters.deadLetterQueueFor(DeadLetters.deadLetterQueueFor(q.getQueueName()))));
        assertEmpty(c, s.createQueue(DeadLetters.deadLetterQueueFor(q.getQueueName())));
    }
}
