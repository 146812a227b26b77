package org.journalmq.examples.crash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.transaction.xa.Xid;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 14 item 3: crash recovery inside GlassFish 7.0.21. The server is halted (what kill -9 does:
 * no shutdown hooks, nothing flushed) inside the two-phase commit of a transaction that holds a
 * PostgreSQL branch (the application's entity, an XA DataSource whose prepare is durable:
 * max_prepared_transactions of .ci/run) and a JournalMQ branch, right after both are prepared (the
 * hook {@link HaltOnPrepare}, enlisted last). Before the restart the test sees both branches in
 * doubt; after it, with {@code automatic-recovery=true}, GlassFish's recovery must leave both
 * committed or both rolled back and no branch in doubt (JTA 2.0 sec. 3.4.9 XAResource.recover;
 * Jakarta Messaging 3.1 sec. 6.2.8 and JCA 2.1 sec. 13.4.4 for the adapter's part).
 *
 * <p>Both recovery paths of the adapter, each alone in its test so that only it can have resolved
 * the branch, and the adapter's log line JMQ7041 (TrackedXAResource) names it with the branch's Xid:
 * outbound, a connector pool's ManagedConnection.getXAResource(); inbound, for an MDB,
 * ResourceAdapter.getXAResources(ActivationSpec[]).
 *
 * <p>Runs its own domain (ports from 21400, target/crash-domains), not the Arquillian domain1.
 */
@TestMethodOrder(OrderAnnotation.class)
class CrashRecoveryIT {

    private static final String ADAPTER = "journalmq-crash";
    private static final Duration EXIT = Duration.ofSeconds(60);
    /** Recovery runs while the restarted server loads its applications (start-domain returns after it). */
    private static final Duration RECOVERY = Duration.ofSeconds(90);
    private static final Pattern RESOLVED = Pattern.compile("JMQ7041 in-doubt branch (\\S+) (committed|rolled back)"
            + " through the (.+) recovery path");

    /** The recovery paths as the adapter's JMQ7040/JMQ7041 lines name them (its TrackedXAResource). */
    private static final String OUTBOUND_PATH = "outbound ManagedConnection.getXAResource()";
    private static final String INBOUND_PATH = "inbound ResourceAdapter.getXAResources(ActivationSpec[])";

    private static CrashDomain domain;
    private static Path work;
    private static CrashState state;

    @BeforeAll
    static void createDomain() throws Exception {
        boolean up;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 5432), 2_000);
            up = true;
        } catch (IOException e) {
            up = false;
        }
        // Like the other PostgreSQL tests: skipped without PostgreSQL, failed instead where CI=true.
        assumeTrue(up || "true".equals(System.getenv("CI")), "PostgreSQL not reachable at 127.0.0.1:5432");

        Path glassfish = Path.of(System.getProperty("glassfish.home", "target/glassfish7"));
        work = Path.of("target", "crash14").toAbsolutePath();
        Files.createDirectories(work);
        CrashState.ensureDatabase();
        CrashState.rollbackPreparedInPostgres();
        state = new CrashState();
        state.rollbackInDoubtInJournal();

        domain = new CrashDomain(glassfish.toAbsolutePath(), work.resolve("domains"));
        String adapterConfig = "<resource-adapter-config resource-adapter-name=\"" + ADAPTER + "\">"
                + "<property name=\"url\" value=\"" + CrashState.JOURNAL_URL + "\"/>"
                + "<property name=\"user\" value=\"" + CrashState.JOURNAL_USER + "\"/>"
                + "<property name=\"tablePrefix\" value=\"" + CrashState.TABLE_PREFIX + "\"/>"
                + "<property name=\"redeliveryDelayMillis\" value=\"0\"/></resource-adapter-config>";
        // The PostgreSQL driver of the application's XA DataSource, in the domain's lib (common class loader).
        domain.create(adapterConfig, jarOf(org.postgresql.Driver.class));
        domain.start();
        domain.remote("set", "configs.config.server-config.transaction-service.automatic-recovery=true");
        domain.remote("create-jdbc-connection-pool", "--datasourceclassname", "org.postgresql.xa.PGXADataSource",
                "--restype", "javax.sql.XADataSource", "--property",
                // GlassFish refuses a pool without a password ("No password credential found"); .ci/run's
                // PostgreSQL trusts loopback connections of this role, so the value is not checked
                "serverName=127.0.0.1:portNumber=5432:databaseName=" + CrashState.APP_DB + ":user="
                        + CrashState.JOURNAL_USER + ":password=trusted", "crash14pg");
        domain.remote("create-jdbc-resource", "--connectionpoolid", "crash14pg", "jdbc/crash14");
        domain.remote("deploy", "--name", ADAPTER, System.getProperty("journalmq.rar", "target/it/journalmq-ra.rar"));
    }

    @AfterAll
    static void stopDomain() throws Exception {
        if (domain != null) {
            domain.stopQuietly();
        }
        if (state != null) {
            state.close();
        }
    }

    static Path jarOf(Class<?> type) throws URISyntaxException {
        return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toPath();
    }

    private static WebArchive app(String name) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(CrashOrder.class, HaltOnPrepare.class)
                .addAsResource("crash/persistence.xml", "META-INF/persistence.xml");
    }

    private static void deploy(WebArchive war) {
        Path file = work.resolve(war.getName());
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        domain.remote("deploy", file.toString());
    }

    @Test
    @Order(1)
    @DisplayName("Issue 14 item 3, outbound: halted after prepare of an EJB's JPA + JMSContext.send transaction;"
            + " after the restart the connector pool's ManagedConnection.getXAResource() recovers the journal branch"
            + " and the row and the message are both kept or both gone, nothing in doubt")
    void outboundBranchRecoveredThroughManagedConnection() throws Exception {
        domain.remote("create-connector-connection-pool", "--raname", ADAPTER, "--connectiondefinition",
                "jakarta.jms.ConnectionFactory", "--transactionsupport", "XATransaction", "crash14cfpool");
        domain.remote("create-connector-resource", "--poolname", "crash14cfpool", "jms/crash14cf");
        try {
            deploy(app("crash-out").addClasses(CrashOrders.class, CrashServlet.class));
            placeOrderAndCrash();
        } finally {
            // Gone before the inbound test: GlassFish recovers through every connector pool before the
            // inbound path, so a pool left here would take the inbound test's branch.
            domain.remote("undeploy", "crash-out");
            domain.remote("delete-connector-resource", "jms/crash14cf");
            domain.remote("delete-connector-connection-pool", "crash14cfpool");
        }
    }

    private static void placeOrderAndCrash() throws Exception {

        String id = UUID.randomUUID().toString();
        String queue = "crash14-out-" + id.substring(0, 8);
        haltDuring(() -> HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + CrashDomain.HTTP_PORT + "/crash-out/crash?id=" + id + "&queue=" + queue))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()));

        Xid branch = bothBranchesInDoubt();
        assertEquals(0, state.messages(queue, id), "the prepared send is not visible before the outcome");

        MatchResult resolved = restartAndAwaitRecovery(branch);
        assertEquals(OUTBOUND_PATH, resolved.group(3),
                "only the outbound path exists in this test: " + resolved.group(0));
        int expected = "committed".equals(resolved.group(2)) ? 1 : 0;
        assertEquals(expected, CrashState.rows(id).size(), "the row follows the journal branch's outcome ("
                + resolved.group(2) + ")");
        assertEquals(expected, state.messages(queue, id), "the message follows the same outcome");
    }

    @Test
    @Order(2)
    @DisplayName("Issue 14 item 3, inbound: halted after prepare of an MDB's delivery + JPA transaction; at the"
            + " restart GlassFish 7.0.21 asks ResourceAdapter.getXAResources(ActivationSpec[]) but never recovers"
            + " through it (the branch stays in doubt); with a connector pool of the adapter the next restart"
            + " recovers it, and the message is consumed exactly once with its row, nothing in doubt")
    void inboundBranchRecovery() throws Exception {
        String binding = "<glassfish-ejb-jar><enterprise-beans><ejb><ejb-name>CrashMdb</ejb-name>"
                + "<mdb-resource-adapter><resource-adapter-mid>" + ADAPTER + "</resource-adapter-mid>"
                + "</mdb-resource-adapter></ejb></enterprise-beans></glassfish-ejb-jar>";
        deploy(app("crash-in").addClass(CrashMdb.class)
                .addAsWebInfResource(new StringAsset(binding), "glassfish-ejb-jar.xml"));

        String id = UUID.randomUUID().toString();
        haltDuring(() -> {
            try {
                state.send(CrashMdb.QUEUE, id);
            } catch (jakarta.jms.JMSException e) {
                throw new IllegalStateException(e);
            }
            return CompletableFuture.completedFuture(null);
        });

        Xid branch = bothBranchesInDoubt();
        assertEquals(List.of(), CrashState.rows(id), "the MDB's row is prepared, not committed");
        assertEquals(0, state.messages(CrashMdb.QUEUE, id), "the delivered message is held by its prepared branch");

        // Restart with the MDB as the adapter's only user: GlassFish's recovery calls getXAResources with the
        // MDB's activation spec (JMQ7042), but its InboundRecoveryHandler (7.0.21) collects the resources in a
        // list of its own and never hands them to the transaction manager: no recover() on them (no JMQ7040),
        // the PostgreSQL branch is rolled back (no commit record: presumed abort) and the journal's stays.
        long askedBefore = occurrences(domain.log(), "JMQ7042");
        domain.start();
        assertTrue(await(RECOVERY, () -> occurrences(logOf(), "JMQ7042") > askedBefore
                        && preparedInPostgresOf().isEmpty()),
                "GlassFish asked the adapter for its recovery resource and recovered PostgreSQL's branch");
        assertTrue(logOf().lines().anyMatch(l -> l.contains("JMQ7042") && l.contains(CrashMdb.QUEUE)),
                "JMQ7042 names the MDB's activation spec");
        assertEquals(List.of(CrashState.logKey(branch)), state.inDoubtInJournal().stream().map(CrashState::logKey)
                .toList(), "GlassFish 7.0.21 did not recover through getXAResources(ActivationSpec[]): the branch is"
                + " still in doubt (if this fails, GlassFish fixed it: expect JMQ7041 naming the inbound path)");
        assertFalse(logOf().contains("JMQ7040 XA recovery through the " + INBOUND_PATH),
                "recover() was never called on the inbound resource");

        // The workaround (README): a connector pool of the adapter; the journal's XAResource lists every branch
        // of its journal, so GlassFish's outbound recovery finishes the MDB's branch at the next start.
        domain.remote("create-connector-connection-pool", "--raname", ADAPTER, "--connectiondefinition",
                "jakarta.jms.ConnectionFactory", "--transactionsupport", "XATransaction", "crash14recoverypool");
        domain.remote("create-connector-resource", "--poolname", "crash14recoverypool", "jms/crash14recovery");
        try {
            domain.stopQuietly();
            MatchResult resolved = restartAndAwaitRecovery(branch);
            assertEquals(OUTBOUND_PATH, resolved.group(3), resolved.group(0));
            // Rolled back: the message is back on the queue and the MDB, running again, consumes it a second
            // time (JMSXDeliveryCount 2); committed: consumed once, at the first delivery.
            int deliveryCount = "committed".equals(resolved.group(2)) ? 1 : 2;
            assertTrue(await(RECOVERY, () -> rowsOf(id).size() == 1 && messagesOf(CrashMdb.QUEUE, id) == 0),
                    "the message consumed with its row; rows " + rowsOf(id));
            assertEquals(List.of(deliveryCount), CrashState.rows(id), "exactly one row, of delivery " + deliveryCount
                    + " (branch " + resolved.group(2) + ")");
            assertTrue(state.inDoubtInJournal().isEmpty() && CrashState.preparedInPostgres().isEmpty(),
                    "nothing in doubt after the redelivery");
        } finally {
            domain.remote("undeploy", "crash-in");
            domain.remote("delete-connector-resource", "jms/crash14recovery");
            domain.remote("delete-connector-connection-pool", "crash14recoverypool");
        }
    }

    private static long occurrences(String text, String what) {
        return text.lines().filter(l -> l.contains(what)).count();
    }

    private static String logOf() {
        try {
            return domain.log();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> preparedInPostgresOf() {
        try {
            return CrashState.preparedInPostgres();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Arms the hook, starts the work, and waits until the server has halted in prepare. */
    private static void haltDuring(java.util.function.Supplier<CompletableFuture<?>> work) throws Exception {
        Path marker = domain.dir().resolve(HaltOnPrepare.MARKER);
        Files.writeString(marker, "halt in the next prepare");
        CompletableFuture<?> request = work.get();
        assertTrue(domain.awaitExit(EXIT), "the server halted in the hook's prepare");
        assertFalse(Files.exists(marker), "the hook consumed the marker: the halt was the hook's");
        request.handle((r, e) -> null).join(); // the HTTP request fails with the server gone: not a result
    }

    /**
     * Both branches of the interrupted transaction in doubt before the restart: one prepared
     * PostgreSQL transaction and one prepared journal branch, of the same global transaction.
     */
    private static Xid bothBranchesInDoubt() throws Exception {
        List<String> pg = CrashState.preparedInPostgres();
        List<Xid> journal = state.inDoubtInJournal();
        assertEquals(1, pg.size(), "one prepared PostgreSQL transaction in " + CrashState.APP_DB + ": " + pg);
        assertEquals(1, journal.size(), "one prepared journal branch: " + journal);
        assertArrayEquals(CrashState.globalIdOfGid(pg.get(0)), journal.get(0).getGlobalTransactionId(),
                "both branches belong to the same global transaction");
        return journal.get(0);
    }

    /**
     * Restarts the server and waits (bounded) until its recovery finished both branches and the
     * adapter logged (JMQ7041, asynchronously) which path finished the journal's.
     */
    private static MatchResult restartAndAwaitRecovery(Xid branch) throws Exception {
        domain.start();
        String key = CrashState.logKey(branch);
        MatchResult[] found = new MatchResult[1];
        boolean done = await(RECOVERY, () -> {
            try {
                if (found[0] == null) {
                    Matcher m = RESOLVED.matcher(domain.log());
                    while (m.find()) {
                        if (m.group(1).equals(key)) {
                            found[0] = m.toMatchResult();
                        }
                    }
                }
                return found[0] != null && state.inDoubtInJournal().isEmpty()
                        && CrashState.preparedInPostgres().isEmpty();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(done, "GlassFish's automatic recovery finished both branches (PostgreSQL in doubt: "
                + CrashState.preparedInPostgres() + ", journal: " + state.inDoubtInJournal() + ") and JMQ7041 names "
                + key + " in " + domain.serverLog());
        return found[0];
    }

    private static List<Integer> rowsOf(String id) {
        try {
            return CrashState.rows(id);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int messagesOf(String queue, String id) {
        try {
            return state.messages(queue, id);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return condition.getAsBoolean();
    }
}
