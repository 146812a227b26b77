package org.journalmq.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The disk a journal's tables take, for the bloat figures of {@link DeepQueue}: on PostgreSQL the
 * heap (with TOAST) and index sizes of every table of the prefix, read from the catalog; on an
 * HSQLDB file journal the size of its {@code .data} file (CACHED tables live there; the file never
 * shrinks before a CHECKPOINT DEFRAG). Other journals report nothing.
 */
abstract class StorageSizes {

    /** Table and index bytes; an HSQLDB file holds both, counted as table bytes. */
    record Figures(long tableBytes, long indexBytes) {
        long total() {
            return tableBytes + indexBytes;
        }

        double ratioTo(Figures base) {
            return base.total() == 0 ? Double.NaN : (double) total() / base.total();
        }

        @Override
        public String toString() {
            return "tables " + DeepQueue.mib(tableBytes) + ", indexes " + DeepQueue.mib(indexBytes) + ", total "
                    + DeepQueue.mib(total());
        }
    }

    abstract Figures read() throws SQLException, IOException;

    /**
     * Dead tuples below which the tables count as cleaned: the clients' heartbeats and traffic
     * rows leave a few dozen at any time.
     */
    static final long SETTLED = 1_000;

    /**
     * Waits, at most {@code maxSeconds}, for the database's own clean-up of the rows a drain
     * deleted (PostgreSQL: until the tables of the prefix hold fewer than {@value #SETTLED} dead
     * tuples, as autovacuum leaves them) and says what happened; nothing to wait for elsewhere.
     */
    String settle(int maxSeconds) throws SQLException, InterruptedException {
        return "nothing to settle";
    }

    static StorageSizes of(String url, String user, String prefix) {
        if (url.startsWith("jdbc:postgresql:")) {
            String like = prefix.toLowerCase(java.util.Locale.ROOT).replace("_", "\\_") + "%";
            return new StorageSizes() {
                @Override
                String settle(int maxSeconds) throws SQLException, InterruptedException {
                    long start = System.nanoTime();
                    long dead = deadTuples();
                    while (dead >= SETTLED && System.nanoTime() - start < maxSeconds * 1_000_000_000L) {
                        Thread.sleep(2_000);
                        dead = deadTuples();
                    }
                    return String.format(java.util.Locale.ROOT, "%s after %.0f s (%,d dead tuples left)",
                            dead < SETTLED ? "autovacuum done" : "autovacuum not done", (System.nanoTime() - start) / 1e9,
                            dead);
                }

                private long deadTuples() throws SQLException {
                    try (Connection c = DriverManager.getConnection(url, user, null);
                         PreparedStatement st = c.prepareStatement("SELECT COALESCE(SUM(n_dead_tup), 0)"
                                 + " FROM pg_stat_user_tables WHERE schemaname = 'public' AND relname LIKE ?")) {
                        st.setString(1, like);
                        try (ResultSet rs = st.executeQuery()) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    }
                }

                @Override
                Figures read() throws SQLException {
                    // unquoted identifiers are folded to lower case by PostgreSQL
                    try (Connection c = DriverManager.getConnection(url, user, null);
                         PreparedStatement st = c.prepareStatement("SELECT COALESCE(SUM(pg_table_size(oid)), 0),"
                                 + " COALESCE(SUM(pg_indexes_size(oid)), 0) FROM pg_class WHERE relkind = 'r'"
                                 + " AND relnamespace = 'public'::regnamespace AND relname LIKE ?")) {
                        st.setString(1, like);
                        try (ResultSet rs = st.executeQuery()) {
                            rs.next();
                            return new Figures(rs.getLong(1), rs.getLong(2));
                        }
                    }
                }
            };
        }
        String file = "jdbc:hsqldb:file:";
        if (url.startsWith(file)) {
            int end = url.indexOf(';');
            Path data = Path.of(url.substring(file.length(), end < 0 ? url.length() : end) + ".data");
            return new StorageSizes() {
                @Override
                Figures read() throws IOException {
                    return new Figures(Files.exists(data) ? Files.size(data) : 0, 0);
                }
            };
        }
        return new StorageSizes() {
            @Override
            Figures read() {
                return new Figures(0, 0);
            }
        };
    }
}
