package org.journalmq.tck;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.Topic;
import java.nio.file.Path;
import java.util.Hashtable;
import javax.naming.ConfigurationException;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.OperationNotSupportedException;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.jndi.JournalInitialContextFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JNDI for Java SE (Jakarta Messaging spec 5 administered objects; JournalInitialContextFactory):
 * names from the environment or jndi.properties, a read-only context.
 */
class JndiTest {

    @TempDir
    Path dir;

    private Hashtable<String, String> env() {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, JournalInitialContextFactory.class.getName());
        // ';' and '?' in the URL need no escaping: the whole value is the URL
        env.put("connectionFactory.Orders", "jdbc:hsqldb:file:" + dir.resolve("j").toAbsolutePath() + ";hsqldb.tx=mvcc");
        env.put("connectionFactory.Orders.clientID", "orders-app");
        env.put("connectionFactory.Orders.tablePrefix", "APP_");
        env.put("connectionFactory.a.b", "jdbc:postgresql://db.example/app?ssl=false&x=1");
        env.put("connectionfactory.lower", "jdbc:hsqldb:mem:lower");
        env.put("connectionfactory.lower.user", "SA");
        env.put("queue.incoming", "orders.in");
        env.put("topic.events", "orders.events");
        return env;
    }

    /** Spec 5 administered objects: factories, queues and topics by their JNDI names; a full round trip. */
    @Test
    void lookupsAndRoundTrip() throws Exception {
        Context ctx = new InitialContext(env());
        ConnectionFactory cf = (ConnectionFactory) ctx.lookup("Orders");
        assertInstanceOf(QueueConnectionFactory.class, cf);
        JournalConnectionFactory jcf = (JournalConnectionFactory) cf;
        assertTrue(jcf.getUrl().endsWith(";hsqldb.tx=mvcc"));
        assertEquals("orders-app", jcf.getClientID());
        assertEquals("APP_", jcf.getTablePrefix());
        assertEquals("jdbc:postgresql://db.example/app?ssl=false&x=1",
                ((JournalConnectionFactory) ctx.lookup("a.b")).getUrl()); // a dotted name, not an option
        assertEquals("SA", ((JournalConnectionFactory) ctx.lookup("lower")).getUser()); // lower-case prefix
        Queue q = (Queue) ctx.lookup("incoming");
        assertEquals("orders.in", q.getQueueName());
        assertEquals("orders.events", ((Topic) ctx.lookup("events")).getTopicName());
        assertEquals("dyn.q", ((Queue) ctx.lookup("dynamicQueues/dyn.q")).getQueueName());
        assertEquals("dyn.t", ((Topic) ctx.lookup("dynamicTopics/dyn.t")).getTopicName());
        try (JMSContext jms = cf.createContext()) {
            assertEquals("orders-app", jms.getClientID());
            jms.createProducer().send(q, "via jndi");
            assertEquals("via jndi", jms.createConsumer(q).receiveBody(String.class, 5_000));
        }
        ctx.close();
    }

    /** Context javadoc: NameNotFoundException for unknown names; a read-only context refuses changes. */
    @Test
    void unknownNamesAndReadOnly() throws Exception {
        Context ctx = new InitialContext(env());
        assertThrows(NameNotFoundException.class, () -> ctx.lookup("nothing"));
        assertThrows(NameNotFoundException.class, () -> ctx.lookup("dynamicQueues/"));
        assertThrows(NameNotFoundException.class, () -> ctx.lookup("Orders.clientID"));
        assertThrows(OperationNotSupportedException.class, () -> ctx.bind("x", "y"));
        assertThrows(OperationNotSupportedException.class, () -> ctx.rebind("incoming", "y"));
        assertThrows(OperationNotSupportedException.class, () -> ctx.unbind("incoming"));
        assertThrows(OperationNotSupportedException.class, () -> ctx.rename("incoming", "x"));
        assertThrows(OperationNotSupportedException.class, () -> ctx.createSubcontext("sub"));
        var names = ctx.list("");
        java.util.Set<String> listed = new java.util.HashSet<>();
        while (names.hasMore()) {
            listed.add(names.next().getName());
        }
        // jndi.properties on the class path is merged in by InitialContext; options are no names
        assertTrue(listed.containsAll(java.util.Set.of("Orders", "a.b", "incoming", "events")), listed.toString());
        assertFalse(listed.contains("Orders.clientID"));
        assertFalse(listed.contains("Orders.tablePrefix"));
    }

    /** A bad option is reported as a ConfigurationException that never shows the value (it may be a password). */
    @Test
    void badConfiguration() {
        Hashtable<String, String> env = env();
        env.put("connectionFactory.Bad", "not-a-jdbc-url");
        assertThrows(ConfigurationException.class, () -> new InitialContext(env).lookup("Bad"));
        Hashtable<String, String> env2 = env();
        env2.put("connectionFactory.Orders.poolSize", "many");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new InitialContext(env2).lookup("Orders"));
        assertFalse(e.getMessage().contains("many"));
    }

    /** The jndi.properties shipped for the official TCK binds every name the TCK looks up. */
    @Test
    void tckNames() throws Exception {
        Context ctx = new InitialContext(); // reads jndi.properties from the class path
        for (String cf : new String[] {"MyConnectionFactory", "MyQueueConnectionFactory", "MyTopicConnectionFactory",
                "DURABLE_SUB_CONNECTION_FACTORY"}) {
            assertInstanceOf(ConnectionFactory.class, ctx.lookup(cf), cf);
        }
        assertEquals("cts", ((JournalConnectionFactory) ctx.lookup("DURABLE_SUB_CONNECTION_FACTORY")).getClientID());
        assertNull(((JournalConnectionFactory) ctx.lookup("MyConnectionFactory")).getClientID());
        for (String q : new String[] {"MY_QUEUE", "MY_QUEUE2", "testQueue2", "Q2", "testQ0", "testQ1", "testQ2"}) {
            assertInstanceOf(Queue.class, ctx.lookup(q), q);
        }
        for (String t : new String[] {"MY_TOPIC", "MY_TOPIC2", "testT0", "testT1", "testT2"}) {
            assertInstanceOf(Topic.class, ctx.lookup(t), t);
        }
        // the TCK's credentials work; any other user or password is refused
        ConnectionFactory cf = (ConnectionFactory) ctx.lookup("MyQueueConnectionFactory");
        try (jakarta.jms.Connection c = cf.createConnection("j2ee", "j2ee")) {
            c.start();
            jakarta.jms.Session s = c.createSession();
            Queue q = (Queue) ctx.lookup("testQ0");
            s.createProducer(q).send(s.createTextMessage("tck"));
            assertEquals("tck", ((jakarta.jms.TextMessage) s.createConsumer(q).receive(5_000)).getText());
            assertThrows(jakarta.jms.JMSSecurityException.class, () -> cf.createConnection("j2ee", "nope"));
            assertThrows(jakarta.jms.JMSSecurityException.class, () -> cf.createConnection("someone", "j2ee"));
            assertThrows(jakarta.jms.JMSSecurityRuntimeException.class, () -> cf.createContext("x", "y"));
        }
    }
}
