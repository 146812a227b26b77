package org.journalmq.examples.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.ejb.EJB;
import jakarta.jms.JMSSecurityException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.journalmq.examples.auth.AuthInbox;
import org.journalmq.examples.auth.AuthSettings;
import org.journalmq.examples.auth.SignOn;
import org.journalmq.examples.auth.SignOnMdb;
import org.journalmq.examples.auth.WrongPasswordMdb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15 item 1 in GlassFish 7.0.21: "The resource adapter passes the container's credentials
 * through (createConnection(user, password), and the container-managed sign-on of the JCA spec), and
 * an MDB's activation runs as the configured user." The adapter is deployed as {@code journalmq-auth},
 * whose resource-adapter-config (module pom) puts its journal on PostgreSQL as the password-checked
 * role {@code journalmq_auth} of .ci/run, with the right password: so a refusal can only come from
 * the credentials GlassFish or the application passed through the adapter, and shows that those
 * reached PostgreSQL (its trust rule for other roles would accept any password).
 */
@ExtendWith(ArquillianExtension.class)
class CredentialsInGlassFishIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive rar() {
        return Deployments.rar(AuthSettings.ADAPTER);
    }

    @Deployment(name = "auth-app", order = 2)
    static WebArchive app() {
        StringBuilder binding = new StringBuilder("<glassfish-ejb-jar><enterprise-beans>");
        for (Class<?> mdb : new Class<?>[] {SignOnMdb.class, WrongPasswordMdb.class}) {
            binding.append("<ejb><ejb-name>").append(mdb.getSimpleName()).append("</ejb-name>")
                    .append("<mdb-resource-adapter><resource-adapter-mid>").append(AuthSettings.ADAPTER)
                    .append("</resource-adapter-mid></mdb-resource-adapter></ejb>");
        }
        binding.append("</enterprise-beans></glassfish-ejb-jar>");
        return ShrinkWrap.create(WebArchive.class, "auth-app.war")
                .addPackage(AuthSettings.class.getPackage())
                .addClass(Await.class)
                .addAsWebInfResource(new StringAsset(binding.toString()), "glassfish-ejb-jar.xml");
    }

    @EJB(lookup = "java:app/auth-app/SignOn")
    SignOn signOn;

    @EJB(lookup = "java:app/auth-app/AuthInbox")
    AuthInbox inbox;

    /**
     * Like the other PostgreSQL tests: skipped when PostgreSQL does not answer, failed instead when
     * CI=true (where .ci/run has set it up). Runs in the server, which inherits the build's environment.
     */
    @BeforeEach
    void postgresIsThere() {
        boolean up;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 5432), 2_000);
            up = true;
        } catch (IOException e) {
            up = false;
        }
        assumeTrue(up || "true".equals(System.getenv("CI")), "PostgreSQL not reachable at 127.0.0.1:5432");
    }

    /** A queue of this run only, so that a message left by an aborted earlier run cannot answer. */
    private static String freshQueue(String what) {
        return "gf15-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void refusedWithoutPassword(JMSSecurityException e) {
        assertEquals("JMQ-AUTH", e.getErrorCode(), "the provider's refused-login code: " + e);
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            assertFalse(m.contains(AuthSettings.PASSWORD), "a password in " + t);
        }
    }

    @Test
    @OperateOnDeployment("auth-app")
    @DisplayName("Issue 15 item 1, JCA 2.1 ch. 9 container-managed sign-on in GlassFish: the pool's UserName/Password"
            + " reach PostgreSQL (right one sends, wrong one JMSSecurityException JMQ-AUTH)")
    void containerManagedSignOn() throws Exception {
        String queue = freshQueue("container");
        signOn.sendContainerManaged(true, queue, "signed on by the container");
        assertEquals("signed on by the container", signOn.receive(queue, WAIT.toMillis()));

        refusedWithoutPassword(assertThrows(JMSSecurityException.class,
                () -> signOn.sendContainerManaged(false, queue, "never sent")));
        assertEquals(null, signOn.receive(queue, 200), "the refused connection sent nothing");

        // A pool without UserName: GlassFish's default principal for it is the user "" (its
        // ConnectorAdminServiceUtils), which the adapter must take as no credential, signing on as
        // its own user rather than as a database user named "" (which PostgreSQL would refuse).
        signOn.sendContainerManagedWithoutPoolUser(queue, "signed on as the adapter's user");
        assertEquals("signed on as the adapter's user", signOn.receive(queue, WAIT.toMillis()));
    }

    @Test
    @OperateOnDeployment("auth-app")
    @DisplayName("Issue 15 item 1, JCA 2.1 ch. 9 component-managed sign-on in GlassFish: createConnection(user,"
            + " password) reaches PostgreSQL (right one sends, wrong one JMSSecurityException JMQ-AUTH, also on a"
            + " pool that holds the right UserName/Password)")
    void componentManagedSignOn() throws Exception {
        String queue = freshQueue("component");
        signOn.sendApplicationManaged(AuthSettings.PASSWORD, queue, "signed on by the application");
        assertEquals("signed on by the application", signOn.receive(queue, WAIT.toMillis()));

        refusedWithoutPassword(assertThrows(JMSSecurityException.class,
                () -> signOn.sendApplicationManaged(AuthSettings.WRONG_PASSWORD, queue, "never sent")));

        // GlassFish passes the pool's Subject (its UserName/Password) for res-auth Application too; the
        // application's explicit credentials must still be the ones checked, not the pool's right ones.
        refusedWithoutPassword(assertThrows(JMSSecurityException.class,
                () -> signOn.sendApplicationManagedOnPoolWithUser(AuthSettings.WRONG_PASSWORD, queue, "never sent")));
        assertEquals(null, signOn.receive(queue, 200), "the refused connections sent nothing");
    }

    @Test
    @OperateOnDeployment("auth-app")
    @DisplayName("Issue 15 item 1 in GlassFish: an MDB whose activation has userName/password receives as that"
            + " user; with a wrong password nothing is delivered and the server log has JMQ7028")
    void activationSignsOnAsItsUser() throws Exception {
        String run = UUID.randomUUID().toString();
        signOn.sendContainerManaged(true, AuthSettings.MDB_QUEUE, run);
        signOn.sendContainerManaged(true, AuthSettings.MDB_WRONG_QUEUE, run);
        assertTrue(Await.until(WAIT, () -> inbox.received().contains(AuthSettings.MDB_QUEUE + ":" + run)),
                "the MDB with the right password received; got " + inbox.received());

        // The refused activation retries with back-off and logs JMQ7028 each time; its first attempt
        // was at deployment, so the line is there or comes soon.
        Path log = Path.of(System.getProperty("com.sun.aas.instanceRoot"), "logs", "server.log");
        assertTrue(Await.until(WAIT, () -> refusedActivationLogged(log)), "JMQ7028 for the activation of "
                + AuthSettings.MDB_WRONG_QUEUE + " in " + log);
        assertTrue(inbox.received().stream().noneMatch(e -> e.startsWith(AuthSettings.MDB_WRONG_QUEUE + ":")),
                "nothing delivered with the wrong password; got " + inbox.received());
    }

    private static boolean refusedActivationLogged(Path log) {
        try {
            // ISO-8859-1 reads any byte: a line of another component in another encoding cannot fail the read
            for (String line : Files.readString(log, StandardCharsets.ISO_8859_1).split("\n")) {
                if (line.contains("JMQ7028") && line.contains(AuthSettings.MDB_WRONG_QUEUE)) {
                    assertTrue(line.contains("user=" + AuthSettings.USER), "names the user: " + line);
                    assertFalse(line.contains(AuthSettings.PASSWORD), "never the password: " + line);
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
