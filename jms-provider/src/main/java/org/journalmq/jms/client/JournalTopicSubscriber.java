package org.journalmq.jms.client;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;
import org.journalmq.jms.JmsExceptions;
import org.journalmq.jms.JournalDestination;
import org.journalmq.jms.selector.Selector;
import org.journalmq.persistence.JournalException;

/**
 * A consumer of a topic subscription (spec 4.2, 8.3): it claims from the subscription's journal
 * address like a queue consumer, because fan-out at publish already wrote one copy per matching
 * subscription. Closing it detaches it from the subscription; a non-durable subscription goes with
 * its last consumer.
 */
public class JournalTopicSubscriber extends JournalConsumer implements TopicSubscriber {

    private final boolean noLocal;
    private final String consumerId;

    JournalTopicSubscriber(JournalSession session, JournalDestination topic, Selector selector, String address,
                           boolean noLocal, String consumerId) {
        super(session, topic, selector, address, false);
        this.noLocal = noLocal;
        this.consumerId = consumerId;
    }

    @Override
    public Topic getTopic() throws JMSException {
        getMessageSelector(); // checks that the consumer is open
        return (Topic) destination();
    }

    @Override
    public boolean getNoLocal() throws JMSException {
        getMessageSelector();
        return noLocal;
    }

    @Override
    public Queue getQueue() throws JMSException {
        throw new IllegalStateException("a topic subscriber has no queue; use getTopic()");
    }

    @Override
    void afterClose() throws JMSException {
        try {
            sessionJournal().detach(consumerId);
        } catch (JournalException e) {
            // maintenance detaches consumers of clients that stopped; the subscription survives until then
            throw JmsExceptions.translate(e, "close the subscriber of " + destination());
        }
    }
}
