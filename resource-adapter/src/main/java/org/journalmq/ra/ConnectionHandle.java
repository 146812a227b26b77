package org.journalmq.ra;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.QueueConnection;
import jakarta.jms.Session;
import jakarta.jms.TopicConnection;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;

/**
 * The Connection an application gets from a container-managed factory: a proxy over the pooled
 * physical connection. It adds only what the container changes (Jakarta Messaging 3.1 sec. 12.2):
 * close returns the managed connection, sessions come from the managed connection, and the methods
 * an application in a web or EJB container must not call throw {@link IllegalStateException}.
 * Everything else is the provider's own behaviour.
 */
final class ConnectionHandle extends ContainerHandle {

    /** Forbidden in a web or EJB container (sec. 12.2). */
    private static final Set<String> FORBIDDEN = Set.of("setClientID", "setExceptionListener", "stop",
            "createConnectionConsumer", "createSharedConnectionConsumer", "createDurableConnectionConsumer",
            "createSharedDurableConnectionConsumer");

    private volatile JournalManagedConnection owner;
    private final Object proxy;
    private volatile SessionHandle session;

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
    }

    /** A session for this handle (also the one inside a container JMSContext). */
    Session createSession(int mode) throws JMSException {
        checkOpen();
        SessionHandle current = session;
        if (current != null && !current.isClosed()) {
            throw new IllegalStateException("only one session per connection is allowed in a Jakarta EE web or EJB"
                    + " container (Jakarta Messaging 3.1 section 12.2); close the other session first");
        }
        Session physical = owner.openSession(mode);
        SessionHandle s = new SessionHandle(physical, owner, mode);
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
        owner.handleClosed(this);
    }

    @Override
    Object invokeOpen(Method method, String name, Object[] args) throws Throwable {
        if (name.equals("createSession") || name.equals("createQueueSession") || name.equals("createTopicSession")) {
            return createSession(sessionMode(args));
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
