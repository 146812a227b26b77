package org.journalmq.jms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import java.nio.file.Path;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.hsqldb.jdbc.JDBCDataSource;
import org.journalmq.jms.client.JournalRegistry;
import org.journalmq.persistence.Journal;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.TestDatabases;
import org.journalmq.persistence.dialect.Dialects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@link JournalConnectionFactory} on a caller-supplied DataSource (issue 7, for the resource
 * adapter's container DataSource): messages travel through it, journals are shared per DataSource
 * instance and table prefix, and a refused DataSource is reported as the JMS exception of its kind.
 */
class DataSourceFactoryTest {

    @TempDir
    Path dir;
    private String url;

    @AfterEach
    void shutdown() {
        if (url != null) {
            TestDatabases.shutdownHsqldb(url);
        }
    }

    private DataSource hsqldb() {
        String plain = "jdbc:hsqldb:file:" + dir.resolve("journal");
        url = Dialects.forUrl(plain).orElseThrow().prepareUrl(plain);
        JDBCDataSource ds = new JDBCDataSource();
        ds.setUrl(url);
        ds.setUser("SA");
        ds.setPassword("");
        return ds;
    }

    @Test
    @DisplayName("HSQLDB DataSource: a message sent through one factory is received through another on the same DataSource (Messaging 3.1 sec. 6.2)")
    void sendAndReceiveOnHsqldb() {
        roundTrip(hsqldb());
    }

    @Test
    @DisplayName("PostgreSQL DataSource: send and receive (skipped without PostgreSQL, mandatory when CI=true)")
    void sendAndReceiveOnPostgres() {
        TestDatabases.assumePostgres();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(TestDatabases.postgresUrl());
        ds.setUser(TestDatabases.postgresUser());
        String prefix = TestDatabases.randomPrefix();
        try {
            roundTrip(ds, prefix);
        } finally {
            TestDatabases.dropAll(JournalConfig.builder(ds).tablePrefix(prefix).build());
        }
    }

    private static void roundTrip(DataSource ds) {
        roundTrip(ds, JournalConfig.DEFAULT_TABLE_PREFIX);
    }

    private static void roundTrip(DataSource ds, String prefix) {
        JournalConnectionFactory sender = new JournalConnectionFactory(ds);
        sender.setTablePrefix(prefix);
        JournalConnectionFactory receiver = new JournalConnectionFactory();
        receiver.setDataSource(ds);
        receiver.setTablePrefix(prefix);
        assertSame(ds, receiver.getDataSource());
        try (JMSContext out = sender.createContext(); JMSContext in = receiver.createContext()) {
            out.createProducer().send(out.createQueue("ds-orders"), "order 1");
            assertEquals("order 1", in.createConsumer(in.createQueue("ds-orders")).receiveBody(String.class, 10_000));
            assertNull(in.createConsumer(in.createQueue("ds-orders")).receiveNoWait(), "received once");
        }
    }

    @Test
    @DisplayName("One journal per DataSource instance and table prefix: equal settings in two DataSource objects are two pools, so two journals")
    void registryKeysByDataSourceIdentity() {
        DataSource ds = hsqldb();
        JDBCDataSource twin = new JDBCDataSource();
        twin.setUrl(url);
        twin.setUser("SA");
        twin.setPassword("");
        Journal a = JournalRegistry.acquire(JournalConfig.builder(ds).build());
        Journal b = JournalRegistry.acquire(JournalConfig.builder(ds).leaseMillis(5_000).build());
        Journal c = JournalRegistry.acquire(JournalConfig.builder(twin).build());
        Journal d = JournalRegistry.acquire(JournalConfig.builder(ds).tablePrefix("OTHER_").build());
        try {
            assertSame(a, b, "same DataSource and prefix: shared");
            assertNotSame(a, c, "another DataSource object");
            assertNotSame(a, d, "another table prefix");
            assertEquals(2, JournalRegistry.references(a));
        } finally {
            for (Journal j : new Journal[] {a, b, c, d}) {
                JournalRegistry.release(j);
            }
        }
        assertEquals(0, JournalRegistry.references(a), "closed with its last reference");
    }

    @Test
    @DisplayName("A DataSource refusing the credentials: JMSSecurityException naming the DataSource (Messaging 3.1 createConnection javadoc)")
    void refusedCredentials() {
        DataSource ds = hsqldb();
        try (JMSContext ignored = new JournalConnectionFactory(ds).createContext()) {
            // creates the database and its SA user
        }
        JournalConnectionFactory f = new JournalConnectionFactory(ds);
        JMSException e = assertThrows(JMSException.class, () -> f.createConnection("NOBODY", "wrong").close());
        assertTrue(e instanceof JMSSecurityException, e.toString());
        assertTrue(e.getMessage().contains("DataSource"), e.getMessage());
        assertTrue(!e.getMessage().contains("wrong"), "no password in " + e.getMessage());
    }

    @Test
    @DisplayName("A factory on a DataSource cannot be bound by JNDI Reference: NamingException says why")
    void noReference() {
        JournalConnectionFactory f = new JournalConnectionFactory(hsqldb());
        NamingException e = assertThrows(NamingException.class, f::getReference);
        assertTrue(e.getMessage().contains("DataSource"), e.getMessage());
        assertTrue(f.toString().contains("dataSource="), f.toString());
    }
}
