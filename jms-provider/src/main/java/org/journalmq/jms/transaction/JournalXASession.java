package org.journalmq.jms.transaction;

import jakarta.jms.JMSException;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TopicSession;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.XAQueueSession;
import jakarta.jms.XASession;
import jakarta.jms.XATopicSession;
import javax.transaction.xa.XAResource;
import org.journalmq.jms.JournalConnection;
import org.journalmq.jms.client.CallbackRules;
import org.journalmq.jms.client.JournalQueueSession;
import org.journalmq.jms.client.JournalSession;
import org.journalmq.jms.client.JournalTopicSession;

/**
 * A session whose transactions a transaction manager controls through its {@link XAResource}
 * (XASession javadoc). {@link #getTransacted()} is always true and {@link #commit()} and
 * {@link #rollback()} throw {@link TransactionInProgressException}.
 *
 * <p>While the session is associated with a transaction branch (between {@code start} and
 * {@code end}) its sends and consumed messages belong to the branch. Outside a global transaction
 * it behaves like an AUTO_ACKNOWLEDGE session: a send is written at once and a received message
 * acknowledged on delivery, which is what a Jakarta EE container gives a session used without a
 * JTA transaction (Jakarta Messaging 3.1, 12.3).
 */
public class JournalXASession extends JournalSession implements XASession, XAQueueSession, XATopicSession {

    private final JournalXAResource resource;
    private final XaResourceManager manager;
    /** The branch the session is associated with, or null; written under the manager's lock. */
    volatile XaBranch branch;

    JournalXASession(JournalConnection connection) {
        super(connection, Session.AUTO_ACKNOWLEDGE);
        this.manager = XaResourceManager.of(journal());
        this.resource = new JournalXAResource(this, manager);
    }

    @Override
    protected int mode() {
        return branch != null ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE;
    }

    @Override
    public XAResource getXAResource() {
        return resource;
    }

    @Override
    public Session getSession() throws JMSException {
        checkOpen();
        return this;
    }

    /** The point-to-point view of this session: its work belongs to the same branch. */
    @Override
    public QueueSession getQueueSession() throws JMSException {
        checkOpen();
        return new JournalQueueSession(this);
    }

    /** The publish/subscribe view (TopicSession javadoc: point-to-point methods throw IllegalStateException). */
    @Override
    public TopicSession getTopicSession() throws JMSException {
        checkOpen();
        return new JournalTopicSession(this);
    }

    /** XASession javadoc: always true. */
    @Override
    public boolean getTransacted() throws JMSException {
        checkOpen();
        return true;
    }

    /** Session.getAcknowledgeMode javadoc: a transacted session returns SESSION_TRANSACTED. */
    @Override
    public int getAcknowledgeMode() throws JMSException {
        checkOpen();
        return Session.SESSION_TRANSACTED;
    }

    /** XASession javadoc: commit belongs to the transaction manager. */
    @Override
    public void commit() throws JMSException {
        checkOpen();
        throw new TransactionInProgressException("commit is not allowed on an XASession: the transaction manager"
                + " commits through its XAResource");
    }

    /** XASession javadoc: rollback belongs to the transaction manager. */
    @Override
    public void rollback() throws JMSException {
        checkOpen();
        throw new TransactionInProgressException("rollback is not allowed on an XASession: the transaction manager"
                + " rolls back through its XAResource");
    }

    /** Inside a branch, as in any transacted session, recover is refused; outside it works as AUTO_ACKNOWLEDGE. */
    @Override
    public void recover() throws JMSException {
        checkOpen();
        if (branch != null) {
            throw new jakarta.jms.IllegalStateException("recover is not allowed while the session is part of a"
                    + " distributed transaction");
        }
        super.recover();
    }

    @Override
    public void close() throws JMSException {
        if (!isClosed()) {
            CallbackRules.checkClose(this); // before the branch is marked rollback-only
            manager.sessionClosing(this);
        }
        super.close();
    }
}
