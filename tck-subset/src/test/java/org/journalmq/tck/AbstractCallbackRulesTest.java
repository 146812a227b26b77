package org.journalmq.tck;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What a callback may call on its own objects and on others' (issue 14), one case per allowed and
 * per forbidden call, from a MessageListener and from a CompletionListener, in the classic and the
 * simplified API. The sources:
 * <ul>
 *   <li>Connection.stop, Connection.close, Session.close, MessageConsumer.close, JMSContext.stop and
 *       JMSContext.close javadoc; spec 6.1.5, 6.1.8, 6.2.15 and 8.7: a MessageListener must not stop
 *       or close its own connection, close its own session or stop or close its own JMSContext; it
 *       may close its own consumer. JMS 2.0 errata JMS_SPEC-158 lets a provider either refuse those
 *       calls or let them succeed; JournalMQ refuses them (IllegalStateException, or
 *       IllegalStateRuntimeException from a JMSContext), and, by the errata's A.1.19 text, a stop
 *       of a JMSContext sharing the listener's connection too.</li>
 *   <li>CompletionListener javadoc, spec 7.3.5 and the close/commit/rollback javadoc: a
 *       CompletionListener must not close its own connection, session, producer or JMSContext, nor
 *       commit or roll back its own session.</li>
 *   <li>JMS 2.0 errata JMS_SPEC-165 ("Error in javadoc for Connection#stop and JMSContext#stop")
 *       took stop off that list: a CompletionListener may stop its own connection or context.</li>
 *   <li>Calls on other connections, sessions and contexts are not restricted by any of them.</li>
 * </ul>
 * A refused call must change nothing: each forbidden case checks that its target still works.
 */
public abstract class AbstractCallbackRulesTest extends ConformanceBase {

    enum Callback { MESSAGE_LISTENER, COMPLETION_LISTENER }

    enum Outcome { ALLOWED, REFUSED }

    @FunctionalInterface
    interface Call<F> {
        void run(F fixture) throws Exception;
    }

    /** The objects a classic callback can reach: its own, and others'. */
    record Classic(Connection connection, Session session, MessageProducer producer, MessageConsumer consumer,
                   Queue queue, MessageProducer otherProducer, Session otherSession, Connection otherConnection) {
    }

    /** The objects a simplified-API callback can reach; {@code sibling} shares the context's connection. */
    record Simplified(JMSContext context, JMSConsumer consumer, Queue queue, JMSContext sibling,
                      JMSContext other) {
    }

    /** One row of the table: the call a callback makes, what must happen, and a check afterwards. */
    record Case<F>(String name, Callback callback, int mode, Call<F> call, Outcome outcome, Call<F> after) {
        @Override
        public String toString() {
            return (callback == Callback.MESSAGE_LISTENER ? "MessageListener: " : "CompletionListener: ") + name
                    + " -> " + outcome;
        }
    }

    private static final int AUTO = Session.AUTO_ACKNOWLEDGE;
    private static final int CLIENT = Session.CLIENT_ACKNOWLEDGE;
    private static final int TX = Session.SESSION_TRANSACTED;
    private static final Callback ML = Callback.MESSAGE_LISTENER;
    private static final Callback CL = Callback.COMPLETION_LISTENER;

    private static <F> Case<F> refused(Callback cb, int mode, String name, Call<F> call, Call<F> stillWorks) {
        return new Case<>(name, cb, mode, call, Outcome.REFUSED, stillWorks);
    }

    private static <F> Case<F> allowed(Callback cb, int mode, String name, Call<F> call, Call<F> after) {
        return new Case<>(name, cb, mode, call, Outcome.ALLOWED, after);
    }

    private static <F> Call<F> nothing() {
        return f -> { };
    }

    static Stream<Case<Classic>> classicCases() {
        return Stream.of(
                // MessageListener on its own objects (Connection.stop/close, Session.close javadoc; JMS_SPEC-158)
                refused(ML, AUTO, "Connection.stop of its own connection", f -> f.connection().stop(),
                        f -> f.connection().createSession().close()),
                refused(ML, AUTO, "Connection.close of its own connection", f -> f.connection().close(),
                        f -> f.connection().createSession().close()),
                refused(ML, AUTO, "Session.close of its own session", f -> f.session().close(),
                        f -> f.session().createMessage()),
                // MessageConsumer.close javadoc: "a message listener must be able to call close on its own consumer"
                allowed(ML, AUTO, "MessageConsumer.close of its own consumer", f -> f.consumer().close(),
                        f -> assertThrows(IllegalStateException.class, f.consumer()::getMessageListener,
                                "the consumer is closed")),
                allowed(ML, CLIENT, "Session.recover of its own session", f -> f.session().recover(), nothing()),
                allowed(ML, TX, "Session.commit of its own session", f -> f.session().commit(), nothing()),
                allowed(ML, TX, "Session.rollback of its own session", f -> f.session().rollback(), nothing()),
                allowed(ML, AUTO, "MessageProducer.close of its own session's producer", f -> f.producer().close(),
                        f -> assertThrows(IllegalStateException.class, f.producer()::getDestination)),
                allowed(ML, AUTO, "Session.close of another session of its connection", f -> f.otherSession().close(),
                        f -> assertThrows(IllegalStateException.class, f.otherSession()::createMessage)),
                allowed(ML, AUTO, "Connection.stop of another connection", f -> f.otherConnection().stop(),
                        f -> f.otherConnection().start()),
                allowed(ML, AUTO, "Connection.close of another connection", f -> f.otherConnection().close(),
                        f -> assertThrows(IllegalStateException.class, f.otherConnection()::createSession)),

                // CompletionListener on its own objects (CompletionListener, close, commit, rollback javadoc)
                refused(CL, AUTO, "Connection.close of its own connection", f -> f.connection().close(),
                        f -> f.connection().createSession().close()),
                refused(CL, AUTO, "Session.close of its own session", f -> f.session().close(),
                        f -> f.session().createMessage()),
                refused(CL, AUTO, "MessageProducer.close of its own producer", f -> f.producer().close(),
                        f -> assertEquals(f.queue(), f.producer().getDestination())),
                refused(CL, TX, "Session.commit of its own session", f -> f.session().commit(),
                        AbstractCallbackRulesTest::commitStillDelivers),
                refused(CL, TX, "Session.rollback of its own session", f -> f.session().rollback(),
                        AbstractCallbackRulesTest::commitStillDelivers),
                // JMS_SPEC-165: stop is not among a CompletionListener's forbidden calls
                allowed(CL, AUTO, "Connection.stop of its own connection", f -> f.connection().stop(),
                        f -> f.connection().start()),
                allowed(CL, AUTO, "Session.recover of its own session", f -> f.session().recover(), nothing()),
                allowed(CL, AUTO, "MessageProducer.close of another producer of its session",
                        f -> f.otherProducer().close(),
                        f -> assertThrows(IllegalStateException.class, f.otherProducer()::getDestination)),
                allowed(CL, AUTO, "MessageConsumer.close of a consumer of its session", f -> f.consumer().close(),
                        f -> assertThrows(IllegalStateException.class, f.consumer()::getMessageListener)),
                allowed(CL, AUTO, "Session.close of another session of its connection", f -> f.otherSession().close(),
                        f -> assertThrows(IllegalStateException.class, f.otherSession()::createMessage)),
                allowed(CL, AUTO, "Connection.stop of another connection", f -> f.otherConnection().stop(),
                        f -> f.otherConnection().start()),
                allowed(CL, AUTO, "Connection.close of another connection", f -> f.otherConnection().close(),
                        f -> assertThrows(IllegalStateException.class, f.otherConnection()::createSession)));
    }

    static Stream<Case<Simplified>> simplifiedCases() {
        return Stream.of(
                // MessageListener (JMSContext.stop/close, JMSConsumer.close javadoc; JMS_SPEC-158 A.1.19)
                refused(ML, AUTO, "JMSContext.stop of its own context", f -> f.context().stop(),
                        f -> f.context().createMessage()),
                refused(ML, AUTO, "JMSContext.close of its own context", f -> f.context().close(),
                        f -> f.context().createMessage()),
                refused(ML, AUTO, "JMSContext.stop of a context sharing its connection", f -> f.sibling().stop(),
                        f -> f.sibling().createMessage()),
                allowed(ML, AUTO, "JMSConsumer.close of its own consumer", f -> f.consumer().close(),
                        f -> assertThrows(IllegalStateRuntimeException.class, f.consumer()::getMessageListener)),
                allowed(ML, CLIENT, "JMSContext.recover of its own context", f -> f.context().recover(), nothing()),
                allowed(ML, TX, "JMSContext.commit of its own context", f -> f.context().commit(), nothing()),
                allowed(ML, TX, "JMSContext.rollback of its own context", f -> f.context().rollback(), nothing()),
                allowed(ML, AUTO, "JMSContext.close of a context sharing its connection", f -> f.sibling().close(),
                        f -> assertThrows(IllegalStateRuntimeException.class, f.sibling()::createMessage)),
                allowed(ML, AUTO, "JMSContext.stop of another context", f -> f.other().stop(),
                        f -> f.other().start()),
                allowed(ML, AUTO, "JMSContext.close of another context", f -> f.other().close(),
                        f -> assertThrows(IllegalStateRuntimeException.class, f.other()::createMessage)),

                // CompletionListener (JMSContext.close/commit/rollback javadoc; JMS_SPEC-165 for stop)
                refused(CL, AUTO, "JMSContext.close of its own context", f -> f.context().close(),
                        f -> f.context().createMessage()),
                refused(CL, TX, "JMSContext.commit of its own context", f -> f.context().commit(),
                        AbstractCallbackRulesTest::commitStillDelivers),
                refused(CL, TX, "JMSContext.rollback of its own context", f -> f.context().rollback(),
                        AbstractCallbackRulesTest::commitStillDelivers),
                allowed(CL, AUTO, "JMSContext.stop of its own context", f -> f.context().stop(),
                        f -> f.context().start()),
                allowed(CL, AUTO, "JMSContext.recover of its own context", f -> f.context().recover(), nothing()),
                allowed(CL, AUTO, "JMSConsumer.close of a consumer of its context", f -> f.consumer().close(),
                        f -> assertThrows(IllegalStateRuntimeException.class, f.consumer()::getMessageListener)),
                allowed(CL, AUTO, "JMSContext.close of a context sharing its connection", f -> f.sibling().close(),
                        f -> assertThrows(IllegalStateRuntimeException.class, f.sibling()::createMessage)),
                allowed(CL, AUTO, "JMSContext.stop of another context", f -> f.other().stop(),
                        f -> f.other().start()),
                allowed(CL, AUTO, "JMSContext.close of another context", f -> f.other().close(),
                        f -> assertThrows(IllegalStateRuntimeException.class, f.other()::createMessage)));
    }

    /** After a refused commit or rollback, the transaction is whole: committing it delivers the send. */
    private static void commitStillDelivers(Classic f) throws Exception {
        f.session().commit();
        try (Session reader = f.connection().createSession()) {
            assertNotNull(reader.createConsumer(f.queue()).receive(WAIT), "the send of the transaction was kept");
        }
    }

    private static void commitStillDelivers(Simplified f) {
        f.context().commit();
        try (JMSContext reader = f.context().createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            assertNotNull(reader.createConsumer(f.queue()).receive(WAIT), "the send of the transaction was kept");
        }
    }

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeOthers() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        toClose.clear();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("classicCases")
    void classic(Case<Classic> c) throws Exception {
        Connection connection = started();
        Session session = connection.createSession(c.mode() == TX, c.mode());
        Queue queue = queue(session);
        Connection other = connect();
        Classic f = new Classic(connection, session, session.createProducer(queue),
                session.createConsumer(c.callback() == ML ? queue : queue(session)), queue,
                session.createProducer(queue), connection.createSession(), other);
        CompletableFuture<Throwable> result = new CompletableFuture<>();
        if (c.callback() == ML) {
            try (Session sender = connection.createSession()) {
                sender.createProducer(queue).send(sender.createTextMessage("call back"));
            }
            f.consumer().setMessageListener(m -> runOnce(result, () -> c.call().run(f)));
        } else {
            f.producer().send(session.createTextMessage("call back"), completion(result, () -> c.call().run(f)));
        }
        Throwable t = result.get(WAIT, TimeUnit.MILLISECONDS);
        check(c.outcome(), IllegalStateException.class, t);
        c.after().run(f);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("simplifiedCases")
    void simplified(Case<Simplified> c) throws Exception {
        JMSContext ctx = context(c.mode());
        Queue queue = queue(ctx);
        JMSContext sibling = ctx.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        toClose.add(sibling);
        Simplified f = new Simplified(ctx, ctx.createConsumer(c.callback() == ML ? queue : queue(ctx)), queue,
                sibling, context());
        CompletableFuture<Throwable> result = new CompletableFuture<>();
        if (c.callback() == ML) {
            sibling.createProducer().send(queue, "call back");
            f.consumer().setMessageListener(m -> runOnce(result, () -> c.call().run(f)));
        } else {
            ctx.createProducer().setAsync(completion(result, () -> c.call().run(f))).send(queue, "call back");
        }
        Throwable t = result.get(WAIT, TimeUnit.MILLISECONDS);
        check(c.outcome(), IllegalStateRuntimeException.class, t);
        c.after().run(f);
    }

    /**
     * JMS_SPEC-165 and Connection.stop javadoc: stop from a CompletionListener of the connection
     * waits for the running MessageListeners (here one of another session, held on a latch), not for
     * the callback calling it; it returns, and the connection is stopped: no message is delivered
     * until start.
     */
    @Test
    void stopFromCompletionListenerReturnsAndStops() throws Exception {
        Connection c = started();
        Session listening = c.createSession();
        Queue held = queue(listening);
        CountDownLatch inListener = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        listening.createConsumer(held).setMessageListener(m -> {
            inListener.countDown();
            hold(release);
        });
        Session s = c.createSession();
        s.createProducer(held).send(s.createMessage());
        assertTrue(inListener.await(WAIT, TimeUnit.MILLISECONDS), "the listener runs");

        Queue q = queue(s);
        MessageConsumer receiver = s.createConsumer(q);
        CompletableFuture<Throwable> stopped = new CompletableFuture<>();
        s.createProducer(q).send(s.createTextMessage("first"), completion(stopped, c::stop));
        assertThrows(TimeoutException.class, () -> stopped.get(ABSENT, TimeUnit.MILLISECONDS),
                "stop waits for the running MessageListener");
        release.countDown();
        assertNull(stopped.get(WAIT, TimeUnit.MILLISECONDS), "stop returned once the listener returned");

        assertNull(receiver.receive(ABSENT), "a stopped connection delivers nothing");
        c.start();
        assertNotNull(receiver.receive(WAIT), "delivery resumes with start");
    }

    /** The same for JMSContext.stop from the CompletionListener of its own context (JMS_SPEC-165). */
    @Test
    void contextStopFromCompletionListenerReturnsAndStops() throws Exception {
        JMSContext ctx = context();
        Queue q = queue(ctx);
        JMSConsumer receiver = ctx.createConsumer(q);
        CompletableFuture<Throwable> stopped = new CompletableFuture<>();
        ctx.createProducer().setAsync(completion(stopped, ctx::stop)).send(q, "first");
        assertNull(stopped.get(WAIT, TimeUnit.MILLISECONDS), "stop from its CompletionListener returns");
        assertNull(receiver.receive(ABSENT), "a stopped context delivers nothing");
        ctx.start();
        assertEquals("first", receiver.receiveBody(String.class, WAIT), "delivery resumes with start");
    }

    // ------------------------------------------------------------------ helpers

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    private static void runOnce(CompletableFuture<Throwable> result, Action action) {
        // a rollback or recover brings the message back: only its first delivery makes the call
        if (!result.isDone()) {
            result.complete(outcome(action));
        }
    }

    private static CompletionListener completion(CompletableFuture<Throwable> result, Action action) {
        return new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                runOnce(result, action);
            }

            @Override
            public void onException(Message message, Exception exception) {
                result.completeExceptionally(exception);
            }
        };
    }

    private static Throwable outcome(Action action) {
        try {
            action.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private static void check(Outcome expected, Class<? extends Throwable> refusal, Throwable t) {
        if (expected == Outcome.REFUSED) {
            assertInstanceOf(refusal, t, "the call must be refused");
        } else if (t != null) {
            fail("the call must be allowed, but threw " + t, t);
        }
    }


    /** Holds a listener until the test releases it (bounded, so a failed test cannot hang it). */
    private static void hold(CountDownLatch latch) {
        try {
            latch.await(WAIT, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
