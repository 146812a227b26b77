package org.journalmq.jms.it.child;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * A third participant that stops the transaction manager at a chosen point so that the test can
 * kill the JVM exactly there: in {@code prepare} (enlisted last: every other branch is prepared,
 * no commit decision is logged yet) or in {@code commit} (enlisted first: the decision is logged,
 * no other branch is committed yet). It writes a marker file, then waits forever. Serializable so
 * that Narayana stores it in its log and can replay its (harmless) commit after the crash: the
 * recovered copy has no marker and does not halt.
 */
public final class HaltingResource implements XAResource, Serializable {
    private static final long serialVersionUID = 1L;

    public enum Phase { PREPARE, COMMIT }

    private final Phase phase;
    private final transient Path marker;

    public HaltingResource(Phase phase, Path marker) {
        this.phase = phase;
        this.marker = marker;
    }

    private void haltIf(Phase now) {
        if (marker == null || now != phase) {
            return;
        }
        try {
            Files.writeString(marker, now.name());
            while (true) {
                Thread.sleep(60_000); // killed by the test, never woken
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int prepare(Xid xid) {
        haltIf(Phase.PREPARE);
        return XA_OK;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) {
        haltIf(Phase.COMMIT);
    }

    @Override
    public void rollback(Xid xid) {
    }

    @Override
    public void start(Xid xid, int flags) {
    }

    @Override
    public void end(Xid xid, int flags) {
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
    public boolean setTransactionTimeout(int seconds) throws XAException {
        return false;
    }
}
