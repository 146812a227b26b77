package org.journalmq.jms.transaction;

import jakarta.jms.Connection;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TransactionInProgressRuntimeException;
import org.journalmq.jms.JournalConnection;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.client.JournalContext;
import org.journalmq.jms.client.JournalSession;

/**
 * A {@link JMSContext} for a Jakarta EE web or EJB container (Jakarta Messaging 3.1 sec. 12.2 and
 * the JMSContext javadoc): its connection and its one session belong to a pooled connection of the
 * resource adapter, so {@link #close()} hands them back instead of closing them, and the methods the
 * specification forbids in a container throw {@link IllegalStateRuntimeException}. Inside a JTA
 * transaction the session is the container's transacted session, and commit and rollback are the
 * transaction manager's (TransactionInProgressRuntimeException).
 */
public final class ContainerContext extends JournalContext {

    private final JournalSession physicalSession;
    private final boolean inTransaction;
    private final Runnable onClose;

    private ContainerContext(JournalConnection connection, JournalSession session, boolean inTransaction,
                             int requestedMode, Runnable onClose) throws JMSException {
        // Sec. 12.3: transacted in a transaction; outside one an XA session acknowledges automatically,
        // reported as DUPS_OK_ACKNOWLEDGE when the application asked for it (createContext(int)
        // javadoc: AUTO or DUPS_OK outside a transaction; one acknowledgement per delivery never
        // delivers a duplicate, so it serves both).
        super(connection, inTransaction ? SESSION_TRANSACTED
                : session instanceof JournalXASession ? outsideTransactionMode(requestedMode)
                : session.getAcknowledgeMode());
        this.physicalSession = session;
        this.inTransaction = inTransaction;
        this.onClose = onClose;
    }

    /**
     * A context over a connection and session made by a JournalMQ connection factory.
     *
     * @param connection    a connection from {@link JournalConnectionFactory}
     * @param session       a session of that connection, transacted when {@code inTransaction}
     * @param inTransaction true while the session takes part in a container transaction
     * @param onClose       run once by {@link #close()} instead of closing connection and session
     * @throws JMSException when they are not JournalMQ objects or the session is closed
     */
    public static JMSContext create(Connection connection, Session session, boolean inTransaction,
                                    Runnable onClose) throws JMSException {
        return create(connection, session, inTransaction, AUTO_ACKNOWLEDGE, onClose);
    }

    /**
     * As {@link #create(Connection, Session, boolean, Runnable)}, remembering the session mode the
     * application passed to createContext: outside a transaction DUPS_OK_ACKNOWLEDGE is kept, any
     * other mode gives AUTO_ACKNOWLEDGE (sec. 12.3).
     */
    public static JMSContext create(Connection connection, Session session, boolean inTransaction,
                                    int requestedMode, Runnable onClose) throws JMSException {
        if (!(connection instanceof JournalConnection jc) || !(session instanceof JournalSession js)) {
            throw new JMSException("a container context needs a JournalMQ connection and session");
        }
        return new ContainerContext(jc, js, inTransaction, requestedMode, onClose);
    }

    /** The acknowledge mode of a container context used outside a transaction (sec. 12.3). */
    public static int outsideTransactionMode(int requested) {
        return requested == DUPS_OK_ACKNOWLEDGE ? DUPS_OK_ACKNOWLEDGE : AUTO_ACKNOWLEDGE;
    }

    @Override
    protected boolean inContainer() {
        return true;
    }

    @Override
    protected synchronized JournalSession session() {
        checkOpen();
        return physicalSession;
    }

    @Override
    protected void release(JournalSession s) {
        onClose.run();
    }

    private static IllegalStateRuntimeException forbidden(String method) {
        return new IllegalStateRuntimeException("JMSContext." + method + " must not be called in a Jakarta EE"
                + " web or EJB container (Jakarta Messaging 3.1 section 12.2)");
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        throw forbidden("createContext");
    }

    @Override
    public void setClientID(String clientID) {
        throw forbidden("setClientID");
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) {
        throw forbidden("setExceptionListener");
    }

    @Override
    public void stop() {
        throw forbidden("stop");
    }

    @Override
    public boolean getTransacted() {
        checkOpen();
        return inTransaction || !(physicalSession instanceof JournalXASession) && super.getTransacted();
    }

    private void checkLocalTransaction(String method) {
        if (!getTransacted()) {
            throw new IllegalStateRuntimeException("JMSContext." + method + " called on a non-transacted context"
                    + " (outside a transaction a container context acknowledges automatically, section 12.3)");
        }
    }

    @Override
    public void commit() {
        checkLocalTransaction("commit");
        if (inTransaction) {
            throw new TransactionInProgressRuntimeException("JMSContext.commit is not allowed in a JTA transaction;"
                    + " the transaction manager commits (Jakarta Messaging 3.1 section 12.3)");
        }
        super.commit();
    }

    @Override
    public void rollback() {
        checkLocalTransaction("rollback");
        if (inTransaction) {
            throw new TransactionInProgressRuntimeException("JMSContext.rollback is not allowed in a JTA"
                    + " transaction; the transaction manager rolls back (Jakarta Messaging 3.1 section 12.3)");
        }
        super.rollback();
    }
}
