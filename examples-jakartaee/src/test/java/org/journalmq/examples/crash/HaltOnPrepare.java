package org.journalmq.examples.crash;

import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The test hook that stops the server inside two-phase commit: an XAResource that the test
 * application enlists last in its transaction, after the JournalMQ and the PostgreSQL branches. The
 * transaction manager prepares in enlistment order, so when its prepare runs both other branches
 * are prepared (the test checks that before the restart) and no commit decision has been logged.
 * It halts the JVM (no shutdown hooks, no clean-up: what kill -9 does) only when the marker file
 * exists, and deletes the marker first, so that the restarted server, which may redeliver the same
 * message, does not halt again.
 */
public final class HaltOnPrepare implements XAResource {

    /** The marker file the test creates: in the domain's directory, known to both the test and the server. */
    public static final String MARKER = "crash14.halt";
    /** Logged just before the halt (GlassFish may log asynchronously: the test relies on the marker's deletion). */
    static final String HALTING = "crash14: halting the server in prepare of the last branch";

    private static final Logger LOG = Logger.getLogger(HaltOnPrepare.class.getName());

    /** Enlists a new hook in the current transaction of GlassFish's TransactionManager. */
    public static void enlist() {
        try {
            TransactionManager tm = (TransactionManager) new InitialContext().lookup("java:appserver/TransactionManager");
            if (!tm.getTransaction().enlistResource(new HaltOnPrepare())) {
                throw new IllegalStateException("the transaction manager refused the halt hook");
            }
        } catch (NamingException | SystemException | jakarta.transaction.RollbackException e) {
            throw new IllegalStateException("cannot enlist the halt hook: " + e, e);
        }
    }

    private static Path marker() {
        return Path.of(System.getProperty("com.sun.aas.instanceRoot"), MARKER);
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        try {
            if (Files.deleteIfExists(marker())) {
                LOG.severe(HALTING);
                Runtime.getRuntime().halt(86);
            }
        } catch (IOException e) {
            throw new XAException(XAException.XAER_RMERR);
        }
        return XA_RDONLY; // nothing to commit: the hook has no work of its own
    }

    @Override
    public void start(Xid xid, int flags) {
    }

    @Override
    public void end(Xid xid, int flags) {
    }

    @Override
    public void commit(Xid xid, boolean onePhase) {
    }

    @Override
    public void rollback(Xid xid) {
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
        return other == this; // never joins the branch of another resource
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
