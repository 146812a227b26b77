package org.journalmq.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.journalmq.jms.JournalConnection;
import org.journalmq.jms.JournalLocalSession;

/**
 * Business transactions of one JDBC row and one message each, on one thread: {@code local-tx}
 * commits both in one local database transaction (a {@link JournalLocalSession} on the
 * application's connection, issue 6 item 4); {@code row-then-send} is the usual non-atomic way, a
 * JDBC commit of the row and then a synchronous JMS send, two commits. msgs/s is transactions per
 * second; the percentiles are those of one whole transaction. The rows go to an application table
 * {@code <prefix>BENCH_ROW} in the journal's database, emptied before each run and counted after it.
 */
final class LocalTx extends DeclaredScenario {

    private final boolean atomic;

    LocalTx(boolean atomic) {
        super(atomic ? "local-tx" : "row-then-send", 5_000);
        kind(Kind.SEND_ONLY);
        journalOnly("JournalMQ only (the message joins the application's JDBC transaction)");
        this.atomic = atomic;
    }

    @Override
    public Result run(BenchContext ctx, String queueName, int messages) throws Exception {
        String table = ctx.tablePrefix() + "BENCH_ROW";
        Latencies transactions = new Latencies(messages);
        long start;
        long end;
        try (Connection c = ctx.connect(); java.sql.Connection jdbc = ctx.openJdbc()) {
            prepareTable(jdbc, table);
            Session s = atomic ? ((JournalConnection) c).createSession(jdbc)
                    : c.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(queueName));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            try (PreparedStatement insert = jdbc.prepareStatement("INSERT INTO " + table
                    + " (id, note) VALUES (?, ?)")) {
                start = System.nanoTime();
                for (int i = 0; i < messages; i++) {
                    long t0 = System.nanoTime();
                    insert.setLong(1, i);
                    insert.setString(2, "order " + i);
                    insert.executeUpdate();
                    var m = ctx.message(s, i);
                    m.setLongProperty(BenchContext.SENT_AT, t0);
                    if (atomic) {
                        p.send(m);
                        s.commit();
                    } else {
                        jdbc.commit();
                        p.send(m);
                    }
                    transactions.record(System.nanoTime() - t0);
                }
                end = System.nanoTime();
            }
            s.close();
        }
        long rows = countRows(ctx, table);
        Latencies.Snapshot l = transactions.snapshot();
        String notes = (atomic ? "1 row + 1 message per local transaction (one commit)"
                : "1 row JDBC commit, then 1 sync send (two commits, not atomic)")
                + "; msgs/s = transactions/s; p50/p99 per transaction";
        if (rows != messages) {
            return new Result(messages, messages / ((end - start) / 1e9), l.millis(50), l.millis(99),
                    notes + "; " + rows + " rows committed for " + messages + " transactions", false);
        }
        return new Result(messages, messages / ((end - start) / 1e9), l.millis(50), l.millis(99), notes, true);
    }

    private static void prepareTable(java.sql.Connection jdbc, String table) throws SQLException {
        try (Statement st = jdbc.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + table + " (id BIGINT PRIMARY KEY, note VARCHAR(100))");
            st.execute("DELETE FROM " + table);
        }
        jdbc.commit();
    }

    private static long countRows(BenchContext ctx, String table) throws SQLException {
        try (java.sql.Connection jdbc = ctx.openJdbc(); Statement st = jdbc.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            long n = rs.getLong(1);
            jdbc.rollback();
            return n;
        }
    }
}
