package org.journalmq.jms;

import jakarta.jms.JMSException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.journalmq.jms.client.Acknowledgements;
import org.journalmq.jms.client.CallbackRules;
import org.journalmq.jms.client.Delivered;
import org.journalmq.jms.client.JournalSession;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.LocalConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transacted session whose transaction is the application's own JDBC transaction on the
 * journal's database (issue 6, item 4): business rows, sends and acknowledgements commit or roll
 * back together, with no two-phase commit and no outbox table. Made by
 * {@link JournalConnection#createSession(Connection)} or
 * {@link JournalConnection#createSession(javax.sql.DataSource)}.
 *
 * <p>Two ways to end a transaction:
 * <ul>
 *   <li>{@link #commit()} and {@link #rollback()} (spec 6.2.7): commit writes the session's sends
 *       and acknowledgements into the JDBC connection and commits it; rollback rolls the connection
 *       back and gives the consumed messages back for redelivery.</li>
 *   <li>When something else commits the connection (a framework's transaction manager):
 *       {@link #flush()} before its commit, {@link #afterCompletion(boolean)} after it, with the
 *       outcome. Until then, the consumed messages stay claimed by this session.</li>
 * </ul>
 * Receiving claims messages on the journal's own connections, committed at once, as in every
 * session: a claim is a lease, not part of the application's transaction.
 */
public final class JournalLocalSession extends JournalSession {
    private static final Logger LOG = LoggerFactory.getLogger(JournalLocalSession.class);

    private final Connection jdbc;
    private final boolean ownsJdbc;
    /** Consumed messages whose acks are written into {@link #jdbc}, waiting for its outcome. */
    private final List<Delivered> flushed = new ArrayList<>();
    /** Addresses written into {@link #jdbc}, to wake this JVM's consumers after the commit. */
    private final Set<String> flushedAddresses = new LinkedHashSet<>();

    JournalLocalSession(JournalConnection connection, Connection jdbc, boolean ownsJdbc) {
        super(connection, SESSION_TRANSACTED);
        this.jdbc = jdbc;
        this.ownsJdbc = ownsJdbc;
    }

    /**
     * The JDBC connection this session's transaction runs in: the application's own, or the one
     * taken from the DataSource for this session's lifetime. Do the business work on it; do not
     * close it while the session is open.
     */
    public Connection getJdbcConnection() throws JMSException {
        checkOpen();
        return jdbc;
    }

    /**
     * Commits the session's messages and the JDBC connection's work in one database transaction.
     *
     * @throws jakarta.jms.TransactionRolledBackException when it could not commit and rolled back
     *         everything instead (the consumed messages are redelivered)
     * @throws JMSException when the database failed during the commit itself, so that the outcome
     *         is unknown (as for any JDBC commit)
     */
    @Override
    public void commit() throws JMSException {
        checkOpen();
        CallbackRules.checkTransactionEnd(this, "commit");
        flushOrRollBack("commit");
        Set<String> wake;
        synchronized (this) {
            wake = new LinkedHashSet<>(flushedAddresses);
        }
        try {
            journal().commitLocal(jdbc);
        } catch (JournalException e) {
            if (e.kind() == JournalException.Kind.UNAVAILABLE) {
                // The commit may have reached the database: releasing is still right, since a
                // release of a row that is gone changes nothing.
                completed(false);
                throw JmsExceptions.translate(e, "commit (outcome unknown: the connection failed during"
                        + " the JDBC commit)");
            }
            rollbackQuietly();
            completed(false);
            throw JmsExceptions.rolledBack(e, "commit");
        }
        completed(true);
        journal().afterLocalCommit(wake);
    }

    /** Rolls back the JDBC connection and the session's messages; consumed messages are redelivered. */
    @Override
    public void rollback() throws JMSException {
        checkOpen();
        CallbackRules.checkTransactionEnd(this, "rollback");
        JournalException failure = null;
        try {
            journal().rollbackLocal(jdbc);
        } catch (JournalException e) {
            failure = e;
        }
        // After the JDBC rollback: until then its deletes hold the rows' locks, and a release
        // would wait for them.
        completed(false);
        if (failure != null) {
            throw JmsExceptions.translate(failure, "rollback of the JDBC connection");
        }
    }

    /**
     * Writes the session's sends and acknowledgements so far into the JDBC connection, without
     * committing: for an application whose transaction is committed by someone else. Call
     * {@link #afterCompletion(boolean)} once the connection committed or rolled back. Keep the time
     * from here to that commit short: the acknowledged rows stay locked by the transaction.
     *
     * @throws jakarta.jms.TransactionRolledBackException when the work could not be written; the JDBC
     *         connection was rolled back, so the application's transaction must not go on
     */
    public void flush() throws JMSException {
        checkOpen();
        CallbackRules.checkTransactionEnd(this, "flush");
        flushOrRollBack("flush");
    }

    /**
     * Tells the session how the JDBC transaction ended when the application (or its framework)
     * committed or rolled back the connection itself, after {@link #flush()}: after a commit the
     * session forgets the consumed messages; after a rollback it gives them back for redelivery and
     * drops the sends not yet flushed. (Spring: call it from a TransactionSynchronization's
     * afterCompletion, and {@link #flush()} from its beforeCommit.)
     */
    public void afterCompletion(boolean committed) throws JMSException {
        checkOpen();
        Set<String> wake;
        synchronized (this) {
            wake = new LinkedHashSet<>(flushedAddresses);
        }
        completed(committed);
        if (committed) {
            journal().afterLocalCommit(wake);
        }
    }

    @Override
    public void close() throws JMSException {
        if (isClosed()) {
            return;
        }
        // Before the rollback below: a refused close must leave the transaction as it was.
        CallbackRules.checkClose(this);
        boolean pending;
        synchronized (this) {
            pending = !flushed.isEmpty() || !flushedAddresses.isEmpty();
        }
        if (pending || ownsJdbc) {
            // Spec 6.2.7: closing a transacted session rolls back its transaction in progress; the
            // journal rows in the connection are part of it. A connection the application owns and
            // that holds no journal work is left alone.
            rollbackQuietly();
        }
        List<Delivered> consumed;
        synchronized (this) {
            consumed = new ArrayList<>(flushed);
            flushed.clear();
            flushedAddresses.clear();
        }
        try {
            super.close(); // releases the consumed messages not flushed
        } finally {
            acks().release(consumed, true);
            if (ownsJdbc) {
                try {
                    LocalConnections.close(jdbc);
                } catch (JournalException e) {
                    LOG.warn("JMQ3022 could not close the JDBC connection of a local-transaction session: {}",
                            e.getMessage());
                }
            }
        }
    }

    /** Applies the pending work to the connection; on failure rolls everything back and throws. */
    private void flushOrRollBack(String what) throws JMSException {
        Acknowledgements.TransactionWork taken = acks().takeTransactionWork();
        synchronized (this) {
            flushed.addAll(taken.delivered());
        }
        if (taken.isEmpty()) {
            return;
        }
        Set<String> addresses;
        try {
            addresses = journal().applyLocal(jdbc, taken.unit());
        } catch (JournalException e) {
            // Part of the unit may be in the connection: the whole transaction has to go.
            rollbackQuietly();
            completed(false);
            throw JmsExceptions.rolledBack(e, what);
        }
        synchronized (this) {
            flushedAddresses.addAll(addresses);
        }
    }

    /** Ends the session's part of the transaction: forget (committed) or give back (rolled back). */
    private void completed(boolean committed) {
        List<Delivered> consumed;
        synchronized (this) {
            consumed = new ArrayList<>(flushed);
            flushed.clear();
            flushedAddresses.clear();
        }
        if (!committed) {
            acks().rollbackWith(consumed);
        }
    }

    private void rollbackQuietly() {
        try {
            journal().rollbackLocal(jdbc);
        } catch (JournalException e) {
            LOG.warn("JMQ3020 rollback of the application's JDBC connection failed; the database ends the"
                    + " transaction when the connection closes: {}", e.getMessage());
        }
    }
}
