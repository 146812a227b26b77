package org.journalmq.examples.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.journalmq.examples.ds.DataSourceJournal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The resource adapter with {@code dataSourceJndiName} instead of {@code url} (issue 7: "the journal
 * comes ... from the JNDI name of a container DataSource") in GlassFish 7.0.21. The adapter is
 * deployed as {@code journalmq-ds}, whose resource-adapter-config (module pom) names
 * {@code java:global/jdbc/journalmq-ds}; the application defines that DataSource, so it is bound only
 * after the adapter started, and the adapter looks it up at first use.
 */
@ExtendWith(ArquillianExtension.class)
class DataSourceInGlassFishIT {

    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive rar() {
        return Deployments.rar("journalmq-ds");
    }

    @Deployment(name = "ds-app", order = 2)
    static WebArchive app() {
        return ShrinkWrap.create(WebArchive.class, "ds-app.war")
                .addClass(DataSourceJournal.class)
                .addAsLibraries(Deployments.jarOf(org.hsqldb.jdbc.JDBCDriver.class));
    }

    @EJB(lookup = "java:app/ds-app/DataSourceJournal")
    DataSourceJournal journal;

    @Test
    @OperateOnDeployment("ds-app")
    @DisplayName("A message sent through the adapter on a container DataSource is received once, and the journal's tables are in that DataSource")
    void sendAndReceiveOnTheContainerDataSource() throws Exception {
        journal.send("ds-orders", "order via DataSource");
        assertEquals("order via DataSource", journal.receive("ds-orders", 10_000));
        assertNull(journal.receive("ds-orders", 200), "received once");
        assertTrue(journal.journalTablesInDataSource(), "JMQ_DELIVERY is in java:global/jdbc/journalmq-ds");
    }
}
