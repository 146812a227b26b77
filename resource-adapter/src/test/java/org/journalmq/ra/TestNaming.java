package org.journalmq.ra;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;

/**
 * The server's JNDI namespace in unit tests: {@code new InitialContext().lookup(name)} finds what a
 * test bound here (install with {@link #install()}, which sets {@code java.naming.factory.initial}).
 * Only lookup by string name is served; the adapter needs nothing else.
 */
public final class TestNaming implements InitialContextFactory {

    private static final Map<String, Object> BOUND = new ConcurrentHashMap<>();

    static void install() {
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, TestNaming.class.getName());
    }

    static void bind(String name, Object value) {
        BOUND.put(name, value);
    }

    static void unbind(String name) {
        BOUND.remove(name);
    }

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) {
        return (Context) Proxy.newProxyInstance(TestNaming.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "lookup" -> {
                            String name = String.valueOf(args[0]);
                            Object value = BOUND.get(name);
                            if (value == null) {
                                throw new NameNotFoundException(name + " is not bound");
                            }
                            return value;
                        }
                        case "close" -> {
                            return null;
                        }
                        default -> throw new UnsupportedOperationException("test naming: " + method.getName());
                    }
                });
    }
}
