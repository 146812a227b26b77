package org.journalmq.ra;

import static org.junit.jupiter.api.Assertions.assertNull;

import org.hsqldb.jdbc.JDBCDataSource;
import org.journalmq.persistence.dialect.Dialects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The inbound delivery tests (dead-letter queue included) with the adapter's journal on a container
 * DataSource named by {@code dataSourceJndiName} (issue 7), here an HSQLDB JDBCDataSource bound in
 * {@link TestNaming}; the test's own sender still uses the URL, so both meet in one database.
 */
class InboundDeliveryDataSourceTest extends InboundDeliveryTest {

    static final String JNDI_NAME = "jdbc/journal";

    @BeforeAll
    static void naming() {
        TestNaming.install();
    }

    @Override
    void configureJournal(JournalResourceAdapter adapter, String url) {
        JDBCDataSource ds = new JDBCDataSource();
        // The owner of an HSQLDB DataSource gives the journal's database options in its URL (README).
        ds.setUrl(Dialects.forUrl(url).orElseThrow().prepareUrl(url));
        ds.setUser("SA");
        ds.setPassword("");
        TestNaming.bind(JNDI_NAME, ds);
        adapter.setDataSourceJndiName(JNDI_NAME);
        assertNull(adapter.getUrl(), "exactly one of url and dataSourceJndiName");
    }

    @AfterEach
    void unbind() {
        TestNaming.unbind(JNDI_NAME);
    }
}
