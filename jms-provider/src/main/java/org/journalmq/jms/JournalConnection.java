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
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.journalmq.jms.audit.Audit;
import org.journalmq.jms.client.CallbackRules;
import org.journalmq.jms.client.JournalMetaData;
import org.journalmq.jms.client.JournalQueueSession;
import org.journalmq.jms.client.JournalRegistry;
import org.journalmq.jms.client.JournalSession;
import org.journalmq.jms.client.JournalTopicSession;
import org.journalmq.jms.client.OpenSessions;
import org.journalmq.persistence.Journal;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.Journals;
import org.journalmq.persistence.LocalConnections;
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
    private final ConnectionTemporaries temporaries;
    private final Object startLock = new Object();

    private volatile String clientID;
    private volatile boolean clientIdFixed;
    private volatile boolean started;
    private volatile boolean closed;
    private volatile ExceptionListener exceptionListener;
    private volatile boolean pointToPointOnly;
    /** Issue 13: the ExceptionListener hears of each database outage once (README "When the database restarts"). */
    private final Journal.Registration outages;

    /** Protected for subclasses in org.journalmq.jms.transaction. */
    protected JournalConnection(Journal journal, JournalConnectionFactory.ProviderSettings settings) {
        this.journal = journal;
        this.temporaries = new ConnectionTemporaries(journal);
        this.settings = settings;
        this.outages = journal.onOutage(e -> onAsyncException(JmsExceptions.outage(e)));
    }

    /** Internal: for org.journalmq.jms.client, org.journalmq.jms.transaction. */
    public Journal journal() {
        return journal;
    }

    /** Internal: for org.journalmq.jms.client. */
    public JournalConnectionFactory.ProviderSettings settings() {
        return settings;
    }

    /** Internal: for org.journalmq.jms.client. */
    public String nextMessageId() {
        return idPrefix + idCounter.incrementAndGet();
    }

    /** Internal: for org.journalmq.jms.client. */
    public boolean isStarted() {
        return started;
    }

    /** Internal: for org.journalmq.jms.client, org.journalmq.jms.transaction. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Waits while the connection is stopped, at most {@code millis}; true when started.
     * <p>Internal: for org.journalmq.jms.client.
     */
    public boolean awaitStarted(long millis) throws InterruptedException {
        synchronized (startLock) {
            if (!started && !closed && millis > 0) {
                startLock.wait(millis);
            }
            return started && !closed;
        }
    }

    /** Internal: for org.journalmq.jms.client. */
    public void checkOpen() throws IllegalStateException {
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
        return track(new JournalSession(this, mode));
    }

    /** A publish/subscribe-only view (TopicSession javadoc: point-to-point methods throw IllegalStateException). */
    @Override
    public TopicSession createTopicSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return new JournalTopicSession(newSession(transacted, acknowledgeMode));
    }

    /**
     * The client ID subscriptions are keyed by; using it fixes it (spec 6.1.2).
     * <p>Internal: for org.journalmq.jms.client.
     */
    public String clientIdForSubscriptions() {
        fixClientId();
        return clientID;
    }

    /**
     * Marks subscriptions that must not receive this connection's publications (spec 6.11 noLocal).
     * <p>Internal: for org.journalmq.jms.client.
     */
    public String noLocalTag() {
        return "k:" + idPrefix;
    }

    /** Internal: for org.journalmq.jms.client. */
    public void sessionClosed(JournalSession s) {
        if (sessions.remove(s)) {
            OpenSessions.closed(journal); // ops figure
        }
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
        checkClientId(id);
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

    /** Maximum length of a client ID: with a subscription name it must fit the journal's 400-character address. */
    static final int MAX_CLIENT_ID_LENGTH = 200;

    /**
     * Connection.setClientID javadoc: an invalid ID gets InvalidClientIDException. Invalid: null,
     * empty, longer than {@value #MAX_CLIENT_ID_LENGTH}, or with a control character (PostgreSQL
     * text cannot hold NUL; the rule is the same on every journal).
     */
    static void checkClientId(String id) throws InvalidClientIDException {
        if (id == null || id.isEmpty()) {
            throw new InvalidClientIDException("client ID is " + (id == null ? "null" : "empty"));
        }
        if (id.length() > MAX_CLIENT_ID_LENGTH) {
            throw new InvalidClientIDException("client ID is longer than " + MAX_CLIENT_ID_LENGTH + " characters: "
                    + id.substring(0, 40) + "...");
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                throw new InvalidClientIDException("client ID has a control character at index " + i + ": '"
                        + id.replaceAll("\\p{Cntrl}", "?") + "'");
            }
        }
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

    /**
     * Reports a failure met outside any application call (delivery thread, maintenance).
     * <p>Internal: for org.journalmq.jms.client.
     */
    public void onAsyncException(JMSException e) {
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
        // From a CompletionListener this is allowed (JMS_SPEC-165): the wait below is for the
        // MessageListeners only, which never wait for the completion thread.
        CallbackRules.checkStop(this);
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
        CallbackRules.checkClose(this);
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
        temporaries.deleteAll();
        closed = true;
        outages.close();
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

    /** Internal: for org.journalmq.jms.client. */
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        checkOpen();
        fixClientId();
        return temporaries.register(new JournalTemporaryQueue("tmp-" + UUID.randomUUID(), this));
    }

    /** Internal: for org.journalmq.jms.client. */
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        checkOpen();
        fixClientId();
        return temporaries.register(new JournalTemporaryTopic("tmp-" + UUID.randomUUID(), this));
    }

    /**
     * Refuses a send to a temporary destination that no longer exists.
     * <p>Internal: for org.journalmq.jms.client.
     */
    public void checkSendable(JournalDestination d) throws JMSException {
        temporaries.checkSendable(d);
    }

    /**
     * True when this connection created the temporary destination and has not deleted it.
     * <p>Internal: for org.journalmq.jms.client.
     */
    public boolean ownsTemporary(JournalDestination d) {
        return temporaries.owns(d);
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
        temporaries.delete(destination);
    }

    // ------------------------------------------------------------------ application server facilities (optional)

    /**
     * Marks a connection made by QueueConnectionFactory.createQueueConnection. QueueConnection
     * javadoc: "The createDurableConnectionConsumer method inherits from Connection, but must throw
     * an IllegalStateException if used from QueueConnection".
     */
    JournalConnection pointToPointOnly() {
        pointToPointOnly = true;
        return this;
    }

    /**
     * Connection consumers and server session pools are optional application server facilities
     * (the javadoc of every createConnectionConsumer method: "optional operation"), which JournalMQ
     * does not provide. The arguments are checked first, so a bad destination or selector gets the
     * exception its javadoc names.
     */
    private JMSException noConnectionConsumers(String method, Destination destination, String messageSelector)
            throws JMSException {
        checkOpen();
        if (destination == null) {
            throw new jakarta.jms.InvalidDestinationException("destination is null");
        }
        JournalDestination.from(destination);
        org.journalmq.jms.selector.Selector.parse(messageSelector);
        return new JMSException(method + " is not supported: connection consumers and server session pools are"
                + " optional application server facilities (Jakarta Messaging 3.1, \"optional operation\"),"
                + " which JournalMQ does not provide; use MessageConsumer.setMessageListener in Java SE, or"
                + " message-driven beans through the JournalMQ resource adapter in Jakarta EE", "JMQ-UNSUPPORTED");
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination destination, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw noConnectionConsumers("createConnectionConsumer", destination, messageSelector);
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Queue queue, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw noConnectionConsumers("createConnectionConsumer", queue, messageSelector);
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Topic topic, String messageSelector,
            ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw noConnectionConsumers("createConnectionConsumer", topic, messageSelector);
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw noConnectionConsumers("createSharedConnectionConsumer", topic, messageSelector);
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        if (pointToPointOnly) {
            checkOpen();
            throw new IllegalStateException("createDurableConnectionConsumer must not be used from a QueueConnection"
                    + " (QueueConnection javadoc)");
        }
        throw noConnectionConsumers("createDurableConnectionConsumer", topic, messageSelector);
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic topic, String subscriptionName,
            String messageSelector, ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw noConnectionConsumers("createSharedDurableConnectionConsumer", topic, messageSelector);
    }

    // ---------------------------------------------------------------- XA

    /**
     * The one way a connection opens its journal, for plain and XA connections alike (issue 19: two
     * copies of this flow had drifted, and XA connections never registered the journal's MBeans):
     * share or open the journal, register its MBeans when {@code jmx} is set, make the connection
     * and give it the configured client ID, which the application cannot change afterwards.
     */
    static <C extends JournalConnection> C open(JournalConfig config, boolean jmx, String clientID,
            java.util.function.Function<Journal, C> make) throws JMSException {
        C c = make.apply(acquireJournal(config, jmx));
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

    /**
     * Shares or opens the journal of {@code config}, registering its MBeans when {@code jmx} is set;
     * pair with {@link JournalRegistry#release}. Connections and the factory's admin both open
     * journals here, so what one does (MBeans, error translation) the other does too.
     *
     * @throws JMSException naming the masked URL when the journal cannot be opened
     */
    static Journal acquireJournal(JournalConfig config, boolean jmx) throws JMSException {
        try {
            return JournalRegistry.acquire(config, jmx);
        } catch (JournalException e) {
            // audited here, not in JmsExceptions: only here is the configuration, so the user, known
            switch (e.kind()) {
                case AUTHENTICATION -> Audit.loginRefused(config);
                case TLS -> Audit.tlsRefused(config);
                default -> { }
            }
            throw JmsExceptions.translate(e, "connect to " + Journals.safeUrl(config.location()));
        }
    }

    /**
     * Registers a session made by a subclass, as {@link #newSession} does for its own.
     * <p>Internal: for org.journalmq.jms.transaction.
     */
    public <S extends JournalSession> S addSession(S session) throws JMSException {
        checkOpen();
        fixClientId();
        return track(session);
    }

    /**
     * Every session of this connection is tracked here, whatever its kind, and counted in the
     * journal's open-session figure that {@link #sessionClosed} decrements (issue 19: XA and local
     * sessions were not counted, so the figure of their journal's MBean fell below zero).
     */
    private <S extends JournalSession> S track(S session) {
        sessions.add(session);
        OpenSessions.opened(journal); // ops figure
        return session;
    }

    // ---------------------------------------------------------------- local transactions (issue 6 item 4)

    /**
     * A transacted session that runs in the application's own JDBC transaction: its sends and
     * acknowledgements are written into {@code jdbc} and commit or roll back with the business
     * rows written on it. The connection must reach the journal's database (and tables), be open
     * and have auto-commit off; the application keeps owning it (closing the session does not close
     * it). See {@link JournalLocalSession}.
     *
     * @throws JMSException (error code JMQ-INVALID) naming what is wrong with the connection
     */
    public JournalLocalSession createSession(java.sql.Connection jdbc) throws JMSException {
        checkOpen();
        fixClientId();
        checkLocalConnection(jdbc);
        return addLocalSession(new JournalLocalSession(this, jdbc, false));
    }

    /**
     * Like {@link #createSession(java.sql.Connection)} with a connection taken from the
     * application's DataSource for the session's lifetime (auto-commit turned off), closed with the
     * session. The business work goes on {@link JournalLocalSession#getJdbcConnection()}.
     */
    public JournalLocalSession createSession(javax.sql.DataSource dataSource) throws JMSException {
        checkOpen();
        fixClientId();
        if (dataSource == null) {
            throw new JMSException("the application's DataSource is null", "JMQ-INVALID");
        }
        // The JDBC calls are the persistence SPI's (LocalConnections): their failures come back as
        // JournalException kinds for the one translation point, JmsExceptions.
        java.sql.Connection jdbc;
        try {
            jdbc = LocalConnections.open(dataSource);
        } catch (JournalException e) {
            throw JmsExceptions.translate(e, "get a connection from the application's DataSource");
        }
        try {
            LocalConnections.turnOffAutoCommit(jdbc);
        } catch (JournalException e) {
            LocalConnections.closeQuietly(jdbc);
            throw JmsExceptions.translate(e, "turn off auto-commit");
        }
        try {
            checkLocalConnection(jdbc);
        } catch (JMSException e) {
            LocalConnections.closeQuietly(jdbc);
            throw e;
        }
        return addLocalSession(new JournalLocalSession(this, jdbc, true));
    }

    private void checkLocalConnection(java.sql.Connection jdbc) throws JMSException {
        try {
            journal.checkLocalConnection(jdbc);
        } catch (JournalException e) {
            throw JmsExceptions.translate(e, "create a session in the application's JDBC transaction");
        }
    }

    private JournalLocalSession addLocalSession(JournalLocalSession s) {
        return track(s);
    }
}
