package org.journalmq.jms.client;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;
import org.journalmq.jms.JmsExceptions;
import org.journalmq.jms.JournalConnection;
import org.journalmq.jms.JournalLocalSession;
import org.journalmq.jms.transaction.ContainerContext;

/**
 * The simplified API (spec 2.8): a connection and one session in one object. Contexts made with
 * {@link #createContext(int)} share the connection, which closes with the last of them. Every
 * checked exception becomes its runtime twin through {@link JmsExceptions#toRuntime}.
 */
public class JournalContext implements JMSContext {

    /** Shared by a context and the contexts created from it. */
    private static final class SharedConnection {
        final JournalConnection connection;
        final AtomicInteger users = new AtomicInteger(1);

        SharedConnection(JournalConnection connection) {
            this.connection = connection;
        }
    }

    private final SharedConnection shared;
    private final int sessionMode;
    private JournalSession session;
    private volatile boolean closed;
    /** Per context (JMSContext.setAutoStart javadoc: "used by this JMSContext"); a new context starts with true. */
    private volatile boolean autoStart = true;

    private JournalContext(SharedConnection shared, int sessionMode) {
        this.shared = shared;
        this.sessionMode = sessionMode;
    }

    /**
     * For the XA context and {@link ContainerContext}: a context of its own on the connection.
     * <p>Protected for subclasses in org.journalmq.jms.transaction.
     */
    protected JournalContext(JournalConnection connection, int sessionMode) {
        this(new SharedConnection(connection), sessionMode);
    }

    /**
     * The session a context runs on; the XA context opens an XA session instead.
     * <p>Protected for subclasses in org.journalmq.jms.transaction.
     */
    protected JournalSession openSession() {
        return (JournalSession) run(() -> shared.connection.createSession(sessionMode));
    }

    /** Internal: for org.journalmq.jms, org.journalmq.jms.transaction. */
    public static JournalContext create(JournalConnection connection, int sessionMode) {
        return new JournalContext(new SharedConnection(connection), sessionMode);
    }

    /** Internal: for org.journalmq.jms. */
    public static void checkSessionMode(int mode) {
        if (mode != SESSION_TRANSACTED && mode != AUTO_ACKNOWLEDGE && mode != CLIENT_ACKNOWLEDGE
                && mode != DUPS_OK_ACKNOWLEDGE) {
            throw new JMSRuntimeException("invalid session mode " + mode + ": use JMSContext.AUTO_ACKNOWLEDGE,"
                    + " CLIENT_ACKNOWLEDGE, DUPS_OK_ACKNOWLEDGE or SESSION_TRANSACTED");
        }
    }

    /**
     * A JMS call whose checked exception becomes the runtime twin.
     * <p>Protected for subclasses in org.journalmq.jms.transaction.
     */
    @FunctionalInterface
    protected interface JmsCall<T> {
        T call() throws JMSException;
    }

    /** Protected for subclasses in org.journalmq.jms.transaction. */
    protected static <T> T run(JmsCall<T> call) {
        try {
            return call.call();
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    /** Protected for subclasses in org.journalmq.jms.transaction. */
    protected void checkOpen() {
        if (closed) {
            throw new IllegalStateRuntimeException("JMSContext is closed");
        }
    }

    /**
     * The context's session, created on first use.
     * <p>Protected for subclasses in org.journalmq.jms.transaction.
     */
    protected synchronized JournalSession session() {
        checkOpen();
        if (session == null) {
            session = openSession();
        }
        return session;
    }

    /** Protected for subclasses in org.journalmq.jms.transaction. */
    protected JournalConnection connection() {
        return shared.connection;
    }

    /**
     * True for a context of a Jakarta EE web or EJB container (resource adapter): its consumers
     * refuse message listeners and its producers asynchronous sends (Jakarta Messaging 3.1 sec. 12.2).
     */
    protected boolean inContainer() {
        return false;
    }

    void startIfAuto() {
        if (autoStart) {
            run(() -> {
                shared.connection.start();
                return null;
            });
        }
    }

    @Override
    public JMSContext createContext(int mode) {
        checkOpen();
        checkSessionMode(mode);
        shared.users.incrementAndGet();
        return new JournalContext(shared, mode);
    }

    @Override
    public JMSProducer createProducer() {
        // a closed context, like a closed connection (spec 6.1.8), refuses any use but close()
        checkOpen();
        return new JournalJMSProducer(this);
    }

    @Override
    public String getClientID() {
        checkOpen();
        return run(shared.connection::getClientID);
    }

    @Override
    public void setClientID(String clientID) {
        checkOpen();
        run(() -> {
            shared.connection.setClientID(clientID);
            return null;
        });
    }

    @Override
    public ConnectionMetaData getMetaData() {
        checkOpen();
        return run(shared.connection::getMetaData);
    }

    @Override
    public ExceptionListener getExceptionListener() {
        checkOpen();
        return run(shared.connection::getExceptionListener);
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) {
        checkOpen();
        run(() -> {
            shared.connection.setExceptionListener(listener);
            return null;
        });
    }

    @Override
    public void start() {
        checkOpen();
        run(() -> {
            shared.connection.start();
            return null;
        });
    }

    @Override
    public void stop() {
        checkOpen();
        run(() -> {
            shared.connection.stop();
            return null;
        });
    }

    @Override
    public void setAutoStart(boolean autoStart) {
        checkOpen();
        this.autoStart = autoStart;
    }

    @Override
    public boolean getAutoStart() {
        checkOpen();
        return autoStart;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        JournalSession s;
        synchronized (this) {
            s = session;
            // the connection closes with the last context sharing it (see release)
            CallbackRules.checkContextClose(s, shared.connection, shared.users.get() == 1);
            closed = true;
        }
        run(() -> {
            release(s);
            return null;
        });
    }

    /**
     * Closes what this context owns; {@link ContainerContext} returns them to the container instead.
     * <p>Protected for subclasses in org.journalmq.jms.transaction.
     */
    protected void release(JournalSession s) throws JMSException {
        if (s != null) {
            s.close();
        }
        if (shared.users.decrementAndGet() == 0) {
            shared.connection.close();
        }
    }

    @Override
    public BytesMessage createBytesMessage() {
        return run(session()::createBytesMessage);
    }

    @Override
    public MapMessage createMapMessage() {
        return run(session()::createMapMessage);
    }

    @Override
    public Message createMessage() {
        return run(session()::createMessage);
    }

    @Override
    public ObjectMessage createObjectMessage() {
        return run(session()::createObjectMessage);
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) {
        return run(() -> session().createObjectMessage(object));
    }

    @Override
    public StreamMessage createStreamMessage() {
        return run(session()::createStreamMessage);
    }

    @Override
    public TextMessage createTextMessage() {
        return run(session()::createTextMessage);
    }

    @Override
    public TextMessage createTextMessage(String text) {
        return run(() -> session().createTextMessage(text));
    }

    @Override
    public boolean getTransacted() {
        return run(session()::getTransacted);
    }

    @Override
    public int getSessionMode() {
        checkOpen();
        return sessionMode;
    }

    @Override
    public void commit() {
        run(() -> {
            session().commit();
            return null;
        });
    }

    @Override
    public void rollback() {
        run(() -> {
            session().rollback();
            return null;
        });
    }

    @Override
    public void recover() {
        run(() -> {
            session().recover();
            return null;
        });
    }

    private JMSConsumer consumer(JmsCall<jakarta.jms.MessageConsumer> make) {
        JMSConsumer c = new JournalJMSConsumer((JournalConsumer) run(make), inContainer());
        startIfAuto();
        return c;
    }

    @Override
    public JMSConsumer createConsumer(Destination destination) {
        return consumer(() -> session().createConsumer(destination));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector) {
        return consumer(() -> session().createConsumer(destination, messageSelector));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal) {
        return consumer(() -> session().createConsumer(destination, messageSelector, noLocal));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) {
        return consumer(() -> session().createSharedConsumer(topic, sharedSubscriptionName));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector) {
        return consumer(() -> session().createSharedConsumer(topic, sharedSubscriptionName, messageSelector));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name) {
        return consumer(() -> session().createDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal) {
        return consumer(() -> session().createDurableConsumer(topic, name, messageSelector, noLocal));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name) {
        return consumer(() -> session().createSharedDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector) {
        return consumer(() -> session().createSharedDurableConsumer(topic, name, messageSelector));
    }

    @Override
    public Queue createQueue(String queueName) {
        return run(() -> session().createQueue(queueName));
    }

    @Override
    public Topic createTopic(String topicName) {
        return run(() -> session().createTopic(topicName));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) {
        return run(() -> session().createBrowser(queue));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) {
        return run(() -> session().createBrowser(queue, messageSelector));
    }

    @Override
    public TemporaryQueue createTemporaryQueue() {
        return run(session()::createTemporaryQueue);
    }

    @Override
    public TemporaryTopic createTemporaryTopic() {
        return run(session()::createTemporaryTopic);
    }

    @Override
    public void unsubscribe(String name) {
        run(() -> {
            session().unsubscribe(name);
            return null;
        });
    }

    @Override
    public void acknowledge() {
        JournalSession s = session();
        if (s.mode() == CLIENT_ACKNOWLEDGE) {
            run(() -> {
                s.acks().acknowledgeAll();
                return null;
            });
        }
    }

    // ---------------------------------------------------------------- local transactions (issue 6 item 4)

    /**
     * A transacted context whose session runs in the application's JDBC transaction (see
     * {@link JournalLocalSession}); the session is made at once, so that a bad connection fails here.
     * <p>Internal: for org.journalmq.jms.
     */
    public static JournalContext createLocal(JournalConnection connection, java.sql.Connection jdbc) throws JMSException {
        JournalContext context = new JournalContext(new SharedConnection(connection), SESSION_TRANSACTED);
        context.session = connection.createSession(jdbc);
        return context;
    }
}
