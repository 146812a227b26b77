package org.journalmq.ra;

import jakarta.jms.JMSException;
import jakarta.jms.Session;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resource a delivery session enlists in the message-driven bean's transaction: a one-phase
 * resource over the session's local transaction. A one-phase commit commits the session (the message
 * is acknowledged), a rollback rolls it back (the message is redelivered).
 *
 * <p>This build has no durable prepare: {@link #prepare} refuses with XAER_RMERR, so a transaction
 * that also involves another resource rolls back as a whole and the message is delivered again.
 * Nothing is ever lost, and since no branch is ever prepared, recovery has nothing to find.
 */
final class DeliveryXAResource implements XAResource {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryXAResource.class);

    private final Session session;
    private volatile boolean completed;

    DeliveryXAResource(Session session) {
        this.session = session;
    }

    void reset() {
        completed = false;
    }

    boolean completed() {
        return completed;
    }

    @Override
    public void start(Xid xid, int flags) {
    }

    @Override
    public void end(Xid xid, int flags) {
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        LOG.warn("JMQ7016 a message-driven bean transaction needs two-phase commit, which this JournalMQ"
                + " resource adapter does not offer yet; the transaction rolls back and the message is redelivered");
        XAException e = new XAException("JournalMQ delivery sessions commit one-phase only");
        e.errorCode = XAException.XAER_RMERR;
        throw e;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        if (!onePhase) {
            throw error(XAException.XAER_PROTO, "two-phase commit without a prepared branch", null);
        }
        try {
            session.commit();
            completed = true;
        } catch (JMSException e) {
            rollbackQuietly();
            throw error(XAException.XA_RBROLLBACK, "commit of the delivery failed and was rolled back", e);
        }
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        try {
            session.rollback();
            completed = true;
        } catch (JMSException e) {
            throw error(XAException.XAER_RMFAIL, "rollback of the delivery failed", e);
        }
    }

    private void rollbackQuietly() {
        try {
            session.rollback();
        } catch (JMSException e) {
            LOG.debug("rollback after a failed commit: {}", e.getMessage());
        }
        completed = true;
    }

    private static XAException error(int code, String text, Exception cause) {
        XAException e = new XAException(text + (cause == null ? "" : ": " + cause.getMessage()));
        e.errorCode = code;
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    @Override
    public void forget(Xid xid) {
    }

    @Override
    public Xid[] recover(int flag) {
        return new Xid[0];
    }

    @Override
    public boolean isSameRM(XAResource other) {
        return other == this;
    }

    @Override
    public int getTransactionTimeout() {
        return 0;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) {
        return false;
    }
}
