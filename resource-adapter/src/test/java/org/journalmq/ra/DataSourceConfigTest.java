package org.journalmq.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.resource.spi.ResourceAdapterInternalException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hsqldb.jdbc.JDBCDataSource;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.JournalQueue;
import org.journalmq.persistence.dialect.Dialects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter's {@code dataSourceJndiName} (issue 7: "the journal comes either from a JDBC URL ... or
 * from the JNDI name of a container DataSource"): exactly one of it and {@code url}, and a name that
 * is not bound (yet) or names something else is reported by name when the journal is used.
 */
class DataSourceConfigTest {

    private static final String NAME = "jdbc/config-test";

    @TempDir
    Path dir;

    @BeforeAll
    static void naming() {
        TestNaming.install();
    }

    @AfterEach
    void unbind() {
        TestNaming.unbind(NAME);
    }

    @Test
    @DisplayName("ResourceAdapter.start with both url and dataSourceJndiName fails, naming both")
    void bothLocations() throws Exception {
        JournalResourceAdapter ra = new JournalResourceAdapter();
        ra.setUrl("jdbc:hsqldb:mem:unused");
        ra.setDataSourceJndiName(NAME);
        try (TestContainer container = new TestContainer()) {
            ResourceAdapterInternalException e = assertThrows(ResourceAdapterInternalException.class,
                    () -> ra.start(container));
            assertTrue(e.getMessage().contains("'url'") && e.getMessage().contains("'dataSourceJndiName'"),
                    e.getMessage());
        }
    }

    /**
     * Issue 17, item 4: "With no url and no dataSourceJndiName, the adapter uses an embedded HSQLDB
     * file journal under the server's instance directory" (GlassFish's is the system property
     * com.sun.aas.instanceRoot; UnconfiguredAdapterIT deploys such an adapter in GlassFish).
     */
    @Test
    @DisplayName("ResourceAdapter.start with neither url nor dataSourceJndiName runs on an embedded file journal under the instance directory")
    void noLocationIsTheEmbeddedJournal() throws Exception {
        String property = "com.sun.aas.instanceRoot";
        String saved = System.getProperty(property);
        System.setProperty(property, dir.toString());
        try {
            JournalResourceAdapter ra = new JournalResourceAdapter();
            try (TestContainer container = new TestContainer()) {
                ra.start(container);
                try (JMSContext c = ra.factory().createContext()) {
                    c.createProducer().send(c.createQueue("first-q"), "with nothing configured");
                    assertEquals("with nothing configured",
                            c.createConsumer(c.createQueue("first-q")).receiveBody(String.class, 10_000));
                } finally {
                    ra.stop();
                }
            }
            assertTrue(Files.exists(dir.resolve("journalmq").resolve("journal.properties")),
                    "the HSQLDB files are in journalmq/ under the instance directory");
        } finally {
            if (saved == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, saved);
            }
        }
    }

    /**
     * Issue 15, item 3 ("no secrets at rest"): the adapter can take its password from an environment
     * variable of the server instead of its configuration; a variable that is not set is reported
     * by name as a security failure when the journal is used.
     */
    @Test
    @DisplayName("passwordEnv passes through to the provider: an unset variable fails the connection with JMSSecurityException naming it")
    void passwordFromTheEnvironment() throws Exception {
        String variable = "JOURNALMQ_RA_TEST_PASSWORD_NOT_SET";
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv(variable) == null, variable + " is set here");
        JournalResourceAdapter ra = new JournalResourceAdapter();
        ra.setUrl("jdbc:hsqldb:file:" + dir.resolve("env-journal"));
        ra.setPasswordEnv(variable);
        try (TestContainer container = new TestContainer()) {
            ra.start(container);
            try {
                assertEquals(variable, ra.factory().getPasswordEnv());
                jakarta.jms.JMSSecurityException e = assertThrows(jakarta.jms.JMSSecurityException.class,
                        () -> ra.factory().createConnection());
                assertTrue(e.getMessage().contains(variable), e.getMessage());
            } finally {
                ra.stop();
            }
        }
    }

    @Test
    @DisplayName("A DataSource bound after the adapter started is looked up at first use; before, the error names the JNDI name")
    void lookedUpAtFirstUse() throws Exception {
        JournalResourceAdapter ra = new JournalResourceAdapter();
        ra.setDataSourceJndiName(NAME);
        ra.setLeaseMillis(2_000L);
        try (TestContainer container = new TestContainer()) {
            ra.start(container); // not bound yet: not fatal, a server may bind its JDBC resources later
            try {
                JournalConnectionFactory cf = ra.factory();
                JMSException e = assertThrows(JMSException.class, cf::createConnection);
                assertTrue(e.getMessage().contains(NAME), e.getMessage());

                String url = "jdbc:hsqldb:file:" + dir.resolve("journal");
                JDBCDataSource ds = new JDBCDataSource();
                ds.setUrl(Dialects.forUrl(url).orElseThrow().prepareUrl(url));
                ds.setUser("SA");
                ds.setPassword("");
                TestNaming.bind(NAME, ds);
                try (Connection c = cf.createConnection()) {
                    Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
                    s.createProducer(new JournalQueue("ds-q")).send(s.createTextMessage("through the DataSource"));
                    c.start();
                    TextMessage m = (TextMessage) s.createConsumer(new JournalQueue("ds-q")).receive(10_000);
                    assertEquals("through the DataSource", m.getText());
                }
                // The journal's rows are in the DataSource's database, where a URL factory finds them too.
                // (closed in reverse order: the URL journal, which shuts the embedded database down, last)
                try (JMSContext other = new JournalConnectionFactory(url).createContext();
                     Connection c = cf.createConnection()) {
                    other.createProducer().send(other.createQueue("ds-q"), "by url");
                    Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
                    c.start();
                    TextMessage m = (TextMessage) s.createConsumer(new JournalQueue("ds-q")).receive(10_000);
                    assertEquals("by url", m.getText());
                }
            } finally {
                ra.stop();
            }
        }
    }

    @Test
    @DisplayName("dataSourceJndiName naming something that is not a javax.sql.DataSource: the error says so and names it")
    void notADataSource() throws Exception {
        TestNaming.bind(NAME, "a string");
        JournalResourceAdapter ra = new JournalResourceAdapter();
        ra.setDataSourceJndiName(NAME);
        try (TestContainer container = new TestContainer()) {
            ra.start(container);
            try {
                JMSException e = assertThrows(JMSException.class, () -> ra.factory().createConnection());
                assertTrue(e.getMessage().contains(NAME) && e.getMessage().contains("not a javax.sql.DataSource"),
                        e.getMessage());
            } finally {
                ra.stop();
            }
        }
    }
}
