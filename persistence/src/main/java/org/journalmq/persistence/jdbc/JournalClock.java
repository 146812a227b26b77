package org.journalmq.persistence.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The journal clock: this JVM's clock plus the measured offset to the database clock. Leases are
 * compared across machines, so they must use one clock; measuring the offset now and then keeps
 * every statement binding plain longs instead of calling the database's time function.
 */
final class JournalClock {
    private final String query;
    private volatile long offsetMillis;

    JournalClock(String query) {
        this.query = query;
    }

    long now() {
        return System.currentTimeMillis() + offsetMillis;
    }

    /** Measures the offset, taking the midpoint of the round trip as the moment the database read its clock. */
    void measure(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            long before = System.currentTimeMillis();
            try (ResultSet rs = s.executeQuery(query)) {
                rs.next();
                long database = rs.getLong(1);
                long after = System.currentTimeMillis();
                offsetMillis = database - (before + after) / 2;
            }
        }
    }

    long offsetMillis() {
        return offsetMillis;
    }
}
