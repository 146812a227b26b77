package org.journalmq.persistence.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The writer's own connection, kept across group transactions together with its prepared
 * statements: the writer runs the same few statements thousands of times a second, and preparing
 * them again for every group (HSQLDB compiles the SQL each time; PostgreSQL only reuses a
 * server-side plan for a statement object it has seen before) was a tenth of its time. Callers use
 * the connection as usual, closing what they prepare: {@code close()} of a statement here only
 * clears it for the next use. After any failure the connection is discarded and a fresh one is
 * borrowed for the next group. Not thread-safe: the writer thread alone uses it.
 */
final class PinnedConnection implements AutoCloseable {
    private final Database db;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private Connection real;
    private Connection view;

    PinnedConnection(Database db) {
        this.db = db;
    }

    /** The connection, borrowed on first use (auto-commit off). */
    Connection get() throws SQLException {
        if (real == null) {
            real = db.connection();
            view = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, new ConnectionView());
        }
        return view;
    }

    /** Drops the connection and its statements (after a failure: it may be broken). */
    void discard() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // the connection goes anyway
            }
        }
        statements.clear();
        if (real != null) {
            try {
                real.close();
            } catch (SQLException ignored) {
                // the pool evicts a broken connection
            }
        }
        real = null;
        view = null;
    }

    @Override
    public void close() {
        discard();
    }

    private static Object call(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** prepareStatement(String) from the cache; close() does nothing; everything else goes through. */
    private final class ConnectionView implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            switch (m.getName()) {
                case "close":
                    return null;
                case "prepareStatement":
                    if (args.length == 1) {
                        return cached((String) args[0]);
                    }
                    return call(real, m, args);
                case "unwrap":
                    return ((Class<?>) args[0]).isInstance(proxy) ? proxy : real.unwrap((Class<?>) args[0]);
                case "isWrapperFor":
                    return ((Class<?>) args[0]).isInstance(proxy) || real.isWrapperFor((Class<?>) args[0]);
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    return call(real, m, args);
            }
        }

        private PreparedStatement cached(String sql) throws SQLException {
            PreparedStatement ps = statements.get(sql);
            if (ps == null) {
                ps = real.prepareStatement(sql);
                statements.put(sql, ps);
            }
            PreparedStatement target = ps;
            return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, (p, m, a) -> {
                        if (m.getName().equals("close")) {
                            target.clearBatch();
                            target.clearParameters();
                            return null;
                        }
                        if (m.getName().equals("getConnection")) {
                            return view;
                        }
                        return call(target, m, a);
                    });
        }
    }
}
