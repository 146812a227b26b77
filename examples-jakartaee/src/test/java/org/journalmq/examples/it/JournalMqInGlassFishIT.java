package org.journalmq.examples.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.journalmq.examples.Inbox;
import org.journalmq.examples.Messaging;
import org.journalmq.examples.OrderRejected;
import org.journalmq.examples.OrderService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The example application in a real GlassFish 7.0.21 with the JournalMQ .rar deployed beside it; the
 * journal is an HSQLDB file database inside the server (see the module's pom). The tests run in the
 * server (Arquillian servlet protocol) and use the application's beans.
 */
@ExtendWith(ArquillianExtension.class)
class JournalMqInGlassFishIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive rar() {
        return Deployments.rar("journalmq-ra");
    }

    @Deployment(name = "app", order = 2)
    static WebArchive app() {
        return Deployments.app();
    }

    @EJB(lookup = "java:app/examples/Messaging")
    Messaging messaging;

    @EJB(lookup = "java:app/examples/OrderService")
    OrderService orders;

    @EJB(lookup = "java:app/examples/Inbox")
    Inbox inbox;

    @Test
    @OperateOnDeployment("app")
    @DisplayName("@Resource ConnectionFactory and Queue send in the EJB's transaction; the queue MDB receives it (JCA 2.1 ch. 13, EJB 5.4)")
    void resourceInjectionAndQueueMdb() throws Exception {
        messaging.sendOrder("order-classic-1");
        assertTrue(Await.until(WAIT, () -> texts("orders").contains("order-classic-1")), "MDB got " + texts("orders"));
    }

    @Test
    @OperateOnDeployment("app")
    @DisplayName("@Inject @JMSConnectionFactory JMSContext sends through the adapter (Messaging 3.1 sec. 12.4)")
    void injectedContext() throws Exception {
        messaging.sendWithContext("orders", "order-context-1");
        assertTrue(Await.until(WAIT, () -> texts("orders").contains("order-context-1")), "MDB got " + texts("orders"));
    }

    @Test
    @OperateOnDeployment("app")
    @DisplayName("An MDB whose queue is given by destinationLookup (a java:global admin object) receives (EJB 5.4.17.1)")
    void destinationLookupMdb() throws Exception {
        messaging.sendWithContext("invoices", "invoice-1");
        assertTrue(Await.until(WAIT, () -> texts("invoices").contains("invoice-1")), "MDB got " + texts("invoices"));
    }

    @Test
    @OperateOnDeployment("app")
    @DisplayName("MDB rollback (setRollbackOnly) redelivers: JMSRedelivered and JMSXDeliveryCount 2 (Messaging 3.1 sec. 6.2.12)")
    void mdbRollbackRedelivers() throws Exception {
        messaging.sendWithContext("flaky", "flaky-1");
        assertTrue(Await.until(WAIT, () -> inbox.count("flaky") >= 2), "deliveries " + inbox.received("flaky"));
        List<Inbox.Received> got = inbox.received("flaky");
        assertEquals(new Inbox.Received("flaky-1", 1, false), got.get(0));
        assertEquals(new Inbox.Received("flaky-1", 2, true), got.get(1));
        assertNull(messaging.receive("flaky", 200), "the second delivery was committed");
    }

    @Test
    @OperateOnDeployment("app")
    @DisplayName("An MDB that always rolls back sees the message maxDeliveryAttempts (3, the adapter's config property) times, then it is in DLQ.poison (issue 7)")
    void mdbRollbacksReachDeadLetterQueue() throws Exception {
        messaging.sendWithContext("poison", "poison-1");
        String dead = messaging.receiveDeadLetter("DLQ.poison", WAIT.toMillis());
        List<Inbox.Received> got = inbox.received("poison");
        assertEquals(List.of(new Inbox.Received("poison-1", 1, false), new Inbox.Received("poison-1", 2, true),
                new Inbox.Received("poison-1", 3, true)), got, "dead letter " + dead);
        assertTrue(dead != null && dead.startsWith("poison-1 attempts=3 reason="), dead);
        assertFalse(dead.endsWith("reason=null"), dead);
        assertNull(messaging.receive("poison", 200), "gone from the queue");
    }

    @Test
    @OperateOnDeployment("app")
    @DisplayName("An MDB on a durable topic subscription receives a publication (EJB 5.4.17.1 subscriptionDurability)")
    void durableTopicMdb() throws Exception {
        messaging.publishNews("news-1");
        assertTrue(Await.until(WAIT, () -> texts("news").contains("news-1")), "MDB got " + texts("news"));
    }

    @Test
    @OperateOnDeployment("app")
    @DisplayName("JPA entity and message in one transaction: commit keeps both")
    void entityAndMessageCommitTogether() throws Exception {
        orders.place("book-ok", false);
        assertEquals(1, orders.count("book-ok"));
        assertEquals("book-ok", messaging.receive("shipments", 10_000));
    }

    @Test
    @OperateOnDeployment("app")
    @DisplayName("JPA entity and message in one transaction: a rollback keeps neither")
    void entityAndMessageRollBackTogether() throws Exception {
        assertThrows(OrderRejected.class, () -> orders.place("book-rejected", true));
        assertEquals(0, orders.count("book-rejected"));
        assertFalse(messaging.browse("shipments").contains("book-rejected"), "message kept after rollback");
    }

    @Test
    @OperateOnDeployment("app")
    @DisplayName("Container rules in a transaction: Session.commit -> TransactionInProgressException, one session, no setClientID,"
            + " an injected JMSContext refuses commit (Messaging 3.1 sec. 12.2, 12.3, 12.4.5)")
    void containerRules() throws Exception {
        assertEquals(List.of("jakarta.jms.TransactionInProgressException", "jakarta.jms.IllegalStateException",
                "jakarta.jms.IllegalStateException", "jakarta.jms.IllegalStateRuntimeException"),
                messaging.forbiddenCallsInTransaction());
        assertFalse(messaging.sessionTransactedOutsideTransaction(),
                "outside a transaction createSession(true, ...) gives a non-transacted session");
    }

    @Test
    @OperateOnDeployment("app")
    @DisplayName("MDB throughput with maxSessions 4 (measured, printed, not asserted)")
    void mdbThroughput() throws Exception {
        int n = 2_000;
        inbox.clear("perf");
        long start = System.nanoTime();
        for (int i = 0; i < n; i += 100) {
            messaging.sendMany("perf", "p-" + i + "-", 100);
        }
        long sent = System.nanoTime();
        assertTrue(Await.until(Duration.ofSeconds(120), () -> inbox.count("perf") >= n), "got " + inbox.count("perf"));
        long done = System.nanoTime();
        System.out.printf("JournalMQ MDB throughput: %d messages sent in %d ms (20 transactions), all delivered"
                + " through one MDB pool (maxSessions 4) %d ms after the first send: %.0f msg/s end to end%n",
                n, (sent - start) / 1_000_000, (done - start) / 1_000_000, n * 1e9 / (done - start));
    }

    private List<String> texts(String listener) {
        return inbox.received(listener).stream().map(Inbox.Received::text).toList();
    }
}
