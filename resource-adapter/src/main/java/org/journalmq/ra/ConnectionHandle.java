package org.journalmq.ra;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.QueueConnection;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TopicConnection;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Connection an application gets from a container-managed factory: a proxy over the pooled
 * physical connection. It adds only what the container changes (Jakarta Messaging 3.1 sec. 12.2):
 * close returns the managed connection, sessions come from the managed connection, and the methods
 * an application in a web or EJB container must not call throw {@link IllegalStateException}.
 * Everything else is the provider's own behaviour. The pooled connection outlives the handle, so
 * the handle deletes the temporary destinations made through it when it closes: a temporary
 * destination lasts as long as the application's connection (TemporaryQueue javadoc, spec 6.2.2).
 */
final class ConnectionHandle extends ContainerHandle {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandle.class);

    /** Forbidden in a web or EJB container (sec. 12.2). */
    private static final Set<String> FORBIDDEN = Set.of("setClientID", "setExceptionListener", "stop",
            "createConnectionConsumer", "createSharedConnectionConsumer", "createDurableConnectionConsumer",
            "createSharedDurableConnectionConsumer");

    private volatile JournalManagedConnection owner;
    private final Object proxy;
    private volatile SessionHandle session;
    private final List<Object> temporaries = new CopyOnWriteArrayList<>();

    ConnectionHandle(JournalManagedConnection owner) {
        super("Connection", FORBIDDEN);
        this.owner = owner;
        this.proxy = Proxy.newProxyInstance(ConnectionHandle.class.getClassLoader(),
                new Class<?>[] {Connection.class, QueueConnection.class, TopicConnection.class}, this);
    }

    /** The handle behind a proxy, or null when it is not one of ours. */
    static ConnectionHandle of(Object proxy) {
        if (proxy != null && Proxy.isProxyClass(proxy.getClass())
                && Proxy.getInvocationHandler(proxy) instanceof ConnectionHandle h) {
            return h;
        }
        return null;
    }

    Object proxy() {
        return proxy;
    }

    JournalManagedConnection owner() {
        return owner;
    }

    void reassign(JournalManagedConnection newOwner) {
        owner = newOwner;
    }

    /** The container cleaned up the managed connection: this handle is dead. */
    void invalidate() {
        closed = true;
        SessionHandle s = session;
        if (s != null) {
            s.invalidate();
        }
        deleteTemporaries();
    }

    /** A session for this handle (also the one inside a container JMSContext). */
    Session createSession(int mode) throws JMSException {
        return createSession(mode, SessionHandle.Domain.BOTH);
    }

    private Session createSession(int mode, SessionHandle.Domain domain) throws JMSException {
        checkOpen();
        SessionHandle current = session;
        if (current != null && !current.isClosed()) {
            throw new IllegalStateException("only one session per connection is allowed in a Jakarta EE web or EJB"
                    + " container (Jakarta Messaging 3.1 section 12.2); close the other session first");
        }
        Session physical = owner.openSession(mode);
        SessionHandle s = new SessionHandle(physical, owner, mode, domain, temporaries::add);
        session = s;
        return s.proxy();
    }

    @Override
    void close() {
        if (closed) {
            return;
        }
        SessionHandle s = session;
        if (s != null) {
            s.close();
        }
        closed = true;
        deleteTemporaries();
        owner.handleClosed(this);
    }

    /**
     * Deletes what this handle's sessions made. One that cannot be deleted now (a consumer of another
     * handle of the same pooled connection still reads it) goes when the pooled connection closes.
     */
    private void deleteTemporaries() {
        for (Object t : temporaries) {
            try {
                if (t instanceof TemporaryQueue q) {
                    q.delete();
                } else if (t instanceof TemporaryTopic tt) {
                    tt.delete();
                }
            } catch (JMSException e) {
                LOG.debug("a temporary destination of a closed connection handle stays until its pooled connection"
                        + " closes: {}", e.getMessage());
            }
        }
        temporaries.clear();
    }

    @Override
    Object invokeOpen(Method method, String name, Object[] args) throws Throwable {
        switch (name) {
            case "createSession" -> {
                return createSession(sessionMode(args), SessionHandle.Domain.BOTH);
            }
            case "createQueueSession" -> {
                return createSession(sessionMode(args), SessionHandle.Domain.QUEUE);
            }
            case "createTopicSession" -> {
                return createSession(sessionMode(args), SessionHandle.Domain.TOPIC);
            }
            default -> {
            }
        }
        return forward(owner.physical(), method, args, owner);
    }

    /** createSession(), (int) and (boolean, int): only the acknowledge mode matters outside a transaction. */
    private static int sessionMode(Object[] args) {
        if (args == null || args.length == 0) {
            return Session.AUTO_ACKNOWLEDGE;
        }
        return (Integer) args[args.length - 1];
    }
}
