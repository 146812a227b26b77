package org.journalmq.jms.client;

import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;

/**
 * The session returned by {@code QueueConnection.createQueueSession}: restricted to the
 * point-to-point domain. QueueSession javadoc: "A QueueSession cannot be used to create objects
 * specific to the publish/subscribe domain. The following methods inherit from Session, but must
 * throw an IllegalStateException if they are used from QueueSession": createDurableConsumer,
 * createDurableSubscriber, createSharedConsumer, createSharedDurableConsumer, createTemporaryTopic,
 * createTopic and unsubscribe.
 * <p>Internal: for org.journalmq.jms, org.journalmq.jms.transaction and the resource adapter (org.journalmq.ra).
 */
public final class JournalQueueSession extends JournalDomainSession implements QueueSession {

    /** Internal: for org.journalmq.jms, org.journalmq.jms.transaction and the resource adapter (org.journalmq.ra). */
    public JournalQueueSession(JournalSession session) {
        super(session);
    }

    @Override
    String domainInterface() {
        return "QueueSession";
    }

    // ---------------------------------------------------------------- publish/subscribe: refused

    @Override
    public Topic createTopic(String topicName) throws JMSException {
        throw refused("createTopic");
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        throw refused("createTemporaryTopic");
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name) throws JMSException {
        throw refused("createDurableSubscriber");
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        throw refused("createDurableSubscriber");
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name) throws JMSException {
        throw refused("createDurableConsumer");
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        throw refused("createDurableConsumer");
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) throws JMSException {
        throw refused("createSharedConsumer");
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector)
            throws JMSException {
        throw refused("createSharedConsumer");
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name) throws JMSException {
        throw refused("createSharedDurableConsumer");
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector)
            throws JMSException {
        throw refused("createSharedDurableConsumer");
    }

    @Override
    public void unsubscribe(String name) throws JMSException {
        throw refused("unsubscribe");
    }

    // ---------------------------------------------------------------- point-to-point

    @Override public QueueReceiver createReceiver(Queue queue) throws JMSException { return session.createReceiver(queue); }

    @Override
    public QueueReceiver createReceiver(Queue queue, String messageSelector) throws JMSException {
        return session.createReceiver(queue, messageSelector);
    }

    @Override public QueueSender createSender(Queue queue) throws JMSException { return session.createSender(queue); }
}
