package org.journalmq.spring.boot;

import java.util.ArrayList;
import java.util.List;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.TestDatabases;
import org.journalmq.spring.boot.shop.ShopApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The shop on PostgreSQL (skipped without it, failing when CI=true). Journal and entity tables
 * carry one private prefix, dropped at the end, so parallel runs on one database do not meet.
 */
class PostgresShopApplicationTest extends ShopApplicationContract {
    private static String prefix;

    @BeforeAll
    static void start() {
        TestDatabases.assumePostgres();
        prefix = TestDatabases.randomPrefix();
        List<String> properties = new ArrayList<>(List.of(commonProperties()));
        properties.add("spring.datasource.url=" + TestDatabases.postgresUrl());
        properties.add("spring.datasource.username=" + TestDatabases.postgresUser());
        properties.add("spring.datasource.hikari.maximum-pool-size=12");
        properties.add("journalmq.table-prefix=" + prefix);
        properties.add("shop.table-prefix=" + prefix);
        app = new SpringApplicationBuilder(ShopApplication.class).properties(properties.toArray(String[]::new)).run();
    }

    @AfterAll
    static void stop() {
        try {
            if (app != null) {
                app.close();
                app = null;
            }
        } finally {
            if (prefix != null) {
                TestDatabases.dropAll(JournalConfig.builder(TestDatabases.postgresUrl())
                        .user(TestDatabases.postgresUser()).tablePrefix(prefix).build());
            }
        }
    }
}
