package org.journalmq.ra;

import jakarta.jms.CompletionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.MessageConsumer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Wraps a producer, consumer or browser made through a session handle so that an exception saying
 * the journal failed also reaches the managed connection, which reports itself broken to the container
 * (connectionErrorOccurred). It also refuses what Jakarta Messaging 3.1 sec. 12.2 forbids on these
 * objects in a web or EJB container: a consumer's message listener (asynchronous delivery needs
 * threads the container owns; MDBs are the container's way) and an asynchronous send (its callback
 * would run outside the component's transaction and security context). Calls and results are
 * otherwise the provider's own.
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
                    refuseForbidden(method);
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        owner.checkFailure(e.getCause());
                        throw e.getCause();
                    }
                });
    }

    /**
     * MessageConsumer.get/setMessageListener and MessageProducer.send(..., CompletionListener): the
     * javadoc of each says it must not be used in a Jakarta EE web or EJB application and may throw
     * JMSException; IllegalStateException is the JMSException for a call the state forbids.
     */
    private static void refuseForbidden(Method method) throws IllegalStateException {
        String name = method.getName();
        boolean listener = (name.equals("setMessageListener") || name.equals("getMessageListener"))
                && MessageConsumer.class.isAssignableFrom(method.getDeclaringClass());
        Class<?>[] params = method.getParameterTypes();
        boolean asyncSend = name.equals("send") && params.length > 0
                && params[params.length - 1] == CompletionListener.class;
        if (listener || asyncSend) {
            String api = listener ? "MessageConsumer." + name : "MessageProducer.send with a CompletionListener";
            throw new IllegalStateException(api + " must not be called in a Jakarta EE web or EJB container"
                    + " (Jakarta Messaging 3.1 section 12.2)" + (listener ? "; use a message-driven bean" : ""));
        }
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
