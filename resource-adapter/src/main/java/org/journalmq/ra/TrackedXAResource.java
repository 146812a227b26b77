package org.journalmq.ra;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The managed connection's XAResource as given to the container: the provider's own resource, plus
 * the knowledge whether the connection's session currently works in a JTA branch (between start and
 * end), so that the session handle can answer getTransacted and refuse commit the way Jakarta
 * Messaging 3.1 sec. 12.3 asks: transacted inside a transaction, non-transacted outside one.
 *
 * <p>It also names the recovery path it was handed out on (outbound: a managed connection's
 * getXAResource(); inbound: the adapter's getXAResources(ActivationSpec[])), and logs which path
 * found in-doubt branches (JMQ7040) and which finished them (JMQ7041): with the journal shared by
 * both paths, the server log is the only place where an operator, or a test, can see which of the
 * container's recovery mechanisms resolved a branch after a crash.
 */
final class TrackedXAResource implements XAResource {

    private static final Logger LOG = LoggerFactory.getLogger(TrackedXAResource.class);

    /** The recovery path of a managed connection's resource (JCA 2.1 sec. 7.6, ManagedConnection.getXAResource). */
    static final String OUTBOUND = "outbound ManagedConnection.getXAResource()";
    /** The recovery path of the adapter's resource (JCA 2.1 sec. 13.4.4, getXAResources(ActivationSpec[])). */
    static final String INBOUND = "inbound ResourceAdapter.getXAResources(ActivationSpec[])";

    private final XAResource delegate;
    private final String path;
    private final AtomicInteger associated = new AtomicInteger();
    /** Branches this resource's recover() listed and that are not finished yet (few: only after a crash). */
    private final Set<String> recovered = ConcurrentHashMap.newKeySet();

    TrackedXAResource(XAResource delegate) {
        this(delegate, OUTBOUND);
    }

    TrackedXAResource(XAResource delegate, String path) {
        this.delegate = delegate;
        this.path = path;
    }

    /** A branch as the log shows it: format id and the hex of both ids, the way transaction managers log Xids. */
    private static String key(Xid xid) {
        StringBuilder b = new StringBuilder().append(xid.getFormatId()).append(':');
        for (byte x : xid.getGlobalTransactionId()) {
            b.append(String.format("%02x", x));
        }
        b.append(':');
        for (byte x : xid.getBranchQualifier()) {
            b.append(String.format("%02x", x));
        }
        return b.toString();
    }

    /** Logs a finished branch that this resource's recovery listed (not the ordinary two-phase commits). */
    private void finished(Xid xid, String outcome) {
        if (!recovered.isEmpty() && recovered.remove(key(xid))) {
            LOG.info("JMQ7041 in-doubt branch {} {} through the {} recovery path", key(xid), outcome, path);
        }
    }

    boolean inBranch() {
        return associated.get() > 0;
    }

    private static XAResource unwrap(XAResource r) {
        return r instanceof TrackedXAResource t ? t.delegate : r;
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        delegate.start(xid, flags);
        associated.incrementAndGet();
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        try {
            delegate.end(xid, flags);
        } finally {
            associated.updateAndGet(n -> Math.max(0, n - 1));
        }
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        return delegate.prepare(xid);
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        delegate.commit(xid, onePhase);
        finished(xid, "committed");
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        delegate.rollback(xid);
        finished(xid, "rolled back");
    }

    @Override
    public void forget(Xid xid) throws XAException {
        delegate.forget(xid);
        finished(xid, "forgotten");
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        Xid[] xids = delegate.recover(flag);
        if (xids != null && xids.length > 0) {
            Arrays.stream(xids).map(TrackedXAResource::key).forEach(recovered::add);
            LOG.info("JMQ7040 XA recovery through the {} path found {} in-doubt branch(es): {}", path, xids.length,
                    Arrays.stream(xids).map(TrackedXAResource::key).toList());
        }
        return xids;
    }

    @Override
    public boolean isSameRM(XAResource other) throws XAException {
        return delegate.isSameRM(unwrap(other));
    }

    @Override
    public int getTransactionTimeout() throws XAException {
        return delegate.getTransactionTimeout();
    }

    @Override
    public boolean setTransactionTimeout(int seconds) throws XAException {
        return delegate.setTransactionTimeout(seconds);
    }
}
