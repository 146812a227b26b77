package org.journalmq.examples.rules;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSPasswordCredential;
import jakarta.jms.JMSSessionMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.TransactionInProgressRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The container rules of Jakarta Messaging 3.1 chapter 12, written once and run by two vehicles: the
 * servlet of the Arquillian protocol (ContainerRulesServletIT, UserTransaction for the transaction)
 * and a stateless EJB with container-managed transactions ({@link RulesBean}, ContainerRulesEjbIT).
 * Each check throws AssertionError naming the rule it saw broken; the caller provides the transaction
 * (or its absence) the method's comment asks for. Sections: 12.2 "Restrictions on the use of the
 * Jakarta Messaging API in the Jakarta EE web or EJB container", 12.3 "Behaviour of Jakarta Messaging
 * sessions in the Jakarta EE web or EJB container", 12.4 "Injection of JMSContext objects".
 */
@Dependent
public class ContainerRules {

    /** An XA connection factory of the adapter (the container enlists its connections). */
    @Resource(lookup = RulesResources.CF)
    private ConnectionFactory cf;

    /** Transaction scoped inside a transaction, request scoped outside one (sec. 12.4.4). */
    @Inject
    @JMSConnectionFactory(RulesResources.CF)
    private JMSContext injected;

    /**
     * Other annotations, so another context: a session mode (DUPS_OK, which sec. 12.4.3 says applies
     * outside a transaction only) and credentials (the HSQLDB journal's own user).
     */
    @Inject
    @JMSConnectionFactory(RulesResources.CF)
    @JMSSessionMode(JMSContext.DUPS_OK_ACKNOWLEDGE)
    @JMSPasswordCredential(userName = "SA", password = "")
    private JMSContext injectedOther;

    /** Sec. 12.2 and JMSProducer.setAsync / MessageProducer.send javadoc: a listener that must never be called. */
    private static final CompletionListener NEVER = new CompletionListener() {
        @Override
        public void onCompletion(Message message) {
            throw new AssertionError("an asynchronous send completed in a container");
        }

        @Override
        public void onException(Message message, Exception exception) {
            throw new AssertionError("an asynchronous send failed in a container", exception);
        }
    };

    // ------------------------------------------------------------------ inside a JTA transaction

    /**
     * In a transaction (sec. 12.3, Connection.createSession(boolean, int) javadoc): both arguments are
     * ignored and the session joins the transaction; Session.commit and rollback throw
     * TransactionInProgressException (their javadoc, as on an XASession); Session.recover throws
     * IllegalStateException (recover javadoc: "if the method is called by a transacted session").
     */
    public void sessionJoinsTransaction() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            check(s.getTransacted(), "createSession(false, CLIENT_ACKNOWLEDGE) in a transaction must be transacted");
            check(s.getAcknowledgeMode() == Session.SESSION_TRANSACTED,
                    "getAcknowledgeMode in a transaction: " + s.getAcknowledgeMode());
            expect(TransactionInProgressException.class, "Session.commit", s::commit);
            expect(TransactionInProgressException.class, "Session.rollback", s::rollback);
            expect(IllegalStateException.class, "Session.recover", s::recover);
        }
    }

    /**
     * In a transaction, the simplified API (sec. 12.3, ConnectionFactory.createContext(int) javadoc):
     * the mode is ignored, commit/rollback throw TransactionInProgressRuntimeException and recover
     * IllegalStateRuntimeException (JMSContext.recover javadoc: session using a transaction).
     */
    public void contextJoinsTransaction() {
        try (JMSContext ctx = cf.createContext(JMSContext.CLIENT_ACKNOWLEDGE)) {
            check(ctx.getTransacted(), "createContext(CLIENT_ACKNOWLEDGE) in a transaction must be transacted");
            expect(TransactionInProgressRuntimeException.class, "JMSContext.commit", ctx::commit);
            expect(TransactionInProgressRuntimeException.class, "JMSContext.rollback", ctx::rollback);
            expect(IllegalStateRuntimeException.class, "JMSContext.recover", ctx::recover);
        }
    }

    /** Sends one message with the classic API in whatever transaction the caller has (or none). */
    public void sendInSession(String queue, String text) throws JMSException {
        try (Connection c = cf.createConnection(); Session s = c.createSession()) {
            MessageProducer p = s.createProducer(s.createQueue(queue));
            p.send(s.createTextMessage(text));
        }
    }

    /**
     * Receives one message on a CLIENT_ACKNOWLEDGE session and acknowledges it. Inside a transaction
     * the mode is ignored and Message.acknowledge "is ignored for transacted sessions" (its javadoc):
     * the transaction's outcome decides. Returns the text, or fails when nothing came.
     */
    public String receiveAndAcknowledge(String queue) throws JMSException {
        try (Connection c = cf.createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            Message m = s.createConsumer(s.createQueue(queue)).receive(10_000);
            check(m != null, "no message on " + queue);
            m.acknowledge();
            return ((TextMessage) m).getText();
        }
    }

    /**
     * Sends through the two injected contexts. In one transaction (sec. 12.4.4) both take part in it,
     * so the caller's commit or rollback decides for both messages.
     */
    public void sendWithInjectedContexts(String queue, String first, String second) {
        injected.createProducer().send(injected.createQueue(queue), first);
        injectedOther.createProducer().send(injectedOther.createQueue(queue), second);
    }

    /** Sends one message with a string property "kind" (for a selector). */
    public void sendWithKind(String queue, String text, String kind) {
        try (JMSContext ctx = cf.createContext()) {
            ctx.createProducer().setProperty("kind", kind).send(ctx.createQueue(queue), text);
        }
    }

    /** Publishes one message on a topic. */
    public void publish(String topic, String text) {
        try (JMSContext ctx = cf.createContext()) {
            ctx.createProducer().send(ctx.createTopic(topic), text);
        }
    }

    // ------------------------------------------------------------------ outside a transaction

    /**
     * Outside a transaction (sec. 12.3, Connection.createSession(boolean, int) javadoc): the session is
     * non-transacted, AUTO_ACKNOWLEDGE or DUPS_OK_ACKNOWLEDGE as asked (a transacted or
     * CLIENT_ACKNOWLEDGE request "may not be used" and gives AUTO_ACKNOWLEDGE here); commit throws
     * IllegalStateException (commit javadoc: not transacted); a send is visible at once; recover and
     * Message.acknowledge are allowed (acknowledge "is ignored" with an automatic mode).
     */
    public void sessionOutsideTransaction(String queue) throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            check(!s.getTransacted(), "createSession(true, ...) outside a transaction must not be transacted");
            check(s.getAcknowledgeMode() == Session.AUTO_ACKNOWLEDGE, "mode " + s.getAcknowledgeMode());
            expect(IllegalStateException.class, "Session.commit outside a transaction", s::commit);
            s.createProducer(s.createQueue(queue)).send(s.createTextMessage("visible"));
            s.recover();
            s.close();
            Session dupsOk = c.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
            check(dupsOk.getAcknowledgeMode() == Session.DUPS_OK_ACKNOWLEDGE,
                    "DUPS_OK_ACKNOWLEDGE asked, got " + dupsOk.getAcknowledgeMode());
            c.start();
            Message m = dupsOk.createConsumer(dupsOk.createQueue(queue)).receive(10_000);
            check(m instanceof TextMessage t && "visible".equals(t.getText()), "the send was not visible at once: " + m);
            m.acknowledge();
        }
        expectOnly(queue); // acknowledged automatically: nothing left
    }

    /** The simplified API outside a transaction: DUPS_OK kept, others give AUTO; commit refused (sec. 12.3). */
    public void contextOutsideTransaction() {
        try (JMSContext ctx = cf.createContext(JMSContext.DUPS_OK_ACKNOWLEDGE)) {
            check(!ctx.getTransacted(), "createContext(DUPS_OK) outside a transaction must not be transacted");
            check(ctx.getSessionMode() == JMSContext.DUPS_OK_ACKNOWLEDGE, "session mode " + ctx.getSessionMode());
            expect(IllegalStateRuntimeException.class, "JMSContext.commit outside a transaction", ctx::commit);
        }
        try (JMSContext ctx = cf.createContext(JMSContext.SESSION_TRANSACTED)) {
            check(!ctx.getTransacted() && ctx.getSessionMode() == JMSContext.AUTO_ACKNOWLEDGE,
                    "createContext(SESSION_TRANSACTED) outside a transaction: mode " + ctx.getSessionMode());
        }
    }

    /**
     * Request scope (sec. 12.4.4): outside a transaction the injected context sends at once, so another
     * context sees the message before the request ends.
     */
    public void injectedContextInRequestScope(String queue) {
        injected.createProducer().send(injected.createQueue(queue), "request-scoped");
        expectOnly(queue, "request-scoped");
    }

    // ------------------------------------------------------------------ forbidden in any case

    /**
     * Sec. 12.2 and the javadoc of each method ("must not be used in a Jakarta EE web or EJB
     * application ... may cause a JMSException"): IllegalStateException, naming the method.
     * Connection.createSession javadoc: one active session per connection.
     */
    public void forbiddenConnectionMethods() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Topic topic = c.createSession().createTopic("rules.forbidden");
            expect(IllegalStateException.class, "setClientID", () -> c.setClientID("rules"));
            expect(IllegalStateException.class, "setExceptionListener", () -> c.setExceptionListener(e -> { }));
            expect(IllegalStateException.class, "stop", c::stop);
            expect(IllegalStateException.class, "createConnectionConsumer",
                    () -> c.createConnectionConsumer(topic, null, null, 1));
            expect(IllegalStateException.class, "createSharedConnectionConsumer",
                    () -> c.createSharedConnectionConsumer(topic, "s", null, null, 1));
            expect(IllegalStateException.class, "createDurableConnectionConsumer",
                    () -> c.createDurableConnectionConsumer(topic, "d", null, null, 1));
            expect(IllegalStateException.class, "createSharedDurableConnectionConsumer",
                    () -> c.createSharedDurableConnectionConsumer(topic, "sd", null, null, 1));
            expect(IllegalStateException.class, "session (only one per connection)", () -> c.createSession());
        }
    }

    /** Sec. 12.2: asynchronous delivery and asynchronous sends, classic API. */
    public void forbiddenSessionMethods() throws JMSException {
        try (Connection c = cf.createConnection(); Session s = c.createSession()) {
            Queue q = s.createQueue("rules.forbidden");
            MessageConsumer consumer = s.createConsumer(q);
            MessageProducer producer = s.createProducer(q);
            expect(IllegalStateException.class, "Session.setMessageListener", () -> s.setMessageListener(m -> { }));
            expect(IllegalStateException.class, "Session.getMessageListener", s::getMessageListener);
            // Session.run is Runnable.run, without a checked exception: the runtime twin
            expect(IllegalStateRuntimeException.class, "Session.run", s::run);
            expect(IllegalStateException.class, "MessageConsumer.setMessageListener",
                    () -> consumer.setMessageListener(m -> { }));
            expect(IllegalStateException.class, "MessageConsumer.getMessageListener", consumer::getMessageListener);
            expect(IllegalStateException.class, "CompletionListener",
                    () -> producer.send(s.createTextMessage("async"), NEVER));
        }
    }

    /**
     * The JMSContext twins (their javadoc: "in a Jakarta EE web or EJB container"; sec. 12.2):
     * IllegalStateRuntimeException for setClientID, setExceptionListener, stop, createContext(int),
     * JMSConsumer.get/setMessageListener and JMSProducer.setAsync.
     */
    public void forbiddenContextMethods() {
        try (JMSContext ctx = cf.createContext()) {
            expect(IllegalStateRuntimeException.class, "JMSContext.setClientID", () -> ctx.setClientID("rules"));
            expect(IllegalStateRuntimeException.class, "JMSContext.setExceptionListener",
                    () -> ctx.setExceptionListener(e -> { }));
            expect(IllegalStateRuntimeException.class, "JMSContext.stop", ctx::stop);
            expect(IllegalStateRuntimeException.class, "JMSContext.createContext",
                    () -> ctx.createContext(JMSContext.AUTO_ACKNOWLEDGE));
            JMSConsumer consumer = ctx.createConsumer(ctx.createQueue("rules.forbidden"));
            expect(IllegalStateRuntimeException.class, "JMSConsumer.setMessageListener",
                    () -> consumer.setMessageListener(m -> { }));
            expect(IllegalStateRuntimeException.class, "JMSConsumer.getMessageListener", consumer::getMessageListener);
            expect(IllegalStateRuntimeException.class, "JMSProducer.setAsync", () -> ctx.createProducer().setAsync(NEVER));
        }
    }

    /**
     * Sec. 12.4.5 "Restrictions on use of injected JMSContext objects": the container owns the
     * injected context's life cycle, transaction and connection, so these throw
     * IllegalStateRuntimeException.
     */
    public void forbiddenInjectedContextMethods() {
        // GlassFish's own wrapper of the injected context refuses these, in its own words (one
        // message for all), so only the exception type is checked here.
        expectType(IllegalStateRuntimeException.class, "injected setClientID", () -> injected.setClientID("rules"));
        expectType(IllegalStateRuntimeException.class, "injected stop", injected::stop);
        expectType(IllegalStateRuntimeException.class, "injected commit", injected::commit);
        expectType(IllegalStateRuntimeException.class, "injected acknowledge", injected::acknowledge);
        expectType(IllegalStateRuntimeException.class, "injected close", injected::close);
    }

    // ------------------------------------------------------------------ what the journal holds

    /**
     * The queue holds exactly these texts, in order, and nothing more (read outside a transaction, so
     * they are consumed). Each receive waits up to 10 s, and the final "nothing more" 300 ms.
     */
    public void expectOnly(String queue, String... texts) {
        List<String> got = new ArrayList<>();
        try (JMSContext ctx = cf.createContext()) {
            JMSConsumer consumer = ctx.createConsumer(ctx.createQueue(queue));
            for (int i = 0; i < texts.length; i++) {
                String t = consumer.receiveBody(String.class, 10_000);
                if (t == null) {
                    break;
                }
                got.add(t);
            }
            String extra = consumer.receiveBody(String.class, 300);
            if (extra != null) {
                got.add(extra);
            }
        }
        check(got.equals(List.of(texts)), queue + " held " + got + ", expected " + List.of(texts));
    }

    /**
     * The next message of the queue is {@code text}, redelivered (JMSRedelivered, sec. 3.4.7) for the
     * {@code count}-th time (JMSXDeliveryCount, sec. 3.5.11); consumed.
     */
    public void expectRedelivered(String queue, String text, int count) throws JMSException {
        try (JMSContext ctx = cf.createContext()) {
            Message m = ctx.createConsumer(ctx.createQueue(queue)).receive(10_000);
            check(m instanceof TextMessage t && text.equals(t.getText()), "expected " + text + " again, got " + m);
            check(m.getJMSRedelivered(), "JMSRedelivered must be true after a rollback");
            int delivery = m.getIntProperty("JMSXDeliveryCount");
            check(delivery == count, "JMSXDeliveryCount " + delivery + ", expected " + count);
        }
    }

    /**
     * A durable subscription of an MDB exists and is in use: unsubscribe is refused with
     * IllegalStateRuntimeException (JMSContext.unsubscribe javadoc and sec. 6.11.4: "an active
     * consumer"). A non-durable subscription would have no name to find.
     */
    public void expectDurableSubscriptionInUse(String name) {
        try (JMSContext ctx = cf.createContext()) {
            IllegalStateRuntimeException e = expect(IllegalStateRuntimeException.class, "subscription in use",
                    () -> ctx.unsubscribe(name));
            check(e.getMessage().contains("active consumer"), "unsubscribe refused for another reason: " + e);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** A call that may throw a checked exception. */
    public interface Call {
        void run() throws Exception;
    }

    static void check(boolean condition, String brokenRule) {
        if (!condition) {
            throw new AssertionError(brokenRule);
        }
    }

    /**
     * The call must throw {@code type} (or a subclass) with a message naming what was refused: the
     * first word of {@code what}, after its last dot ("Session.commit" names "commit").
     */
    static <T extends Exception> T expect(Class<T> type, String what, Call call) {
        T e = expectType(type, what, call);
        String first = what.split(" ")[0];
        String key = first.substring(first.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (!String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains(key)) {
            throw new AssertionError(what + ": the message does not name '" + key + "': " + e.getMessage(), e);
        }
        return e;
    }

    /** The call must throw {@code type} (or a subclass). */
    static <T extends Exception> T expectType(Class<T> type, String what, Call call) {
        try {
            call.run();
        } catch (Exception e) {
            if (!type.isInstance(e)) {
                throw new AssertionError(what + ": expected " + type.getName() + ", got " + e, e);
            }
            return type.cast(e);
        }
        throw new AssertionError(what + ": expected " + type.getName() + ", nothing was thrown");
    }
}
