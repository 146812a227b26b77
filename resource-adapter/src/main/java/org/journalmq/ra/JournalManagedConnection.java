package org.journalmq.ra;

import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.LocalTransactionException;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import org.journalmq.jms.JmsExceptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pooled physical JournalMQ XA connection and at most one session in use at a time (Jakarta
 * Messaging 3.1 sec. 12.2: one session per connection in a container).
 *
 * <p>Transactions: with XA (the default, ra.xml XATransaction) the session handed out is the
 * connection's one {@link XASession}; the container enlists its XAResource, and the session's work
 * belongs to the JTA branch, or is auto-acknowledged outside a transaction (XASession javadoc). With a
 * pool configured for LocalTransaction, while the container's {@link LocalTransaction} is active the
 * session is a transacted session that its commit or rollback ends; a session handle closed inside
 * the transaction keeps its physical session until then.
 */
final class JournalManagedConnection implements ManagedConnection {

    private static final Logger LOG = LoggerFactory.getLogger(JournalManagedConnection.class);

    private final JournalManagedConnectionFactory factory;
    private final XAConnection physical;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<ConnectionHandle> handles = new CopyOnWriteArrayList<>();
    /** Who the physical connection signed on as; fixed for its life (no re-authentication). */
    private final JournalManagedConnectionFactory.Credentials credentials;
    private PrintWriter logWriter;

    /** Guarded by this. The XA session lives as long as this connection. */
    private XASession xaSession;
    private TrackedXAResource xaResource;
    /** Guarded by this. The session in use or kept for the local transaction. */
    private Session session;
    /** Open session handles: with connection sharing in a transaction, several handles share this connection. */
    private int openSessionHandles;
    private boolean inTransaction;
    private volatile boolean destroyed;
    /** The container is told once; it then destroys this connection. */
    private final java.util.concurrent.atomic.AtomicBoolean errorReported = new java.util.concurrent.atomic.AtomicBoolean();

    JournalManagedConnection(JournalManagedConnectionFactory factory, XAConnection physical,
            JournalManagedConnectionFactory.Credentials credentials) throws JMSException {
        this.factory = factory;
        this.physical = physical;
        this.credentials = credentials;
        // A failure the provider meets outside a call (e.g. the journal's database went away) makes
        // this connection unusable: the container then discards it instead of pooling it.
        physical.setExceptionListener(e -> connectionError(e));
    }

    JournalManagedConnectionFactory factory() {
        return factory;
    }

    JournalManagedConnectionFactory.Credentials credentials() {
        return credentials;
    }

    /** The database user this connection signed on as: the requested one, else the adapter's configured one. */
    String userName() {
        if (credentials.user() != null) {
            return credentials.user();
        }
        JournalResourceAdapter ra = factory.getResourceAdapter() instanceof JournalResourceAdapter a ? a : null;
        return ra == null ? null : ra.getUser();
    }

    /** For messages: the user, never a password. */
    private String describeUser() {
        String user = userName();
        return user == null ? "the database's default user" : "user " + user;
    }

    boolean isUsable() {
        return !destroyed && !errorReported.get();
    }

    XAConnection physical() {
        return physical;
    }

    /** True inside the container's local transaction or while the XA session works in a JTA branch. */
    synchronized boolean inTransaction() {
        return inTransaction || (xaResource != null && xaResource.inBranch());
    }

    // ---------------------------------------------------------------- handles and sessions

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        if (destroyed) {
            throw new jakarta.resource.spi.IllegalStateException("managed connection is destroyed");
        }
        // JCA 2.1 ch. 9: a handle for other credentials than the physical connection's would act as
        // a user it did not sign on as. Re-authentication is not supported, so that is refused; the
        // container's matchManagedConnections never offers such a connection.
        if (!credentials.equals(factory.credentialsFor(subject, info))) {
            throw new jakarta.resource.spi.SecurityException("getConnection: this pooled JournalMQ connection is"
                    + " signed on as " + describeUser() + ", not as the requested user; re-authentication is not"
                    + " supported");
        }
        ConnectionHandle h = new ConnectionHandle(this);
        handles.add(h);
        return h.proxy();
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        ConnectionHandle h = ConnectionHandle.of(connection);
        if (h == null) {
            throw new ResourceException("not a JournalMQ connection handle: " + connection);
        }
        if (!h.owner().credentials.equals(credentials)) {
            // the handle's work would move to another database user's connection
            throw new jakarta.resource.spi.SecurityException("associateConnection: the connection handle was opened"
                    + " as " + h.owner().describeUser() + ", this pooled JournalMQ connection is signed on as "
                    + describeUser());
        }
        h.owner().handles.remove(h);
        h.reassign(this);
        handles.add(h);
    }

    /**
     * The physical session for a handle's createSession (the handle enforces one session per
     * connection). The arguments are ignored (sec. 12.3): the session is transacted in a transaction
     * and acknowledges automatically outside one. Handles that the container lets share this
     * connection within one transaction share its session, and so its transaction.
     */
    synchronized Session openSession(int requestedMode) throws JMSException {
        if (inTransaction) {
            if (session == null) {
                session = physical.createSession(Session.SESSION_TRANSACTED);
            }
        } else {
            // In a JTA transaction the container has enlisted the XA session's resource already;
            // outside one the XA session acknowledges automatically (sec. 12.3: AUTO_ACKNOWLEDGE).
            session = xaSession();
        }
        openSessionHandles++;
        return session;
    }

    private synchronized XASession xaSession() throws JMSException {
        if (xaSession == null) {
            xaSession = physical.createXASession();
            xaResource = new TrackedXAResource(xaSession.getXAResource());
        }
        return xaSession;
    }

    /** The physical session of the open session handle (for a container JMSContext). */
    synchronized Session currentPhysicalSession() {
        return session;
    }

    /** A session handle closed: a local session ends now or with its transaction; the XA session stays. */
    synchronized void sessionHandleClosed() {
        openSessionHandles = Math.max(0, openSessionHandles - 1);
        if (openSessionHandles == 0 && !inTransaction) {
            closeSession();
        }
    }

    private void closeSession() {
        Session s = session;
        session = null;
        if (s != null && s != xaSession) {
            try {
                s.close();
            } catch (JMSException e) {
                LOG.warn("JMQ7005 closing a pooled JournalMQ session failed: {}", e.getMessage());
            }
        }
    }

    void handleClosed(ConnectionHandle h) {
        handles.remove(h);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(h.proxy());
        for (ConnectionEventListener l : listeners) {
            l.connectionClosed(event);
        }
    }

    /**
     * Called with every exception a handle's call to the provider threw: when it says the journal's
     * database is unavailable or failed, this connection is reported broken.
     */
    void checkFailure(Throwable t) {
        if (t instanceof JMSException e && (JmsExceptions.DATABASE_UNAVAILABLE.equals(e.getErrorCode())
                || JmsExceptions.JOURNAL_ERROR.equals(e.getErrorCode()))) {
            connectionError(e);
        }
    }

    /** Tells the container that this connection failed and must not be reused (JCA 2.1 sec. 6.5.6). */
    void connectionError(Exception e) {
        if (destroyed || !errorReported.compareAndSet(false, true)) {
            return;
        }
        LOG.warn("JMQ7006 pooled JournalMQ connection failed and is discarded: {}", e.getMessage());
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_ERROR_OCCURRED, e);
        for (ConnectionEventListener l : listeners) {
            l.connectionErrorOccurred(event);
        }
    }

    // ---------------------------------------------------------------- transactions

    @Override
    public LocalTransaction getLocalTransaction() {
        return new LocalTransaction() {
            @Override
            public void begin() throws ResourceException {
                synchronized (JournalManagedConnection.this) {
                    if (inTransaction) {
                        throw new LocalTransactionException("a local transaction is already active");
                    }
                    if (openSessionHandles > 0) {
                        // A non-transacted session opened before the transaction cannot join it.
                        throw new LocalTransactionException("a session of this connection is open outside the"
                                + " transaction; close it before the transaction begins");
                    }
                    closeSession();
                    inTransaction = true;
                }
            }

            @Override
            public void commit() throws ResourceException {
                end(true);
            }

            @Override
            public void rollback() throws ResourceException {
                end(false);
            }
        };
    }

    private synchronized void end(boolean commit) throws ResourceException {
        if (!inTransaction) {
            throw new LocalTransactionException("no local transaction is active");
        }
        Session s = session;
        try {
            if (s != null) {
                if (commit) {
                    s.commit();
                } else {
                    s.rollback();
                }
            }
        } catch (JMSException e) {
            connectionError(e);
            throw new LocalTransactionException("JournalMQ " + (commit ? "commit" : "rollback") + " failed: "
                    + e.getMessage(), e);
        } finally {
            inTransaction = false;
            if (openSessionHandles == 0) {
                closeSession();
            }
        }
    }

    /** The XA session's resource: JournalMQ is its own resource manager (prepare is durable in the journal). */
    @Override
    public XAResource getXAResource() throws ResourceException {
        try {
            xaSession();
            return xaResource;
        } catch (JMSException e) {
            connectionError(e);
            throw new ResourceException("cannot open the JournalMQ XA session: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public void cleanup() throws ResourceException {
        for (ConnectionHandle h : handles) {
            h.invalidate();
        }
        handles.clear();
        synchronized (this) {
            openSessionHandles = 0;
            if (!inTransaction) {
                closeSession();
            }
        }
        if (!destroyed) {
            // The next application gets the connection as a new one is: stopped until it calls start
            // (Connection javadoc; JMSContext autoStart), whatever the last one did.
            try {
                physical.stop();
            } catch (JMSException e) {
                throw new ResourceException("stopping the pooled JournalMQ connection failed: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void destroy() throws ResourceException {
        if (destroyed) {
            return;
        }
        destroyed = true;
        cleanup();
        try {
            physical.close();
        } catch (JMSException e) {
            throw new ResourceException("closing the JournalMQ connection failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ManagedConnectionMetaData() {
            @Override
            public String getEISProductName() {
                return "JournalMQ";
            }

            @Override
            public String getEISProductVersion() {
                // the provider's manifest version, as ConnectionMetaData reports it (no constant)
                return org.journalmq.jms.ProviderVersion.current().text();
            }

            @Override
            public int getMaxConnections() {
                return 0; // no limit of its own: the journal's JDBC pool is shared by all connections
            }

            @Override
            public String getUserName() {
                return userName();
            }
        };
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }
}
