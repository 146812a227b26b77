package org.journalmq.ra;

import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Set;

/**
 * What the container's Connection and Session proxies ({@link ConnectionHandle}, {@link SessionHandle})
 * share: close, equals, hashCode and toString answered by the handle itself (identity, since each
 * handle is one application's view of a pooled object), then for every other method the closed
 * check and the methods Jakarta Messaging 3.1 sec. 12.2 forbids in a web or EJB container, in that
 * order, so that a closed handle always says it is closed.
 */
abstract class ContainerHandle implements InvocationHandler {

    /** "Connection" or "Session": the interface named in messages. */
    private final String api;
    /** Method names that throw IllegalStateException in a container (sec. 12.2). */
    private final Set<String> forbidden;
    /** Set by close and by the container's clean-up; a closed handle stays closed. */
    volatile boolean closed;

    ContainerHandle(String api, Set<String> forbidden) {
        this.api = api;
        this.forbidden = forbidden;
    }

    /** Closes the handle (not the pooled physical object): idempotent. */
    abstract void close();

    /** Any other method on an open handle, once the forbidden ones are refused. */
    abstract Object invokeOpen(Method method, String name, Object[] args) throws Throwable;

    @Override
    public final Object invoke(Object p, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "close" -> {
                close();
                return null;
            }
            case "equals" -> {
                return p == args[0];
            }
            case "hashCode" -> {
                return System.identityHashCode(p);
            }
            case "toString" -> {
                return "JournalMQ container " + what() + (closed ? " (closed)" : "");
            }
            default -> {
            }
        }
        checkOpen();
        if (forbidden.contains(name)) {
            String message = api + "." + name + " must not be called in a Jakarta EE web or EJB container"
                    + " (Jakarta Messaging 3.1 section 12.2)";
            // Session.run (Runnable) declares no JMSException: a checked one would reach the caller as
            // UndeclaredThrowableException, so such a method gets the runtime twin.
            if (!declaresJmsException(method)) {
                throw new IllegalStateRuntimeException(message);
            }
            throw new IllegalStateException(message);
        }
        return invokeOpen(method, name, args);
    }

    private static boolean declaresJmsException(Method method) {
        for (Class<?> thrown : method.getExceptionTypes()) {
            if (thrown.isAssignableFrom(JMSException.class)) {
                return true;
            }
        }
        return false;
    }

    final void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException(what() + " is closed");
        }
    }

    /**
     * Calls the physical object. Its exception is rethrown as it is (the proxy is the provider's
     * object to the application), after the managed connection has seen it, since a broken journal
     * must reach the container as a connection error event.
     */
    static Object forward(Object physical, Method method, Object[] args, JournalManagedConnection owner)
            throws Throwable {
        try {
            return method.invoke(physical, args);
        } catch (InvocationTargetException e) {
            owner.checkFailure(e.getCause());
            throw e.getCause();
        }
    }

    private String what() {
        return api.toLowerCase(Locale.ROOT);
    }
}
