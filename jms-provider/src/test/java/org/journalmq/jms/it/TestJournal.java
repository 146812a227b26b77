package org.journalmq.jms.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.journalmq.jms.JournalConnectionFactory;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The journal a JMS test runs against: an HSQLDB file database in a temporary folder, or the
 * local PostgreSQL with tables under a random prefix (dropped afterwards). PostgreSQL tests fail
 * when it is unreachable under CI=true, and are skipped with a printed reason otherwise.
 */
public final class TestJournal implements AutoCloseable {

    public static final String PG_URL = System.getProperty("journalmq.test.pg.url",
            "jdbc:postgresql://127.0.0.1:5432/journalmq_test");
    public static final String PG_USER = System.getProperty("journalmq.test.pg.user", "journalmq");

    public enum Kind { HSQLDB, POSTGRESQL }

    private final Kind kind;
    private final String url;
    private final String user;
    private final String prefix;

    private TestJournal(Kind kind, String url, String user, String prefix) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.prefix = prefix;
    }

    public static TestJournal hsqldb(Path dir) {
        return new TestJournal(Kind.HSQLDB, "jdbc:hsqldb:file:" + dir.resolve("journal").toAbsolutePath(), null,
                "JMQ_");
    }

    public static TestJournal postgresql() {
        requirePostgres();
        return new TestJournal(Kind.POSTGRESQL, PG_URL, PG_USER, randomPrefix());
    }

    public static TestJournal of(Kind kind, Path dir) {
        return kind == Kind.HSQLDB ? hsqldb(dir) : postgresql();
    }

    static String randomPrefix() {
        StringBuilder b = new StringBuilder("T");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            b.append((char) ('A' + r.nextInt(26)));
        }
        return b.append('_').toString();
    }

    /** Fails under CI=true, skips otherwise, when PostgreSQL cannot be reached. */
    public static void requirePostgres() {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, null)) {
            Assertions.assertTrue(c.isValid(2));
        } catch (SQLException e) {
            String why = "PostgreSQL at " + PG_URL + " is unreachable: " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why + " (CI=true: PostgreSQL tests are mandatory)");
            }
            System.out.println("SKIPPED: " + why);
            Assumptions.abort(why);
        }
    }

    public Kind kind() {
        return kind;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String prefix() {
        return prefix;
    }

    /** A fresh factory on this journal. */
    public JournalConnectionFactory factory() {
        JournalConnectionFactory f = new JournalConnectionFactory(url);
        f.setUser(user);
        f.setTablePrefix(prefix);
        return f;
    }

    /** Command-line style settings for child JVMs: url, user (or "-"), prefix. */
    public List<String> childArgs() {
        return List.of(url, user == null ? "-" : user, prefix);
    }

    /** Drops the PostgreSQL tables and sequences of this test's prefix. */
    @Override
    public void close() throws SQLException {
        if (kind != Kind.POSTGRESQL) {
            return;
        }
        try (Connection c = DriverManager.getConnection(url, user, null)) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, null, null, new String[] {"TABLE", "SEQUENCE"})) {
                while (rs.next()) {
                    String n = rs.getString("TABLE_NAME");
                    if (n.toUpperCase(Locale.ROOT).startsWith(prefix.toUpperCase(Locale.ROOT))) {
                        names.add(rs.getString("TABLE_TYPE") + " " + n);
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                for (String n : names) {
                    String[] typeAndName = n.split(" ", 2);
                    s.execute("DROP " + typeAndName[0] + " IF EXISTS \"" + typeAndName[1] + "\" CASCADE");
                }
            }
        }
    }
}
