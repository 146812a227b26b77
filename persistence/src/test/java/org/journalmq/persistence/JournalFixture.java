package org.journalmq.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/** What the conformance tests need from the database under test; implemented by {@link JournalConformanceTest}. */
interface JournalFixture {

    /** The configuration of the current test (fresh database or table prefix). */
    JournalConfig config();

    /** Opens a journal on {@link #config()}; closed after the test. */
    Journal open();

    /** Opens a journal; closed after the test. */
    Journal open(JournalConfig config);

    /**
     * Switches the test to a 300 ms lease, so maintenance runs every 100 ms. Only for the tests of
     * maintenance itself: on a loaded machine a short lease can expire between two runs.
     */
    void useShortLease();

    /** A URL of this dialect pointing at a port where nothing listens, carrying password=secretpw. */
    String unreachableUrl(int port);

    /** Configuration whose credentials the database refuses (the database exists already). */
    JournalConfig wrongCredentials(JournalConfig base);

    default int deliveryCountInDatabase(long id) {
        return (int) column("delivery_count", id);
    }

    default long leaseUntil(long id) {
        return column("lease_until", id);
    }

    private long column(String column, long id) {
        try (Connection c = TestDatabases.connect(config());
             PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM " + config().tablePrefix()
                     + "DELIVERY WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    default Set<String> clientRows() throws SQLException {
        try (Connection c = TestDatabases.connect(config());
             PreparedStatement ps = c.prepareStatement("SELECT client_id FROM " + config().tablePrefix() + "CLIENT");
             ResultSet rs = ps.executeQuery()) {
            Set<String> ids = new HashSet<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        }
    }
}
