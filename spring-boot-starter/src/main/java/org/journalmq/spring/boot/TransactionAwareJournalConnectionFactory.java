package org.journalmq.spring.boot;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TransactionInProgressException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import javax.sql.DataSource;
import org.journalmq.jms.JournalConnection;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.JournalLocalSession;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The {@link ConnectionFactory} that JmsTemplate and {@code @JmsListener} containers use: a
 * {@link JournalConnectionFactory} whose sessions join Spring's local database transactions.
 *
 * <p>While a Spring transaction holds a JDBC connection of the journal's own DataSource (a
 * {@code DataSourceTransactionManager} or {@code JpaTransactionManager} transaction), every
 * {@code createSession} of a connection made here returns the one session of that transaction: a
 * {@link JournalLocalSession} on the transaction's JDBC connection
 * ({@link DataSourceUtils#getConnection}), so the messages sent and acknowledged commit or roll back
 * with the business rows. {@link TransactionBoundSession} writes them into the connection before
 * the commit ({@code flush()}) and ends the session after it ({@code afterCompletion}).
 * Spring's own JMS synchronization (ConnectionFactoryUtils) sees a session like any other and
 * commits or closes it; those calls are no-ops on the bound session, whose end belongs to the
 * database transaction.
 *
 * <p>Outside such a transaction, and always when the journal runs on a URL rather than on the
 * application's DataSource, connections and sessions are the provider's own, unchanged.
 * {@code createContext} is never bound: JMSContext has no session to hand over (use
 * {@link JournalConnectionFactory#createContext(java.sql.Connection)} directly).
 */
public final class TransactionAwareJournalConnectionFactory implements ConnectionFactory, DisposableBean {

    private final JournalConnectionFactory target;
    /** The DataSource of the journal: the key of Spring's transactional JDBC connection; null = never bound. */
    private final DataSource dataSource;
    /**
     * The key of the bound session among the transaction's resources: not this factory, under which
     * Spring's ConnectionFactoryUtils binds its own JmsResourceHolder.
     */
    private final Object sessionKey = new Object();
    /** Sessions bound to transactions are made on this one connection, opened at first need. */
    private JournalConnection shared;
    private boolean destroyed;

    public TransactionAwareJournalConnectionFactory(JournalConnectionFactory target) {
        this.target = target;
        this.dataSource = target.getDataSource();
    }

    /** The provider's factory behind this one. */
    public JournalConnectionFactory getTargetConnectionFactory() {
        return target;
    }

    /** True when sessions made inside a Spring transaction on the journal's DataSource join it. */
    public boolean isTransactionAware() {
        return dataSource != null;
    }

    @Override
    public Connection createConnection() throws JMSException {
        return wrap(target.createConnection());
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return wrap(target.createConnection(userName, password));
    }

    @Override
    public JMSContext createContext() {
        return target.createContext();
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return target.createContext(userName, password);
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        return target.createContext(userName, password, sessionMode);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return target.createContext(sessionMode);
    }

    /** Closes the connection of the transaction-bound sessions (the container stopped its listeners first). */
    @Override
    public void destroy() throws JMSException {
        JournalConnection c;
        synchronized (this) {
            destroyed = true;
            c = shared;
            shared = null;
        }
        if (c != null) {
            c.close();
        }
    }

    @Override
    public String toString() {
        return "TransactionAwareJournalConnectionFactory[" + target + "]";
    }

    private Connection wrap(Connection connection) {
        if (dataSource == null) {
            return connection;
        }
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                new ConnectionHandler(connection));
    }

    /**
     * The session of the current Spring transaction on the journal's DataSource, made and bound at
     * the first call in it; null when there is no such transaction.
     */
    Session transactionSession() throws JMSException {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()
                || !(TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder)) {
            // No transaction, or one that has no JDBC connection of this DataSource (JTA, another
            // DataSource, SUPPORTS without a transaction): nothing to join, the session is plain.
            return null;
        }
        TransactionBoundSession bound =
                (TransactionBoundSession) TransactionSynchronizationManager.getResource(sessionKey);
        if (bound != null) {
            return bound.proxy();
        }
        java.sql.Connection jdbc = DataSourceUtils.getConnection(dataSource);
        JournalLocalSession session;
        try {
            session = sharedConnection().createSession(jdbc);
        } catch (JMSException | RuntimeException e) {
            DataSourceUtils.releaseConnection(jdbc, dataSource);
            throw e;
        }
        bound = new TransactionBoundSession(sessionKey, session, jdbc, dataSource);
        TransactionSynchronizationManager.registerSynchronization(bound);
        TransactionSynchronizationManager.bindResource(sessionKey, bound);
        return bound.proxy();
    }

    private synchronized JournalConnection sharedConnection() throws JMSException {
        if (destroyed) {
            throw new jakarta.jms.IllegalStateException("the JournalMQ connection factory has been shut down");
        }
        if (shared == null) {
            JournalConnection c = (JournalConnection) target.createConnection();
            try {
                c.start(); // a listener container receives on the bound session
            } catch (JMSException e) {
                c.close();
                throw e;
            }
            shared = c;
        }
        return shared;
    }

    /** Invokes a method on the real object, unwrapping the reflection exception. */
    static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A provider connection whose createSession methods return the transaction's session when there is one. */
    private final class ConnectionHandler implements InvocationHandler {
        private final Connection connection;

        ConnectionHandler(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "TransactionAware[" + connection + "]";
                case "createSession":
                    Session bound = transactionSession();
                    if (bound != null) {
                        return bound;
                    }
                    break;
                default:
                    break;
            }
            return TransactionAwareJournalConnectionFactory.invoke(connection, method, args);
        }
    }

    /** The bound session as callers see it: its transaction is ended by Spring's, not by them. */
    static Session sessionProxy(JournalLocalSession session) {
        return (Session) Proxy.newProxyInstance(TransactionAwareJournalConnectionFactory.class.getClassLoader(),
                new Class<?>[] {Session.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "equals":
                            return proxy == args[0];
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "toString":
                            return "TransactionBound[" + session + "]";
                        case "close":
                        case "commit":
                            // Spring's JMS synchronization closes (and, for a transacted JmsTemplate,
                            // commits) the sessions it handed out; the database commit already did or
                            // will do the work, and TransactionBoundSession closes the session after it.
                            return null;
                        case "rollback":
                            throw new TransactionInProgressException("this JournalMQ session belongs to a Spring"
                                    + " transaction: mark that transaction rollback-only or throw from it instead");
                        default:
                            return invoke(session, method, args);
                    }
                });
    }
}
