package org.journalmq.jms.it;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.naming.RefAddr;
import javax.naming.Reference;
import org.hsqldb.jdbc.JDBCDataSource;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.JournalObjectFactory;
import org.journalmq.jms.it.child.PasswordEnvMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Serializable and Referenceable connection factory carries no secret (issue 15 item 3): the
 * password and the DataSource stay out of its serialized form and its JNDI Reference, and a
 * restored factory takes its password from the environment variable named by passwordEnv.
 */
class FactorySecretsTest {

    @TempDir
    Path dir;

    private static final String PASSWORD = "pw-" + UUID.randomUUID();

    private static JournalConnectionFactory factoryWithPassword() {
        JournalConnectionFactory f = new JournalConnectionFactory("jdbc:hsqldb:mem:secrets-" + UUID.randomUUID());
        f.setUser("APP");
        f.setPassword(PASSWORD);
        f.setPasswordEnv("JOURNALMQ_TEST_PASSWORD");
        f.setDeserializationAllowList("com.acme.**");
        return f;
    }

    private static byte[] serialize(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    private static Object deserialize(byte[] bytes) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    @Test
    void theSerializedFormHasNoPasswordAndNoDataSource() throws Exception {
        JournalConnectionFactory f = factoryWithPassword();
        JDBCDataSource ds = new JDBCDataSource(); // Serializable, and holding a password of its own
        ds.setUrl("jdbc:hsqldb:mem:ds-secrets");
        ds.setUser("APP");
        ds.setPassword("ds-" + PASSWORD);
        f.setDataSource(ds);
        byte[] bytes = serialize(f);
        assertFalse(contains(bytes, PASSWORD), "the password is not in the serialized factory");
        assertFalse(contains(bytes, JDBCDataSource.class.getName()), "the DataSource is not serialized");

        JournalConnectionFactory restored = (JournalConnectionFactory) deserialize(bytes);
        assertNull(restored.getDataSource());
        assertEquals(f.getUrl(), restored.getUrl());
        assertEquals("APP", restored.getUser());
        assertEquals("JOURNALMQ_TEST_PASSWORD", restored.getPasswordEnv());
        assertEquals("com.acme.**", restored.getDeserializationAllowList());
    }

    @Test
    void theJndiReferenceHasNoPasswordAndTheObjectFactoryRestoresEverythingElse() throws Exception {
        JournalConnectionFactory f = factoryWithPassword();
        Reference ref = f.getReference();
        for (RefAddr a : Collections.list(ref.getAll())) {
            assertFalse(a.getType().equalsIgnoreCase("password"), "no password address");
            assertFalse(String.valueOf(a.getContent()).contains(PASSWORD), "no address holds the password: " + a);
        }
        assertFalse(contains(serialize(ref), PASSWORD), "nor does the Reference as a naming service stores it");

        JournalConnectionFactory looked = (JournalConnectionFactory) new JournalObjectFactory()
                .getObjectInstance(ref, null, null, null);
        assertEquals(f.getUrl(), looked.getUrl());
        assertEquals("APP", looked.getUser());
        assertEquals("JOURNALMQ_TEST_PASSWORD", looked.getPasswordEnv());
        assertEquals("com.acme.**", looked.getDeserializationAllowList());
    }

    @Test
    void jndiPropertiesTakePasswordEnvAndTheDeserializationListsAsFactoryOptions() throws Exception {
        java.util.Hashtable<String, String> env = new java.util.Hashtable<>();
        env.put(javax.naming.Context.INITIAL_CONTEXT_FACTORY,
                org.journalmq.jms.jndi.JournalInitialContextFactory.class.getName());
        env.put("connectionFactory.Orders", "jdbc:hsqldb:mem:jndi-secrets");
        env.put("connectionFactory.Orders.passwordEnv", "JOURNALMQ_PASSWORD");
        env.put("connectionFactory.Orders.deserializationAllowList", "com.acme.orders.**");
        env.put("connectionFactory.Orders.deserializationDenyList", "com.acme.orders.internal.*");
        JournalConnectionFactory f = (JournalConnectionFactory) new javax.naming.InitialContext(env).lookup("Orders");
        assertEquals("JOURNALMQ_PASSWORD", f.getPasswordEnv());
        assertEquals("com.acme.orders.**", f.getDeserializationAllowList());
        assertEquals("com.acme.orders.internal.*", f.getDeserializationDenyList());
    }

    @Test
    void aRestoredFactoryWhoseVariableIsNotSetRefusesToConnectNamingTheVariable() throws Exception {
        String variable = "JOURNALMQ_UNSET_" + UUID.randomUUID().toString().replace('-', '_');
        assertNull(System.getenv(variable));
        JournalConnectionFactory f = new JournalConnectionFactory("jdbc:hsqldb:mem:unset-" + UUID.randomUUID());
        f.setPasswordEnv(variable);
        JMSException e = assertThrows(JMSSecurityException.class, f::createConnection);
        assertTrue(e.getMessage().contains(variable) && e.getMessage().contains("passwordEnv"), e.getMessage());
        JMSSecurityRuntimeException r = assertThrows(JMSSecurityRuntimeException.class, f::createContext);
        assertTrue(r.getMessage().contains(variable), r.getMessage());
        assertThrows(IllegalArgumentException.class, () -> f.set("passwordEnv", "A=B"));
    }

    @Test
    void aPasswordCallbackSuppliesThePasswordAndIsNotSerialized() throws Exception {
        String url = "jdbc:hsqldb:mem:callback-" + UUID.randomUUID();
        JournalConnectionFactory f = new JournalConnectionFactory(url);
        f.setUser("APP");
        f.setPasswordSupplier(PASSWORD::toCharArray); // creates the database with this password
        try (JMSContext c = f.createContext()) {
            c.createProducer().send(c.createQueue("q"), "x");
        }
        assertFalse(contains(serialize(f), PASSWORD));
        assertThrows(java.sql.SQLException.class,
                () -> java.sql.DriverManager.getConnection(url, "APP", "wrong").close());
        java.sql.DriverManager.getConnection(url, "APP", PASSWORD).close();
    }

    /**
     * What a user does (README "Security"): serialize or bind the factory, export the variable, and
     * the factory restored in another JVM connects with it. Tests cannot set their own environment,
     * so the restored factory runs in a child JVM started with the variable set.
     */
    @Test
    void aFactoryRestoredInAnotherJvmConnectsWithThePasswordFromItsEnvironment() throws Exception {
        JournalConnectionFactory f = factoryWithPassword();
        f.setPassword(null); // the child's only source is its environment
        Path file = dir.resolve("factory.ser");
        Files.write(file, serialize(f));
        try (ChildJvm child = ChildJvm.start(PasswordEnvMain.class, dir.resolve("child.log"), "128m",
                List.of(file.toString()), Map.of("JOURNALMQ_TEST_PASSWORD", PASSWORD))) {
            assertEquals(0, child.awaitExit(60_000), child.output());
            String out = child.output();
            assertTrue(out.contains("received through passwordEnv"), out);
            assertTrue(out.contains("wrong password refused"), out);
            assertTrue(out.contains("env password accepted"), out);
        }
    }
}
