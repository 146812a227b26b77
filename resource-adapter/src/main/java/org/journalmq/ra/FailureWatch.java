package org.journalmq.ra;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Wraps a producer, consumer or browser made through a session handle so that an exception saying
 * the journal failed also reaches the managed connection, which reports itself broken to the container
 * (connectionErrorOccurred). Calls and results are otherwise the provider's own.
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
