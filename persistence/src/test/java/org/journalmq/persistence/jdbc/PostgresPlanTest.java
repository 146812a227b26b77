package org.journalmq.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.journalmq.persistence.Ack;
import org.journalmq.persistence.ClaimRequest;
import org.journalmq.persistence.Journal;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.Journals;
import org.journalmq.persistence.NewMessage;
import org.journalmq.persistence.StoredMessage;
import org.journalmq.persistence.TestDatabases;
import org.journalmq.persistence.UnitOfWork;
import org.journalmq.persistence.dialect.PostgresDialect;
import org.journalmq.persistence.dialect.Tables;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL claim must not depend on fresh planner statistics (docs/benchmarks.md, "reltuples
 * = 0"). A vacuum that does not truncate a drained delivery table leaves {@code pg_class.reltuples
 * = 0} with {@code relpages > 0}: the planner then takes the table for empty whatever it holds,
 * until the next ANALYZE. With {@code id IN (SELECT ... LIMIT ? FOR UPDATE SKIP LOCKED)} it planned
 * a semi join that ran the head's subquery again for every row of the table (over 3 minutes for one
 * claim on a million rows). The test builds that state (the shared test server runs without
 * autovacuum, so nothing analyzes behind its back) and checks the claim's plan, not its time.
 */
class PostgresPlanTest {
    private static final String QUEUE = "Q:plan";
    private static final int DRAINED = 2_000;
    /** Below {@link PlannerStatistics#MIN_LIVE_ROWS}: the journal's own ANALYZE leaves this state alone. */
    private static final int FILLED = 8_000;
    private static final int BATCH = 1_000;

    @Test
    void theClaimReadsTheHeadOnceWhenThePlannerTakesTheTableForEmpty() throws Exception {
        JournalConfig config = TestDatabases.postgres().build();
        Tables tables = new Tables(config.tablePrefix());
        String claim = new PostgresDialect().skipLockedClaim(tables).orElseThrow();
        try (Journal journal = Journals.open(config); Connection c = TestDatabases.connect(config)) {
            plannerSeesNoRows(journal, c, tables, FILLED);

            String plan = explain(c, "EXPLAIN (FORMAT JSON) ", claim);
            assertFalse(plan.contains("\"Nested Loop"), "no join over the delivery table:\n" + plan);
            assertFalse(plan.contains("\"Subquery Scan\""), "the head is no rescanned subquery:\n" + plan);
            assertTrue(plan.contains("\"Parent Relationship\": \"InitPlan\""), "the head is an InitPlan:\n" + plan);

            c.setAutoCommit(false);
            try {
                String analyzed = explain(c, "EXPLAIN (ANALYZE, FORMAT JSON) ", claim);
                assertEquals(List.of(1L), values(analyzed, "LockRows", "Actual Loops"),
                        "the head's row locks are taken by one run of the subquery:\n" + analyzed);
                assertEquals(List.of(10L), values(analyzed, "ModifyTable", "Actual Rows"), analyzed);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }

            assertEquals(0, relation(c, tables.delivery())[0], "nothing analyzed the table since the vacuum");
            List<StoredMessage> first = journal.claim(ClaimRequest.of(QUEUE, 10));
            assertEquals(10, first.size(), "a claim right after the fill");
            assertEquals(0, relation(c, tables.delivery())[0], "the claim ran in the reltuples = 0 state");
        } finally {
            TestDatabases.dropAll(config);
        }
    }

    /**
     * The journal's maintenance analyzes a table the planner takes for (nearly) empty when it holds
     * many rows: lookups by id such as {@link Sql#claimById} then read the primary key again, not a
     * whole index of the table (JMQ1027).
     */
    @Test
    void theJournalAnalyzesATableThePlannerTakesForEmpty() throws Exception {
        // A short lease, so that maintenance runs every 100 ms.
        JournalConfig config = TestDatabases.postgres().leaseMillis(300).build();
        Tables tables = new Tables(config.tablePrefix());
        Sql sql = new Sql(new PostgresDialect(), tables);
        int filled = (int) PlannerStatistics.MIN_LIVE_ROWS + 2_000;
        try (Journal journal = Journals.open(config); Connection c = TestDatabases.connect(config)) {
            plannerSeesNoRows(journal, c, tables, filled);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long reltuples;
            while ((reltuples = relation(c, tables.delivery())[0]) == 0) {
                assertTrue(System.nanoTime() < deadline, "the journal analyzed the table within 30 s");
                // A server process publishes its live-row counts at the end of a transaction at
                // most once a second, or after 10 s idle: one more send makes the writer's sooner.
                send(journal, 1, false);
                TimeUnit.MILLISECONDS.sleep(50); // polling interval of the bounded wait
            }
            assertTrue(reltuples > filled / 2, "the estimate after the ANALYZE: " + reltuples);
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN (FORMAT JSON) " + sql.claimById)) {
                ps.setString(1, "client");
                ps.setString(2, "client/consumer");
                ps.setLong(3, System.currentTimeMillis() + 60_000);
                ps.setLong(4, 12_345);
                ps.setInt(5, 0);
                ps.setString(6, "client/consumer");
                ps.setLong(7, System.currentTimeMillis());
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    String plan = rs.getString(1);
                    assertTrue(plan.contains("\"Index Name\": \"" + tables.delivery().toLowerCase(Locale.ROOT)
                            + "_pkey\""), "a lookup by id reads the primary key:\n" + plan);
                }
            }
        } finally {
            TestDatabases.dropAll(config);
        }
    }

    /**
     * Builds the state of the benchmark: a drained table vacuumed without truncation
     * ({@code reltuples = 0}, {@code relpages > 0}), then filled with n messages, half of them in
     * message groups, without an ANALYZE since.
     */
    private static void plannerSeesNoRows(Journal journal, Connection c, Tables tables, int n) throws SQLException {
        send(journal, DRAINED, false);
        drain(journal);
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM (TRUNCATE false) " + tables.delivery());
        }
        long[] before = relation(c, tables.delivery());
        assertEquals(0, before[0], "reltuples after the vacuum of the drained table");
        assertTrue(before[1] > 0, "relpages after the vacuum of the drained table: " + before[1]);
        send(journal, n, true);
    }

    /** Sends n messages in transactions of {@link #BATCH}; every other one of a message group if grouped. */
    private static void send(Journal journal, int n, boolean grouped) {
        byte[] body = "x".repeat(100).getBytes(StandardCharsets.UTF_8);
        for (int sent = 0; sent < n; sent += BATCH) {
            List<NewMessage> rows = new ArrayList<>(BATCH);
            for (int i = sent; i < Math.min(n, sent + BATCH); i++) {
                String group = grouped && i % 2 == 0 ? "g" + (i % 20) : null;
                rows.add(new NewMessage(QUEUE, 4, 0, 0, group, body, null, null));
            }
            journal.writeAndWait(new UnitOfWork(rows, List.of()));
        }
    }

    /** Claims and acknowledges every message of the queue. */
    private static void drain(Journal journal) {
        List<StoredMessage> claimed;
        while (!(claimed = journal.claim(ClaimRequest.of(QUEUE, 500))).isEmpty()) {
            List<Ack> acks = new ArrayList<>(claimed.size());
            for (StoredMessage m : claimed) {
                acks.add(new Ack(m.id(), m.deliveryCount(), m.destination(), m.groupId()));
            }
            journal.writeAndWait(UnitOfWork.ack(acks));
        }
        assertEquals(0, journal.depth(QUEUE));
    }

    /** reltuples and relpages of the table, as the planner reads them. */
    private static long[] relation(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT CAST(reltuples AS BIGINT), relpages FROM pg_class WHERE oid = to_regclass(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), table);
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    /** EXPLAINs the claim with the parameters a claim of 10 by a consumer binds (Claimer). */
    private static String explain(Connection c, String explain, String claim) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement ps = c.prepareStatement(explain + claim)) {
            ps.setString(1, "client");
            ps.setString(2, "client/consumer");
            ps.setLong(3, now + 60_000);
            ps.setString(4, QUEUE);
            ps.setLong(5, now);
            ps.setLong(6, now);
            ps.setString(7, "client/consumer");
            ps.setLong(8, now);
            ps.setInt(9, 10);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    /**
     * A figure of every node of the type in a JSON plan: the figure that follows the node type
     * before the next node starts (EXPLAIN prints a node's own keys before its "Plans").
     */
    private static List<Long> values(String plan, String nodeType, String key) {
        List<Long> found = new ArrayList<>();
        Matcher node = Pattern.compile("\"Node Type\": \"" + nodeType + "\"").matcher(plan);
        while (node.find()) {
            int end = plan.indexOf("\"Node Type\"", node.end());
            String own = plan.substring(node.end(), end < 0 ? plan.length() : end);
            Matcher m = Pattern.compile("\"" + key + "\": (\\d+)").matcher(own);
            if (m.find()) {
                found.add(Long.parseLong(m.group(1)));
            }
        }
        return found;
    }
}
