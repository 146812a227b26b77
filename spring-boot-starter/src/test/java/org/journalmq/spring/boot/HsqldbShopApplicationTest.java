package org.journalmq.spring.boot;

import java.util.ArrayList;
import java.util.List;
import org.journalmq.persistence.TestDatabases;
import org.journalmq.spring.boot.shop.ShopApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The shop on an in-memory HSQLDB database: journal and entity tables in one embedded database. */
class HsqldbShopApplicationTest extends ShopApplicationContract {
    private static String url;

    @BeforeAll
    static void start() {
        // The journal needs MVCC and synchronous commits; it sets them itself only on URLs it opens.
        url = TestDatabases.hsqldbMemUrl() + ";hsqldb.tx=mvcc;hsqldb.write_delay=false";
        List<String> properties = new ArrayList<>(List.of(commonProperties()));
        properties.add("spring.datasource.url=" + url);
        properties.add("spring.datasource.username=SA");
        app = new SpringApplicationBuilder(ShopApplication.class).properties(properties.toArray(String[]::new)).run();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
            app = null;
        }
        TestDatabases.shutdownHsqldb(url);
    }
}
