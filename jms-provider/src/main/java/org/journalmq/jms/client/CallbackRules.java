package org.journalmq.jms.client;

import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import org.journalmq.jms.JournalConnection;

/**
 * Every call the application may not make from inside a callback of the provider, in one place.
 * The provider records here which callback the current thread runs (a MessageListener of which
 * session, a CompletionListener of which producer and session); the API methods ask before they
 * change anything, so a refused call leaves every object as it was.
 *
 * <p>The rules (Jakarta Messaging 3.1 javadoc, with the JMS 2.0 errata JMS_SPEC-158 and
 * JMS_SPEC-165):
 * <table>
 *   <caption>calls from inside a callback on the callback's own objects</caption>
 *   <tr><th>call</th><th>MessageListener</th><th>CompletionListener</th></tr>
 *   <tr><td>Connection.stop, JMSContext.stop</td><td>refused (own connection)</td><td>allowed</td></tr>
 *   <tr><td>Connection.close</td><td>refused</td><td>refused</td></tr>
 *   <tr><td>Session.close, JMSContext.close</td><td>refused</td><td>refused</td></tr>
 *   <tr><td>MessageProducer.close</td><td>allowed</td><td>refused for its own producer</td></tr>
 *   <tr><td>MessageConsumer.close, JMSConsumer.close</td><td>allowed</td><td>allowed</td></tr>
 *   <tr><td>commit, rollback</td><td>allowed</td><td>refused</td></tr>
 *   <tr><td>recover</td><td>allowed</td><td>allowed</td></tr>
 * </table>
 * Calls on other connections, sessions, producers and contexts are allowed from both callbacks.
 *
 * <p>Why each rule:
 * <ul>
 *   <li>stop and close wait for the running MessageListeners (spec 6.1.5, 6.1.8, 6.2.15), so from a
 *       listener on its own connection or session they would wait for themselves. JMS_SPEC-158 let a
 *       provider either refuse or succeed there; JournalMQ refuses, with IllegalStateException (or
 *       IllegalStateRuntimeException from a JMSContext). A stop of any JMSContext sharing the
 *       listener's connection stops that connection, so it is refused too (errata text of
 *       A.1.19).</li>
 *   <li>close waits for the outstanding CompletionListener callbacks (spec 7.3.8), and a callback
 *       may not end the transaction its send belongs to (spec 7.3.5): the Connection, Session,
 *       MessageProducer and JMSContext close javadoc and the commit/rollback javadoc refuse those
 *       calls from a CompletionListener on its own objects.</li>
 *   <li>stop from a CompletionListener is allowed: JMS_SPEC-165 removed it from the javadoc's
 *       list of forbidden calls. It waits only for the running MessageListeners, never for the
 *       callback that calls it, so it cannot wait for itself.</li>
 *   <li>MessageConsumer.close from its own listener returns once onMessage is done (its javadoc,
 *       after JMS_SPEC-48); recover is not restricted in either callback.</li>
 * </ul>
 * <p>Internal: for org.journalmq.jms, org.journalmq.jms.transaction.
 */
public final class CallbackRules {

    private enum Kind { MESSAGE_LISTENER, COMPLETION_LISTENER }

    /**
     * The callback a thread runs. {@code producer} is the MessageProducer or JMSProducer whose
     * send completes (null for a MessageListener); only its identity matters here.
     */
    private record Running(Kind kind, JournalSession session, Object producer) {
        boolean isListenerOf(JournalConnection c) {
            return kind == Kind.MESSAGE_LISTENER && session.connection() == c;
        }

        boolean isCompletionOf(JournalConnection c) {
            return kind == Kind.COMPLETION_LISTENER && session.connection() == c;
        }

        boolean is(Kind k, JournalSession s) {
            return kind == k && session == s;
        }
    }

    private static final ThreadLocal<Running> RUNNING = new ThreadLocal<>();

    private CallbackRules() {
    }

    // ------------------------------------------------------------------ recording

    /**
     * Marks the current thread as the delivery thread of {@code session} until it ends. The thread
     * runs no application code but the session's MessageListeners (and the ExceptionListener for a
     * delivery failure, which must not wait for the thread it runs on either).
     */
    static void deliveryThreadOf(JournalSession session) {
        RUNNING.set(new Running(Kind.MESSAGE_LISTENER, session, null));
    }

    static void deliveryThreadEnded() {
        RUNNING.remove();
    }

    /** Runs a CompletionListener callback of a send by {@code producer} of {@code session}. */
    static void runCompletion(JournalSession session, Object producer, Runnable callback) {
        Running before = RUNNING.get();
        RUNNING.set(new Running(Kind.COMPLETION_LISTENER, session, producer));
        try {
            callback.run();
        } finally {
            if (before == null) {
                RUNNING.remove();
            } else {
                RUNNING.set(before);
            }
        }
    }

    /** The session whose MessageListeners the current thread delivers to, or null. */
    static JournalSession listenerSession() {
        Running r = RUNNING.get();
        return r != null && r.kind == Kind.MESSAGE_LISTENER ? r.session : null;
    }

    /** The session whose CompletionListener the current thread runs, or null. */
    static JournalSession completionSession() {
        Running r = RUNNING.get();
        return r != null && r.kind == Kind.COMPLETION_LISTENER ? r.session : null;
    }

    // ------------------------------------------------------------------ the rules

    /**
     * Connection.stop (and JMSContext.stop through it): refused from a MessageListener of the connection.
     * <p>Internal: for org.journalmq.jms.
     */
    public static void checkStop(JournalConnection c) throws IllegalStateException {
        Running r = RUNNING.get();
        if (r != null && r.isListenerOf(c)) {
            throw new IllegalStateException("a MessageListener must not stop its own connection: stop waits for"
                    + " the running listeners, this one included (Connection.stop javadoc)");
        }
    }

    /**
     * Connection.close: refused from either callback of the connection.
     * <p>Internal: for org.journalmq.jms, org.journalmq.jms.transaction.
     */
    public static void checkClose(JournalConnection c) throws IllegalStateException {
        Running r = RUNNING.get();
        if (r != null && r.isListenerOf(c)) {
            throw new IllegalStateException("a MessageListener must not close its own connection: close waits for"
                    + " the running listeners, this one included (Connection.close javadoc)");
        }
        if (r != null && r.isCompletionOf(c)) {
            throw new IllegalStateException("a CompletionListener must not close its own connection: close waits"
                    + " for the callbacks, this one included (Connection.close javadoc)");
        }
    }

    /**
     * Session.close: refused from either callback of the session.
     * <p>Internal: for org.journalmq.jms, org.journalmq.jms.transaction.
     */
    public static void checkClose(JournalSession s) throws IllegalStateException {
        Running r = RUNNING.get();
        if (r != null && r.is(Kind.MESSAGE_LISTENER, s)) {
            throw new IllegalStateException("a MessageListener must not close its own session (Session.close javadoc)");
        }
        if (r != null && r.is(Kind.COMPLETION_LISTENER, s)) {
            throw new IllegalStateException("a CompletionListener must not close its own session"
                    + " (Session.close javadoc)");
        }
    }

    /**
     * MessageProducer.close: refused from a CompletionListener of a send by that producer.
     * <p>Internal: for org.journalmq.jms, org.journalmq.jms.transaction.
     */
    public static void checkClose(JournalProducer p) throws IllegalStateException {
        Running r = RUNNING.get();
        if (r != null && r.kind == Kind.COMPLETION_LISTENER && r.producer == p) {
            throw new IllegalStateException("a CompletionListener must not close its own MessageProducer"
                    + " (MessageProducer.close javadoc)");
        }
    }

    /**
     * Session commit and rollback (and a local-transaction session's flush, the first half of a
     * commit its framework finishes): refused from a CompletionListener of the session, whose send
     * belongs to the transaction.
     * <p>Internal: for org.journalmq.jms.
     */
    public static void checkTransactionEnd(JournalSession s, String method) throws IllegalStateException {
        Running r = RUNNING.get();
        if (r != null && r.is(Kind.COMPLETION_LISTENER, s)) {
            throw new IllegalStateException("a CompletionListener must not call " + method + " on its own session"
                    + " (Session." + method + " javadoc)");
        }
    }

    /**
     * JMSContext.close: refused from either callback of the context's session, and from any
     * callback of its connection when this close would close the connection too.
     *
     * @param session the context's session, or null when it never made one
     */
    static void checkContextClose(JournalSession session, JournalConnection c, boolean closesConnection) {
        Running r = RUNNING.get();
        if (r == null) {
            return;
        }
        boolean own = session != null && r.session == session
                || closesConnection && r.session.connection() == c;
        if (own) {
            String who = r.kind == Kind.MESSAGE_LISTENER ? "MessageListener" : "CompletionListener";
            throw new IllegalStateRuntimeException("a " + who + " must not close its own JMSContext"
                    + " (JMSContext.close javadoc)");
        }
    }
}
