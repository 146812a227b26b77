package org.journalmq.jms.client;

import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueSender;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import org.journalmq.jms.JournalDestination;

/** A message producer (spec 7); a QueueSender too. */
public class JournalProducer implements QueueSender, TopicPublisher {

    private final JournalSession session;
    private final JournalDestination destination;
    private volatile boolean closed;
    private boolean disableMessageID;
    private boolean disableMessageTimestamp;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLive = Message.DEFAULT_TIME_TO_LIVE;
    private long deliveryDelay = Message.DEFAULT_DELIVERY_DELAY;

    JournalProducer(JournalSession session, JournalDestination destination) {
        this.session = session;
        this.destination = destination;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("producer is closed");
        }
        session.checkOpen();
    }

    @Override
    public void setDisableMessageID(boolean value) throws JMSException {
        checkOpen();
        disableMessageID = value;
    }

    @Override
    public boolean getDisableMessageID() throws JMSException {
        checkOpen();
        return disableMessageID;
    }

    @Override
    public void setDisableMessageTimestamp(boolean value) throws JMSException {
        checkOpen();
        disableMessageTimestamp = value;
    }

    @Override
    public boolean getDisableMessageTimestamp() throws JMSException {
        checkOpen();
        return disableMessageTimestamp;
    }

    @Override
    public void setDeliveryMode(int mode) throws JMSException {
        checkOpen();
        OutboundMessage.checkDeliveryMode(mode);
        deliveryMode = mode;
    }

    @Override
    public int getDeliveryMode() throws JMSException {
        checkOpen();
        return deliveryMode;
    }

    @Override
    public void setPriority(int defaultPriority) throws JMSException {
        checkOpen();
        OutboundMessage.checkPriority(defaultPriority);
        priority = defaultPriority;
    }

    @Override
    public int getPriority() throws JMSException {
        checkOpen();
        return priority;
    }

    @Override
    public void setTimeToLive(long ttl) throws JMSException {
        checkOpen();
        OutboundMessage.checkTimeToLive(ttl);
        timeToLive = ttl;
    }

    @Override
    public long getTimeToLive() throws JMSException {
        checkOpen();
        return timeToLive;
    }

    @Override
    public void setDeliveryDelay(long delay) throws JMSException {
        checkOpen();
        OutboundMessage.checkDeliveryDelay(delay);
        deliveryDelay = delay;
    }

    @Override
    public long getDeliveryDelay() throws JMSException {
        checkOpen();
        return deliveryDelay;
    }

    @Override
    public Destination getDestination() throws JMSException {
        checkOpen();
        return destination;
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return destination instanceof Queue q ? q : null;
    }

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        CallbackRules.checkClose(this);
        session.asyncSends().awaitIdle();
        closeInternal();
    }

    void closeInternal() {
        closed = true;
        session.producerClosed(this);
    }

    // --------------------------------------------------------- sends to the producer's destination

    @Override
    public void send(Message message) throws JMSException {
        send(message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(Message message, int mode, int prio, long ttl) throws JMSException {
        checkOpen();
        doSend(ownDestination(), message, mode, prio, ttl, null);
    }

    @Override
    public void send(Message message, CompletionListener listener) throws JMSException {
        send(message, deliveryMode, priority, timeToLive, listener);
    }

    @Override
    public void send(Message message, int mode, int prio, long ttl, CompletionListener listener)
            throws JMSException {
        checkOpen();
        doSend(ownDestination(), message, mode, prio, ttl, checkListener(listener));
    }

    // --------------------------------------------------------- sends to a given destination

    @Override
    public void send(Destination dest, Message message) throws JMSException {
        send(dest, message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(Destination dest, Message message, int mode, int prio, long ttl) throws JMSException {
        checkOpen();
        doSend(givenDestination(dest), message, mode, prio, ttl, null);
    }

    @Override
    public void send(Destination dest, Message message, CompletionListener listener) throws JMSException {
        send(dest, message, deliveryMode, priority, timeToLive, listener);
    }

    @Override
    public void send(Destination dest, Message message, int mode, int prio, long ttl, CompletionListener listener)
            throws JMSException {
        checkOpen();
        doSend(givenDestination(dest), message, mode, prio, ttl, checkListener(listener));
    }

    @Override
    public void send(Queue queue, Message message) throws JMSException {
        send((Destination) queue, message);
    }

    @Override
    public void send(Queue queue, Message message, int mode, int prio, long ttl) throws JMSException {
        send((Destination) queue, message, mode, prio, ttl);
    }

    // --------------------------------------------------------- TopicPublisher (spec 4.2 classic topic API)

    @Override
    public Topic getTopic() throws JMSException {
        checkOpen();
        return destination instanceof Topic t ? t : null;
    }

    @Override
    public void publish(Message message) throws JMSException {
        send(message);
    }

    @Override
    public void publish(Message message, int mode, int prio, long ttl) throws JMSException {
        send(message, mode, prio, ttl);
    }

    @Override
    public void publish(Topic topic, Message message) throws JMSException {
        send((Destination) topic, message);
    }

    @Override
    public void publish(Topic topic, Message message, int mode, int prio, long ttl) throws JMSException {
        send((Destination) topic, message, mode, prio, ttl);
    }

    private JournalDestination ownDestination() {
        if (destination == null) {
            throw new UnsupportedOperationException("this producer was created without a destination:"
                    + " use a send method that takes one");
        }
        return destination;
    }

    private JournalDestination givenDestination(Destination dest) throws JMSException {
        if (destination != null) {
            throw new UnsupportedOperationException("this producer was created with destination " + destination
                    + ": use a send method without a destination");
        }
        if (dest == null) {
            throw new InvalidDestinationException("destination is null");
        }
        return JournalDestination.from(dest);
    }

    private static CompletionListener checkListener(CompletionListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("CompletionListener is null");
        }
        return listener;
    }

    private void doSend(JournalDestination dest, Message message, int mode, int prio, long ttl,
                        CompletionListener listener) throws JMSException {
        OutboundMessage out = OutboundMessage.prepare(session.connection(), dest, message, mode, prio, ttl,
                deliveryDelay, disableMessageID, disableMessageTimestamp);
        session.send(out, this, listener);
    }
}
