package org.journalmq.jms.it;

import java.nio.file.Path;
import java.util.List;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.TestDatabases;

/**
 * The journal a JMS test runs against: an HSQLDB file database in a temporary folder, or the
 * local PostgreSQL or MariaDB with tables under a random prefix (dropped afterwards). PostgreSQL
 * and MariaDB tests fail when it is unreachable under CI=true, and are skipped with a printed
 * reason otherwise.
 */
public final class TestJournal implements AutoCloseable {

    public static final String PG_URL = TestDatabases.postgresUrl();
    public static final String PG_USER = TestDatabases.postgresUser();

    public enum Kind { HSQLDB, POSTGRESQL, MARIADB }

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
        return new TestJournal(Kind.POSTGRESQL, PG_URL, PG_USER, TestDatabases.randomPrefix());
    }

    /** The MariaDB test database (issue 17), the persistence suite's rule for an unreachable one. */
    public static TestJournal mariaDb() {
        TestDatabases.assumeMariaDb();
        return new TestJournal(Kind.MARIADB, TestDatabases.mariaDbUrl(), TestDatabases.mariaDbUser(),
                TestDatabases.randomPrefix());
    }

    public static TestJournal of(Kind kind, Path dir) {
        return switch (kind) {
            case HSQLDB -> hsqldb(dir);
            case POSTGRESQL -> postgresql();
            case MARIADB -> mariaDb();
        };
    }

    /** Fails under CI=true, skips otherwise, when PostgreSQL cannot be reached (the persistence suite's rule). */
    public static void requirePostgres() {
        TestDatabases.assumePostgres();
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

    /** Drops the PostgreSQL or MariaDB tables and sequences of this test's prefix. */
    @Override
    public void close() {
        if (kind != Kind.HSQLDB) {
            TestDatabases.dropAll(JournalConfig.builder(url).user(user).tablePrefix(prefix).build());
        }
    }
}
