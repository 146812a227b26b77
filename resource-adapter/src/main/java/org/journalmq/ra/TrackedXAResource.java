package org.journalmq.ra;

import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The managed connection's XAResource as given to the container: the provider's own resource, plus
 * the knowledge whether the connection's session currently works in a JTA branch (between start and
 * end), so that the session handle can answer getTransacted and refuse commit the way Jakarta
 * Messaging 3.1 sec. 12.3 asks: transacted inside a transaction, non-transacted outside one.
 */
final class TrackedXAResource implements XAResource {

    private final XAResource delegate;
    private final AtomicInteger associated = new AtomicInteger();

    TrackedXAResource(XAResource delegate) {
        this.delegate = delegate;
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
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        delegate.rollback(xid);
    }

    @Override
    public void forget(Xid xid) throws XAException {
        delegate.forget(xid);
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        return delegate.recover(flag);
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
