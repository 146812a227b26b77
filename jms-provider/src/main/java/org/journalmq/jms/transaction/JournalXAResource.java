package org.journalmq.jms.transaction;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.PreparedBranch;
import org.journalmq.persistence.XaId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The XAResource of an {@link JournalXASession} (XASession javadoc): JournalMQ is its own resource
 * manager (DESIGN.md). The session's sends and consumed messages of a branch are gathered in
 * memory between {@code start} and {@code end}; {@code prepare} writes them to the journal in the
 * prepared state with the Xid; {@code commit} and {@code rollback} finish them, through any
 * resource on the same journal and in any JVM, also after a restart; {@code recover} lists the
 * branches the journal holds. One-phase commit writes the work in one journal transaction
 * without preparing it.
 *
 * <p>The transaction timeout ({@link #setTransactionTimeout}) applies to branches started through
 * this resource afterwards; 0, the default, means none. A branch whose timeout expires before
 * prepare is rolled back at once and later calls on it fail with {@code XA_RBTIMEOUT}.
 */
public final class JournalXAResource implements XAResource {
    private static final Logger LOG = LoggerFactory.getLogger(JournalXAResource.class);

    private final JournalXASession session;
    private final XaResourceManager manager;
    private volatile int timeoutSeconds;
    private boolean scanOpen;

    JournalXAResource(JournalXASession session, XaResourceManager manager) {
        this.session = session;
        this.manager = manager;
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        XaId id = JournalXid.toXaId(xid);
        checkSession();
        manager.start(session, id, flags, timeoutSeconds);
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        manager.end(session, JournalXid.toXaId(xid), flags);
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        return manager.prepare(JournalXid.toXaId(xid));
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        manager.commit(session.journal(), JournalXid.toXaId(xid), onePhase);
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        manager.rollback(session.journal(), JournalXid.toXaId(xid));
    }

    @Override
    public void forget(Xid xid) throws XAException {
        manager.forgetHeuristic(session.journal(), JournalXid.toXaId(xid));
    }

    /**
     * The branches the journal holds prepared or heuristically completed, from every JVM. The whole
     * list comes with TMSTARTRSCAN; a later call of the same scan (TMNOFLAGS or TMENDRSCAN) returns
     * nothing more.
     */
    @Override
    public Xid[] recover(int flag) throws XAException {
        if ((flag & ~(TMSTARTRSCAN | TMENDRSCAN)) != 0) {
            throw XaErrors.error(XAException.XAER_INVAL, "recover accepts TMSTARTRSCAN, TMENDRSCAN or TMNOFLAGS,"
                    + " not flags " + flag);
        }
        synchronized (this) {
            boolean start = (flag & TMSTARTRSCAN) != 0;
            boolean end = (flag & TMENDRSCAN) != 0;
            if (!start && !scanOpen && !end) {
                throw XaErrors.error(XAException.XAER_PROTO, "recover(TMNOFLAGS) continues a scan; start one with"
                        + " TMSTARTRSCAN");
            }
            scanOpen = start && !end;
            if (!start) {
                return new Xid[0];
            }
        }
        try {
            var branches = session.journal().preparedBranches();
            Xid[] xids = new Xid[branches.size()];
            for (int i = 0; i < xids.length; i++) {
                PreparedBranch b = branches.get(i);
                xids[i] = new JournalXid(b.xid());
            }
            if (xids.length > 0) {
                LOG.info("JMQ3007 XA recovery found {} in-doubt branch(es) in the journal", xids.length);
            }
            return xids;
        } catch (JournalException e) {
            throw XaErrors.journalFailure("recover", e);
        }
    }

    /** True for a resource of the same journal: the same database, table prefix and user in this JVM. */
    @Override
    public boolean isSameRM(XAResource other) {
        return other instanceof JournalXAResource o && o.manager == manager;
    }

    @Override
    public int getTransactionTimeout() {
        return timeoutSeconds;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) throws XAException {
        if (seconds < 0) {
            throw XaErrors.error(XAException.XAER_INVAL, "transaction timeout must be 0 or more seconds, was " + seconds);
        }
        timeoutSeconds = seconds;
        return true;
    }

    private void checkSession() throws XAException {
        if (session.isClosed() || session.connection().isClosed()) {
            throw XaErrors.error(XAException.XAER_RMFAIL, "the XA session is closed");
        }
    }

    @Override
    public String toString() {
        return "JournalXAResource[" + session.journal().clientId() + "]";
    }
}
