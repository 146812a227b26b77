package org.journalmq.jms;

import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;
import java.io.Serializable;

/**
 * The session returned by {@code QueueConnection.createQueueSession}: a {@link JournalSession}
 * restricted to the point-to-point domain. QueueSession javadoc: "A QueueSession cannot be used to
 * create objects specific to the publish/subscribe domain. The following methods inherit from
 * Session, but must throw an IllegalStateException if they are used from QueueSession":
 * createDurableConsumer, createDurableSubscriber, createSharedConsumer, createSharedDurableConsumer,
 * createTemporaryTopic, createTopic and unsubscribe. Everything else is the session's own.
 */
final class JournalQueueSession implements QueueSession {

    private final JournalSession session;

    JournalQueueSession(JournalSession session) {
        this.session = session;
    }

    /** The unrestricted session behind this view. */
    JournalSession session() {
        return session;
    }

    private IllegalStateException pubSub(String method) throws JMSException {
        session.checkOpen();
        return new IllegalStateException(method + " must not be used from a QueueSession (QueueSession javadoc);"
                + " use Connection.createSession for both domains");
    }

    // ---------------------------------------------------------------- publish/subscribe: refused

    @Override
    public Topic createTopic(String topicName) throws JMSException {
        throw pubSub("createTopic");
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        throw pubSub("createTemporaryTopic");
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name) throws JMSException {
        throw pubSub("createDurableSubscriber");
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        throw pubSub("createDurableSubscriber");
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name) throws JMSException {
        throw pubSub("createDurableConsumer");
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        throw pubSub("createDurableConsumer");
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) throws JMSException {
        throw pubSub("createSharedConsumer");
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector)
            throws JMSException {
        throw pubSub("createSharedConsumer");
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name) throws JMSException {
        throw pubSub("createSharedDurableConsumer");
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector)
            throws JMSException {
        throw pubSub("createSharedDurableConsumer");
    }

    @Override
    public void unsubscribe(String name) throws JMSException {
        throw pubSub("unsubscribe");
    }

    // ---------------------------------------------------------------- the session's own

    @Override public BytesMessage createBytesMessage() throws JMSException { return session.createBytesMessage(); }
    @Override public MapMessage createMapMessage() throws JMSException { return session.createMapMessage(); }
    @Override public Message createMessage() throws JMSException { return session.createMessage(); }
    @Override public ObjectMessage createObjectMessage() throws JMSException { return session.createObjectMessage(); }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) throws JMSException {
        return session.createObjectMessage(object);
    }

    @Override public StreamMessage createStreamMessage() throws JMSException { return session.createStreamMessage(); }
    @Override public TextMessage createTextMessage() throws JMSException { return session.createTextMessage(); }
    @Override public TextMessage createTextMessage(String text) throws JMSException { return session.createTextMessage(text); }
    @Override public boolean getTransacted() throws JMSException { return session.getTransacted(); }
    @Override public int getAcknowledgeMode() throws JMSException { return session.getAcknowledgeMode(); }
    @Override public void commit() throws JMSException { session.commit(); }
    @Override public void rollback() throws JMSException { session.rollback(); }
    @Override public void close() throws JMSException { session.close(); }
    @Override public void recover() throws JMSException { session.recover(); }
    @Override public MessageListener getMessageListener() throws JMSException { return session.getMessageListener(); }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        session.setMessageListener(listener);
    }

    @Override public void run() { session.run(); }

    @Override
    public MessageProducer createProducer(Destination destination) throws JMSException {
        return session.createProducer(destination);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination) throws JMSException {
        return session.createConsumer(destination);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector) throws JMSException {
        return session.createConsumer(destination, messageSelector);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal)
            throws JMSException {
        return session.createConsumer(destination, messageSelector, noLocal);
    }

    @Override public Queue createQueue(String queueName) throws JMSException { return session.createQueue(queueName); }
    @Override public QueueReceiver createReceiver(Queue queue) throws JMSException { return session.createReceiver(queue); }

    @Override
    public QueueReceiver createReceiver(Queue queue, String messageSelector) throws JMSException {
        return session.createReceiver(queue, messageSelector);
    }

    @Override public QueueSender createSender(Queue queue) throws JMSException { return session.createSender(queue); }
    @Override public QueueBrowser createBrowser(Queue queue) throws JMSException { return session.createBrowser(queue); }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) throws JMSException {
        return session.createBrowser(queue, messageSelector);
    }

    @Override public TemporaryQueue createTemporaryQueue() throws JMSException { return session.createTemporaryQueue(); }

    @Override
    public String toString() {
        return "QueueSession[" + session + "]";
    }
}
