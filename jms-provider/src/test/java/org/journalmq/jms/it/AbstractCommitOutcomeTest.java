package org.journalmq.jms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TransactionRolledBackException;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import javax.sql.DataSource;
import org.journalmq.jms.JmsExceptions;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.it.LostCommits.Mode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: a commit whose JDBC {@code commit()} call fails, as in a database restart, has an
 * unknown outcome, and JournalMQ must answer truly. Jakarta Messaging 3.1 §6.2.7 (transactions)
 * and the Session.commit javadoc: TransactionRolledBackException "if the transaction is rolled
 * back due to some internal error during commit" — so only when it did roll back; a commit that
 * reached the database must not be reported as rolled back (the application would wait for
 * messages that never come back), and a send must never be stored twice.
 *
 * <p>The journal runs on the application's DataSource (a pool over {@link LostCommits} over the
 * real database), which loses one chosen commit either after the database committed it or before.
 */
abstract class AbstractCommitOutcomeTest extends JmsTestBase {
    /** The journal's ack statement: the commit to lose is the one of a transaction that acknowledges. */
    private static final Predicate<String> ACKS = sql -> sql.startsWith("DELETE FROM")
            && sql.contains("delivery_count = ?");
    /** The journal's insert of a new message row. */
    private static final Predicate<String> SENDS = sql -> sql.startsWith("INSERT INTO")
            && sql.contains("expiry_address");

    /** The journal's claim statement: the UPDATE that leases ready rows to a consumer. */
    private static final Predicate<String> CLAIMS = sql -> sql.contains("SET state = 1, owner = ?, claimant = ?");

    private LostCommits lostCommits;
    private HikariDataSource pool;
    private final List<Connection> opened = new ArrayList<>();

    /** The real database's DataSource, with the options the journal's own URL would carry. */
    protected abstract DataSource dataSource();

    @BeforeEach
    void journalOnLosingDataSource() {
        lostCommits = new LostCommits(dataSource());
        // A pool, as an application would give one; it evicts a connection whose commit failed with 08xxx.
        pool = new HikariDataSource();
        pool.setDataSource(lostCommits);
        pool.setMaximumPoolSize(6);
        pool.setPoolName("lost-commits");
        // While the database is "down", a borrow gives up after 1 s instead of Hikari's 30 s.
        pool.setConnectionTimeout(1_000);
        factory = new JournalConnectionFactory(pool);
        factory.setTablePrefix(journal.prefix());
        factory.setLeaseMillis(30_000); // no lease runs out in a test: redelivery comes from the journal's answer
        factory.setRedeliveryDelayMillis(0);
        // The journal's first answer, not applied again: a certain rollback would otherwise be
        // retried until the database is back (see consumerCommitThatRolledBackIsAppliedAgain).
        factory.setReconnectTimeoutMillis(0);
    }

    @AfterEach
    void closeConnectionsAndPool() throws JMSException {
        for (Connection c : opened) {
            c.close();
        }
        if (pool != null) { // null when the database was missing and the test skipped
            pool.close();
        }
    }

    private Connection open() throws JMSException {
        Connection c = factory.createConnection();
        opened.add(c);
        c.start();
        return c;
    }

    private void send(Queue queue, String... texts) throws JMSException {
        try (Session s = open().createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer p = s.createProducer(queue);
            for (String t : texts) {
                p.send(s.createTextMessage(t));
            }
        }
    }

    private static String text(Message m) throws JMSException {
        assertNotNull(m, "expected a message");
        return ((TextMessage) m).getText();
    }

    /** The texts left in the queue, read by a browser on a fresh connection after the others closed. */
    private List<String> leftIn(Queue queue) throws JMSException {
        for (Connection c : opened) {
            c.close(); // gives back whatever a connection still holds, so that the browser sees it
        }
        opened.clear();
        List<String> left = new ArrayList<>();
        try (Session s = open().createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser b = s.createBrowser(queue)) {
            for (Object m : Collections.list(b.getEnumeration())) {
                left.add(text((Message) m));
            }
        }
        return left;
    }

    /** A plain JMSException that says the outcome is unknown: never the spec's "rolled back". */
    private static void assertUnknown(JMSException e) {
        assertFalse(e instanceof TransactionRolledBackException, () -> "not known to be rolled back: " + e);
        assertEquals(JmsExceptions.OUTCOME_UNKNOWN, e.getErrorCode(), e::toString);
        assertTrue(e.getMessage().contains("may or may not"), e.getMessage());
    }

    // ---------------------------------------------------------------- transacted consumer

    @Test
    @DisplayName("§6.2.7: a consumer's commit that reached the database returns normally; nothing comes back")
    void consumerCommitThatCommitted() throws Exception {
        Queue queue = open().createSession(false, Session.AUTO_ACKNOWLEDGE).createQueue("lost-commit-tx-a");
        send(queue, "one", "two");
        Session s = open().createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = s.createConsumer(queue);
        assertEquals("one", text(consumer.receive(10_000)));
        assertEquals("two", text(consumer.receive(10_000)));

        lostCommits.loseNextCommit(Mode.COMMITTED_THEN_BROKEN, ACKS);
        s.commit(); // before issue 13: TransactionRolledBackException, though the acks had committed

        assertEquals(1, lostCommits.lost(), "the commit of the acks was lost as planned");
        assertNull(consumer.receive(500), "an acknowledged message came back");
        assertEquals(List.of(), leftIn(queue));
    }

    @Test
    @DisplayName("Session.commit javadoc: a commit that rolled back throws TransactionRolledBackException; redelivered")
    void consumerCommitThatRolledBack() throws Exception {
        Queue queue = open().createSession(false, Session.AUTO_ACKNOWLEDGE).createQueue("lost-commit-tx-b");
        send(queue, "one");
        Session s = open().createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = s.createConsumer(queue);
        assertEquals("one", text(consumer.receive(10_000)));

        lostCommits.loseNextCommit(Mode.BROKEN_BEFORE_COMMIT, ACKS);
        assertThrows(TransactionRolledBackException.class, s::commit);

        assertEquals(1, lostCommits.lost());
        Message again = consumer.receive(10_000);
        assertEquals("one", text(again));
        assertTrue(again.getJMSRedelivered(), "a rolled-back message comes back redelivered");
        s.commit();
        assertEquals(List.of(), leftIn(queue));
    }

    @Test
    @DisplayName("Issue 13: with a reconnect time, a commit that certainly rolled back is applied again and returns")
    void consumerCommitThatRolledBackIsAppliedAgain() throws Exception {
        factory.setReconnectTimeoutMillis(30_000);
        Queue queue = open().createSession(false, Session.AUTO_ACKNOWLEDGE).createQueue("lost-commit-tx-again");
        send(queue, "one", "two");
        Session s = open().createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = s.createConsumer(queue);
        MessageProducer producer = s.createProducer(queue);
        assertEquals("one", text(consumer.receive(10_000)));
        producer.send(s.createTextMessage("three"));

        lostCommits.loseNextCommit(Mode.BROKEN_BEFORE_COMMIT, ACKS);
        s.commit(); // rolled back for certain (the acked row is still there), so applied again

        assertEquals(1, lostCommits.lost());
        assertEquals(List.of("three", "two"), leftIn(queue).stream().sorted().toList(),
                "the ack applied once, the send stored once");
    }

    @Test
    @DisplayName("§6.2.7: a commit that committed while the database stays down: a plain JMSException saying unknown")
    void consumerCommitWhileDatabaseStaysDown() throws Exception {
        Queue queue = open().createSession(false, Session.AUTO_ACKNOWLEDGE).createQueue("lost-commit-tx-down");
        send(queue, "one");
        Session s = open().createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = s.createConsumer(queue);
        assertEquals("one", text(consumer.receive(10_000)));

        lostCommits.loseNextCommitAndStayDown(Mode.COMMITTED_THEN_BROKEN, ACKS);
        // The journal cannot look (it tries for a few seconds), so it must not claim a rollback.
        assertUnknown(assertThrows(JMSException.class, s::commit));

        assertEquals(1, lostCommits.lost());
        lostCommits.heal();
        assertEquals(List.of(), leftIn(queue), "the acks had committed: nothing may come back");
    }

    // ---------------------------------------------------------------- a receive's claim

    @Test
    @DisplayName("Issue 13: a receive whose claim committed but whose commit call failed returns the message, not redelivered")
    void receiveWhoseClaimCommitWasLost() throws Exception {
        factory.setReconnectTimeoutMillis(30_000); // a claim that meets an outage claims again (issue 13)
        Queue queue = open().createSession(false, Session.AUTO_ACKNOWLEDGE).createQueue("lost-commit-claim");
        send(queue, "one");
        Session s = open().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = s.createConsumer(queue);

        lostCommits.loseNextCommit(Mode.COMMITTED_THEN_BROKEN, CLAIMS);
        // Before the fix the lost claim kept "one" leased to this client (renewed while it lives),
        // so the claim that followed found nothing.
        Message m = consumer.receive(10_000);

        assertEquals(1, lostCommits.lost(), "the commit of the claim was lost as planned");
        assertDeliveredOnceAsFirstDelivery(m, "one", consumer, queue);
    }

    @Test
    @DisplayName("Issue 13: a receive whose claim shared a commit of unknown outcome with a publish returns the"
            + " message; the publish stays unknown")
    void receiveInGroupOfUnknownOutcome() throws Exception {
        Session setup = open().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = setup.createQueue("lost-commit-claim-group");
        Queue gateQueue = setup.createQueue("lost-commit-claim-gate");
        Topic topic = setup.createTopic("lost-commit-claim-topic");
        send(queue, "one");
        MessageConsumer consumer = open().createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(queue);
        Session publishing = open().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer publisher = publishing.createProducer(topic);
        open().createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(topic); // the publish writes a row
        Session gating = open().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer gate = gating.createProducer(gateQueue);

        // The journal's writer waits in the commit of the gate's send, while a receive and a publish
        // queue up: they share its next group (the journal's group commit), whose commit is lost.
        LostCommits.Hold hold = lostCommits.holdNextCommit(SENDS);
        CompletableFuture<Object> gateSent = new CompletableFuture<>();
        inThread(() -> {
            gate.send(gating.createTextMessage("gate"));
            return null;
        }, gateSent);
        assertTrue(hold.awaitReached(10_000), "the gate's commit was not held");
        lostCommits.loseNextCommit(Mode.COMMITTED_THEN_BROKEN, CLAIMS); // the held group claims nothing
        CompletableFuture<Message> received = new CompletableFuture<>();
        Thread receiving = inThread(() -> consumer.receive(20_000), received);
        CompletableFuture<Object> published = new CompletableFuture<>();
        Thread publishingThread = inThread(() -> {
            publisher.send(publishing.createTextMessage("news"));
            return null;
        }, published);
        awaitQueuedForCommit(receiving);
        awaitQueuedForCommit(publishingThread);
        hold.open();
        gateSent.get(20, TimeUnit.SECONDS);

        // A publication's rows are not tracked and the group acknowledged nothing: no row proves the
        // outcome. Before the fix the receive threw JMQ-OUTCOME-UNKNOWN with the publish.
        Message m = received.get(30, TimeUnit.SECONDS);
        assertEquals(1, lostCommits.lost(), "the group's commit was lost as planned");
        ExecutionException e = assertThrows(ExecutionException.class, () -> published.get(30, TimeUnit.SECONDS));
        assertUnknown(assertInstanceOf(JMSException.class, e.getCause()));
        assertDeliveredOnceAsFirstDelivery(m, "one", consumer, queue);
    }

    /**
     * {@code m} is the message {@code text} as a first delivery: the lost claim delivered nothing, so
     * its count increment was taken back (exact count, JMSRedelivered false); it does not come again
     * and nothing is left in {@code queue}.
     */
    private void assertDeliveredOnceAsFirstDelivery(Message m, String text, MessageConsumer consumer, Queue queue)
            throws JMSException {
        assertEquals(text, text(m));
        assertEquals(1, m.getIntProperty("JMSXDeliveryCount"), "the lost claim delivered nothing");
        assertFalse(m.getJMSRedelivered());
        assertNull(consumer.receive(500), "delivered twice");
        assertEquals(List.of(), leftIn(queue));
    }

    @Test
    @DisplayName("Issue 13, §6.2.10: a listener's ack of unknown outcome keeps its answer; the message claimed with it"
            + " is delivered once the database is back")
    void listenerAckAndClaimWhileDatabaseStaysDown() throws Exception {
        factory.setPrefetch(1); // the ack of "one" rides with the claim of "two", in one unit
        Queue queue = open().createSession(false, Session.AUTO_ACKNOWLEDGE).createQueue("lost-commit-claim-ack");
        send(queue, "one", "two");
        MessageConsumer consumer = open().createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(queue);
        List<String> got = new CopyOnWriteArrayList<>();
        try (AuditLog log = new AuditLog()) {
            consumer.setMessageListener(m -> {
                try {
                    String t = ((TextMessage) m).getText();
                    if (t.equals("one")) { // its ack commits, then the database is gone
                        lostCommits.loseNextCommitAndStayDown(Mode.COMMITTED_THEN_BROKEN, ACKS);
                    }
                    got.add(t);
                } catch (JMSException e) {
                    got.add(e.toString());
                }
            });
            // The journal cannot look, so the ack's outcome stays unknown (and the listener's session
            // hears of it, JMQ2007). Before the fix "two", claimed in that commit, stayed leased to this
            // client for as long as it lived.
            assertTrue(RestartLoad.await(20_000, () -> log.all().contains("its outcome: UNKNOWN")),
                    "the outcome was not unknown");
            lostCommits.heal();
            // A send wakes the listener at once (it would otherwise look again at the next heartbeat).
            // The pool may refuse for a moment after the heal; such a send failed before its commit
            // call (no commit is lost any more), so it stored nothing and may be sent again.
            assertTrue(RestartLoad.await(20_000, () -> {
                try {
                    send(queue, "three");
                    return true;
                } catch (JMSException e) {
                    return false;
                }
            }), "the database did not come back");
            assertTrue(RestartLoad.await(20_000, () -> got.size() >= 3), () -> "not delivered: " + got);
        }
        assertEquals(1, lostCommits.lost());
        consumer.close();
        assertEquals(List.of("one", "two", "three"), got, "the ack of one had committed: it may not come again");
        assertEquals(List.of(), leftIn(queue));
    }

    /** Runs {@code task} in a thread of its own, completing {@code result} with its outcome. */
    private static <T> Thread inThread(Callable<T> task, CompletableFuture<T> result) {
        Thread t = new Thread(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "commit-outcome-test");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Bounded wait until {@code t} waits for a journal commit (parked on a CompletableFuture, which
     * the journal's writer completes): its unit is in the writer's queue.
     */
    private static void awaitQueuedForCommit(Thread t) throws InterruptedException {
        assertTrue(RestartLoad.await(10_000, () -> t.getState() == Thread.State.WAITING
                && java.util.Arrays.stream(t.getStackTrace())
                        .anyMatch(f -> f.getClassName().equals(CompletableFuture.class.getName()))),
                () -> t + " never waited for a commit: " + java.util.Arrays.toString(t.getStackTrace()));
    }

    // ---------------------------------------------------------------- CLIENT_ACKNOWLEDGE

    @Test
    @DisplayName("§6.2.10: acknowledge() whose acks committed returns normally; nothing comes back")
    void acknowledgeThatCommitted() throws Exception {
        Queue queue = open().createSession(false, Session.AUTO_ACKNOWLEDGE).createQueue("lost-commit-ack-a");
        send(queue, "one", "two");
        Session s = open().createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = s.createConsumer(queue);
        text(consumer.receive(10_000));
        Message last = consumer.receive(10_000);
        assertEquals("two", text(last));

        lostCommits.loseNextCommit(Mode.COMMITTED_THEN_BROKEN, ACKS);
        last.acknowledge();

        assertEquals(1, lostCommits.lost());
        assertNull(consumer.receive(500), "an acknowledged message came back");
        assertEquals(List.of(), leftIn(queue));
    }

    @Test
    @DisplayName("§6.2.10: acknowledge() whose acks rolled back throws JMSException; the messages are redelivered")
    void acknowledgeThatRolledBack() throws Exception {
        Queue queue = open().createSession(false, Session.AUTO_ACKNOWLEDGE).createQueue("lost-commit-ack-b");
        send(queue, "one");
        Session s = open().createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = s.createConsumer(queue);
        Message first = consumer.receive(10_000);
        assertEquals("one", text(first));

        lostCommits.loseNextCommit(Mode.BROKEN_BEFORE_COMMIT, ACKS);
        JMSException e = assertThrows(JMSException.class, first::acknowledge);
        assertEquals(JmsExceptions.DATABASE_UNAVAILABLE, e.getErrorCode(), e::toString);

        Message again = consumer.receive(10_000);
        assertEquals("one", text(again));
        assertTrue(again.getJMSRedelivered());
        again.acknowledge();
        assertEquals(List.of(), leftIn(queue));
    }

    // ---------------------------------------------------------------- XA one-phase commit

    @Test
    @DisplayName("JTA XAResource.commit(onePhase): a lost commit that committed returns; while down XAER_RMFAIL, never XA_RB*")
    void xaOnePhaseCommit() throws Exception {
        Queue queue = open().createSession(false, Session.AUTO_ACKNOWLEDGE).createQueue("lost-commit-xa");
        send(queue, "one", "two");
        XAConnection xc = factory.createXAConnection();
        opened.add(xc);
        xc.start();
        XASession s = xc.createXASession();
        XAResource xa = s.getXAResource();
        MessageConsumer consumer = s.createConsumer(queue);

        Xid resolved = TestXid.fresh();
        xa.start(resolved, XAResource.TMNOFLAGS);
        assertEquals("one", text(consumer.receive(10_000)));
        xa.end(resolved, XAResource.TMSUCCESS);
        lostCommits.loseNextCommit(Mode.COMMITTED_THEN_BROKEN, ACKS);
        xa.commit(resolved, true); // the journal found the acked row gone: committed

        Xid unknown = TestXid.fresh();
        xa.start(unknown, XAResource.TMNOFLAGS);
        assertEquals("two", text(consumer.receive(10_000)));
        xa.end(unknown, XAResource.TMSUCCESS);
        lostCommits.loseNextCommitAndStayDown(Mode.COMMITTED_THEN_BROKEN, ACKS);
        XAException e = assertThrows(XAException.class, () -> xa.commit(unknown, true));
        // XA: XA_RB* says "rolled back"; XAER_RMFAIL leaves the outcome to the transaction manager.
        assertEquals(XAException.XAER_RMFAIL, e.errorCode, e::toString);

        assertEquals(2, lostCommits.lost());
        lostCommits.heal();
        assertEquals(List.of(), leftIn(queue), "both branches' acks had committed");
    }

    // ---------------------------------------------------------------- transacted producer

    @Test
    @DisplayName("§6.2.7: a producer's commit that reached the database returns normally; stored once, not twice")
    void producerCommitThatCommitted() throws Exception {
        Queue queue = open().createSession(false, Session.AUTO_ACKNOWLEDGE).createQueue("lost-commit-send-a");
        Session s = open().createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer producer = s.createProducer(queue);
        producer.send(s.createTextMessage("one"));
        producer.send(s.createTextMessage("two"));

        lostCommits.loseNextCommit(Mode.COMMITTED_THEN_BROKEN, SENDS);
        s.commit(); // the journal found its rows: committed

        assertEquals(1, lostCommits.lost());
        assertEquals(List.of("one", "two"), leftIn(queue));
    }

    @Test
    @DisplayName("§6.2.7: a producer's commit lost before the database: a plain JMSException (unknown), nothing stored")
    void producerCommitThatRolledBack() throws Exception {
        Queue queue = open().createSession(false, Session.AUTO_ACKNOWLEDGE).createQueue("lost-commit-send-b");
        Session s = open().createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer producer = s.createProducer(queue);
        producer.send(s.createTextMessage("one"));

        lostCommits.loseNextCommit(Mode.BROKEN_BEFORE_COMMIT, SENDS);
        // No row of it is found, but another JVM could have consumed it since: the journal cannot tell.
        assertUnknown(assertThrows(JMSException.class, s::commit));

        assertEquals(1, lostCommits.lost());
        assertEquals(List.of(), leftIn(queue));
    }

    @Test
    @DisplayName("a synchronous send whose commit reached the database returns normally; stored once")
    void synchronousSendThatCommitted() throws Exception {
        Queue queue = open().createSession(false, Session.AUTO_ACKNOWLEDGE).createQueue("lost-commit-sync-a");
        Session s = open().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = s.createProducer(queue);

        lostCommits.loseNextCommit(Mode.COMMITTED_THEN_BROKEN, SENDS);
        producer.send(s.createTextMessage("one"));

        assertEquals(1, lostCommits.lost());
        assertEquals(List.of("one"), leftIn(queue));
    }

    @Test
    @DisplayName("an unknown outcome is a JMSException for the simplified API too, never the rolled-back twin")
    void contextCommitUnknown() throws Exception {
        Queue queue = open().createSession(false, Session.AUTO_ACKNOWLEDGE).createQueue("lost-commit-ctx");
        try (var context = factory.createContext(Session.SESSION_TRANSACTED)) {
            context.createProducer().send(queue, "one");
            lostCommits.loseNextCommit(Mode.BROKEN_BEFORE_COMMIT, SENDS);
            var e = assertThrows(jakarta.jms.JMSRuntimeException.class, context::commit);
            assertFalse(e instanceof jakarta.jms.TransactionRolledBackRuntimeException, e::toString);
            assertEquals(JmsExceptions.OUTCOME_UNKNOWN, e.getErrorCode());
            assertInstanceOf(JMSException.class, e.getCause());
        }
        assertEquals(List.of(), leftIn(queue));
    }
}
