package org.journalmq.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.journalmq.persistence.ConformanceSupport.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Journal-wide traffic counts (issue 18, migration 8): every client publishes its own counts at its
 * heartbeat, any client reads the sums, and the counts of dead or closed clients are kept.
 * Part of {@link JournalConformanceTest}.
 */
interface TrafficConformance extends JournalFixture {

    @Test
    default void journalTrafficSumsEveryClientAndNeverLosesTheCountsOfDeadOrClosedOnes() throws SQLException {
        useShortLease(); // heartbeat every 100 ms, a client is dead after 900 ms without one
        Journal first = open();
        Journal second = open();
        Journal reader = open(); // as a stand-alone console would be: it sends nothing itself
        sendAll(first, List.of(message("Q:a", 4, "1"), message("Q:a", 4, "2"), message("Q:a", 4, "3")));
        sendAll(second, List.of(message("Q:a", 4, "4"), message("Q:a", 4, "5"), message("Q:b", 4, "6")));
        List<StoredMessage> claimed = first.claim(ClaimRequest.of("Q:a", 2));
        first.writeAndWait(UnitOfWork.ack(claimed.stream().map(StoredMessage::ack).toList()));
        assertEquals(0, reader.trafficCounts().enqueued("Q:a"), "the reader's own counts stay its own");

        // [enqueued Q:a, acked Q:a, enqueued Q:b, acked Q:b]
        await("both clients' counts published", () -> sums(reader).equals(List.of(5L, 2L, 1L, 0L)));
        JournalOverview o = reader.overview();
        assertEquals(o.takenAt(), o.traffic().takenAt(), "read with the overview, on the journal clock");

        // A client that died: its client row has no heartbeat and it owns second's rows (one
        // transaction: maintenance must not remove the client row before it owns them).
        execute("INSERT INTO " + config().tablePrefix() + "CLIENT (client_id, heartbeat_at, started_at)"
                + " VALUES ('dead-client', 0, 0)", "UPDATE " + config().tablePrefix() + "TRAFFIC"
                + " SET client_id = 'dead-client' WHERE client_id = '" + second.clientId() + "'");
        List<List<Long>> seen = new ArrayList<>();
        await("maintenance removes the dead client", () -> {
            seen.add(sums(reader));
            return !clientRowsUnchecked().contains("dead-client");
        });
        seen.add(sums(reader));
        seen.forEach(s -> assertEquals(List.of(5L, 2L, 1L, 0L), s, "the sums never drop while a client is folded"));
        assertEquals(0, rows("client_id = 'dead-client'"), "its rows are folded away");
        assertEquals(2, rows("client_id = '-'"), "into one retired row per destination");

        // second lives on: its rows were folded from under it, so it must add only what is new.
        sendAll(second, List.of(message("Q:a", 4, "7")));
        await("second's new send counted once", () -> sums(reader).equals(List.of(6L, 2L, 1L, 0L)));

        first.close();
        second.close();
        assertEquals(List.of(6L, 2L, 1L, 0L), sums(reader), "a clean close keeps the client's counts");
        assertEquals(0, rows("client_id <> '-'"), "closed clients leave only retired rows");

        Journal restarted = open(); // a JVM that restarts is a new client starting from 0
        StoredMessage b = restarted.claim(ClaimRequest.of("Q:b", 1)).get(0);
        restarted.writeAndWait(UnitOfWork.ack(List.of(b.ack())));
        await("a restarted client adds to the sums", () -> sums(reader).equals(List.of(6L, 2L, 1L, 1L)));
    }

    private static List<Long> sums(Journal reader) {
        JournalTraffic t = reader.overview().traffic();
        return List.of(t.enqueued("Q:a"), t.acked("Q:a"), t.enqueued("Q:b"), t.acked("Q:b"));
    }

    private java.util.Set<String> clientRowsUnchecked() {
        try {
            return clientRows();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private void execute(String... statements) throws SQLException {
        try (Connection c = TestDatabases.connect(config())) {
            c.setAutoCommit(false);
            for (String sql : statements) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    assertTrue(ps.executeUpdate() > 0, sql);
                }
            }
            c.commit();
        }
    }

    private long rows(String where) throws SQLException {
        try (Connection c = TestDatabases.connect(config());
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + config().tablePrefix()
                     + "TRAFFIC WHERE " + where);
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }
}
