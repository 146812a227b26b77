package org.journalmq.jms.transaction;

import jakarta.jms.JMSContext;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.XAJMSContext;
import javax.transaction.xa.XAResource;
import org.journalmq.jms.client.JournalContext;
import org.journalmq.jms.client.JournalSession;

/**
 * The simplified API over an XA session (XAJMSContext javadoc): {@link #getTransacted()} is true,
 * {@link #commit()} and {@link #rollback()} throw {@link TransactionInProgressRuntimeException}, and
 * the transaction manager drives the work through {@link #getXAResource()}.
 */
public class JournalXAContext extends JournalContext implements XAJMSContext {

    /** Internal: for org.journalmq.jms. */
    public JournalXAContext(JournalXAConnection connection) {
        super(connection, JMSContext.SESSION_TRANSACTED);
    }

    @Override
    protected JournalSession openSession() {
        return run(() -> connection().addSession(new JournalXASession(connection())));
    }

    @Override
    public JMSContext getContext() {
        session(); // fails on a closed context
        return this;
    }

    @Override
    public XAResource getXAResource() {
        return ((JournalXASession) session()).getXAResource();
    }

    @Override
    public boolean getTransacted() {
        session();
        return true;
    }

    @Override
    public void commit() {
        session();
        throw new TransactionInProgressRuntimeException("commit is not allowed on an XAJMSContext: the transaction"
                + " manager commits through its XAResource");
    }

    @Override
    public void rollback() {
        session();
        throw new TransactionInProgressRuntimeException("rollback is not allowed on an XAJMSContext: the"
                + " transaction manager rolls back through its XAResource");
    }
}
