package org.journalmq.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.security.PasswordCredential;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.security.auth.Subject;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.JournalQueue;
import org.journalmq.ra.JournalManagedConnectionFactory.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 1, last bullet: the resource adapter passes the container's credentials through
 * (JCA 2.1 ch. 9, security contract: component-managed and container-managed sign-on) and an MDB's
 * activation signs on as its configured user.
 *
 * <p>A real HSQLDB file journal with a second database user, ALICE, created with {@code CREATE USER …
 * PASSWORD} and granted the journal's tables. The adapter's own user is SA. Which user a connection
 * signed on as is observed in the database itself ({@code INFORMATION_SCHEMA.SYSTEM_SESSIONS}, read
 * as SA) and through the public API: a wrong password for ALICE is refused with
 * JMSSecurityException, which the adapter's SA would never be.
 */
class RaCredentialsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ALICE = "ALICE";
    private static final String PASSWORD = "Alice-pw-7781";
    private static final String WRONG = "wrong-pw-3321";

    @TempDir
    Path dir;

    private String url;
    private TestContainer container;
    private JournalResourceAdapter ra;
    private JournalManagedConnectionFactory mcf;
    private JournalConnectionFactory plain;
    private Connection keepOpen;
    private final List<ManagedConnection> opened = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        url = "jdbc:hsqldb:file:" + dir.resolve("journal");
        container = new TestContainer();
        ra = new JournalResourceAdapter();
        ra.setUrl(url);
        ra.setUser("SA");
        ra.setLeaseMillis(2_000L);
        ra.start(container);
        mcf = new JournalManagedConnectionFactory();
        mcf.setResourceAdapter(ra);
        plain = new JournalConnectionFactory(url);
        plain.setUser("SA");
        plain.setLeaseMillis(2_000L);
        keepOpen = plain.createConnection(); // creates the journal's tables, which ALICE is granted
        createAlice();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (ManagedConnection mc : opened) {
            mc.destroy();
        }
        ra.stop();
        keepOpen.close();
        container.close();
    }

    /** ALICE with a password, granted the journal's tables and sequences (README "Authentication"). */
    private void createAlice() throws SQLException {
        try (var c = DriverManager.getConnection(url, "SA", ""); Statement st = c.createStatement()) {
            st.execute("CREATE USER " + ALICE + " PASSWORD '" + PASSWORD + "'");
            List<String> grants = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME LIKE 'JMQ\\_%' ESCAPE '\\'")) {
                while (rs.next()) {
                    grants.add("GRANT ALL PRIVILEGES ON TABLE " + rs.getString(1) + " TO " + ALICE);
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT SEQUENCE_NAME FROM INFORMATION_SCHEMA.SEQUENCES"
                    + " WHERE SEQUENCE_SCHEMA = 'PUBLIC'")) {
                while (rs.next()) {
                    grants.add("GRANT USAGE ON SEQUENCE " + rs.getString(1) + " TO " + ALICE);
                }
            }
            for (String g : grants) {
                st.execute(g);
            }
        }
    }

    /** The database's own view: how many sessions are signed on as this user now. */
    private int sessionsOf(String user) throws SQLException {
        try (var c = DriverManager.getConnection(url, "SA", ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SYSTEM_SESSIONS"
                     + " WHERE USER_NAME = '" + user + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Subject subjectWith(String user, String password, JournalManagedConnectionFactory forFactory) {
        PasswordCredential pc = new PasswordCredential(user, password.toCharArray());
        pc.setManagedConnectionFactory(forFactory);
        Subject s = new Subject();
        s.getPrivateCredentials().add(pc);
        return s;
    }

    private ManagedConnection open(Subject subject, Credentials cri) throws ResourceException {
        ManagedConnection mc = mcf.createManagedConnection(subject, cri);
        opened.add(mc);
        return mc;
    }

    private int waiting(String queue) throws Exception {
        try (Connection c = plain.createConnection(); Session s = c.createSession();
             QueueBrowser b = s.createBrowser(new JournalQueue(queue))) {
            return Collections.list(b.getEnumeration()).size();
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

    /** No message of the exception chain shows a password. */
    private static void noPassword(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            assertFalse(m.contains(PASSWORD) || m.contains(WRONG), "password in " + t);
        }
    }

    // ---------------------------------------------------------------- component-managed sign-on

    @Test
    @DisplayName("Issue 15 item 1, JCA 2.1 ch. 9 component-managed sign-on: createConnection(user, password)"
            + " through the adapter signs on to the database as that user")
    void createConnectionSignsOnAsTheUser() throws Exception {
        ConnectionFactory cf = (ConnectionFactory) mcf.createConnectionFactory();
        assertEquals(0, sessionsOf(ALICE));
        try (Connection c = cf.createConnection(ALICE, PASSWORD)) {
            assertTrue(sessionsOf(ALICE) > 0, "the database sees ALICE's sessions");
            assertEquals(ALICE, ConnectionHandle.of(c).owner().getMetaData().getUserName());
            Session s = c.createSession();
            s.createProducer(new JournalQueue("q-alice")).send(s.createTextMessage("sent as alice"));
        }
        try (JMSContext ctx = plain.createContext()) {
            assertEquals("sent as alice", ctx.createConsumer(ctx.createQueue("q-alice")).receiveBody(String.class,
                    WAIT.toMillis()), "the same journal, another user");
        }
        try (JMSContext ctx = cf.createContext(ALICE, PASSWORD)) {
            ctx.createProducer().send(ctx.createQueue("q-alice"), "context as alice");
        }
        assertEquals(1, waiting("q-alice"));
    }

    @Test
    @DisplayName("Issue 15 item 1: a wrong password through the adapter is refused with JMSSecurityException"
            + " (JMSSecurityRuntimeException for createContext), code JMQ-AUTH, no password in any message")
    void wrongPasswordThroughTheAdapterIsRefused() throws Exception {
        ConnectionFactory cf = (ConnectionFactory) mcf.createConnectionFactory();
        JMSSecurityException e = assertThrows(JMSSecurityException.class, () -> cf.createConnection(ALICE, WRONG));
        assertEquals("JMQ-AUTH", e.getErrorCode());
        noPassword(e);
        noPassword(assertThrows(JMSSecurityException.class,
                () -> ((jakarta.jms.QueueConnectionFactory) cf).createQueueConnection(ALICE, WRONG)));
        JMSSecurityRuntimeException r = assertThrows(JMSSecurityRuntimeException.class,
                () -> cf.createContext(ALICE, WRONG, JMSContext.SESSION_TRANSACTED));
        assertEquals("JMQ-AUTH", r.getErrorCode());
        noPassword(r);
        assertEquals(0, sessionsOf(ALICE));
    }

    // ---------------------------------------------------------------- container-managed sign-on

    @Test
    @DisplayName("Issue 15 item 1, JCA 2.1 ch. 9 container-managed sign-on: the Subject's PasswordCredential"
            + " for this factory is the database user, and wins over the adapter's user")
    void containerManagedSignOnUsesTheSubjectsPasswordCredential() throws Exception {
        Subject subject = subjectWith(ALICE, PASSWORD, mcf);
        ManagedConnection mc = open(subject, null);
        assertEquals(ALICE, mc.getMetaData().getUserName());
        assertTrue(sessionsOf(ALICE) > 0);
        Connection c = (Connection) mc.getConnection(subject, null);
        Session s = c.createSession();
        s.createProducer(new JournalQueue("q-cm")).send(s.createTextMessage("container-managed"));
        c.close();
        assertEquals(1, waiting("q-cm"));

        assertEquals(ALICE, open(subject, Credentials.NONE).getMetaData().getUserName(),
                "no user requested: the Subject's");

        ResourceException refused = assertThrows(ResourceException.class,
                () -> open(subjectWith(ALICE, WRONG, mcf), null));
        assertInstanceOf(JMSSecurityException.class, refused.getCause(), "the database checked the Subject's password");
        noPassword(refused);
    }

    @Test
    @DisplayName("Issue 15 item 1: createConnection(user, password) wins over the Subject, which GlassFish 7"
            + " passes for res-auth Application too (its pool's UserName/Password): the application's wrong"
            + " password is refused")
    void requestedUserWinsOverTheSubject() throws Exception {
        Subject poolDefault = subjectWith(ALICE, PASSWORD, mcf);
        ResourceException refused = assertThrows(ResourceException.class,
                () -> open(poolDefault, new Credentials(ALICE, WRONG)));
        assertInstanceOf(JMSSecurityException.class, refused.getCause(), "the application's password was checked");
        noPassword(refused);
        assertEquals("SA", open(poolDefault, new Credentials("SA", "")).getMetaData().getUserName(),
                "the requested user, not the Subject's");
        assertEquals(ALICE, open(subjectWith(ALICE, WRONG, mcf), new Credentials(ALICE, PASSWORD))
                .getMetaData().getUserName(), "the Subject's wrong password is not used either");
    }

    @Test
    @DisplayName("Issue 15 item 1, JCA 2.1 ch. 9: a PasswordCredential for another connection factory is ignored")
    void passwordCredentialOfAnotherFactoryIsIgnored() throws Exception {
        JournalManagedConnectionFactory other = new JournalManagedConnectionFactory();
        other.setResourceAdapter(ra);
        // a wrong password that would be refused if it were used
        ManagedConnection mc = open(subjectWith(ALICE, WRONG, other), null);
        assertEquals("SA", mc.getMetaData().getUserName(), "the adapter's configured user");
        assertEquals(0, sessionsOf(ALICE));
        // ... and without one for this factory, component-managed request info still applies
        ManagedConnection withInfo = open(subjectWith(ALICE, WRONG, other), new Credentials(ALICE, PASSWORD));
        assertEquals(ALICE, withInfo.getMetaData().getUserName());
    }

    // ---------------------------------------------------------------- pooling never mixes users

    @Test
    @DisplayName("Issue 15 item 1, JCA 2.1 ch. 9: matchManagedConnections returns only a connection of the same"
            + " credentials, getConnection and associateConnection refuse another user's (no re-authentication)")
    void poolNeverMixesUsers() throws Exception {
        ManagedConnection asSa = open(null, null);
        ManagedConnection asAlice = open(null, new Credentials(ALICE, PASSWORD));
        Set<ManagedConnection> pool = Set.of(asSa, asAlice);

        assertSame(asSa, mcf.matchManagedConnections(pool, null, null));
        assertSame(asSa, mcf.matchManagedConnections(pool, null, Credentials.NONE));
        assertSame(asAlice, mcf.matchManagedConnections(pool, null, new Credentials(ALICE, PASSWORD)));
        assertSame(asAlice, mcf.matchManagedConnections(pool, subjectWith(ALICE, PASSWORD, mcf), null));
        assertNull(mcf.matchManagedConnections(pool, null, new Credentials(ALICE, WRONG)),
                "same user, other password: a new connection must check it");
        assertNull(mcf.matchManagedConnections(pool, null, new Credentials("BOB", PASSWORD)));
        assertSame(asSa, mcf.matchManagedConnections(pool, subjectWith(ALICE, PASSWORD,
                new JournalManagedConnectionFactory()), null), "another factory's credential is not ALICE");

        jakarta.resource.spi.SecurityException e = assertThrows(jakarta.resource.spi.SecurityException.class,
                () -> asSa.getConnection(null, new Credentials(ALICE, PASSWORD)));
        assertTrue(e.getMessage().contains("getConnection"), e.getMessage());
        noPassword(e);
        assertThrows(jakarta.resource.spi.SecurityException.class,
                () -> asAlice.getConnection(subjectWith(ALICE, WRONG, mcf), null));
        assertThrows(jakarta.resource.spi.SecurityException.class, () -> asAlice.getConnection(null, null));

        Object aliceHandle = asAlice.getConnection(null, new Credentials(ALICE, PASSWORD));
        noPassword(assertThrows(jakarta.resource.spi.SecurityException.class,
                () -> asSa.associateConnection(aliceHandle)));
        ((Connection) aliceHandle).close();
    }

    @Test
    @DisplayName("Issue 15 item 1: request info is equal by user and password, and its toString never shows the password")
    void requestInfoEqualityAndToString() {
        assertEquals(new Credentials(ALICE, PASSWORD), new Credentials(ALICE, PASSWORD));
        assertEquals(new Credentials(ALICE, PASSWORD).hashCode(), new Credentials(ALICE, PASSWORD).hashCode());
        assertNotEquals(new Credentials(ALICE, PASSWORD), new Credentials(ALICE, WRONG));
        assertNotEquals(new Credentials(ALICE, PASSWORD), Credentials.NONE);
        assertFalse(new Credentials(ALICE, PASSWORD).toString().contains(PASSWORD));
        assertTrue(new Credentials(ALICE, PASSWORD).toString().contains(ALICE));
    }

    // ---------------------------------------------------------------- MDB activation

    @Test
    @DisplayName("Issue 15 item 1: an activation with user and password delivers as that user; userName is accepted"
            + " as the same property, and toString never shows the password")
    void activationSignsOnAsItsUser() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        MessageEndpointFactory f = container.endpoints(true, m -> {
            got.add(((TextMessage) m).getText());
            return false;
        });
        JournalActivationSpec spec = InboundDeliveryTest.queueSpec("q-mdb-alice", 1);
        spec.setUserName(ALICE); // Open MQ's name for it
        spec.setPassword(PASSWORD);
        assertEquals(ALICE, spec.getUser());
        spec.validate();
        assertFalse(spec.toString().contains(PASSWORD), spec.toString());
        assertEquals(0, sessionsOf(ALICE));
        ra.endpointActivation(f, spec);
        try (JMSContext ctx = plain.createContext()) {
            ctx.createProducer().send(ctx.createQueue("q-mdb-alice"), "for the bean");
        }
        assertTrue(await(() -> got.size() == 1), "delivered " + got);
        assertTrue(sessionsOf(ALICE) > 0, "the activation's connection is ALICE's");
        ra.endpointDeactivation(f, spec);
        assertEquals(List.of("for the bean"), got);
        assertEquals(0, waiting("q-mdb-alice"), "acknowledged as ALICE");
    }

    @Test
    @DisplayName("Issue 15 item 1: an activation with a wrong password does not deliver, logs JMQ7028 naming the"
            + " activation (never the password) and keeps retrying")
    void activationWithWrongPasswordFailsClearly() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        Logger jul = Logger.getLogger("org.journalmq");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                log.add(r.getMessage() + " " + java.util.Arrays.toString(r.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(capture);
        try {
            List<String> got = new CopyOnWriteArrayList<>();
            MessageEndpointFactory f = container.endpoints(true, m -> got.add(((TextMessage) m).getText()) && false);
            JournalActivationSpec spec = InboundDeliveryTest.queueSpec("q-mdb-wrong", 1);
            spec.setUser(ALICE);
            spec.setPassword(WRONG);
            try (JMSContext ctx = plain.createContext()) {
                ctx.createProducer().send(ctx.createQueue("q-mdb-wrong"), "waits");
            }
            ra.endpointActivation(f, spec);
            Activation a = ra.activation(f, spec);
            assertTrue(await(() -> a.failedAttempts() >= 1), "the refused sign-on counts as a failed attempt");
            assertTrue(await(() -> log.stream().anyMatch(l -> l.contains("JMQ7028"))), "JMQ7028 logged: " + log);
            ra.endpointDeactivation(f, spec);
            assertEquals(List.of(), got);
            assertEquals(1, waiting("q-mdb-wrong"), "the message waits in the journal");
            for (String line : log) {
                assertFalse(line.contains(WRONG) || line.contains(PASSWORD), "password in the log: " + line);
            }
            assertTrue(log.stream().filter(l -> l.contains("JMQ7028")).allMatch(l -> l.contains(ALICE)),
                    "the line names the activation's user: " + log);
        } finally {
            jul.removeHandler(capture);
        }
    }

    @Test
    @DisplayName("Issue 15 item 1: an activation password without a user fails validation naming 'password'")
    void passwordWithoutUserIsInvalid() {
        JournalActivationSpec spec = InboundDeliveryTest.queueSpec("q", 1);
        spec.setPassword(WRONG);
        InvalidPropertyException e = assertThrows(InvalidPropertyException.class, spec::validate);
        assertTrue(e.getMessage().contains("'password'"), e.getMessage());
        assertFalse(e.getMessage().contains(WRONG));
    }
}
