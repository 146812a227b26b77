package org.journalmq.cli;

import static org.junit.jupiter.api.Assertions.fail;

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
import org.junit.jupiter.api.Assumptions;

/**
 * The test PostgreSQL database, isolated per test class by a random table prefix. Its URL and
 * user come from the build (journalmq.test.pg.url/user), with the usual local defaults.
 *
 * <p>Rule: with CI=true an unreachable PostgreSQL fails the tests (CI must test it); elsewhere
 * they are skipped with the reason printed, so a laptop without PostgreSQL can still build.
 */
final class PostgresJournal {

    final String url = System.getProperty("journalmq.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/journalmq_test");
    final String user = System.getProperty("journalmq.test.pg.user", "journalmq");
    final String prefix = randomPrefix();
    private volatile boolean reachable;

    /** Checks that PostgreSQL answers, then fails (CI) or skips (elsewhere) if it does not. */
    void requireReachable() {
        try (Connection c = connect()) {
            reachable = c.isValid(5);
        } catch (SQLException e) {
            String reason = "PostgreSQL not reachable at " + url + " as " + user + ": " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason + " (CI=true: the PostgreSQL tests must run)");
            }
            System.out.println("SKIPPED PostgreSQL tests: " + reason);
            Assumptions.abort(reason);
        }
    }

    List<String> options() {
        return List.of("--url", url, "--user", user, "--table-prefix", prefix);
    }

    /** Drops every table (and left-over sequence) whose name starts with this prefix. */
    void dropTables() throws SQLException {
        if (!reachable) {
            return; // skipped or failed before creating anything
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String[] t : objectsWithPrefix(c.getMetaData(), "TABLE")) {
                s.execute("DROP TABLE IF EXISTS " + quoted(t[0]) + "." + quoted(t[1]) + " CASCADE");
            }
            for (String[] t : objectsWithPrefix(c.getMetaData(), "SEQUENCE")) {
                s.execute("DROP SEQUENCE IF EXISTS " + quoted(t[0]) + "." + quoted(t[1]) + " CASCADE");
            }
        }
    }

    /** Schema and name of the objects of a type whose name starts with the prefix, any case. */
    private List<String[]> objectsWithPrefix(DatabaseMetaData md, String type) throws SQLException {
        List<String[]> found = new ArrayList<>();
        String lower = prefix.toLowerCase(Locale.ROOT);
        try (ResultSet rs = md.getTables(null, null, "%", new String[] {type})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (name.toLowerCase(Locale.ROOT).startsWith(lower)) {
                    found.add(new String[] {rs.getString("TABLE_SCHEM"), name});
                }
            }
        }
        return found;
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private Connection connect() throws SQLException {
        DriverManager.setLoginTimeout(5);
        return DriverManager.getConnection(url, user, null);
    }

    /** "cli" and 8 random letters or digits and "_": within the provider's 20 character limit. */
    private static String randomPrefix() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder("cli");
        for (int i = 0; i < 8; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.append('_').toString();
    }
}
