package org.journalmq.tck;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Closed objects (spec 6.1.8 closing a connection, 6.2.15 closing a session, 8.8 closing a
 * consumer, 7.3.8/7.5 closing a producer; each close() javadoc): every method but close() of a
 * closed object throws IllegalStateException (IllegalStateRuntimeException for the simplified
 * API); close() again is a no-op.
 */
public abstract class AbstractClosedObjectTest extends ConformanceBase {

    private static void allThrow(Class<? extends Throwable> type, List<Executable> calls) {
        int i = 0;
        for (Executable call : calls) {
            assertThrows(type, call, "call #" + i++);
        }
    }

    /** Connection javadoc / spec 6.1.8. */
    @Test
    void closedConnection() throws Exception {
        Connection c = openConnection();
        c.close();
        c.close();
        allThrow(IllegalStateException.class, List.of(
                () -> c.createSession(), () -> c.createSession(false, Session.AUTO_ACKNOWLEDGE),
                () -> c.createSession(Session.CLIENT_ACKNOWLEDGE), c::getClientID, () -> c.setClientID("x"),
                c::getMetaData, c::getExceptionListener, () -> c.setExceptionListener(null), c::start, c::stop,
                () -> c.createConnectionConsumer((Queue) null, null, null, 1),
                () -> c.createDurableConnectionConsumer(null, "s", null, null, 1),
                () -> c.createSharedConnectionConsumer(null, "s", null, null, 1),
                () -> c.createSharedDurableConnectionConsumer(null, "s", null, null, 1)));
    }

    /** Spec 6.2.15: a closed session, also when closed through its connection. */
    @Test
    void closedSession() throws Exception {
        Connection c = openConnection();
        Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue q = s.createQueue("closed-session");
        Session s2 = c.createSession(true, Session.SESSION_TRANSACTED);
        s.close();
        s.close();
        c.close(); // closes s2
        for (Session x : List.of(s, s2)) {
            allThrow(IllegalStateException.class, List.of(
                    x::createMessage, x::createTextMessage, () -> x.createTextMessage("t"), x::createBytesMessage,
                    x::createMapMessage, x::createStreamMessage, x::createObjectMessage,
                    () -> x.createObjectMessage("o"), x::getTransacted, x::getAcknowledgeMode, x::commit,
                    x::rollback, x::recover, x::getMessageListener, () -> x.setMessageListener(null),
                    () -> x.createQueue("q"), () -> x.createTopic("t"), x::createTemporaryQueue,
                    x::createTemporaryTopic, () -> x.createConsumer(q), () -> x.createConsumer(q, "a = 1"),
                    () -> x.createProducer(q), () -> x.createBrowser(q), () -> x.unsubscribe("s"),
                    () -> x.createDurableConsumer(null, "s"), () -> x.createSharedConsumer(null, "s")));
        }
    }

    /** MessageProducer.close javadoc: every method of a closed producer. */
    @Test
    void closedProducer() throws Exception {
        Session s = session();
        Queue q = queue(s);
        MessageProducer p = s.createProducer(q);
        MessageProducer anon = s.createProducer(null);
        p.close();
        p.close();
        anon.close();
        var m = s.createMessage();
        allThrow(IllegalStateException.class, List.of(
                () -> p.send(m), () -> p.send(m, 2, 4, 0), () -> p.send(m, new Noop()),
                () -> anon.send(q, m), () -> anon.send(q, m, 2, 4, 0), () -> anon.send(q, m, new Noop()),
                p::getDestination, p::getDeliveryMode, () -> p.setDeliveryMode(1), p::getPriority,
                () -> p.setPriority(1), p::getTimeToLive, () -> p.setTimeToLive(1), p::getDeliveryDelay,
                () -> p.setDeliveryDelay(1), p::getDisableMessageID, () -> p.setDisableMessageID(true),
                p::getDisableMessageTimestamp, () -> p.setDisableMessageTimestamp(true)));
    }

    /** MessageConsumer.close javadoc: every method of a closed consumer; QueueBrowser.close likewise. */
    @Test
    void closedConsumerAndBrowser() throws Exception {
        Session s = session();
        Queue q = queue(s);
        MessageConsumer mc = s.createConsumer(q, "a = 1");
        QueueBrowser b = s.createBrowser(q);
        mc.close();
        mc.close();
        b.close();
        b.close();
        allThrow(IllegalStateException.class, List.of(
                mc::receive, () -> mc.receive(1), mc::receiveNoWait, mc::getMessageSelector,
                mc::getMessageListener, () -> mc.setMessageListener(null),
                b::getEnumeration, b::getQueue, b::getMessageSelector));
    }

    /** JMSContext.close javadoc: every method of a closed context throws IllegalStateRuntimeException. */
    @Test
    void closedContext() throws Exception {
        JMSContext ctx = connectionFactory().createContext();
        Queue q = ctx.createQueue("closed-context");
        JMSProducer producer = ctx.createProducer();
        ctx.close();
        ctx.close();
        allThrow(IllegalStateRuntimeException.class, List.of(
                ctx::createMessage, ctx::createTextMessage, ctx::createBytesMessage, ctx::createMapMessage,
                ctx::createStreamMessage, ctx::createObjectMessage, ctx::getTransacted, ctx::getSessionMode,
                ctx::commit, ctx::rollback, ctx::recover, ctx::acknowledge, ctx::start, ctx::stop,
                ctx::getClientID, () -> ctx.setClientID("x"), ctx::getMetaData, ctx::getExceptionListener,
                () -> ctx.setExceptionListener(null), ctx::getAutoStart, () -> ctx.setAutoStart(false),
                () -> ctx.createQueue("q"), () -> ctx.createTopic("t"), ctx::createTemporaryQueue,
                ctx::createTemporaryTopic, () -> ctx.createConsumer(q), () -> ctx.createBrowser(q),
                () -> ctx.createContext(JMSContext.AUTO_ACKNOWLEDGE), ctx::createProducer,
                () -> ctx.unsubscribe("s"), () -> producer.send(q, "body")));
    }

    /** JMSConsumer.close javadoc: receive and the other methods of a closed JMSConsumer. */
    @Test
    void closedJmsConsumer() {
        JMSContext ctx = context();
        JMSConsumer c = ctx.createConsumer(queue(ctx));
        c.close();
        c.close();
        allThrow(IllegalStateRuntimeException.class, List.of(
                c::receive, () -> c.receive(1), c::receiveNoWait, () -> c.receiveBody(String.class, 1),
                () -> c.receiveBodyNoWait(String.class), c::getMessageSelector, c::getMessageListener,
                () -> c.setMessageListener(null)));
    }

    /**
     * The domain-specific interfaces on closed objects (QueueConnection, TopicConnection, QueueSession,
     * TopicSession, QueueSender/Receiver, TopicPublisher/Subscriber javadoc; spec 6.1.8, 6.2.15):
     * IllegalStateException for every method but close().
     */
    @Test
    void closedDomainObjects() throws Exception {
        jakarta.jms.QueueConnection qc = queueConnectionFactory().createQueueConnection();
        jakarta.jms.TopicConnection tc = topicConnectionFactory().createTopicConnection();
        jakarta.jms.QueueSession qs = qc.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
        jakarta.jms.TopicSession ts = tc.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = qs.createQueue("closed-domain");
        jakarta.jms.Topic t = ts.createTopic("closed-domain");
        jakarta.jms.QueueSender sender = qs.createSender(q);
        jakarta.jms.QueueReceiver receiver = qs.createReceiver(q);
        jakarta.jms.TopicPublisher publisher = ts.createPublisher(t);
        jakarta.jms.TopicSubscriber subscriber = ts.createSubscriber(t);
        qc.close();
        tc.close();
        qs.close();
        ts.close();
        var m = new jakarta.jms.Message[1];
        allThrow(IllegalStateException.class, List.of(
                () -> qc.createQueueSession(false, Session.AUTO_ACKNOWLEDGE),
                () -> tc.createTopicSession(false, Session.AUTO_ACKNOWLEDGE),
                () -> qc.createConnectionConsumer(q, null, null, 1), () -> tc.createConnectionConsumer(t, null, null, 1),
                () -> qs.createReceiver(q), () -> qs.createReceiver(q, "a = 1"), () -> qs.createSender(q),
                () -> qs.createBrowser(q), qs::createTemporaryQueue, () -> qs.createQueue("q"),
                () -> qs.createTopic("t"), qs::createTextMessage, qs::commit,
                () -> ts.createSubscriber(t), () -> ts.createSubscriber(t, null, true), () -> ts.createPublisher(t),
                () -> ts.createDurableSubscriber(t, "d"), ts::createTemporaryTopic, () -> ts.createTopic("t"),
                () -> ts.createQueue("q"), () -> ts.unsubscribe("d"), ts::createMessage, ts::rollback,
                sender::getQueue, () -> sender.send(m[0]), () -> sender.send(q, m[0]),
                receiver::getQueue, receiver::receiveNoWait,
                publisher::getTopic, () -> publisher.publish(m[0]), () -> publisher.publish(t, m[0]),
                subscriber::getTopic, subscriber::getNoLocal, subscriber::receiveNoWait));
    }

    private static final class Noop implements jakarta.jms.CompletionListener {
        @Override public void onCompletion(jakarta.jms.Message message) { }
        @Override public void onException(jakarta.jms.Message message, Exception exception) { }
    }
}
