package org.journalmq.bench.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Dynamic proxies over a real Connection and its statements. Only statement executions are
 * counted: execute, executeQuery, executeUpdate, executeLargeUpdate (one each) and executeBatch /
 * executeLargeBatch (the whole batch as one, one round trip). Everything else passes through,
 * unwrap included, so a caller that unwraps to the driver's own type gets the real object.
 */
final class CountingProxies {

    private CountingProxies() {
    }

    static Connection connection(Connection real) {
        return (Connection) Proxy.newProxyInstance(CountingProxies.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new ConnectionHandler(real));
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause(); // the SQLException the caller expects, not the reflection wrapper
        }
    }

    private record ConnectionHandler(Connection real) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            Object result = CountingProxies.invoke(real, m, args);
            if (result instanceof CallableStatement s) {
                return statement(s, CallableStatement.class, proxy);
            }
            if (result instanceof PreparedStatement s) {
                return statement(s, PreparedStatement.class, proxy);
            }
            if (result instanceof Statement s) {
                return statement(s, Statement.class, proxy);
            }
            return result;
        }
    }

    private static Object statement(Statement real, Class<?> type, Object connectionProxy) {
        return Proxy.newProxyInstance(CountingProxies.class.getClassLoader(), new Class<?>[] {type},
                new StatementHandler(real, connectionProxy));
    }

    private record StatementHandler(Statement real, Object connectionProxy) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            if (m.getName().startsWith("execute")) {
                StatementCounts.count(Thread.currentThread().getName());
            }
            if (m.getName().equals("getConnection") && m.getParameterCount() == 0) {
                return connectionProxy; // statement.getConnection() must give back the wrapper
            }
            return CountingProxies.invoke(real, m, args);
        }
    }
}
