package org.journalmq.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.PostgresRoles;
import org.journalmq.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;

/**
 * {@link AclCommandContract} on PostgreSQL, with login roles acl15_alice and acl15_admin (created
 * once, kept) granted the test's tables, which have a fresh prefix per test and are dropped after it.
 */
class PostgresAclCommandTest extends AclCommandContract {

    private JournalConfig pg;

    @Override
    JournalConnectionFactory ownerFactory() {
        pg = TestDatabases.postgres().build();
        JournalConnectionFactory f = new JournalConnectionFactory(pg.jdbcUrl());
        f.setUser(pg.user());
        f.setTablePrefix(pg.tablePrefix());
        return f;
    }

    @AfterEach
    void dropTables() {
        if (pg != null) {
            TestDatabases.dropAll(pg);
        }
    }

    @Override
    List<String> as(String user) {
        return user == null ? PostgresJournal.options(pg)
                : List.of("--url", pg.jdbcUrl(), "--user", user, "--password", PASSWORD,
                        "--table-prefix", pg.tablePrefix());
    }

    @Override
    void createUser(String user) throws Exception {
        PostgresRoles.ensureLogin(user, PASSWORD);
        try (Connection owner = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), null)) {
            PostgresRoles.grantAllTables(owner, pg.tablePrefix(), user);
        }
    }

    @Override
    String alice() {
        return "acl15_alice";
    }

    @Override
    String admin() {
        return "acl15_admin";
    }
}
