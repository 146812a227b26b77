package org.journalmq.ra;

import jakarta.jms.IllegalStateException;
import jakarta.jms.MessageConsumer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Wraps a producer, consumer or browser made through a session handle so that an exception saying
 * the journal failed also reaches the managed connection, which reports itself broken to the container
 * (connectionErrorOccurred). Calls and results are otherwise the provider's own, except a consumer's
 * message listener methods, which a container forbids (Jakarta Messaging 3.1 sec. 12.2).
 */
final class FailureWatch {

    private FailureWatch() {
    }

    static Object watch(Object target, JournalManagedConnection owner) {
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            collect(c, interfaces);
        }
        return Proxy.newProxyInstance(FailureWatch.class.getClassLoader(), interfaces.toArray(new Class<?>[0]),
                (p, method, args) -> {
                    switch (method.getName()) {
                        case "equals" -> {
                            return p == args[0];
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(p);
                        }
                        default -> {
                        }
                    }
                    if (target instanceof MessageConsumer && (method.getName().equals("setMessageListener")
                            || method.getName().equals("getMessageListener"))) {
                        // sec. 12.2 forbids these on a consumer in a web or EJB container (asynchronous
                        // delivery is for message-driven beans), as SessionHandle does for the session's
                        throw new IllegalStateException("MessageConsumer." + method.getName() + " must not be called"
                                + " in a Jakarta EE web or EJB container (Jakarta Messaging 3.1 section 12.2)");
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        owner.checkFailure(e.getCause());
                        throw e.getCause();
                    }
                });
    }

    /** The public jakarta.jms interfaces (and AutoCloseable) of a class, with their super-interfaces. */
    private static void collect(Class<?> type, Set<Class<?>> into) {
        for (Class<?> i : type.getInterfaces()) {
            if (i.getName().startsWith("jakarta.jms.") || i == AutoCloseable.class) {
                into.add(i);
            }
            collect(i, into);
        }
    }
}
