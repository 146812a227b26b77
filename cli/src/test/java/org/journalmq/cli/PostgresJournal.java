package org.journalmq.cli;

import java.util.List;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.TestDatabases;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PostgreSQL journal for one test class, in tables of a random prefix that are dropped after the
 * class (TestDatabases). Use as a static {@code @RegisterExtension}.
 */
final class PostgresJournal implements BeforeAllCallback, AfterAllCallback {
    private JournalConfig config;

    @Override
    public void beforeAll(ExtensionContext context) {
        config = TestDatabases.postgres().build();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (config != null) {
            TestDatabases.dropAll(config);
        }
    }

    JournalConfig config() {
        return config;
    }

    /** The CLI's connection options for this journal. */
    List<String> options() {
        return options(config);
    }

    /** The CLI's connection options for a journal configuration. */
    static List<String> options(JournalConfig config) {
        return List.of("--url", config.jdbcUrl(), "--user", config.user(), "--table-prefix", config.tablePrefix());
    }

    /** A connection factory on this journal, as an application would make one. */
    JournalConnectionFactory factory() {
        JournalConnectionFactory f = new JournalConnectionFactory(config.jdbcUrl());
        f.setUser(config.user());
        f.setTablePrefix(config.tablePrefix());
        return f;
    }
}
