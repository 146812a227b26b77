package org.journalmq.ra;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The inbound delivery tests (dead-letter queue included) on PostgreSQL with the adapter's journal on
 * a container DataSource named by {@code dataSourceJndiName} (issue 7), a PGSimpleDataSource bound in
 * {@link TestNaming}. Skipped without PostgreSQL, mandatory when CI=true.
 */
class InboundDeliveryPostgresDataSourceTest extends InboundDeliveryPostgresTest {

    @BeforeAll
    static void naming() {
        TestNaming.install();
    }

    @Override
    void configureJournal(JournalResourceAdapter adapter, String url) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        TestNaming.bind(InboundDeliveryDataSourceTest.JNDI_NAME, ds);
        adapter.setDataSourceJndiName(InboundDeliveryDataSourceTest.JNDI_NAME);
        // user() is set on the adapter too: the journal asks the DataSource for that user's connections
    }

    @AfterEach
    void unbind() {
        TestNaming.unbind(InboundDeliveryDataSourceTest.JNDI_NAME);
    }
}
