package org.journalmq.jms.transaction;

import static javax.transaction.xa.XAException.XAER_DUPID;
import static javax.transaction.xa.XAException.XAER_INVAL;
import static javax.transaction.xa.XAException.XAER_NOTA;
import static javax.transaction.xa.XAException.XAER_PROTO;
import static javax.transaction.xa.XAException.XA_HEURCOM;
import static javax.transaction.xa.XAException.XA_HEURRB;
import static javax.transaction.xa.XAException.XA_RBROLLBACK;
import static javax.transaction.xa.XAException.XA_RBTIMEOUT;
import static javax.transaction.xa.XAException.XAER_RMFAIL;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import org.journalmq.jms.client.Delivered;
import org.journalmq.jms.client.JournalRegistry;
import org.journalmq.persistence.Journal;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.XaId;
import org.journalmq.persistence.XaOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The XA resource manager of one journal in this JVM: every {@link JournalXAResource} on the same
 * journal (same URL, user and table prefix) shares it, so that a branch started through one
 * session can be joined, prepared, committed or rolled back through another, as a transaction
 * manager does with resources that are {@code isSameRM}. Branches live here until prepare; from
 * then on the journal holds them, so that any JVM can finish them.
 *
 * <p>One lock guards every branch of the manager; journal round trips (prepare, commit, release)
 * run outside it, on a branch marked {@link XaBranch.State#COMPLETING} meanwhile.
 */
final class XaResourceManager {
    private static final Logger LOG = LoggerFactory.getLogger(XaResourceManager.class);
    /** Weak keys: a closed journal's manager goes with it (a branch holds its journal while it lives). */
    private static final Map<Journal, XaResourceManager> MANAGERS = Collections.synchronizedMap(new WeakHashMap<>());

    static {
        JournalRegistry.whenClosed(XaResourceManager::journalClosed);
    }
    /**
     * Runs branch timeouts. Its thread ends a few seconds after the last pending timeout fired or
     * was cancelled (a closing journal cancels those of its branches) and is started again by the
     * next one, so that no thread of this class outlives the XA work (issue 13: a thread that lives
     * for ever pins a redeployed adapter's class loader). The last worker of a pool never times out
     * while a delayed task is queued, so a pending timeout always has its thread.
     */
    private static final ScheduledThreadPoolExecutor TIMEOUTS = timeoutExecutor();

    private static ScheduledThreadPoolExecutor timeoutExecutor() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "journalmq-xa-timeout");
            t.setDaemon(true);
            // Not the caller's (an application's) loader: the thread must not pin it.
            t.setContextClassLoader(XaResourceManager.class.getClassLoader());
            return t;
        });
        e.setRemoveOnCancelPolicy(true);
        e.setKeepAliveTime(2, TimeUnit.SECONDS);
        e.allowCoreThreadTimeOut(true);
        return e;
    }

    private final Map<XaId, XaBranch> branches = new HashMap<>();

    static XaResourceManager of(Journal journal) {
        return MANAGERS.computeIfAbsent(journal, j -> new XaResourceManager());
    }

    /**
     * The journal closed (its last connection went): its branches that were never prepared cannot
     * be completed any more and their timeouts are dropped, so that the timeout thread can end.
     */
    static void journalClosed(Journal journal) {
        XaResourceManager manager = MANAGERS.remove(journal);
        if (manager != null) {
            synchronized (manager) {
                manager.branches.values().forEach(XaBranch::cancelTimeout);
            }
        }
    }

    // ---------------------------------------------------------------- association

    void start(JournalXASession session, XaId id, int flags, int timeoutSeconds) throws XAException {
        synchronized (this) {
            if (session.branch != null) {
                throw XaErrors.error(XAER_PROTO, "the session is already associated with XA branch "
                        + session.branch.id + "; end it before starting " + id);
            }
            XaBranch b = branches.get(id);
            switch (flags) {
                case XAResource.TMNOFLAGS -> {
                    if (b != null) {
                        throw XaErrors.error(XAER_DUPID, "XA branch " + id + " already exists; use TMJOIN or TMRESUME");
                    }
                    b = new XaBranch(id, session.journal());
                    branches.put(id, b);
                    if (timeoutSeconds > 0) {
                        XaBranch started = b;
                        b.timeout = TIMEOUTS.schedule(() -> expire(started), timeoutSeconds, TimeUnit.SECONDS);
                    }
                }
                case XAResource.TMJOIN -> {
                    b = known(id, b, "join");
                    checkUsable(b, "join");
                }
                case XAResource.TMRESUME -> {
                    b = known(id, b, "resume");
                    checkUsable(b, "resume");
                    if (!b.suspended.remove(session)) {
                        throw XaErrors.error(XAER_PROTO, "this session has not suspended XA branch " + id);
                    }
                }
                default -> throw XaErrors.error(XAER_INVAL, "start accepts TMNOFLAGS, TMJOIN or TMRESUME, not flags "
                        + flags);
            }
            b.associated.add(session);
            b.state = XaBranch.State.ACTIVE;
            session.branch = b;
        }
    }

    void end(JournalXASession session, XaId id, int flags) throws XAException {
        if (flags != XAResource.TMSUCCESS && flags != XAResource.TMFAIL && flags != XAResource.TMSUSPEND) {
            throw XaErrors.error(XAER_INVAL, "end accepts TMSUCCESS, TMFAIL or TMSUSPEND, not flags " + flags);
        }
        List<Delivered> toRelease;
        XaBranch b;
        synchronized (this) {
            b = known(id, branches.get(id), "end");
            if (session.branch == b) {
                b.add(session.acks().takeTransactionWork());
                b.associated.remove(session);
                session.branch = null;
                if (flags == XAResource.TMSUSPEND) {
                    b.suspended.add(session);
                }
            } else if (flags == XAResource.TMSUSPEND || !b.suspended.remove(session)) {
                // JTA: end(TMSUCCESS/TMFAIL) may also end a suspended association of this session.
                throw XaErrors.error(XAER_PROTO, "this session is not associated with XA branch " + id);
            }
            if (flags == XAResource.TMFAIL) {
                b.rollbackOnly = true;
            }
            if (!b.isAssociated()) {
                b.state = XaBranch.State.IDLE;
            }
            if (!b.timedOut) {
                return;
            }
            // Work done after the timeout rolled the branch back is dropped as well.
            toRelease = b.discard();
        }
        b.release(toRelease);
        throw XaErrors.error(XA_RBTIMEOUT, "XA branch " + id + " was rolled back: its transaction timeout expired");
    }

    /** A closing session leaves its branch rollback-only: the work it did can no longer be ended. */
    void sessionClosing(JournalXASession session) {
        synchronized (this) {
            XaBranch b = session.branch;
            if (b == null) {
                return;
            }
            b.add(session.acks().takeTransactionWork());
            b.associated.remove(session);
            session.branch = null;
            b.rollbackOnly = true;
            if (!b.isAssociated()) {
                b.state = XaBranch.State.IDLE;
            }
            LOG.warn("JMQ3006 session closed while associated with XA branch {}; the branch is marked rollback-only",
                    b.id);
        }
    }

    // ---------------------------------------------------------------- completion

    int prepare(XaId id) throws XAException {
        XaBranch b;
        synchronized (this) {
            b = known(id, branches.get(id), "prepare");
            checkCompletable(b, "prepare");
            if (b.state == XaBranch.State.PREPARED) {
                throw XaErrors.error(XAER_PROTO, "XA branch " + id + " is already prepared");
            }
            rollBackIfDoomed(b);
            b.cancelTimeout();
            if (b.isEmpty()) {
                branches.remove(id);
                return XAResource.XA_RDONLY;
            }
            b.state = XaBranch.State.COMPLETING;
        }
        try {
            b.journal.prepare(id, b.unit());
        } catch (JournalException e) {
            if (e.kind() == JournalException.Kind.LEASE_LOST || e.kind() == JournalException.Kind.CONFLICT) {
                forgetAndRelease(b);
                throw XaErrors.error(XA_RBROLLBACK, "XA branch " + id + " was rolled back at prepare: "
                        + e.getMessage(), e);
            }
            synchronized (this) {
                b.state = XaBranch.State.IDLE; // the transaction manager may retry or roll back
            }
            throw XaErrors.journalFailure("prepare of XA branch " + id, e);
        }
        synchronized (this) {
            b.state = XaBranch.State.PREPARED;
        }
        return XAResource.XA_OK;
    }

    void commit(Journal journal, XaId id, boolean onePhase) throws XAException {
        if (onePhase) {
            commitOnePhase(id);
            return;
        }
        XaBranch b;
        synchronized (this) {
            b = branches.get(id);
            if (b != null && b.state != XaBranch.State.PREPARED) {
                throw XaErrors.error(XAER_PROTO, "XA branch " + id + " is not prepared: commit it with onePhase=true");
            }
        }
        // Not known here: prepared by another JVM or before a restart; the journal decides.
        XaOutcome outcome;
        try {
            outcome = (b != null ? b.journal : journal).commitPrepared(id);
        } catch (JournalException e) {
            throw finishFailure(id, b, "commit", e);
        }
        forget(id, b);
        reportHeuristic(id, outcome, "commit");
    }

    private void commitOnePhase(XaId id) throws XAException {
        XaBranch b;
        synchronized (this) {
            b = known(id, branches.get(id), "commit");
            checkCompletable(b, "commit");
            if (b.state == XaBranch.State.PREPARED) {
                throw XaErrors.error(XAER_PROTO, "XA branch " + id + " is prepared: commit it with onePhase=false");
            }
            rollBackIfDoomed(b);
            b.cancelTimeout();
            branches.remove(id);
            b.state = XaBranch.State.COMPLETING;
        }
        if (b.isEmpty()) {
            return;
        }
        try {
            // One-phase: the branch's work commits in one journal transaction, never prepared.
            b.journal.writeAndWait(b.unit());
        } catch (JournalException e) {
            // Released whatever the outcome: a release of a row the commit deleted matches nothing.
            b.release(b.discard());
            if (e.kind() == JournalException.Kind.OUTCOME_UNKNOWN) {
                // Issue 13: the commit call itself failed and the journal could not tell whether it
                // committed: XA_RB* would claim a rollback; RMFAIL leaves it to the transaction manager.
                throw XaErrors.error(XAER_RMFAIL, "one-phase commit of XA branch " + id
                        + " lost the database during the commit; its outcome is unknown: " + e.getMessage(), e);
            }
            if (e.kind() == JournalException.Kind.UNAVAILABLE) {
                throw XaErrors.error(XAER_RMFAIL, "one-phase commit of XA branch " + id
                        + " lost the database; its outcome is unknown: " + e.getMessage(), e);
            }
            throw XaErrors.error(XA_RBROLLBACK, "one-phase commit of XA branch " + id + " rolled back: "
                    + e.getMessage(), e);
        }
    }

    void rollback(Journal journal, XaId id) throws XAException {
        XaBranch b;
        List<Delivered> rows = null;
        synchronized (this) {
            b = branches.get(id);
            if (b != null && b.state != XaBranch.State.PREPARED) {
                if (!b.associated.isEmpty() || b.state == XaBranch.State.COMPLETING) {
                    throw XaErrors.error(XAER_PROTO, "XA branch " + id + " is still in use: end it before rolling back");
                }
                // A suspended association ends with the branch: its work moved here at end(TMSUSPEND).
                b.cancelTimeout();
                branches.remove(id);
                b.suspended.clear();
                b.state = XaBranch.State.COMPLETING;
                rows = b.discard();
            }
        }
        if (rows != null) {
            // Not yet prepared: nothing of it is in the journal but the claims of its consumed rows.
            b.release(rows);
            return;
        }
        XaOutcome outcome;
        try {
            outcome = (b != null ? b.journal : journal).rollbackPrepared(id);
        } catch (JournalException e) {
            throw finishFailure(id, b, "rollback", e);
        }
        forget(id, b);
        reportHeuristic(id, outcome, "rollback");
    }

    void forgetHeuristic(Journal journal, XaId id) throws XAException {
        synchronized (this) {
            XaBranch b = branches.get(id);
            if (b != null) {
                throw XaErrors.error(XAER_PROTO, "XA branch " + id + " is " + b.state
                        + ", not heuristically completed: nothing to forget");
            }
        }
        try {
            journal.forget(id);
        } catch (JournalException e) {
            if (e.kind() == JournalException.Kind.NOT_FOUND) {
                throw XaErrors.error(XAER_NOTA, "no heuristically completed XA branch " + id, e);
            }
            if (e.kind() == JournalException.Kind.CONFLICT) {
                throw XaErrors.error(XAER_PROTO, e.getMessage(), e);
            }
            throw XaErrors.journalFailure("forget of XA branch " + id, e);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static XaBranch known(XaId id, XaBranch b, String what) throws XAException {
        if (b == null) {
            throw XaErrors.error(XAER_NOTA, "cannot " + what + " XA branch " + id + ": it is unknown to this resource manager");
        }
        return b;
    }

    private static void checkUsable(XaBranch b, String what) throws XAException {
        if (b.timedOut) {
            throw XaErrors.error(XA_RBTIMEOUT, "cannot " + what + " XA branch " + b.id + ": its timeout expired");
        }
        if (b.state == XaBranch.State.PREPARED || b.state == XaBranch.State.COMPLETING) {
            throw XaErrors.error(XAER_PROTO, "cannot " + what + " XA branch " + b.id + ": it is " + b.state);
        }
    }

    private static void checkCompletable(XaBranch b, String what) throws XAException {
        if (b.isAssociated()) {
            throw XaErrors.error(XAER_PROTO, "cannot " + what + " XA branch " + b.id
                    + ": a session is still associated with it (call end first)");
        }
        if (b.state == XaBranch.State.COMPLETING) {
            throw XaErrors.error(XAER_PROTO, "cannot " + what + " XA branch " + b.id + ": it is being completed");
        }
    }

    /** A rollback-only or timed-out branch is rolled back and forgotten; the caller gets XA_RB*. */
    private void rollBackIfDoomed(XaBranch b) throws XAException {
        if (!b.timedOut && !b.rollbackOnly) {
            return;
        }
        b.cancelTimeout();
        branches.remove(b.id);
        List<Delivered> rows = b.discard();
        // Rare: releasing under the lock is acceptable here.
        b.release(rows);
        if (b.timedOut) {
            throw XaErrors.error(XA_RBTIMEOUT, "XA branch " + b.id + " was rolled back: its transaction timeout expired");
        }
        throw XaErrors.error(XA_RBROLLBACK, "XA branch " + b.id + " was marked rollback-only (end with TMFAIL"
                + " or its session closed) and has been rolled back");
    }

    private void forgetAndRelease(XaBranch b) {
        List<Delivered> rows;
        synchronized (this) {
            branches.remove(b.id);
            rows = b.discard();
        }
        b.release(rows);
    }

    private synchronized void forget(XaId id, XaBranch b) {
        if (b != null) {
            branches.remove(id, b);
        }
    }

    private XAException finishFailure(XaId id, XaBranch b, String what, JournalException e) {
        if (e.kind() == JournalException.Kind.NOT_FOUND) {
            forget(id, b);
            return XaErrors.error(XAER_NOTA, "cannot " + what + " XA branch " + id + ": " + e.getMessage(), e);
        }
        return XaErrors.journalFailure(what + " of XA branch " + id, e);
    }

    private static void reportHeuristic(XaId id, XaOutcome outcome, String what) throws XAException {
        switch (outcome) {
            case DONE -> { }
            case HEURISTIC_COMMITTED -> {
                LOG.warn("JMQ3004 {} of XA branch {}: an operator had committed it heuristically", what, id);
                throw XaErrors.error(XA_HEURCOM, "XA branch " + id + " was committed heuristically; forget it");
            }
            case HEURISTIC_ROLLED_BACK -> {
                LOG.warn("JMQ3004 {} of XA branch {}: an operator had rolled it back heuristically", what, id);
                throw XaErrors.error(XA_HEURRB, "XA branch " + id + " was rolled back heuristically; forget it");
            }
        }
    }

    /** The transaction timeout ran out: an unprepared branch is rolled back now. */
    private void expire(XaBranch b) {
        List<Delivered> rows;
        synchronized (this) {
            if (branches.get(b.id) != b || b.state == XaBranch.State.PREPARED
                    || b.state == XaBranch.State.COMPLETING) {
                return;
            }
            b.timedOut = true;
            for (JournalXASession s : b.associated) {
                b.add(s.acks().takeTransactionWork());
            }
            rows = b.discard();
        }
        LOG.warn("JMQ3003 XA branch {} timed out before prepare and was rolled back", b.id);
        b.release(rows);
    }
}
