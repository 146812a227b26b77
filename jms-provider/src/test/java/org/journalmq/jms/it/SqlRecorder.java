package org.journalmq.jms.it;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * A DataSource that hands out the real one's connections behind proxies and keeps every SQL text
 * the journal gives JDBC (prepareStatement, prepareCall, nativeSQL, and Statement.execute*,
 * addBatch). Values the journal binds never appear in those texts, so a test value found in one
 * reached SQL as text: the injection check of issue 15 item 5.
 */
final class SqlRecorder extends ForwardingDataSource {
    private final List<String> texts = new CopyOnWriteArrayList<>();

    SqlRecorder(DataSource real) {
        super(real);
    }

    /** Every SQL text seen so far. */
    List<String> texts() {
        return List.copyOf(texts);
    }

    /** The recorded texts that contain {@code marker}, ignoring case (a dialect may fold it). */
    List<String> textsContaining(String marker) {
        String m = marker.toLowerCase(Locale.ROOT);
        return texts.stream().filter(t -> t.toLowerCase(Locale.ROOT).contains(m)).toList();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(real.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return wrap(real.getConnection(user, password));
    }

    private Connection wrap(Connection c) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                new Recording(c, Connection.class));
    }

    /** Records the first String argument of the SQL-taking methods, wraps the Statements handed out. */
    private final class Recording implements InvocationHandler {
        private final Object target;
        private final Class<?> type;

        Recording(Object target, Class<?> type) {
            this.target = target;
            this.type = type;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (args != null && args.length > 0 && args[0] instanceof String sql && takesSql(name)) {
                texts.add(sql);
            }
            if (name.equals("unwrap") && ((Class<?>) args[0]).isInstance(proxy)) {
                return proxy;
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            // Plain Statements take their SQL later (execute*), so they are watched too; a
            // PreparedStatement's text was recorded when it was prepared.
            if (type == Connection.class && name.equals("createStatement") && result instanceof Statement s) {
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                        new Recording(s, Statement.class));
            }
            return result;
        }

        private boolean takesSql(String name) {
            return name.equals("prepareStatement") || name.equals("prepareCall") || name.equals("nativeSQL")
                    || name.startsWith("execute") || name.equals("addBatch");
        }
    }
}
