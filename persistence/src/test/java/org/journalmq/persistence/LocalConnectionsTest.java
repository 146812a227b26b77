package org.journalmq.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The application's JDBC objects as the local-transaction session uses them, failures as kinds. */
class LocalConnectionsTest {

    @Test
    void turnsAutoCommitOffAndCloses() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:hsqldb:mem:local-connections-" + System.nanoTime(), "SA", "");
        LocalConnections.turnOffAutoCommit(c);
        assertFalse(c.getAutoCommit());
        LocalConnections.close(c);
        assertTrue(c.isClosed());
    }

    @Test
    void failuresCarryTheKindOfTheirSqlStateAndMaskPasswords() {
        SQLException refused = new SQLException("no route to jdbc:postgresql://db/x?password=secret", "08001");
        Connection broken = failing(refused);
        JournalException e = assertThrows(JournalException.class, () -> LocalConnections.close(broken));
        assertEquals(JournalException.Kind.UNAVAILABLE, e.kind());
        assertEquals("SQLState 08001: no route to jdbc:postgresql://db/x?password=****", e.getMessage());
        assertSame(refused, e.getCause());

        SQLException credentials = new SQLException("bad password", "28000");
        e = assertThrows(JournalException.class, () -> LocalConnections.turnOffAutoCommit(failing(credentials)));
        assertEquals(JournalException.Kind.AUTHENTICATION, e.kind());

        LocalConnections.closeQuietly(broken); // the caller reports an earlier failure instead
    }

    /** A connection whose every method throws {@code failure}. */
    private static Connection failing(SQLException failure) {
        return (Connection) Proxy.newProxyInstance(LocalConnectionsTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    throw failure;
                });
    }
}
