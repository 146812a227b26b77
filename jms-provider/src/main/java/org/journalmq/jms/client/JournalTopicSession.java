package org.journalmq.jms.client;

import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;

/**
 * The session returned by {@code TopicConnection.createTopicSession}: restricted to the
 * publish/subscribe domain. TopicSession javadoc: "A TopicSession cannot be used to create objects
 * specific to the point-to-point domain. The following methods inherit from Session, but must throw
 * an IllegalStateException if used from TopicSession": createBrowser, createQueue and
 * createTemporaryQueue.
 * <p>Internal: for org.journalmq.jms, org.journalmq.jms.transaction and the resource adapter (org.journalmq.ra).
 */
public final class JournalTopicSession extends JournalDomainSession implements TopicSession {

    /** Internal: for org.journalmq.jms, org.journalmq.jms.transaction and the resource adapter (org.journalmq.ra). */
    public JournalTopicSession(JournalSession session) {
        super(session);
    }

    @Override
    String domainInterface() {
        return "TopicSession";
    }

    // ---------------------------------------------------------------- point-to-point: refused

    @Override
    public Queue createQueue(String queueName) throws JMSException {
        throw refused("createQueue");
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        throw refused("createTemporaryQueue");
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) throws JMSException {
        throw refused("createBrowser");
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) throws JMSException {
        throw refused("createBrowser");
    }

    // ---------------------------------------------------------------- publish/subscribe

    @Override public TopicSubscriber createSubscriber(Topic topic) throws JMSException { return session.createSubscriber(topic); }

    @Override
    public TopicSubscriber createSubscriber(Topic topic, String messageSelector, boolean noLocal) throws JMSException {
        return session.createSubscriber(topic, messageSelector, noLocal);
    }

    @Override public TopicPublisher createPublisher(Topic topic) throws JMSException { return session.createPublisher(topic); }
}
