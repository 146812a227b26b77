package org.journalmq.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The physical baseline: a bare JDBC loop on the journal's own database, one thread, one
 * single-row INSERT of a --size byte string and one commit per row. It is what one synchronous
 * commit costs on this disk and database (HSQLDB: a CACHED table in the journal's file database,
 * opened with the journal's URL properties, write delay off, so every commit is an fsync of the
 * log; PostgreSQL: a table with the journal's prefix). Printed once, on the JournalMQ peer: no
 * broker is involved.
 */
final class RawCommit extends DeclaredScenario {

    RawCommit() {
        super("raw-commit", 5_000);
        kind(Kind.SELF); // its own table; the runner's queue is not used
        metric(Metric.NONE); // nothing to compare with a peer: it has no messaging in it
        journalOnly(null); // not a row per peer: the journal database's row stands for all
    }

    @Override
    public Result run(BenchContext ctx, String queueName, int messages) throws Exception {
        boolean hsqldb = ctx.jdbcUrl().startsWith("jdbc:hsqldb:");
        String table = ctx.tablePrefix() + "RAW_COMMIT";
        Latencies commits = new Latencies(messages);
        long start;
        long end;
        long rows;
        try (Connection c = ctx.openJdbc()) {
            try (Statement st = c.createStatement()) {
                st.execute(hsqldb
                        ? "CREATE CACHED TABLE IF NOT EXISTS " + table + " (id BIGINT PRIMARY KEY, body VARBINARY("
                                + Math.max(1, ctx.payload().length) + "))"
                        : "CREATE TABLE IF NOT EXISTS " + table + " (id BIGINT PRIMARY KEY, body "
                                + (ctx.jdbcUrl().startsWith("jdbc:mariadb:") ? "LONGBLOB) ENGINE=InnoDB" : "BYTEA)"));
                st.execute("DELETE FROM " + table);
            }
            c.commit();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (id, body) VALUES (?, ?)")) {
                start = System.nanoTime();
                for (int i = 0; i < messages; i++) {
                    long t0 = System.nanoTime();
                    insert.setLong(1, i);
                    insert.setBytes(2, ctx.payload());
                    insert.executeUpdate();
                    c.commit();
                    commits.record(System.nanoTime() - t0);
                }
                end = System.nanoTime();
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                rows = rs.getLong(1);
            }
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE " + table);
            }
            c.commit();
        }
        Latencies.Snapshot l = commits.snapshot();
        String notes = "bare JDBC, 1 thread: 1 INSERT of " + ctx.payload().length + " B + commit per row ("
                + (hsqldb ? "CACHED table, VARBINARY, hsqldb.write_delay=false"
                        : ctx.jdbcUrl().startsWith("jdbc:mariadb:") ? "InnoDB, LONGBLOB" : "BYTEA") + "); p50/p99 per row";
        Result r = new Result(messages, messages / ((end - start) / 1e9), l.millis(50), l.millis(99), notes, true);
        return rows == messages ? r : r.failed(rows + " rows committed for " + messages);
    }
}
