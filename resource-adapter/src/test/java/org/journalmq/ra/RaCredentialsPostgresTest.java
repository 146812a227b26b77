package org.journalmq.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.security.PasswordCredential;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javax.security.auth.Subject;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.JournalQueue;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 1, last bullet, on PostgreSQL with a role whose password the server checks
 * (journalmq_auth, scram-sha-256, set up by .ci/run; skipped without it, mandatory when CI=true).
 * The adapter is configured with the right password, so a refusal can only come from the
 * credentials the container or the application passed through it (JCA 2.1 ch. 9): those are what
 * reached PostgreSQL.
 */
class RaCredentialsPostgresTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private JournalConfig config;
    private String user;
    private String password;
    private String wrong;
    private TestContainer container;
    private JournalResourceAdapter ra;
    private JournalManagedConnectionFactory mcf;
    private JournalConnectionFactory plain;
    private Connection keepOpen;
    private final List<ManagedConnection> opened = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        config = TestDatabases.postgresWithPassword().build(); // skips/fails when not set up
        user = config.user();
        password = config.password();
        wrong = "Wrong-" + password;
        container = new TestContainer();
        ra = new JournalResourceAdapter();
        ra.setUrl(config.jdbcUrl());
        ra.setUser(user);
        ra.setPassword(password);
        ra.setTablePrefix(config.tablePrefix());
        ra.setLeaseMillis(2_000L);
        ra.start(container);
        mcf = new JournalManagedConnectionFactory();
        mcf.setResourceAdapter(ra);
        plain = new JournalConnectionFactory(config.jdbcUrl());
        plain.setUser(user);
        plain.setPassword(password);
        plain.setTablePrefix(config.tablePrefix());
        plain.setLeaseMillis(2_000L);
        keepOpen = plain.createConnection();
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            for (ManagedConnection mc : opened) {
                mc.destroy();
            }
            if (ra != null) {
                ra.stop();
            }
            if (keepOpen != null) {
                keepOpen.close();
            }
            if (container != null) {
                container.close();
            }
        } finally {
            if (config != null) {
                TestDatabases.dropAll(config);
            }
        }
    }

    private Subject subjectWith(String password, JournalManagedConnectionFactory forFactory) {
        PasswordCredential pc = new PasswordCredential(user, password.toCharArray());
        pc.setManagedConnectionFactory(forFactory);
        Subject s = new Subject();
        s.getPrivateCredentials().add(pc);
        return s;
    }

    private ManagedConnection open(Subject subject) throws ResourceException {
        ManagedConnection mc = mcf.createManagedConnection(subject, null);
        opened.add(mc);
        return mc;
    }

    private void noPassword(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            assertFalse(m.contains(password) || m.contains(wrong), "password in " + t);
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
    @DisplayName("Issue 15 item 1, JCA 2.1 ch. 9 component-managed sign-on on PostgreSQL: the application's"
            + " password reaches the server (right one works, wrong one JMSSecurityException)")
    void componentManagedPasswordReachesPostgres() throws Exception {
        ConnectionFactory cf = (ConnectionFactory) mcf.createConnectionFactory();
        try (Connection c = cf.createConnection(user, password)) {
            Session s = c.createSession();
            s.createProducer(new JournalQueue("q-pg-cm")).send(s.createTextMessage("through the adapter"));
        }
        try (JMSContext ctx = plain.createContext()) {
            assertEquals("through the adapter",
                    ctx.createConsumer(ctx.createQueue("q-pg-cm")).receiveBody(String.class, WAIT.toMillis()));
        }
        JMSSecurityException e = assertThrows(JMSSecurityException.class, () -> cf.createConnection(user, wrong));
        assertEquals("JMQ-AUTH", e.getErrorCode());
        noPassword(e);
        noPassword(assertThrows(JMSSecurityRuntimeException.class, () -> cf.createContext(user, wrong)));
    }

    @Test
    @DisplayName("Issue 15 item 1, JCA 2.1 ch. 9 container-managed sign-on on PostgreSQL: the Subject's"
            + " PasswordCredential for this factory is what the server checks; another factory's is ignored")
    void containerManagedPasswordReachesPostgres() throws Exception {
        ManagedConnection mc = open(subjectWith(password, mcf));
        assertEquals(user, mc.getMetaData().getUserName());
        Connection c = (Connection) mc.getConnection(subjectWith(password, mcf), null);
        Session s = c.createSession();
        s.createProducer(new JournalQueue("q-pg-subject")).send(s.createTextMessage("as the Subject's user"));
        c.close();
        try (JMSContext ctx = plain.createContext()) {
            assertEquals("as the Subject's user",
                    ctx.createConsumer(ctx.createQueue("q-pg-subject")).receiveBody(String.class, WAIT.toMillis()));
        }

        ResourceException refused = assertThrows(ResourceException.class, () -> open(subjectWith(wrong, mcf)));
        assertInstanceOf(JMSSecurityException.class, refused.getCause());
        noPassword(refused);

        JournalManagedConnectionFactory other = new JournalManagedConnectionFactory();
        other.setResourceAdapter(ra);
        assertEquals(user, open(subjectWith(wrong, other)).getMetaData().getUserName(),
                "another factory's wrong password is not used: the adapter's right one is");
    }

    @Test
    @DisplayName("Issue 15 item 1: on PostgreSQL an activation with the right password delivers, with a wrong"
            + " one it does not and counts failed attempts")
    void activationPasswordReachesPostgres() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        MessageEndpointFactory good = container.endpoints(true, m -> got.add(((TextMessage) m).getText()) && false);
        JournalActivationSpec right = InboundDeliveryTest.queueSpec("q-pg-mdb", 1);
        right.setUser(user);
        right.setPassword(password);
        MessageEndpointFactory bad = container.endpoints(true, m -> got.add("wrong:" + ((TextMessage) m).getText())
                && false);
        JournalActivationSpec refused = InboundDeliveryTest.queueSpec("q-pg-mdb-wrong", 1);
        refused.setUser(user);
        refused.setPassword(wrong);
        ra.endpointActivation(bad, refused);
        ra.endpointActivation(good, right);
        try (JMSContext ctx = plain.createContext()) {
            ctx.createProducer().send(ctx.createQueue("q-pg-mdb"), "for the bean");
            ctx.createProducer().send(ctx.createQueue("q-pg-mdb-wrong"), "waits");
        }
        assertTrue(await(() -> got.contains("for the bean")), "delivered " + got);
        Activation failing = ra.activation(bad, refused);
        assertTrue(await(() -> failing.failedAttempts() >= 1), "the refused sign-on counts as a failed attempt");
        ra.endpointDeactivation(bad, refused);
        ra.endpointDeactivation(good, right);
        assertEquals(List.of("for the bean"), got);
    }
}
