package org.journalmq.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The log lines that tell which of the container's recovery paths met an in-doubt branch (issue 14
 * item 3): JMQ7040 when XAResource.recover (JTA 2.0 sec. 3.4.9) lists branches, JMQ7041 when the
 * same resource finishes one of them, each naming the path (JCA 2.1: outbound
 * ManagedConnection.getXAResource(), inbound ResourceAdapter.getXAResources(ActivationSpec[])).
 * A stand-in resource manager: only the wrapper's behaviour is under test.
 */
class RecoveryPathLogTest {

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Logger jul = Logger.getLogger("org.journalmq.ra");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            // slf4j-jdk14 hands over the formatted text; format only what still has parameters
            log.add(r.getParameters() == null ? r.getMessage() : MessageFormat.format(r.getMessage(), r.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** A resource manager that holds the given branches in doubt and records what it was asked. */
    private static final class InDoubt implements XAResource {
        final List<Xid> held = new ArrayList<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public void start(Xid xid, int flags) {
        }

        @Override
        public void end(Xid xid, int flags) {
        }

        @Override
        public int prepare(Xid xid) {
            return XA_OK;
        }

        @Override
        public void forget(Xid xid) {
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

        @Override
        public Xid[] recover(int flag) {
            return held.toArray(new Xid[0]);
        }

        @Override
        public void commit(Xid xid, boolean onePhase) {
            calls.add("commit");
            held.remove(xid);
        }

        @Override
        public void rollback(Xid xid) {
            calls.add("rollback");
            held.remove(xid);
        }
    }

    @BeforeEach
    void listen() {
        jul.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        jul.removeHandler(capture);
    }

    @Test
    @DisplayName("XAResource.recover through getXAResources logs JMQ7040 with the branch; its rollback logs JMQ7041"
            + " naming the inbound path")
    void inboundRecoveryIsNamed() throws Exception {
        InDoubt rm = new InDoubt();
        Xid xid = TestContainer.newXid();
        rm.held.add(xid);
        TrackedXAResource r = new TrackedXAResource(rm, TrackedXAResource.INBOUND);

        assertEquals(1, r.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN).length);
        r.rollback(xid);

        assertEquals(List.of("rollback"), rm.calls, "the delegate finished the branch");
        assertEquals(2, log.size(), "one line for the scan, one for the outcome: " + log);
        assertTrue(log.get(0).startsWith("JMQ7040") && log.get(0).contains(TrackedXAResource.INBOUND)
                && log.get(0).contains("found 1 in-doubt"), log.get(0));
        assertTrue(log.get(1).startsWith("JMQ7041") && log.get(1).contains("rolled back through the "
                + TrackedXAResource.INBOUND + " recovery path"), log.get(1));
    }

    @Test
    @DisplayName("A managed connection's resource names the outbound path when it commits a recovered branch, and"
            + " logs nothing for the ordinary two-phase commit of a branch it did not recover")
    void outboundRecoveryIsNamedAndOrdinaryCommitsAreQuiet() throws Exception {
        InDoubt rm = new InDoubt();
        TrackedXAResource r = new TrackedXAResource(rm);
        Xid ordinary = TestContainer.newXid();
        r.commit(ordinary, false);
        assertEquals(0, r.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN).length);
        assertEquals(List.of(), log, "nothing in doubt, nothing logged");

        Xid inDoubt = TestContainer.newXid();
        rm.held.add(inDoubt);
        r.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
        r.commit(inDoubt, false);
        r.commit(ordinary, false); // not recovered: still quiet
        assertEquals(2, log.size(), log.toString());
        assertTrue(log.get(1).startsWith("JMQ7041") && log.get(1).contains("committed through the "
                + TrackedXAResource.OUTBOUND + " recovery path"), log.get(1));
    }
}
