package org.journalmq.jms.client;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
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
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import org.journalmq.jms.acl.AccessChecks;
import org.journalmq.jms.JmsExceptions;
import org.journalmq.jms.JournalConnection;
import org.journalmq.jms.JournalDestination;
import org.journalmq.jms.JournalQueue;
import org.journalmq.jms.JournalTopic;
import org.journalmq.jms.audit.Audit;
import org.journalmq.jms.message.JournalBytesMessage;
import org.journalmq.jms.message.JournalMapMessage;
import org.journalmq.jms.message.JournalMessage;
import org.journalmq.jms.message.JournalObjectMessage;
import org.journalmq.jms.message.JournalPlainMessage;
import org.journalmq.jms.message.JournalStreamMessage;
import org.journalmq.jms.message.JournalTextMessage;
import org.journalmq.jms.selector.Selector;
import org.journalmq.persistence.AccessGrant;
import org.journalmq.persistence.Publication;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.journalmq.persistence.Ack;
import org.journalmq.persistence.Journal;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.NewMessage;
import org.journalmq.persistence.UnitOfWork;

/**
 * A session: a single-threaded context for producing and consuming (spec 6.2). It owns the
 * acknowledgement state: in transacted mode the sends and the delivered rows wait for
 * {@link #commit()}; in CLIENT_ACKNOWLEDGE mode the delivered rows wait for
 * {@link Message#acknowledge()}. Listener delivery runs on one thread per session
 * ({@link SessionDelivery}); async send completions on another ({@link AsyncSends}).
 */
public class JournalSession implements Session, QueueSession, TopicSession {

    private final JournalConnection connection;
    private final Journal journal;
    private final int mode;
    private final List<JournalConsumer> consumers = new CopyOnWriteArrayList<>();
    private final List<JournalProducer> producers = new CopyOnWriteArrayList<>();
    private final List<JournalBrowser> browsers = new CopyOnWriteArrayList<>();
    private final Acknowledgements acks;
    private final SessionDelivery delivery;
    private final AsyncSends asyncSends;
    private volatile boolean closed;

    /** Internal: for org.journalmq.jms, org.journalmq.jms.transaction. */
    public JournalSession(JournalConnection connection, int mode) {
        this.connection = connection;
        this.journal = connection.journal();
        this.mode = mode;
        this.acks = new Acknowledgements(this);
        this.delivery = new SessionDelivery(this);
        this.asyncSends = new AsyncSends(this);
    }

    // ---------------------------------------------------------------- internal accessors

    /** Internal: for org.journalmq.jms.transaction. */
    public JournalConnection connection() {
        return connection;
    }

    /** Internal: for org.journalmq.jms, org.journalmq.jms.transaction. */
    public Journal journal() {
        return journal;
    }

    /**
     * The mode the session acts in now; an XA session's depends on its enlistment.
     * <p>Protected for subclasses in org.journalmq.jms, org.journalmq.jms.transaction.
     */
    protected int mode() {
        return mode;
    }

    /** Internal: for org.journalmq.jms, org.journalmq.jms.transaction. */
    public Acknowledgements acks() {
        return acks;
    }

    SessionDelivery delivery() {
        return delivery;
    }

    AsyncSends asyncSends() {
        return asyncSends;
    }

    List<JournalConsumer> consumers() {
        return consumers;
    }

    /** Internal: for org.journalmq.jms, org.journalmq.jms.transaction. */
    public boolean isClosed() {
        return closed;
    }

    /** Protected for subclasses in org.journalmq.jms, org.journalmq.jms.transaction. */
    protected void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("session is closed");
        }
        connection.checkOpen();
    }

    /** Internal: for org.journalmq.jms. */
    public boolean hasConsumerOn(JournalDestination d) {
        for (JournalConsumer c : consumers) {
            if (c.destination().equals(d)) {
                return true;
            }
        }
        return false;
    }

    /** Internal: for org.journalmq.jms. */
    public void connectionStarted() {
        delivery.wake();
        for (JournalConsumer c : consumers) {
            c.wake();
        }
    }

    /** Internal: for org.journalmq.jms. */
    public void awaitListenerIdle() {
        delivery.awaitIdle();
    }

    // ---------------------------------------------------------------- messages

    @Override
    public BytesMessage createBytesMessage() throws JMSException {
        checkOpen();
        return new JournalBytesMessage();
    }

    @Override
    public MapMessage createMapMessage() throws JMSException {
        checkOpen();
        return new JournalMapMessage();
    }

    @Override
    public Message createMessage() throws JMSException {
        checkOpen();
        return new JournalPlainMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        checkOpen();
        JournalObjectMessage m = new JournalObjectMessage();
        useFilter(m);
        return m;
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) throws JMSException {
        checkOpen();
        JournalObjectMessage m = new JournalObjectMessage();
        useFilter(m);
        m.setObject(object);
        return m;
    }

    /**
     * Gives an ObjectMessage made or received by this session the deserialization filter of its
     * connection factory (issue 15); other messages are left alone.
     */
    void useFilter(org.journalmq.jms.message.JournalMessage m) {
        if (m instanceof JournalObjectMessage object) {
            org.journalmq.persistence.JournalConfig config = connection.journal().config();
            object.useFilter(connection.settings().deserialization(), (refused, why) -> Audit.bodyRefused(
                    config, String.valueOf(refused.getJMSDestination()), refused.getJMSMessageID(), why));
        }
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException {
        checkOpen();
        return new JournalStreamMessage();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException {
        checkOpen();
        return new JournalTextMessage();
    }

    @Override
    public TextMessage createTextMessage(String text) throws JMSException {
        checkOpen();
        JournalTextMessage m = new JournalTextMessage();
        m.setText(text);
        return m;
    }

    // ---------------------------------------------------------------- transactions and acks

    @Override
    public boolean getTransacted() throws JMSException {
        checkOpen();
        return mode == SESSION_TRANSACTED;
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        checkOpen();
        return mode;
    }

    @Override
    public void commit() throws JMSException {
        checkOpen();
        if (mode != SESSION_TRANSACTED) {
            throw new IllegalStateException("commit called on a session that is not transacted");
        }
        CallbackRules.checkTransactionEnd(this, "commit");
        acks.commit();
    }

    @Override
    public void rollback() throws JMSException {
        checkOpen();
        if (mode != SESSION_TRANSACTED) {
            throw new IllegalStateException("rollback called on a session that is not transacted");
        }
        CallbackRules.checkTransactionEnd(this, "rollback");
        acks.rollback();
    }

    @Override
    public void recover() throws JMSException {
        checkOpen();
        if (mode == SESSION_TRANSACTED) {
            throw new IllegalStateException("recover called on a transacted session; use rollback");
        }
        acks.recover();
    }

    /** Queues a send for commit (transacted) — called by the send path. */
    void addTransactedSend(NewMessage message) {
        acks.addSend(message);
    }

    // ---------------------------------------------------------------- destinations

    @Override
    public Queue createQueue(String queueName) throws JMSException {
        checkOpen();
        JournalDestination.checkName(queueName, JournalDestination.Kind.QUEUE);
        return new JournalQueue(queueName);
    }

    @Override
    public Topic createTopic(String topicName) throws JMSException {
        checkOpen();
        JournalDestination.checkName(topicName, JournalDestination.Kind.TOPIC);
        return new JournalTopic(topicName);
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        checkOpen();
        return connection.createTemporaryQueue();
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        checkOpen();
        return connection.createTemporaryTopic();
    }

    /**
     * The destination for a consumer or browser: a queue this session may read.
     *
     * @param operation "consume from" or "browse", for the audit line of a refusal
     */
    private JournalDestination readableQueue(Destination destination, String operation) throws JMSException {
        if (destination == null) {
            throw new InvalidDestinationException("destination is null");
        }
        JournalDestination d = JournalDestination.from(destination);
        switch (d.kind()) {
            // createConsumer sends topics to subscribe first: only a browser gets here with one
            case TOPIC, TEMPORARY_TOPIC -> throw new JMSException("a topic cannot be browsed: a QueueBrowser"
                    + " reads queues only: " + d);
            case TEMPORARY_QUEUE -> {
                if (!connection.ownsTemporary(d)) {
                    Audit.temporaryRefused(connection.journal().config(), operation, "temporary queue " + d.name());
                    throw new InvalidDestinationException("temporary queue " + d.name()
                            + " belongs to another connection or was deleted: only its own connection may consume from it");
                }
            }
            // issue 15 item 1: a temporary queue is its connection's alone, whatever the access rules
            default -> AccessChecks.require(journal, "browse".equals(operation) ? AccessGrant.Operation.BROWSE
                    : AccessGrant.Operation.CONSUME, d, operation);
        }
        return d;
    }

    // ---------------------------------------------------------------- consumers

    @Override
    public MessageConsumer createConsumer(Destination destination) throws JMSException {
        return createConsumer(destination, null, false);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector) throws JMSException {
        return createConsumer(destination, messageSelector, false);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal)
            throws JMSException {
        checkOpen();
        if (destination != null && isTopic(JournalDestination.from(destination))) {
            return subscribe(destination, messageSelector, noLocal, null, false, false);
        }
        JournalDestination d = readableQueue(destination, "consume from");
        Selector selector = Selector.parse(messageSelector);
        JournalConsumer c = new JournalConsumer(this, d, selector);
        try {
            c.registerQueueConsumer(); // ops: visible to operators
        } catch (JMSException e) {
            c.closeInternal();
            throw e;
        }
        consumers.add(c);
        return c;
    }

    @Override
    public QueueReceiver createReceiver(Queue queue) throws JMSException {
        return (QueueReceiver) createConsumer(queue, null, false);
    }

    @Override
    public QueueReceiver createReceiver(Queue queue, String messageSelector) throws JMSException {
        return (QueueReceiver) createConsumer(queue, messageSelector, false);
    }

    void consumerClosed(JournalConsumer c) {
        consumers.remove(c);
    }

    // ---------------------------------------------------------------- topic subscriptions (spec 6.11, 8.3)

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) throws JMSException {
        return createSharedConsumer(topic, sharedSubscriptionName, null);
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector)
            throws JMSException {
        return subscribe(topic, messageSelector, false, sharedSubscriptionName, false, true);
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name) throws JMSException {
        return createDurableSubscriber(topic, name, null, false);
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        return subscribe(topic, messageSelector, noLocal, name, true, false);
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name) throws JMSException {
        return createDurableSubscriber(topic, name, null, false);
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        return createDurableSubscriber(topic, name, messageSelector, noLocal);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name) throws JMSException {
        return createSharedDurableConsumer(topic, name, null);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector)
            throws JMSException {
        return subscribe(topic, messageSelector, false, name, true, true);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic) throws JMSException {
        return createSubscriber(topic, null, false);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic, String messageSelector, boolean noLocal) throws JMSException {
        return subscribe(topic, messageSelector, noLocal, null, false, false);
    }

    @Override
    public TopicPublisher createPublisher(Topic topic) throws JMSException {
        return (TopicPublisher) createProducer(topic);
    }

    private JournalTopicSubscriber subscribe(Destination topic, String messageSelector, boolean noLocal, String name,
                                             boolean durable, boolean shared) throws JMSException {
        checkOpen();
        JournalTopicSubscriber c = Subscriptions.subscribe(this, topic, messageSelector, noLocal, name, durable, shared);
        consumers.add(c);
        return c;
    }

    /**
     * Spec 6.11.4: deleting a durable subscription with an active consumer is an error; so is a
     * name that names no durable subscription.
     */
    @Override
    public void unsubscribe(String name) throws JMSException {
        checkOpen();
        Subscriptions.checkName(name);
        String address = Subscriptions.durableAddress(connection.clientIdForSubscriptions(), name);
        for (JournalConsumer c : consumers) {
            if (c instanceof JournalTopicSubscriber s && s.address().equals(address)) {
                throw new IllegalStateException("durable subscription '" + name + "' has an active consumer in this session");
            }
        }
        if (acks.holdsFrom(address)) {
            throw new IllegalStateException("a message of durable subscription '" + name
                    + "' is not yet acknowledged or committed in this session");
        }
        try {
            journal.unsubscribe(address);
        } catch (JournalException e) {
            if (e.kind() == JournalException.Kind.CONFLICT) {
                throw JmsExceptions.link(new IllegalStateException("durable subscription '" + name
                        + "' has an active consumer: close it first (" + e.getMessage() + ")"), e);
            }
            throw JmsExceptions.translate(e, "unsubscribe '" + name + "'");
        }
    }

    // ---------------------------------------------------------------- producers and browsers

    @Override
    public MessageProducer createProducer(Destination destination) throws JMSException {
        checkOpen();
        JournalDestination d = destination == null ? null : JournalDestination.from(destination);
        JournalProducer p = new JournalProducer(this, d);
        producers.add(p);
        return p;
    }

    @Override
    public QueueSender createSender(Queue queue) throws JMSException {
        return (QueueSender) createProducer(queue);
    }

    void producerClosed(JournalProducer p) {
        producers.remove(p);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) throws JMSException {
        return createBrowser(queue, null);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) throws JMSException {
        checkOpen();
        JournalDestination d = readableQueue(queue, "browse");
        JournalBrowser b = new JournalBrowser(this, (Queue) d, Selector.parse(messageSelector));
        browsers.add(b);
        return b;
    }

    void browserClosed(JournalBrowser b) {
        browsers.remove(b);
    }

    // ---------------------------------------------------------------- sending

    /**
     * Sends (or, transacted, queues) a message; shared by producers and the simplified API.
     * {@code producer} is the MessageProducer or JMSProducer sending, for the callback rules.
     */
    void send(OutboundMessage out, Object producer, CompletionListener listener) throws JMSException {
        checkOpen();
        connection.checkSendable(out.destination());
        AccessChecks.require(journal, AccessGrant.Operation.SEND, out.destination(), "send to");
        NewMessage row = out.toRow(journal,
                connection.settings().policies().forDestination(out.destination()).expiryAddress());
        // A topic message is fanned out by the journal, one copy per matching subscription.
        Publication publication = isTopic(out.destination()) ? Subscriptions.publication(row, connection) : null;
        if (mode() == SESSION_TRANSACTED) {
            if (publication != null) {
                acks.addPublish(publication);
            } else {
                addTransactedSend(row);
            }
            if (listener != null) {
                asyncSends.completeNow(producer, out.message(), listener);
            }
            return;
        }
        var future = journal.write(publication != null ? UnitOfWork.publish(publication) : UnitOfWork.send(row));
        if (listener != null) {
            asyncSends.track(future, producer, out.message(), listener);
        } else if (out.persistent()) {
            try {
                future.join();
            } catch (RuntimeException e) {
                throw JmsExceptions.translate(e, "send to " + out.destination());
            }
        } else {
            asyncSends.logFailure(future, out.destination());
        }
    }

    // ---------------------------------------------------------------- session listener (ASF, optional)

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return null;
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        checkOpen();
        throw new JMSException("Session.setMessageListener is not supported: session listeners serve the optional"
                + " application server facilities (Jakarta Messaging 3.1, \"optional operation\"), which JournalMQ does"
                + " not provide; set the listener on a MessageConsumer instead", "JMQ-UNSUPPORTED");
    }

    @Override
    public void run() {
        // Application server facilities are not supported: nothing is ever loaded into a session.
    }

    // ---------------------------------------------------------------- close

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        CallbackRules.checkClose(this);
        asyncSends.awaitIdle();
        closed = true;
        delivery.stop();
        JMSException first = null;
        for (JournalConsumer c : new ArrayList<>(consumers)) {
            try {
                c.closeInternal();
            } catch (JMSException e) {
                first = first == null ? e : first;
            }
        }
        for (JournalBrowser b : new ArrayList<>(browsers)) {
            b.closeInternal();
        }
        for (JournalProducer p : new ArrayList<>(producers)) {
            p.closeInternal();
        }
        acks.releaseAllOnClose();
        asyncSends.shutdown();
        connection.sessionClosed(this);
        if (first != null) {
            throw first;
        }
    }

    private static boolean isTopic(JournalDestination d) {
        return d.kind() == JournalDestination.Kind.TOPIC || d.kind() == JournalDestination.Kind.TEMPORARY_TOPIC;
    }

    /** Acks rows outside any transaction, e.g. expired messages found at delivery. */
    void ackQuietly(List<Ack> rows) {
        if (!rows.isEmpty()) {
            try {
                journal.write(UnitOfWork.ack(rows));
            } catch (JournalException ignored) {
                // the expiry sweep removes them later
            }
        }
    }
}
