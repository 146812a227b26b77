package org.journalmq.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.JournalException;
import org.journalmq.persistence.Journals;
import org.journalmq.persistence.dialect.Dialect;
import org.journalmq.persistence.dialect.Dialects;
import org.journalmq.persistence.dialect.HsqldbDialect;
import org.journalmq.persistence.dialect.MariaDbDialect;
import org.journalmq.persistence.dialect.PostgresDialect;
import org.journalmq.persistence.dialect.Tables;
import org.junit.jupiter.api.Test;

class DialectsTest {

    @Test
    void picksTheDialectFromTheUrl() {
        assertTrue(Dialects.forUrl("jdbc:hsqldb:mem:x").orElseThrow() instanceof HsqldbDialect);
        assertTrue(Dialects.forUrl("jdbc:hsqldb:file:data/j").orElseThrow() instanceof HsqldbDialect);
        assertTrue(Dialects.forUrl("jdbc:hsqldb:hsql://localhost/j").orElseThrow() instanceof HsqldbDialect);
        assertTrue(Dialects.forUrl("jdbc:postgresql://h/db").orElseThrow() instanceof PostgresDialect);
        assertTrue(Dialects.forUrl("jdbc:mariadb://h:3306/db?x=1").orElseThrow() instanceof MariaDbDialect);
        assertTrue(Dialects.forUrl("jdbc:mysql://h/db").isEmpty(), "MySQL is not supported");
        assertTrue(Dialects.forProductName("MariaDB").orElseThrow() instanceof MariaDbDialect);
        assertTrue(Dialects.forProductName("MySQL").isEmpty());
    }

    @Test
    void unknownUrlIsAnInvalidArgumentNamingTheUrlWithoutPassword() {
        JournalException e = assertThrows(JournalException.class,
                () -> Journals.open(JournalConfig.builder("jdbc:foo:bar;password=topsecret").build()));
        assertEquals(JournalException.Kind.INVALID_ARGUMENT, e.kind());
        assertTrue(e.getMessage().contains("jdbc:foo:bar"), e.getMessage());
        assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
    }

    @Test
    void hsqldbInProcessUrlsGetTheJournalOptionsButServerUrlsDoNot() {
        Dialect d = new HsqldbDialect();
        String file = d.prepareUrl("jdbc:hsqldb:file:data/j");
        assertTrue(file.contains(";hsqldb.tx=mvcc") && file.contains(";hsqldb.write_delay=false")
                && file.contains(";hsqldb.default_table_type=cached") && file.contains(";hsqldb.cache_rows=10000")
                && file.contains(";hsqldb.cache_size=32768") && file.contains(";hsqldb.nio_data_file=false")
                && file.contains(";hsqldb.files_space=true"), file);
        assertEquals("jdbc:hsqldb:file:data/j;hsqldb.tx=locks;hsqldb.write_delay=false;hsqldb.default_table_type=cached"
                        + ";hsqldb.cache_rows=10000;hsqldb.cache_size=32768;hsqldb.nio_data_file=false;hsqldb.files_space=true",
                d.prepareUrl("jdbc:hsqldb:file:data/j;hsqldb.tx=locks"), "an explicit option wins");
        assertEquals("jdbc:hsqldb:hsql://h/j", d.prepareUrl("jdbc:hsqldb:hsql://h/j"));
    }

    @Test
    void hsqldbFileDatabasesAreKeyedByAbsolutePath() {
        Dialect d = new HsqldbDialect();
        assertEquals(d.databaseKey("jdbc:hsqldb:file:data/j"), d.databaseKey("jdbc:hsqldb:file:./data/j;shutdown=false"));
        assertTrue(d.isEmbeddedFile("jdbc:hsqldb:file:data/j"));
        assertFalse(d.isEmbeddedFile("jdbc:hsqldb:mem:j"));
        assertFalse(d.isEmbeddedFile("jdbc:hsqldb:hsql://h/j"));
    }

    /**
     * Migrations 1-9 are one template (issue 19): a dialect differs only in the words it fills in,
     * so every dialect creates the same tables, columns and indexes in the same order. Migration 10
     * (row-level security) is PostgreSQL's alone.
     */
    @Test
    void everyDialectCreatesTheSameObjects() {
        java.util.regex.Pattern created = java.util.regex.Pattern.compile(
                "^(CREATE (?:CACHED )?TABLE IF NOT EXISTS \\w+|CREATE INDEX IF NOT EXISTS \\w+ ON \\w+"
                        + "|CREATE SEQUENCE IF NOT EXISTS \\w+|ALTER TABLE \\w+ ADD COLUMN IF NOT EXISTS \\w+)");
        java.util.function.Function<Dialect, java.util.List<String>> objects = d -> {
            java.util.List<String> out = new java.util.ArrayList<>();
            for (int v = 1; v < ROW_SECURITY; v++) {
                for (String statement : d.migration(v, new Tables("X_"))) {
                    java.util.regex.Matcher m = created.matcher(statement.replace("CACHED ", ""));
                    assertTrue(m.find(), statement);
                    out.add(v + " " + m.group(1));
                }
            }
            return out;
        };
        java.util.List<String> hsqldb = objects.apply(new HsqldbDialect());
        assertEquals(hsqldb, objects.apply(new PostgresDialect()));
        assertEquals(hsqldb, objects.apply(new MariaDbDialect()));
        assertTrue(new MariaDbDialect().migration(1, new Tables("X_")).get(0)
                .endsWith(" ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin"));
    }

    @Test
    void tablesRejectUnsafePrefixes() {
        assertThrows(IllegalArgumentException.class, () -> new Tables("X; DROP TABLE Y"));
        assertThrows(IllegalArgumentException.class, () -> new Tables("1abc"));
        assertEquals("JMQ_DELIVERY", new Tables("JMQ_").delivery());
    }

    @Test
    void migrationsExistUpToTheLatestVersion() {
        for (Dialect d : new Dialect[] {new HsqldbDialect(), new PostgresDialect(), new MariaDbDialect()}) {
            for (int v = 1; v < ROW_SECURITY; v++) {
                assertFalse(d.migration(v, new Tables("X_")).isEmpty(), d.name() + " v" + v);
            }
        }
        assertEquals(ROW_SECURITY + 1, new HsqldbDialect().latestSchemaVersion());
        // Migration 11 (issue 13 item 3): PostgreSQL's capped figures function, nothing elsewhere.
        assertEquals(java.util.List.of(), new HsqldbDialect().migration(ROW_SECURITY + 1, new Tables("X_")));
        assertEquals(java.util.List.of(), new MariaDbDialect().migration(ROW_SECURITY + 1, new Tables("X_")));
        assertTrue(new PostgresDialect().migration(ROW_SECURITY + 1, new Tables("X_")).get(0)
                .startsWith("CREATE OR REPLACE FUNCTION X_capped_stats(p_now bigint, p_cap bigint)"));
        assertEquals(java.util.List.of(), new HsqldbDialect().migration(ROW_SECURITY, new Tables("X_")));
        assertEquals(java.util.List.of(), new MariaDbDialect().migration(ROW_SECURITY, new Tables("X_")));
        assertTrue(new PostgresDialect().migration(ROW_SECURITY, new Tables("X_")).stream()
                .anyMatch(sql -> sql.equals("ALTER TABLE X_DELIVERY ENABLE ROW LEVEL SECURITY")));
    }

    /** Issue 15 item 1: migration 10, PostgreSQL's row-level security. */
    private static final int ROW_SECURITY = 10;

    /** Issue 15 item 1: the client GRANTs name only validated roles and give no DDL right. */
    @Test
    void clientGrantsAreForPlainRoleNamesOnly() {
        java.util.List<String> grants = new PostgresDialect().clientGrants(new Tables("X_"), "app_client");
        assertTrue(grants.contains("GRANT USAGE, SELECT ON SEQUENCE X_ID_SEQ TO app_client"), grants.toString());
        assertTrue(grants.stream().noneMatch(g -> g.contains("CREATE") || g.contains("ALL")), grants.toString());
        assertThrows(IllegalArgumentException.class,
                () -> new PostgresDialect().clientGrants(new Tables("X_"), "bob; DROP TABLE X_ACL"));
        assertEquals(java.util.List.of(), new HsqldbDialect().clientGrants(new Tables("X_"), "app_client"));
    }
}
