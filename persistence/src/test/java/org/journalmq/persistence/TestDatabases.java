package org.journalmq.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Databases for tests, shared with other modules through the test-jar: fresh HSQLDB in-memory and
 * file databases, and the PostgreSQL test database with a private table prefix per test.
 *
 * <p>PostgreSQL and MariaDB rule: with environment variable {@code CI=true} an unreachable database
 * fails the test; otherwise the test is skipped with a printed reason.
 */
public final class TestDatabases {
    public static final String PG_URL_PROPERTY = "journalmq.test.pg.url";
    public static final String PG_USER_PROPERTY = "journalmq.test.pg.user";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final String MARIADB_URL_PROPERTY = "journalmq.test.mariadb.url";
    public static final String MARIADB_USER_PROPERTY = "journalmq.test.mariadb.user";
    private static volatile String postgresProblem;
    private static volatile boolean postgresChecked;
    private static volatile String mariaDbProblem;
    private static volatile boolean mariaDbChecked;

    private TestDatabases() {
    }

    /** A URL of an in-memory HSQLDB database nobody used before in this JVM. */
    public static String hsqldbMemUrl() {
        return "jdbc:hsqldb:mem:jmqtest" + COUNTER.incrementAndGet() + randomLetters(6).toLowerCase(Locale.ROOT);
    }

    /** A URL of a file HSQLDB database in the directory (created when first opened). */
    public static String hsqldbFileUrl(Path directory) {
        return "jdbc:hsqldb:file:" + directory.resolve("journal").toAbsolutePath();
    }

    /** A URL of a file HSQLDB database in a new temporary directory. */
    public static String hsqldbFileUrl() {
        try {
            return hsqldbFileUrl(Files.createTempDirectory("journalmq-test"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shuts an in-process HSQLDB database down (frees an in-memory one); quiet if it is gone. */
    public static void shutdownHsqldb(String url) {
        try (Connection c = DriverManager.getConnection(url + ";ifexists=true", "SA", "");
             Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // already shut down
        }
    }

    public static String postgresUrl() {
        return System.getProperty(PG_URL_PROPERTY, "jdbc:postgresql://127.0.0.1:5432/journalmq_test");
    }

    public static String postgresUser() {
        return System.getProperty(PG_USER_PROPERTY, "journalmq");
    }

    /** A table prefix no other test uses: "T", 8 random letters, "_". */
    public static String randomPrefix() {
        return "T" + randomLetters(8) + "_";
    }

    /** A journal configuration on the PostgreSQL test database with a fresh prefix; skips or fails per the rule above. */
    public static JournalConfig.Builder postgres() {
        assumePostgres();
        return JournalConfig.builder(postgresUrl()).user(postgresUser()).tablePrefix(randomPrefix());
    }

    /** Skips the test (or fails it when CI=true) if PostgreSQL cannot be reached. */
    public static void assumePostgres() {
        if (!postgresChecked) {
            synchronized (TestDatabases.class) {
                if (!postgresChecked) {
                    DriverManager.setLoginTimeout(5);
                    try (Connection c = DriverManager.getConnection(postgresUrl(), postgresUser(), null)) {
                        postgresProblem = null;
                    } catch (SQLException e) {
                        postgresProblem = "PostgreSQL not reachable at " + postgresUrl() + " as " + postgresUser()
                                + ": " + e.getMessage();
                    }
                    postgresChecked = true;
                }
            }
        }
        if (postgresProblem == null) {
            return;
        }
        skipOrFail(postgresProblem, "PostgreSQL");
    }

    // ------------------------------------------------------------------ MariaDB (issue 17)

    public static String mariaDbUrl() {
        return System.getProperty(MARIADB_URL_PROPERTY, "jdbc:mariadb://127.0.0.1:3306/journalmq_test");
    }

    public static String mariaDbUser() {
        return System.getProperty(MARIADB_USER_PROPERTY, "journalmq");
    }

    /** A journal configuration on the MariaDB test database with a fresh prefix; skips or fails per the rule above. */
    public static JournalConfig.Builder mariaDb() {
        assumeMariaDb();
        return JournalConfig.builder(mariaDbUrl()).user(mariaDbUser()).tablePrefix(randomPrefix());
    }

    /** Skips the test (or fails it when CI=true) if MariaDB cannot be reached. */
    public static void assumeMariaDb() {
        if (!mariaDbChecked) {
            synchronized (TestDatabases.class) {
                if (!mariaDbChecked) {
                    DriverManager.setLoginTimeout(5);
                    try (Connection c = DriverManager.getConnection(mariaDbUrl(), mariaDbUser(), null)) {
                        mariaDbProblem = null;
                    } catch (SQLException e) {
                        mariaDbProblem = "MariaDB not reachable at " + mariaDbUrl() + " as " + mariaDbUser()
                                + ": " + e.getMessage();
                    }
                    mariaDbChecked = true;
                }
            }
        }
        if (mariaDbProblem == null) {
            return;
        }
        skipOrFail(mariaDbProblem, "MariaDB");
    }

    /** A plain JDBC connection (auto-commit on) to the database of a journal configuration. */
    public static Connection connect(JournalConfig config) throws SQLException {
        if (config.jdbcUrl() == null && config.dataSource() != null) { // a journal on a DataSource
            Connection c = config.dataSource().getConnection();
            c.setAutoCommit(true);
            return c;
        }
        boolean hsqldb = config.jdbcUrl().startsWith("jdbc:hsqldb:");
        String user = config.user() != null ? config.user() : hsqldb ? "SA" : null;
        String password = config.password() != null ? config.password() : hsqldb ? "" : null;
        return DriverManager.getConnection(config.jdbcUrl(), user, password);
    }

    /** Drops every table and sequence whose name starts with the prefix. */
    public static void dropAll(JournalConfig config) {
        try (Connection c = connect(config)) {
            c.setAutoCommit(true);
            DatabaseMetaData md = c.getMetaData();
            // PostgreSQL folds unquoted names to lower case, HSQLDB to upper case; MariaDB keeps them.
            String prefix = md.storesLowerCaseIdentifiers() ? config.tablePrefix().toLowerCase(Locale.ROOT)
                    : md.storesUpperCaseIdentifiers() ? config.tablePrefix().toUpperCase(Locale.ROOT)
                    : config.tablePrefix();
            String pattern = prefix.replace("_", md.getSearchStringEscape() + "_") + "%";
            List<String> tables = new ArrayList<>();
            List<String> sequences = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, null, pattern, new String[] {"TABLE", "SEQUENCE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (name.startsWith(prefix)) {
                        ("SEQUENCE".equals(rs.getString("TABLE_TYPE")) ? sequences : tables).add(name);
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                for (String table : tables) {
                    s.execute("DROP TABLE " + table + " CASCADE");
                }
                for (String sequence : sequences) {
                    s.execute("DROP SEQUENCE " + sequence);
                }
                // HSQLDB does not list sequences as tables; the journal's one has a known name.
                s.execute("DROP SEQUENCE IF EXISTS " + config.tablePrefix() + "ID_SEQ");
            }
            if (config.jdbcUrl() != null && config.jdbcUrl().startsWith("jdbc:postgresql:")) {
                dropPostgresFunctions(c, prefix);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop tables " + config.tablePrefix() + "*", e);
        }
    }

    /** The functions of migration 10 (row-level security), which DROP TABLE leaves behind. */
    private static void dropPostgresFunctions(Connection c, String prefix) throws SQLException {
        List<String> functions = new ArrayList<>();
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT CAST(p.oid AS regprocedure) FROM pg_proc p"
                + " WHERE p.pronamespace = CAST(current_schema() AS regnamespace) AND left(p.proname, length(?)) = ?")) {
            ps.setString(1, prefix);
            ps.setString(2, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    functions.add(rs.getString(1));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String function : functions) {
                s.execute("DROP FUNCTION IF EXISTS " + function);
            }
        }
    }

    // ------------------------------------------------------------------ password authentication

    public static final String PG_AUTH_USER_PROPERTY = "journalmq.test.pg.authUser";
    public static final String PG_AUTH_PASSWORD_PROPERTY = "journalmq.test.pg.authPassword";

    /** A PostgreSQL role whose password the server checks (scram-sha-256; .ci/run creates it). */
    public static String postgresAuthUser() {
        return System.getProperty(PG_AUTH_USER_PROPERTY, "journalmq_auth");
    }

    /** The password of {@link #postgresAuthUser()}: property, else JOURNALMQ_TEST_PG_AUTH_PASSWORD, else .ci/run's default. */
    public static String postgresAuthPassword() {
        String env = System.getenv("JOURNALMQ_TEST_PG_AUTH_PASSWORD");
        return System.getProperty(PG_AUTH_PASSWORD_PROPERTY, env != null ? env : "journalmq-auth-test");
    }

    /**
     * Skips the test (fails it under CI=true) unless PostgreSQL checks the password of
     * {@link #postgresAuthUser()}: the right one is accepted and a wrong one refused.
     */
    public static void assumePostgresPasswordAuth() {
        assumePostgres();
        String problem = null;
        try (Connection c = DriverManager.getConnection(postgresUrl(), postgresAuthUser(), postgresAuthPassword())) {
            try (Connection wrong = DriverManager.getConnection(postgresUrl(), postgresAuthUser(), "not-" + postgresAuthPassword())) {
                problem = "PostgreSQL accepts any password for role " + postgresAuthUser() + " (trust authentication)";
            } catch (SQLException expected) {
                // the server checks the password
            }
        } catch (SQLException e) {
            problem = "PostgreSQL refuses role " + postgresAuthUser() + " with its test password (run .ci/run): "
                    + e.getSQLState();
        }
        if (problem == null) {
            return;
        }
        skipOrFail(problem, "PostgreSQL");
    }

    /** A journal configuration for the password-checked role, with a fresh prefix. */
    public static JournalConfig.Builder postgresWithPassword() {
        assumePostgresPasswordAuth();
        return JournalConfig.builder(postgresUrl()).user(postgresAuthUser()).password(postgresAuthPassword())
                .tablePrefix(randomPrefix());
    }

    // ------------------------------------------------------------------ TLS

    public static final String PG_TLS_USER_PROPERTY = "journalmq.test.pg.tlsUser";
    public static final String PG_TLS_DIR_PROPERTY = "journalmq.test.pg.tlsDir";

    /** A PostgreSQL role that may connect over TLS only (hostssl; .ci/run creates it). */
    public static String postgresTlsUser() {
        return System.getProperty(PG_TLS_USER_PROPERTY, "journalmq_tls");
    }

    /** Where .ci/run keeps the test CA that signed the server's certificate ({@code ca.crt}) and another ({@code other-ca.crt}). */
    public static Path postgresTlsDirectory() {
        return Path.of(System.getProperty(PG_TLS_DIR_PROPERTY, "/var/lib/postgresql/journalmq-tls"));
    }

    /**
     * The PostgreSQL test URL with {@code sslmode=verify-full} and the given CA file: the driver
     * checks that the server's certificate was signed by that CA and names 127.0.0.1.
     */
    public static String postgresTlsUrl(Path caFile) {
        String url = postgresUrl();
        return url + (url.contains("?") ? "&" : "?") + "sslmode=verify-full&sslrootcert=" + caFile.toAbsolutePath();
    }

    /**
     * Skips the test (fails it under CI=true) unless {@link #postgresTlsUser()} connects with
     * verify-full and the test CA.
     */
    public static void assumePostgresTls() {
        assumePostgres();
        Path ca = postgresTlsDirectory().resolve("ca.crt");
        String problem = null;
        if (!Files.isReadable(ca)) {
            problem = "no test CA at " + ca + " (run .ci/run)";
        } else {
            try (Connection c = DriverManager.getConnection(postgresTlsUrl(ca), postgresTlsUser(), null)) {
                problem = null;
            } catch (SQLException e) {
                problem = "PostgreSQL refuses role " + postgresTlsUser() + " over TLS with CA " + ca
                        + " (run .ci/run): " + e.getMessage();
            }
        }
        if (problem == null) {
            return;
        }
        skipOrFail(problem, "PostgreSQL");
    }

    /**
     * The rule for a missing database: under {@code CI=true} the test fails, since every database
     * test must run there; elsewhere it is skipped with the reason printed.
     */
    public static void skipOrFail(String problem, String database) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(problem + " (CI=true: " + database + " tests must run)");
        }
        System.out.println("SKIPPED: " + problem);
        Assumptions.abort(problem);
    }

    private static String randomLetters(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('A' + RANDOM.nextInt(26)));
        }
        return sb.toString();
    }
}
