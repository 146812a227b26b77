package org.journalmq.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.hsqldb.server.Server;
import org.journalmq.jms.DeadLetters;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.JournalQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inbound delivery (JCA 2.1 ch. 13) against a real HSQLDB file journal, the container simulated by
 * {@link TestContainer}. Messages are sent and checked with the provider's own factory on the same
 * journal.
 */
class InboundDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private TestContainer container;
    private JournalResourceAdapter ra;
    private JournalConnectionFactory plain;
    /** Holds the journal open across the test, so it is not shut down between connections. */
    private Connection keepOpen;

    /** The journal under test: an HSQLDB file database here, PostgreSQL in the subclass. */
    String journalUrl() {
        return "jdbc:hsqldb:file:" + dir.resolve("journal");
    }

    /** Database user, null for the default. */
    String user() {
        return null;
    }

    /** Table prefix of the journal, null for the default. */
    String tablePrefix() {
        return null;
    }

    @BeforeEach
    void setUp() throws Exception {
        container = new TestContainer();
        start(journalUrl());
        keepOpen = plain.createConnection();
    }

    void start(String url) throws Exception {
        ra = new JournalResourceAdapter();
        configureJournal(ra, url);
        ra.setLeaseMillis(2_000L);
        ra.setTablePrefix(tablePrefix());
        ra.setUser(user());
        ra.start(container);
        plain = new JournalConnectionFactory(url);
        plain.setLeaseMillis(2_000L);
        if (tablePrefix() != null) {
            plain.setTablePrefix(tablePrefix());
        }
        plain.setUser(user());
    }

    /** Points the adapter at the journal: its url here, a container DataSource in the DataSource subclasses. */
    void configureJournal(JournalResourceAdapter adapter, String url) {
        adapter.setUrl(url);
    }

    @AfterEach
    void tearDown() throws Exception {
        ra.stop();
        if (keepOpen != null) {
            keepOpen.close();
        }
        container.close();
    }

    static JournalActivationSpec queueSpec(String queue, int maxSessions) {
        JournalActivationSpec s = new JournalActivationSpec();
        s.setDestination(queue);
        s.setMaxSessions(maxSessions);
        return s;
    }

    private void send(String queue, String... texts) {
        try (JMSContext c = plain.createContext()) {
            for (String t : texts) {
                c.createProducer().send(c.createQueue(queue), t);
            }
        }
    }

    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    @Test
    @DisplayName("Every queue message reaches the endpoint exactly once, over at most maxSessions sessions")
    void queueDelivery() throws Exception {
        Set<String> texts = ConcurrentHashMap.newKeySet();
        List<String> all = new CopyOnWriteArrayList<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        MessageEndpointFactory f = container.endpoints(true, m -> {
            String t = ((TextMessage) m).getText();
            texts.add(t);
            all.add(t);
            threads.add(Thread.currentThread().getName() + Thread.currentThread().getId());
            return false;
        });
        JournalActivationSpec spec = queueSpec("q-many", 4);
        ra.endpointActivation(f, spec);
        String[] sent = new String[200];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = "m" + i;
        }
        send("q-many", sent);
        assertTrue(await(() -> texts.size() == sent.length), "delivered " + texts.size());
        ra.endpointDeactivation(f, spec);
        assertEquals(sent.length, all.size(), "no duplicates");
        assertTrue(threads.size() <= 4, "sessions " + threads);
        try (JMSContext c = plain.createContext()) {
            assertNull(c.createConsumer(c.createQueue("q-many")).receiveNoWait(), "all acknowledged");
        }
    }

    @Test
    @DisplayName("A container rollback redelivers: JMSRedelivered, JMSXDeliveryCount 2 (Messaging 3.1 sec. 6.2.12, 3.5.11)")
    void transactedRollbackRedelivers() throws Exception {
        List<Message> seen = new CopyOnWriteArrayList<>();
        MessageEndpointFactory f = container.endpoints(true, m -> {
            seen.add(m);
            return m.getIntProperty("JMSXDeliveryCount") == 1; // roll the first delivery back
        });
        JournalActivationSpec spec = queueSpec("q-rollback", 1);
        ra.endpointActivation(f, spec);
        send("q-rollback", "once");
        assertTrue(await(() -> seen.size() >= 2), "deliveries " + seen.size());
        ra.endpointDeactivation(f, spec);
        assertFalse(seen.get(0).getJMSRedelivered());
        assertTrue(seen.get(1).getJMSRedelivered());
        assertEquals(2, seen.get(1).getIntProperty("JMSXDeliveryCount"));
        assertEquals(2, seen.size(), "committed after the second delivery");
    }

    @Test
    @DisplayName("Without a transaction a throwing onMessage gives the message back (EJB 5.4.9 bean-managed / NOT_SUPPORTED)")
    void untransactedExceptionRedelivers() throws Exception {
        List<Integer> counts = new CopyOnWriteArrayList<>();
        MessageEndpointFactory f = container.endpoints(false, m -> {
            int n = m.getIntProperty("JMSXDeliveryCount");
            counts.add(n);
            if (n == 1) {
                throw new IllegalStateException("first attempt fails");
            }
            return false;
        });
        JournalActivationSpec spec = queueSpec("q-throw", 1);
        ra.endpointActivation(f, spec);
        send("q-throw", "x");
        assertTrue(await(() -> counts.size() >= 2), "deliveries " + counts);
        ra.endpointDeactivation(f, spec);
        assertEquals(List.of(1, 2), counts);
    }

    @Test
    @DisplayName("endpointDeactivation stops delivery: later messages stay in the journal")
    void deactivationStopsDelivery() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        MessageEndpointFactory f = container.endpoints(true, m -> got.add(((TextMessage) m).getText()) && false);
        JournalActivationSpec spec = queueSpec("q-stop", 2);
        ra.endpointActivation(f, spec);
        send("q-stop", "before");
        assertTrue(await(() -> got.contains("before")));
        ra.endpointDeactivation(f, spec);
        send("q-stop", "after");
        try (Connection c = plain.createConnection()) {
            c.start();
            MessageConsumer consumer = c.createSession(Session.AUTO_ACKNOWLEDGE).createConsumer(new JournalQueue("q-stop"));
            Message m = consumer.receive(5_000);
            assertNotNull(m, "the message sent after deactivation waits in the queue");
            assertEquals("after", ((TextMessage) m).getText());
        }
        assertEquals(List.of("before"), got);
    }

    @Test
    @DisplayName("Durable topic subscription: publications while the endpoint is inactive arrive once it is active again")
    void durableTopicSubscription() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        MessageEndpointFactory f = container.endpoints(true, m -> got.add(((TextMessage) m).getText()) && false);
        JournalActivationSpec spec = new JournalActivationSpec();
        spec.setDestinationType(JournalActivationSpec.TOPIC);
        spec.setDestination("news");
        spec.setSubscriptionDurability("Durable");
        spec.setSubscriptionName("audit");
        spec.setClientId("ra-test");
        spec.validate();
        ra.endpointActivation(f, spec);
        try (JMSContext c = plain.createContext()) {
            assertTrue(await(() -> {
                c.createProducer().send(c.createTopic("news"), "probe");
                return got.contains("probe");
            }), "the subscription exists once activation connected");
        }
        ra.endpointDeactivation(f, spec);
        try (JMSContext c = plain.createContext()) {
            c.createProducer().send(c.createTopic("news"), "while-inactive");
        }
        ra.endpointActivation(f, spec);
        assertTrue(await(() -> got.contains("while-inactive")), "got " + got);
        ra.endpointDeactivation(f, spec);
    }

    @Test
    @DisplayName("shareSubscriptions: a shared durable subscription spreads over maxSessions sessions, each publication delivered once (Messaging 3.1 sec. 4.2.2)")
    void sharedSubscription() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        MessageEndpointFactory f = container.endpoints(true, m -> {
            threads.add(Thread.currentThread().getName() + Thread.currentThread().getId());
            return !got.add(((TextMessage) m).getText());
        });
        JournalActivationSpec spec = new JournalActivationSpec();
        spec.setDestinationType(JournalActivationSpec.TOPIC);
        spec.setDestination("prices");
        spec.setSubscriptionDurability("Durable");
        spec.setSubscriptionName("price-feed");
        spec.setShareSubscriptions(true);
        spec.setMaxSessions(3);
        spec.validate();
        assertEquals(3, spec.sessions());
        ra.endpointActivation(f, spec);
        try (JMSContext c = plain.createContext()) {
            // the subscription exists once the activation connected: probe until a publication arrives
            assertTrue(await(() -> {
                c.createProducer().send(c.createTopic("prices"), "probe");
                return !got.isEmpty();
            }));
            for (int i = 0; i < 60; i++) {
                c.createProducer().send(c.createTopic("prices"), "price-" + i);
            }
        }
        assertTrue(await(() -> prices(got).count() == 60), "got " + got.size());
        ra.endpointDeactivation(f, spec);
        assertEquals(60, prices(got).distinct().count(), "each publication once");
        assertEquals(60, prices(got).count(), "no duplicates");
        assertTrue(threads.size() <= 3, "sessions " + threads);
    }

    private static java.util.stream.Stream<String> prices(List<String> got) {
        return got.stream().filter(t -> t.startsWith("price-"));
    }

    // ---------------------------------------------------------------- dead-letter queue after MDB rollbacks (issue 7)

    /**
     * A bean whose container transaction always rolls back, with the adapter's maxDeliveryAttempts
     * 3: the bean sees the message three times (JMSXDeliveryCount 1, 2, 3, Messaging 3.1 sec. 3.5.11),
     * then the message is in DLQ.&lt;queue&gt; with the DeadLetters properties and is not delivered again.
     * The XA rollback of the delivery (before prepare, as a container does with one resource) goes
     * through the same redelivery policy as a local rollback, so the reason is "rollback".
     */
    @Test
    @DisplayName("Container transaction always rolled back: maxDeliveryAttempts deliveries, then DLQ.<queue> with JMS_JournalMQ_DeliveryAttempts and a reason (README Redelivery policy; Messaging 3.1 sec. 3.5.10)")
    void transactedRollbacksReachDeadLetterQueue() throws Exception {
        assertRollbacksReachDeadLetterQueue(true, "q-poison-xa", Set.of(DeadLetters.REASON_ROLLBACK));
    }

    @Test
    @DisplayName("Bean without a container transaction that always throws: maxDeliveryAttempts deliveries, then DLQ.<queue> with reason rollback (EJB 5.4.9 bean-managed / NOT_SUPPORTED)")
    void untransactedFailuresReachDeadLetterQueue() throws Exception {
        assertRollbacksReachDeadLetterQueue(false, "q-poison-local", Set.of(DeadLetters.REASON_ROLLBACK));
    }

    private void assertRollbacksReachDeadLetterQueue(boolean transacted, String queue, Set<String> reasons)
            throws Exception {
        restartWithMaxDeliveryAttempts(3);
        List<Integer> counts = new CopyOnWriteArrayList<>();
        MessageEndpointFactory f = container.endpoints(transacted, m -> {
            counts.add(m.getIntProperty("JMSXDeliveryCount"));
            if (!transacted) {
                throw new IllegalStateException("poison message");
            }
            return true; // mark the container transaction rollback-only
        });
        JournalActivationSpec spec = queueSpec(queue, 1);
        ra.endpointActivation(f, spec);
        send(queue, "poison");
        Message dead;
        try (JMSContext c = plain.createContext()) {
            dead = c.createConsumer(c.createQueue(DeadLetters.deadLetterQueueFor(queue))).receive(WAIT.toMillis());
        }
        ra.endpointDeactivation(f, spec);
        assertNotNull(dead, "the message reached " + DeadLetters.deadLetterQueueFor(queue) + "; deliveries " + counts);
        assertEquals(List.of(1, 2, 3), counts, "the bean saw it maxDeliveryAttempts times, never again");
        assertEquals("poison", ((TextMessage) dead).getText());
        assertEquals(3, dead.getIntProperty(DeadLetters.DELIVERY_ATTEMPTS));
        assertEquals(queue, dead.getStringProperty(DeadLetters.ORIGINAL_DESTINATION));
        String reason = dead.getStringProperty(DeadLetters.DEAD_LETTER_REASON);
        assertTrue(reasons.contains(reason), "reason " + reason);
        try (JMSContext c = plain.createContext()) {
            assertNull(c.createConsumer(c.createQueue(queue)).receiveNoWait(), "gone from " + queue);
        }
    }

    /** The adapter again, with its maxDeliveryAttempts property set (as ra.xml or asadmin would). */
    private void restartWithMaxDeliveryAttempts(int attempts) throws Exception {
        ra.stop();
        ra = new JournalResourceAdapter();
        configureJournal(ra, journalUrl());
        ra.setLeaseMillis(2_000L);
        ra.setTablePrefix(tablePrefix());
        ra.setUser(user());
        ra.setMaxDeliveryAttempts(attempts);
        ra.start(container);
        assertEquals(attempts, ra.getMaxDeliveryAttempts());
    }

    @Test
    @DisplayName("Database down at activation: the adapter retries with back-off and delivers every waiting message once it is back")
    void databaseDownAtActivation() throws Exception {
        ra.stop();
        keepOpen.close();
        keepOpen = null;
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String dbPath = dir.resolve("served").toString();
        Server server = server(port, dbPath);
        server.start();
        String url = "jdbc:hsqldb:hsql://127.0.0.1:" + port + "/jq";
        start(url);
        send("q-outage", "waiting-1", "waiting-2", "waiting-3");
        server.shutdown(); // the journal's database goes away with three messages in it

        Set<String> got = ConcurrentHashMap.newKeySet();
        MessageEndpointFactory f = container.endpoints(true, m -> got.add(((TextMessage) m).getText()) && false);
        JournalActivationSpec spec = queueSpec("q-outage", 2);
        ra.endpointActivation(f, spec); // must not fail: the connector retries in the background
        Activation activation = ra.activation(f, spec);
        // one attempt waits up to the journal's connect timeout (10 s) before it counts as failed
        assertTrue(await(() -> activation.failedAttempts() >= 1), "a connection attempt failed and is retried");
        assertTrue(got.isEmpty());

        Server again = server(port, dbPath);
        again.start();
        try {
            assertTrue(await(() -> got.size() == 3), "delivered after the outage: " + got);
            assertEquals(Set.of("waiting-1", "waiting-2", "waiting-3"), got);
            ra.endpointDeactivation(f, spec);
        } finally {
            ra.stop();
            again.shutdown();
        }
    }

    static Server server(int port, String path) {
        Server s = new Server();
        s.setAddress("127.0.0.1");
        s.setPort(port);
        s.setDatabaseName(0, "jq");
        s.setDatabasePath(0, "file:" + path);
        s.setSilent(true);
        s.setLogWriter(null);
        s.setErrWriter(null);
        s.setNoSystemExit(true);
        return s;
    }
}
