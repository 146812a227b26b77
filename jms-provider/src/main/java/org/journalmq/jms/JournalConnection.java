package org.journalmq.jms;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.journalmq.persistence.Journal;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.JournalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection: a share of the JVM's journal for the given credentials, a client ID, a started or
 * stopped state, and the sessions made from it.
 */
public class JournalConnection implements Connection, QueueConnection, TopicConnection, TemporaryOwner {

    private static final Logger LOG = LoggerFactory.getLogger(JournalConnection.class);

    private final Journal journal;
    private final JournalConnectionFactory.ProviderSettings settings;
    private final String idPrefix = "ID:" + UUID.randomUUID() + ":";
    private final AtomicLong idCounter = new AtomicLong();
    private final List<JournalSession> sessions = new CopyOnWriteArrayList<>();
    private final Set<JournalDestination> temporaries = ConcurrentHashMap.newKeySet();
    private final Object startLock = new Object();

    private volatile String clientID;
    private volatile boolean clientIdFixed;
    private volatile boolean started;
    private volatile boolean closed;
    private volatile ExceptionListener exceptionListener;

    JournalConnection(Journal journal, JournalConnectionFactory.ProviderSettings settings) {
        this.journal = journal;
        this.settings = settings;
    }

    static JournalConnection open(JournalConnectionFactory factory, JournalConfig config, String clientID)
            throws JMSException {
        Journal journal;
        try {
            journal = JournalRegistry.acquire(config);
        } catch (JournalException e) {
            throw JmsExceptions.translate(e, "connect to "
                    + org.journalmq.persistence.jdbc.SqlErrors.safeUrl(config.jdbcUrl()));
        }
        JournalConnection c = new JournalConnection(journal, factory.providerSettings());
        if (clientID != null) {
            try {
                c.setClientID(clientID);
            } catch (JMSException e) {
                c.close();
                throw e;
            }
            // an administratively configured client ID cannot be changed by the application
        }
        return c;
    }

    Journal journal() {
        return journal;
    }

    JournalConnectionFactory.ProviderSettings settings() {
        return settings;
    }

    String nextMessageId() {
        return idPrefix + idCounter.incrementAndGet();
    }

    boolean isStarted() {
        return started;
    }

    boolean isClosed() {
        return closed;
    }

    /** Waits while the connection is stopped, at most {@code millis}; true when started. */
    boolean awaitStarted(long millis) throws InterruptedException {
        synchronized (startLock) {
            if (!started && !closed && millis > 0) {
                startLock.wait(millis);
            }
            return started && !closed;
        }
    }

    void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("connection is closed");
        }
    }

    /** Any use of the connection other than setClientID fixes the client ID (spec 6.1.2). */
    private void fixClientId() {
        clientIdFixed = true;
    }

    @Override
    public Session createSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return newSession(transacted, acknowledgeMode);
    }

    @Override
    public Session createSession(int sessionMode) throws JMSException {
        if (sessionMode == Session.SESSION_TRANSACTED) {
            return newSession(true, Session.SESSION_TRANSACTED);
        }
        return newSession(false, sessionMode);
    }

    @Override
    public Session createSession() throws JMSException {
        return newSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    /** A point-to-point-only view (QueueSession javadoc: publish/subscribe methods throw IllegalStateException). */
    @Override
    public QueueSession createQueueSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return new JournalQueueSession(newSession(transacted, acknowledgeMode));
    }

    /** A session of both domains (Connection.createSession). */
    JournalSession newSession(boolean transacted, int acknowledgeMode) throws JMSException {
        checkOpen();
        fixClientId();
        int mode = transacted ? Session.SESSION_TRANSACTED : acknowledgeMode;
        if (!transacted && mode != Session.AUTO_ACKNOWLEDGE && mode != Session.CLIENT_ACKNOWLEDGE
                && mode != Session.DUPS_OK_ACKNOWLEDGE) {
            throw new JMSException("invalid acknowledge mode " + acknowledgeMode
                    + ": use Session.AUTO_ACKNOWLEDGE, CLIENT_ACKNOWLEDGE, DUPS_OK_ACKNOWLEDGE or a transacted session");
        }
        JournalSession s = new JournalSession(this, mode);
        sessions.add(s);
        return s;
    }

    @Override
    public TopicSession createTopicSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return newSession(transacted, acknowledgeMode);
    }

    /** The client ID subscriptions are keyed by; using it fixes it (spec 6.1.2). */
    String clientIdForSubscriptions() {
        fixClientId();
        return clientID;
    }

    /** Marks subscriptions that must not receive this connection's publications (spec 6.11 noLocal). */
    String noLocalTag() {
        return "k:" + idPrefix;
    }

    void sessionClosed(JournalSession s) {
        sessions.remove(s);
    }

    @Override
    public String getClientID() throws JMSException {
        checkOpen();
        return clientID;
    }

    @Override
    public void setClientID(String id) throws JMSException {
        checkOpen();
        if (clientID != null) {
            throw new IllegalStateException("client ID is already set to '" + clientID + "'");
        }
        if (clientIdFixed) {
            throw new IllegalStateException("client ID must be set before the connection is used");
        }
        if (id == null || id.isEmpty()) {
            throw new InvalidClientIDException("client ID is " + (id == null ? "null" : "empty"));
        }
        try {
            // Reserved in the journal, so the rule holds across every JVM sharing it (spec 6.1.2).
            journal.reserveClientName(id);
        } catch (JournalException e) {
            if (e.kind() == JournalException.Kind.CONFLICT) {
                throw JmsExceptions.link(new InvalidClientIDException("client ID '" + id
                        + "' is already used by another connection"), e);
            }
            throw JmsExceptions.translate(e, "set client ID " + id);
        }
        clientID = id;
        fixClientId();
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        checkOpen();
        fixClientId();
        return JournalMetaData.INSTANCE;
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        checkOpen();
        fixClientId();
        return exceptionListener;
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) throws JMSException {
        checkOpen();
        fixClientId();
        exceptionListener = listener;
    }

    /** Reports a failure met outside any application call (delivery thread, maintenance). */
    void onAsyncException(JMSException e) {
        ExceptionListener l = exceptionListener;
        if (l == null) {
            LOG.warn("JMQ2001 connection failure with no ExceptionListener set: {}", e.getMessage());
            return;
        }
        try {
            l.onException(e);
        } catch (RuntimeException ex) {
            LOG.warn("JMQ2002 ExceptionListener threw", ex);
        }
    }

    @Override
    public void start() throws JMSException {
        checkOpen();
        fixClientId();
        synchronized (startLock) {
            started = true;
            startLock.notifyAll();
        }
        for (JournalSession s : sessions) {
            s.connectionStarted();
        }
    }

    @Override
    public void stop() throws JMSException {
        checkOpen();
        fixClientId();
        if (JournalSession.isDeliveryThreadOf(this)) {
            throw new IllegalStateException("a MessageListener must not stop its own connection");
        }
        if (JournalSession.isCompletionThreadOf(this)) {
            throw new IllegalStateException("a CompletionListener must not stop its own connection");
        }
        synchronized (startLock) {
            started = false;
        }
        for (JournalSession s : sessions) {
            s.awaitListenerIdle();
        }
    }

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        if (JournalSession.isDeliveryThreadOf(this)) {
            throw new IllegalStateException("a MessageListener must not close its own connection");
        }
        if (JournalSession.isCompletionThreadOf(this)) {
            throw new IllegalStateException("a CompletionListener must not close its own connection");
        }
        synchronized (startLock) {
            started = false;
            startLock.notifyAll();
        }
        JMSException first = null;
        for (JournalSession s : sessions) {
            try {
                s.close();
            } catch (JMSException e) {
                first = first == null ? e : first;
            }
        }
        for (JournalDestination t : temporaries) {
            purgeQuietly(t);
        }
        temporaries.clear();
        closed = true;
        if (clientID != null) {
            try {
                journal.releaseClientName(clientID);
            } catch (JournalException e) {
                LOG.warn("JMQ2010 could not free client ID {}; maintenance frees it: {}", clientID, e.getMessage());
            }
        }
        JournalRegistry.release(journal);
        if (first != null) {
            throw first;
        }
    }

    private void purgeQuietly(JournalDestination d) {
        try {
            journal.purge(d.address());
        } catch (JournalException e) {
            LOG.warn("JMQ2003 could not remove temporary destination {}: {}", d, e.getMessage());
        }
    }

    TemporaryQueue createTemporaryQueue() throws JMSException {
        checkOpen();
        fixClientId();
        JournalTemporaryQueue q = new JournalTemporaryQueue("tmp-" + UUID.randomUUID(), this);
        temporaries.add(q);
        return q;
    }

    TemporaryTopic createTemporaryTopic() throws JMSException {
        checkOpen();
        fixClientId();
        JournalTemporaryTopic t = new JournalTemporaryTopic("tmp-" + UUID.randomUUID(), this);
        temporaries.add(t);
        return t;
    }

    /** True when this connection created the temporary destination and has not deleted it. */
    boolean ownsTemporary(JournalDestination d) {
        return temporaries.contains(d);
    }

    @Override
    public void deleteTemporary(JournalDestination destination) throws JMSException {
        checkOpen();
        for (JournalSession s : sessions) {
            if (s.hasConsumerOn(destination)) {
                throw new IllegalStateException("temporary destination " + destination
                        + " still has an open consumer");
            }
        }
        if (!temporaries.remove(destination)) {
            throw new jakarta.jms.InvalidDestinationException("temporary destination " + destination
                    + " was already deleted");
        }
        try {
            journal.purge(destination.address());
        } catch (JournalException e) {
            throw JmsExceptions.translate(e, "delete " + destination);
        }
    }

    private static JMSException noConnectionConsumers() {
        return new JMSException("connection consumers (application server facilities, spec 8.2) are not"
                + " supported by JournalMQ; use the resource adapter for message-driven beans");
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination destination, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        checkOpen();
        throw noConnectionConsumers();
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Queue queue, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        checkOpen();
        throw noConnectionConsumers();
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Topic topic, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        checkOpen();
        throw noConnectionConsumers();
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        checkOpen();
        throw noConnectionConsumers();
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        checkOpen();
        throw noConnectionConsumers();
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        checkOpen();
        throw noConnectionConsumers();
    }

    // ---------------------------------------------------------------- XA (branch xa)

    /** Opens the journal and makes a connection of a subclass (an XA connection) on it. */
    static <C extends JournalConnection> C open(JournalConfig config, String clientID,
            java.util.function.Function<Journal, C> make) throws JMSException {
        Journal journal;
        try {
            journal = JournalRegistry.acquire(config);
        } catch (JournalException e) {
            throw JmsExceptions.translate(e, "connect to "
                    + org.journalmq.persistence.jdbc.SqlErrors.safeUrl(config.jdbcUrl()));
        }
        C c = make.apply(journal);
        if (clientID != null) {
            try {
                c.setClientID(clientID);
            } catch (JMSException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    /** Registers a session made by a subclass, as {@link #newSession} does for its own. */
    <S extends JournalSession> S addSession(S session) throws JMSException {
        checkOpen();
        fixClientId();
        sessions.add(session);
        return session;
    }
}
