package org.journalmq.jms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.XAConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.transaction.xa.XAResource;
import org.journalmq.jms.it.child.HaltingResource;
import org.journalmq.jms.it.child.XaRecoveryMain;
import org.journalmq.jms.it.child.XaWorkerMain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Crash recovery with real JVMs (issue 6 "Must show"; DESIGN.md: prepared work survives, any JVM
 * finishes it): a child JVM runs a Narayana transaction over a JournalMQ XA session and a
 * PostgreSQL XA connection holding the business row, and is killed with SIGKILL at a chosen point
 * in two-phase commit. A new JVM runs Narayana recovery with {@code JournalXAResourceRecoveryHelper}
 * on the same object store; then nothing is lost, nothing duplicated, and the business row matches
 * the message outcome.
 *
 * <p>The business rows are in PostgreSQL for both journal flavours: HSQLDB's own XA prepare is held
 * in memory only (shared/notes/hsqldb-facts.md), so an HSQLDB business branch would not survive the
 * kill. These tests therefore need PostgreSQL even for the HSQLDB journal.
 */
public abstract class AbstractXaCrashRecoveryTest extends JmsTestBase {
    private BusinessDb business;
    private String in;
    private String out;
    private final String nodeId = "jmq-crash-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void businessDatabase() throws Exception {
        TestJournal.requirePostgres();
        business = BusinessDb.postgres();
        in = uniqueQueue("orders");
        out = uniqueQueue("confirmations");
        // The order is sent by a connection closed at once: an HSQLDB file journal must be free
        // for the child JVM.
        try (Connection c = factory.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Message m = s.createTextMessage("order 42");
            m.setIntProperty("n", 42);
            s.createProducer(s.createQueue(in)).send(m);
        }
    }

    @AfterEach
    void dropBusiness() throws Exception {
        business.close();
    }

    private List<String> journalArgs() {
        List<String> a = new ArrayList<>(journal.childArgs());
        a.add(Long.toString(leaseMillis()));
        return a;
    }

    /** Runs the worker until it halts in the given phase, kills it, and checks a branch is in doubt. */
    private void crashIn(HaltingResource.Phase phase) throws Exception {
        Path marker = dir.resolve("halted");
        List<String> args = journalArgs();
        args.addAll(List.of(in, out, TestJournal.PG_URL, TestJournal.PG_USER, business.table(),
                dir.resolve("tx-store").toString(), nodeId, phase.name(), marker.toString()));
        try (ChildJvm worker = ChildJvm.start(XaWorkerMain.class, dir.resolve("worker.log"), args)) {
            await("the worker to halt in " + phase, 120_000, () -> Files.exists(marker) || !worker.isAlive());
            assertTrue(worker.isAlive(), () -> "the worker died before halting:\n" + output(worker));
            worker.kill();
        }
        // The JournalMQ branch is prepared and in doubt: its message is neither visible nor consumable.
        try (XAConnection c = factory.createXAConnection()) {
            XAResource xa = c.createXASession().getXAResource();
            assertEquals(1, xa.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN).length,
                    "one JournalMQ branch prepared by the killed JVM");
        }
        assertEquals(List.of(), business.ids(), "the business branch is in doubt, not committed");
    }

    private static String output(ChildJvm child) {
        try {
            return child.output();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private void recoverInNewJvm() throws Exception {
        List<String> args = journalArgs();
        args.addAll(List.of(TestJournal.PG_URL, TestJournal.PG_USER, dir.resolve("tx-store").toString(), nodeId));
        try (ChildJvm recovery = ChildJvm.start(XaRecoveryMain.class, dir.resolve("recovery.log"), args)) {
            int exit = recovery.awaitExit(180_000);
            assertEquals(0, exit, () -> "recovery left branches in doubt:\n" + output(recovery));
        }
    }

    private List<Message> drain(String queue) throws Exception {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer c = s.createConsumer(s.createQueue(queue));
        List<Message> got = new ArrayList<>();
        Message m;
        while ((m = c.receive(1_000)) != null) {
            got.add(m);
        }
        return got;
    }

    @Test
    @DisplayName("kill -9 after prepare, before the commit decision: recovery rolls back both branches (presumed abort), the order is redelivered once")
    void killAfterPrepareBeforeDecision() throws Exception {
        crashIn(HaltingResource.Phase.PREPARE);
        recoverInNewJvm();

        assertEquals(List.of(), business.ids(), "no business row");
        assertEquals(List.of(), drain(out), "no confirmation");
        List<Message> orders = drain(in);
        assertEquals(1, orders.size(), "the order is back, once");
        assertTrue(orders.get(0).getJMSRedelivered());
        assertEquals(2, orders.get(0).getIntProperty("JMSXDeliveryCount"));
    }

    @Test
    @DisplayName("kill -9 after the commit decision is logged: recovery commits both branches, one confirmation, one row")
    void killAfterCommitDecision() throws Exception {
        crashIn(HaltingResource.Phase.COMMIT);
        recoverInNewJvm();

        assertEquals(List.of(42), business.ids(), "the business row is committed");
        List<Message> confirmations = drain(out);
        assertEquals(1, confirmations.size(), "exactly one confirmation");
        assertEquals("confirmed 42", ((TextMessage) confirmations.get(0)).getText());
        assertEquals(List.of(), drain(in), "the order is consumed");
        try (XAConnection c = factory.createXAConnection()) {
            assertEquals(0, c.createXASession().getXAResource()
                    .recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN).length, "nothing left in doubt");
        }
    }
}
