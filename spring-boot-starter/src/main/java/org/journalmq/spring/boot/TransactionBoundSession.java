package org.journalmq.spring.boot;

import jakarta.jms.JMSException;
import jakarta.jms.Session;
import javax.sql.DataSource;
import org.journalmq.jms.JournalLocalSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jms.support.JmsUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The JournalMQ session of one Spring transaction, and the synchronization that ties its end to
 * the transaction's: {@link JournalLocalSession#flush()} in {@link #beforeCommit} writes the sends
 * and acknowledgements into the transaction's JDBC connection, so the database commits them with
 * the business rows or not at all; {@link JournalLocalSession#afterCompletion(boolean)} then tells
 * the session the outcome (after a rollback the consumed messages are redelivered, with
 * JMSRedelivered set), and the session is closed and the JDBC connection handed back.
 */
final class TransactionBoundSession implements TransactionSynchronization {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionBoundSession.class);

    private final Object key;
    private final JournalLocalSession session;
    private final Session proxy;
    private final java.sql.Connection jdbc;
    private final DataSource dataSource;

    TransactionBoundSession(Object key, JournalLocalSession session, java.sql.Connection jdbc, DataSource dataSource) {
        this.key = key;
        this.session = session;
        this.proxy = TransactionAwareJournalConnectionFactory.sessionProxy(session);
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    Session proxy() {
        return proxy;
    }

    /**
     * Before the JDBC connection's own synchronization (which may close it in afterCompletion when
     * no transaction manager holds it): the session must end while its connection is still there.
     */
    @Override
    public int getOrder() {
        return DataSourceUtils.CONNECTION_SYNCHRONIZATION_ORDER - 100;
    }

    /** A suspended transaction (REQUIRES_NEW) keeps its session; the inner one gets its own. */
    @Override
    public void suspend() {
        TransactionSynchronizationManager.unbindResource(key);
    }

    @Override
    public void resume() {
        TransactionSynchronizationManager.bindResource(key, this);
    }

    /**
     * Writes the session's work into the transaction. A failure here (a consumed message's lease
     * was lost, say) has rolled the JDBC connection back already; the exception makes Spring roll
     * the transaction back instead of committing what is left of it.
     */
    @Override
    public void beforeCommit(boolean readOnly) {
        try {
            session.flush();
        } catch (JMSException e) {
            throw JmsUtils.convertJmsAccessException(e);
        }
    }

    /**
     * An unknown outcome counts as rolled back: the consumed messages are given back, and for any
     * that the commit did delete, giving back a row that is gone changes nothing.
     */
    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(key);
        try {
            session.afterCompletion(status == STATUS_COMMITTED);
        } catch (JMSException | RuntimeException e) {
            LOG.warn("JMQ8001 ending the JournalMQ session of a Spring transaction failed: {}", e.toString());
        } finally {
            try {
                session.close();
            } catch (JMSException | RuntimeException e) {
                LOG.warn("JMQ8002 closing the JournalMQ session of a Spring transaction failed: {}", e.toString());
            }
            DataSourceUtils.releaseConnection(jdbc, dataSource);
        }
    }
}
