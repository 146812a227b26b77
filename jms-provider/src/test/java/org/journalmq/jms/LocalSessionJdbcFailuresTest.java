package org.journalmq.jms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.journalmq.persistence.JournalException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link JournalConnection#createSession(DataSource)} when the application's own JDBC objects fail
 * (issue 19 item 3 moved those calls behind the persistence SPI): the JMS exception type, error code
 * and message stay what they were, the driver's SQLException stays reachable, and a connection
 * taken before the failure is closed. The failing DataSource and connection are proxies: a real
 * driver cannot be made to refuse on cue.
 */
class LocalSessionJdbcFailuresTest {
    private JournalConnection connection;

    @BeforeEach
    void open() throws JMSException {
        connection = (JournalConnection) new JournalConnectionFactory(
                "jdbc:hsqldb:mem:ltx-failures-" + System.nanoTime()).createConnection();
    }

    @AfterEach
    void close() throws JMSException {
        connection.close();
    }

    @Test
    @DisplayName("a DataSource refusing the credentials gives JMSSecurityException without the driver's text")
    void refusedCredentials() {
        SQLException refused = new SQLException("password authentication failed for user \"bob\"", "28P01");
        DataSource ds = dataSource(() -> {
            throw refused;
        });
        JMSException e = assertThrows(JMSException.class, () -> connection.createSession(ds));
        assertInstanceOf(JMSSecurityException.class, e);
        assertEquals("JMQ-AUTH", e.getErrorCode());
        assertEquals("get a connection from the application's DataSource failed: the database refused the"
                + " credentials", e.getMessage());
        JournalException linked = assertInstanceOf(JournalException.class, e.getLinkedException());
        assertEquals(JournalException.Kind.AUTHENTICATION, linked.kind());
        assertSame(refused, linked.getCause());
    }

    @Test
    @DisplayName("a connection refusing auto-commit off is closed and its failure translated by SQL state")
    void autoCommitRefused() {
        AtomicBoolean closed = new AtomicBoolean();
        SQLException broken = new SQLException("I/O error: connection reset", "08006");
        Connection jdbc = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setAutoCommit" -> throw broken;
                    case "close" -> {
                        closed.set(true);
                        yield null;
                    }
                    case "isClosed" -> closed.get();
                    case "toString" -> "failing connection";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        JMSException e = assertThrows(JMSException.class, () -> connection.createSession(dataSource(() -> jdbc)));
        assertFalse(e instanceof JMSSecurityException);
        assertEquals(JmsExceptions.DATABASE_UNAVAILABLE, e.getErrorCode());
        assertEquals("turn off auto-commit failed: SQLState 08006: I/O error: connection reset", e.getMessage());
        JournalException linked = assertInstanceOf(JournalException.class, e.getLinkedException());
        assertEquals(JournalException.Kind.UNAVAILABLE, linked.kind());
        assertSame(broken, linked.getCause());
        assertTrue(closed.get(), "the connection taken from the DataSource is closed");
    }

    private interface ConnectionSupplier {
        Connection get() throws SQLException;
    }

    /** A DataSource whose getConnection() is {@code supplier}; nothing else is called. */
    private static DataSource dataSource(ConnectionSupplier supplier) {
        return (DataSource) Proxy.newProxyInstance(LocalSessionJdbcFailuresTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> supplier.get();
                    case "toString" -> "failing DataSource";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
