package org.journalmq.jms.it;

import static javax.transaction.xa.XAException.XAER_DUPID;
import static javax.transaction.xa.XAException.XAER_INVAL;
import static javax.transaction.xa.XAException.XAER_NOTA;
import static javax.transaction.xa.XAException.XAER_PROTO;
import static javax.transaction.xa.XAException.XA_HEURRB;
import static javax.transaction.xa.XAException.XA_RBROLLBACK;
import static javax.transaction.xa.XAException.XA_RBTIMEOUT;
import static javax.transaction.xa.XAResource.TMENDRSCAN;
import static javax.transaction.xa.XAResource.TMFAIL;
import static javax.transaction.xa.XAResource.TMJOIN;
import static javax.transaction.xa.XAResource.TMNOFLAGS;
import static javax.transaction.xa.XAResource.TMRESUME;
import static javax.transaction.xa.XAResource.TMSTARTRSCAN;
import static javax.transaction.xa.XAResource.TMSUCCESS;
import static javax.transaction.xa.XAResource.TMSUSPEND;
import static javax.transaction.xa.XAResource.XA_OK;
import static javax.transaction.xa.XAResource.XA_RDONLY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.XAConnection;
import jakarta.jms.XAConnectionFactory;
import jakarta.jms.XAJMSContext;
import jakarta.jms.XAQueueConnectionFactory;
import jakarta.jms.XASession;
import jakarta.jms.XATopicConnectionFactory;
import java.util.ArrayList;
import java.util.List;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.journalmq.jms.DeadLetters;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.persistence.Journal;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.Journals;
import org.journalmq.persistence.XaId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * XASession, XAJMSContext and the XAResource driven directly, the way a transaction manager does
 * (XASession/XAJMSContext javadoc; JTA 1.3 section 3.4 XAResource; X/Open XA for the error codes).
 */
public abstract class AbstractXaResourceTest extends JmsTestBase {
    private final List<XAConnection> xaConnections = new ArrayList<>();

    @AfterEach
    void closeXa() throws JMSException {
        for (XAConnection c : xaConnections) {
            c.close();
        }
    }

    private XASession xaSession() throws JMSException {
        return xaSession(factory);
    }

    private XASession xaSession(XAConnectionFactory f) throws JMSException {
        XAConnection c = f.createXAConnection();
        xaConnections.add(c);
        c.start();
        return c.createXASession();
    }

    /** Sends committed text messages with a plain session. */
    private void send(Queue q, String... texts) throws JMSException {
        Session s = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
        var p = s.createProducer(q);
        for (String t : texts) {
            p.send(s.createTextMessage(t));
        }
        s.close();
    }

    private static void assertXa(int code, Executable call) {
        XAException e = assertThrows(XAException.class, call);
        assertEquals(code, e.errorCode, "XA error code, message: " + e.getMessage());
    }

    @Test
    @DisplayName("XAConnectionFactory/XAQueueConnectionFactory/XATopicConnectionFactory; XASession.getTransacted() is true, commit/rollback throw TransactionInProgressException")
    void xaSessionApi() throws Exception {
        assertTrue(factory instanceof XAQueueConnectionFactory && factory instanceof XATopicConnectionFactory);
        assertNotNull(factory.createXAQueueConnection().createXAQueueSession().getQueueSession());
        // XATopicSession.getTopicSession: a TopicSession, which refuses the point-to-point methods (TopicSession javadoc)
        jakarta.jms.TopicSession topicView = factory.createXATopicConnection().createXATopicSession().getTopicSession();
        assertThrows(jakarta.jms.IllegalStateException.class, () -> topicView.createQueue("not-from-a-topic-session"));
        XASession s = xaSession();
        assertTrue(s.getTransacted());
        assertEquals(Session.SESSION_TRANSACTED, s.getAcknowledgeMode());
        assertSame(s, s.getSession());
        assertNotNull(s.getXAResource());
        assertThrows(TransactionInProgressException.class, s::commit);
        assertThrows(TransactionInProgressException.class, s::rollback);
        s.close();
        assertThrows(jakarta.jms.IllegalStateException.class, s::commit, "a closed session says so first");

        try (XAJMSContext ctx = factory.createXAContext()) {
            assertTrue(ctx.getTransacted());
            assertEquals(JMSContext.SESSION_TRANSACTED, ctx.getSessionMode());
            assertSame(ctx, ctx.getContext());
            assertNotNull(ctx.getXAResource());
            assertThrows(TransactionInProgressRuntimeException.class, ctx::commit);
            assertThrows(TransactionInProgressRuntimeException.class, ctx::rollback);
        }
    }

    @Test
    @DisplayName("XAJMSContext: a send through the context's producer belongs to the branch of its XAResource")
    void xaContextSendsInBranch() throws Exception {
        Queue out = connect().createSession().createQueue(uniqueQueue("xa-ctx"));
        try (XAJMSContext ctx = factory.createXAContext()) {
            XAResource xa = ctx.getXAResource();
            Xid xid = TestXid.fresh();
            xa.start(xid, TMNOFLAGS);
            ctx.createProducer().send(out, "from the context");
            xa.end(xid, TMSUCCESS);
            assertEquals(List.of(), drain(out), "not before the branch commits");
            assertEquals(XA_OK, xa.prepare(xid));
            xa.commit(xid, false);
        }
        assertEquals(List.of("from the context"), drain(out));
    }

    @Test
    @DisplayName("a topic publication in a branch reaches the durable subscription only at commit (spec 6.11 with XA)")
    void topicPublicationInBranch() throws Exception {
        Connection sub = connect();
        sub.setClientID("xa-sub-" + uniqueQueue("c"));
        sub.start();
        Session subSession = sub.createSession(false, Session.AUTO_ACKNOWLEDGE);
        jakarta.jms.Topic topic = subSession.createTopic(uniqueQueue("xa-news"));
        MessageConsumer subscriber = subSession.createDurableConsumer(topic, "audit");
        XASession s = xaSession();
        XAResource xa = s.getXAResource();
        Xid xid = TestXid.fresh();
        xa.start(xid, TMNOFLAGS);
        s.createProducer(topic).send(s.createTextMessage("published"));
        xa.end(xid, TMSUCCESS);
        assertEquals(XA_OK, xa.prepare(xid));
        assertNull(subscriber.receive(300), "prepared: not delivered");
        xa.commit(xid, false);
        Message m = subscriber.receive(5_000);
        assertNotNull(m);
        assertEquals("published", ((TextMessage) m).getText());
        subscriber.close();
        subSession.unsubscribe("audit");
    }

    /**
     * Spec 7.9 through XA (two-phase and one-phase commit): an XA commit announces its delayed
     * messages, so a consumer that already waits receives each when its delivery delay runs out.
     */
    @Test
    @DisplayName("7.9: every delayed message of an XA commit reaches a consumer that already waits, when due")
    void delayedMessagesOfAnXaCommitWakeTheWaitingConsumer() throws Exception {
        for (boolean onePhase : new boolean[] {false, true}) {
            Session plain = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = plain.createQueue(uniqueQueue("xa-delays"));
            MessageConsumer consumer = plain.createConsumer(q);
            assertNull(consumer.receiveNoWait()); // open, and its address's delays read, before the commit
            XASession s = xaSession();
            XAResource xa = s.getXAResource();
            Xid xid = TestXid.fresh();
            xa.start(xid, TMNOFLAGS);
            var p = s.createProducer(q);
            long sentAt = sendEachDelayed(s, p);
            xa.end(xid, TMSUCCESS);
            if (!onePhase) {
                assertEquals(XA_OK, xa.prepare(xid));
            }
            xa.commit(xid, onePhase);
            receiveEachWhenDue(consumer, sentAt);
        }
    }

    private static void assertSame(Object expected, Object actual) {
        org.junit.jupiter.api.Assertions.assertSame(expected, actual);
    }

    /**
     * Session.close javadoc: a CompletionListener must not close its own session
     * (IllegalStateException). The refused close must change nothing (issue 14): the branch is not
     * marked rollback-only, so it still prepares and commits.
     */
    @Test
    @DisplayName("a close refused inside a CompletionListener leaves the XA branch whole")
    void refusedCloseKeepsTheBranch() throws Exception {
        Queue out = connect().createSession().createQueue(uniqueQueue("xa-refused-close"));
        XASession s = xaSession();
        XAResource xa = s.getXAResource();
        Xid xid = TestXid.fresh();
        xa.start(xid, TMNOFLAGS);
        assertTrue(closeInsideCompletion(s.createProducer(out), s.createTextMessage("in the branch"), s)
                instanceof jakarta.jms.IllegalStateException, "close refused inside its CompletionListener");
        xa.end(xid, TMSUCCESS);
        assertEquals(XA_OK, xa.prepare(xid), "the branch was not marked rollback-only");
        xa.commit(xid, false);
        assertEquals(List.of("in the branch"), drain(out));
    }

    @Test
    @DisplayName("two-phase commit: sends invisible until commit, consumed message gone after it")
    void twoPhaseCommit() throws Exception {
        Queue in = connect().createSession().createQueue(uniqueQueue("xa-in"));
        Queue out = connect().createSession().createQueue(uniqueQueue("xa-out"));
        send(in, "request");
        XASession s = xaSession();
        XAResource xa = s.getXAResource();
        Xid xid = TestXid.fresh();
        xa.start(xid, TMNOFLAGS);
        TextMessage request = (TextMessage) s.createConsumer(in).receive(5_000);
        assertEquals("request", request.getText());
        s.createProducer(out).send(s.createTextMessage("reply"));
        xa.end(xid, TMSUCCESS);
        assertEquals(XA_OK, xa.prepare(xid));
        assertEquals(List.of(), drain(out), "a prepared send is invisible");
        assertEquals(List.of(), drain(in), "a prepared ack keeps its message claimed");

        xa.commit(xid, false);
        assertEquals(List.of("reply"), drain(out));
        assertEquals(List.of(), drain(in));
        assertArrayEquals(new Xid[0], xa.recover(TMSTARTRSCAN | TMENDRSCAN));
    }

    @Test
    @DisplayName("rollback after prepare: the send vanishes, the consumed message is redelivered (JMSRedelivered, JMSXDeliveryCount=2)")
    void rollbackAfterPrepareRedelivers() throws Exception {
        Queue in = connect().createSession().createQueue(uniqueQueue("xa-in"));
        Queue out = connect().createSession().createQueue(uniqueQueue("xa-out"));
        send(in, "request");
        XASession s = xaSession();
        XAResource xa = s.getXAResource();
        Xid xid = TestXid.fresh();
        xa.start(xid, TMNOFLAGS);
        assertNotNull(s.createConsumer(in).receive(5_000));
        s.createProducer(out).send(s.createTextMessage("reply"));
        xa.end(xid, TMSUCCESS);
        assertEquals(XA_OK, xa.prepare(xid));
        xa.rollback(xid);

        assertEquals(List.of(), drain(out));
        Session plain = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Message again = plain.createConsumer(in).receive(5_000);
        assertNotNull(again, "the consumed message comes back");
        assertTrue(again.getJMSRedelivered());
        assertEquals(2, again.getIntProperty("JMSXDeliveryCount"));
    }

    @Test
    @DisplayName("a branch rolled back on the message's last allowed attempt moves it to DLQ.<queue>, as a local rollback does (redelivery policy)")
    void rollbackOnLastAttemptDeadLetters() throws Exception {
        String name = uniqueQueue("xa-poison");
        Queue in = connect().createSession().createQueue(name);
        send(in, "poison");
        JournalConnectionFactory f = journal.factory();
        f.setMaxDeliveryAttempts(2);
        for (int attempt = 1; attempt <= 2; attempt++) {
            XASession s = xaSession(f);
            XAResource xa = s.getXAResource();
            Xid xid = TestXid.fresh();
            xa.start(xid, TMNOFLAGS);
            Message m = s.createConsumer(in).receive(5_000);
            assertNotNull(m, "attempt " + attempt);
            assertEquals(attempt, m.getIntProperty("JMSXDeliveryCount"));
            xa.end(xid, TMSUCCESS);
            xa.rollback(xid);
            s.close();
        }
        assertEquals(List.of(), drain(in), "no third attempt");
        Session plain = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Message dead = plain.createConsumer(plain.createQueue(DeadLetters.deadLetterQueueFor(name))).receive(5_000);
        assertNotNull(dead, "the message is in the dead-letter queue");
        assertEquals("poison", ((TextMessage) dead).getText());
        assertEquals(name, dead.getStringProperty(DeadLetters.ORIGINAL_DESTINATION));
        assertEquals(2, dead.getIntProperty(DeadLetters.DELIVERY_ATTEMPTS));
        assertEquals(DeadLetters.REASON_ROLLBACK, dead.getStringProperty(DeadLetters.DEAD_LETTER_REASON));
    }

    @Test
    @DisplayName("one-phase commit writes the branch without a prepared state; an empty branch prepares XA_RDONLY")
    void onePhaseCommitAndReadOnly() throws Exception {
        Queue out = connect().createSession().createQueue(uniqueQueue("xa-out"));
        XASession s = xaSession();
        XAResource xa = s.getXAResource();
        Xid xid = TestXid.fresh();
        xa.start(xid, TMNOFLAGS);
        s.createProducer(out).send(s.createTextMessage("one-phase"));
        xa.end(xid, TMSUCCESS);
        xa.commit(xid, true);
        assertEquals(List.of("one-phase"), drain(out));

        Xid empty = TestXid.fresh();
        xa.start(empty, TMNOFLAGS);
        xa.end(empty, TMSUCCESS);
        assertEquals(XA_RDONLY, xa.prepare(empty));
        assertXa(XAER_NOTA, () -> xa.commit(empty, false)); // a read-only branch is already forgotten
    }

    @Test
    @DisplayName("outside a global transaction an XA session sends and acknowledges at once (AUTO_ACKNOWLEDGE)")
    void outsideTransactionActsAsAutoAcknowledge() throws Exception {
        Queue q = connect().createSession().createQueue(uniqueQueue("xa-local"));
        XASession s = xaSession();
        s.createProducer(q).send(s.createTextMessage("now"));
        Message m = s.createConsumer(q).receive(5_000);
        assertEquals("now", ((TextMessage) m).getText());
        s.close();
        assertEquals(List.of(), drain(q), "received outside a transaction: acknowledged");
    }

    @Test
    @DisplayName("TMSUSPEND/TMRESUME and TMJOIN from a second session of the same resource manager build one branch")
    void suspendResumeAndJoin() throws Exception {
        Queue out = connect().createSession().createQueue(uniqueQueue("xa-out"));
        XASession a = xaSession();
        XASession b = xaSession();
        XAResource xa = a.getXAResource();
        XAResource xb = b.getXAResource();
        assertTrue(xa.isSameRM(xb));
        Xid xid = TestXid.fresh();
        xa.start(xid, TMNOFLAGS);
        a.createProducer(out).send(a.createTextMessage("1"));
        xa.end(xid, TMSUSPEND);
        a.createProducer(out).send(a.createTextMessage("outside")); // not part of the branch
        xa.start(xid, TMRESUME);
        a.createProducer(out).send(a.createTextMessage("2"));
        xa.end(xid, TMSUCCESS);
        xb.start(xid, TMJOIN);
        b.createProducer(out).send(b.createTextMessage("3"));
        xb.end(xid, TMSUCCESS);
        assertEquals(List.of("outside"), drain(out));
        assertEquals(XA_OK, xb.prepare(xid));
        xa.commit(xid, false);
        assertEquals(List.of("1", "2", "3"), drain(out));
    }

    @Test
    @DisplayName("isSameRM: true for two factories on the same journal, false for another table prefix or resource")
    void isSameRm() throws Exception {
        XAResource first = xaSession().getXAResource();
        JournalConnectionFactory same = journal.factory();
        same.setLeaseMillis(leaseMillis()); // same settings: the same journal, hence the same resource manager
        assertTrue(first.isSameRM(xaSession(same).getXAResource()));
        assertFalse(first.isSameRM(null));
        JournalConnectionFactory other = journal.factory();
        other.setTablePrefix("XAOTHER_");
        other.setLeaseMillis(leaseMillis());
        try {
            assertFalse(first.isSameRM(xaSession(other).getXAResource()));
        } finally {
            closeXa();
            xaConnections.clear();
            if (journal.kind() != TestJournal.Kind.HSQLDB) {
                org.journalmq.persistence.TestDatabases.dropAll(JournalConfig.builder(journal.url())
                        .user(journal.user()).tablePrefix("XAOTHER_").build());
            }
        }
    }

    @Test
    @DisplayName("wrong-order calls give XAER_DUPID, XAER_NOTA, XAER_PROTO, XAER_INVAL, and nothing is lost")
    void wrongOrderCallsKeepEverything() throws Exception {
        Queue in = connect().createSession().createQueue(uniqueQueue("xa-in"));
        Queue out = connect().createSession().createQueue(uniqueQueue("xa-out"));
        send(in, "kept");
        XASession s = xaSession();
        XASession other = xaSession();
        XAResource xa = s.getXAResource();
        Xid xid = TestXid.fresh();

        assertXa(XAER_NOTA, () -> xa.end(xid, TMSUCCESS));          // end without start: unknown branch
        assertXa(XAER_NOTA, () -> xa.commit(TestXid.fresh(), false)); // commit of an unknown Xid
        assertXa(XAER_NOTA, () -> xa.rollback(TestXid.fresh()));
        assertXa(XAER_NOTA, () -> xa.start(xid, TMJOIN));
        assertXa(XAER_INVAL, () -> xa.start(xid, TMSUCCESS));        // not a start flag
        assertXa(XAER_INVAL, () -> xa.start(null, TMNOFLAGS));
        assertXa(XAER_INVAL, () -> xa.recover(TMSUSPEND));
        assertXa(XAER_PROTO, () -> xa.recover(TMNOFLAGS));           // no scan started
        assertXa(XAER_INVAL, () -> xa.setTransactionTimeout(-1));

        xa.start(xid, TMNOFLAGS);
        assertNotNull(s.createConsumer(in).receive(5_000));
        s.createProducer(out).send(s.createTextMessage("sent"));
        assertXa(XAER_PROTO, () -> xa.start(TestXid.fresh(), TMNOFLAGS)); // session already associated
        assertXa(XAER_DUPID, () -> other.getXAResource().start(xid, TMNOFLAGS)); // start twice
        assertXa(XAER_PROTO, () -> other.getXAResource().end(xid, TMSUCCESS));   // not its association
        assertXa(XAER_PROTO, () -> xa.prepare(xid));                 // still associated
        xa.end(xid, TMSUCCESS);
        assertXa(XAER_PROTO, () -> xa.end(xid, TMSUCCESS));          // ended twice
        assertXa(XAER_PROTO, () -> xa.commit(xid, false));           // two-phase commit before prepare
        assertXa(XAER_PROTO, () -> xa.forget(xid));                  // nothing heuristic to forget
        assertEquals(XA_OK, xa.prepare(xid));
        assertXa(XAER_PROTO, () -> xa.prepare(xid));                 // prepared twice
        assertXa(XAER_PROTO, () -> xa.commit(xid, true));            // one-phase commit of a prepared branch
        assertXa(XAER_PROTO, () -> xa.start(xid, TMJOIN));
        assertXa(XAER_PROTO, () -> xa.forget(xid));                  // prepared, not heuristic
        assertEquals(List.of(), drain(out), "still prepared: nothing visible");
        xa.commit(xid, false);
        assertEquals(List.of("sent"), drain(out), "the branch survived every refused call");
        assertEquals(List.of(), drain(in));

        Xid rolledBack = TestXid.fresh();
        xa.start(rolledBack, TMNOFLAGS);
        s.createProducer(out).send(s.createTextMessage("dropped"));
        xa.end(rolledBack, TMSUCCESS);
        xa.rollback(rolledBack);
        assertXa(XAER_NOTA, () -> xa.prepare(rolledBack));           // prepare after rollback
        assertEquals(List.of(), drain(out));
    }

    @Test
    @DisplayName("end(TMFAIL) marks the branch rollback-only: prepare gives XA_RBROLLBACK and the message is redelivered")
    void tmFailRollsBack() throws Exception {
        Queue in = connect().createSession().createQueue(uniqueQueue("xa-in"));
        send(in, "m");
        XASession s = xaSession();
        XAResource xa = s.getXAResource();
        Xid xid = TestXid.fresh();
        xa.start(xid, TMNOFLAGS);
        assertNotNull(s.createConsumer(in).receive(5_000));
        xa.end(xid, TMFAIL);
        assertXa(XA_RBROLLBACK, () -> xa.prepare(xid));
        assertXa(XAER_NOTA, () -> xa.rollback(xid)); // rolled back and forgotten by the XA_RB* answer
        Message again = started().createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(in).receive(5_000);
        assertNotNull(again);
        assertTrue(again.getJMSRedelivered());
    }

    @Test
    @DisplayName("transaction timeout: an expired unprepared branch is rolled back, later calls get XA_RBTIMEOUT")
    void transactionTimeoutRollsBack() throws Exception {
        Queue in = connect().createSession().createQueue(uniqueQueue("xa-in"));
        Queue out = connect().createSession().createQueue(uniqueQueue("xa-out"));
        send(in, "m");
        XASession s = xaSession();
        XAResource xa = s.getXAResource();
        assertEquals(0, xa.getTransactionTimeout());
        assertTrue(xa.setTransactionTimeout(1));
        assertEquals(1, xa.getTransactionTimeout());
        Xid xid = TestXid.fresh();
        xa.start(xid, TMNOFLAGS);
        assertNotNull(s.createConsumer(in).receive(5_000));
        s.createProducer(out).send(s.createTextMessage("late"));
        Session plain = started().createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer watcher = plain.createConsumer(in);
        Message[] back = new Message[1];
        await("the timed-out branch to give the consumed message back", 15_000, () -> {
            try {
                back[0] = watcher.receive(100);
                return back[0] != null;
            } catch (JMSException e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(back[0].getJMSRedelivered());
        assertXa(XA_RBTIMEOUT, () -> xa.end(xid, TMSUCCESS));
        assertXa(XA_RBTIMEOUT, () -> xa.prepare(xid));
        assertXa(XAER_NOTA, () -> xa.commit(xid, false));
        assertEquals(List.of(), drain(out), "the send of the expired branch never appears");
    }

    @Test
    @DisplayName("recover through another journal instance lists the prepared Xid (TMSTARTRSCAN, TMENDRSCAN); commit from there")
    void recoverThroughAnotherJournalCommits() throws Exception {
        Queue out = connect().createSession().createQueue(uniqueQueue("xa-out"));
        XASession s = xaSession();
        XAResource xa = s.getXAResource();
        Xid xid = TestXid.fresh();
        xa.start(xid, TMNOFLAGS);
        s.createProducer(out).send(s.createTextMessage("in doubt"));
        xa.end(xid, TMSUCCESS);
        assertEquals(XA_OK, xa.prepare(xid));
        closeXa(); // the preparing session and its connection are gone: the branch lives in the database only
        xaConnections.clear();

        // Another factory setting (default lease) opens another journal instance: another client, no
        // memory of the branch (a restart is covered by the crash tests).
        XAResource fresh = xaSession(journal.factory()).getXAResource();
        Xid[] found = fresh.recover(TMSTARTRSCAN);
        assertEquals(List.of(xid), List.of(found).stream().map(x -> (Xid) new TestXid(x.getFormatId(),
                x.getGlobalTransactionId(), x.getBranchQualifier())).toList());
        assertArrayEquals(new Xid[0], fresh.recover(TMENDRSCAN));
        fresh.commit(found[0], false);
        assertEquals(List.of("in doubt"), drain(out));
    }

    @Test
    @DisplayName("heuristic outcome: a prepared branch rolled back by an operator gives XA_HEURRB on commit, then forget")
    void heuristicRollbackReported() throws Exception {
        Queue out = connect().createSession().createQueue(uniqueQueue("xa-out"));
        XASession s = xaSession();
        XAResource xa = s.getXAResource();
        Xid xid = TestXid.fresh();
        xa.start(xid, TMNOFLAGS);
        s.createProducer(out).send(s.createTextMessage("operator drops it"));
        xa.end(xid, TMSUCCESS);
        assertEquals(XA_OK, xa.prepare(xid));
        try (Journal operator = Journals.open(JournalConfig.builder(journal.url()).user(journal.user())
                .tablePrefix(journal.prefix()).build())) {
            operator.completeHeuristically(new XaId(xid.getFormatId(), xid.getGlobalTransactionId(),
                    xid.getBranchQualifier()), false);
        }
        assertEquals(1, xa.recover(TMSTARTRSCAN | TMENDRSCAN).length, "heuristically completed: still listed");
        assertXa(XA_HEURRB, () -> xa.commit(xid, false));
        xa.forget(xid);
        assertEquals(0, xa.recover(TMSTARTRSCAN | TMENDRSCAN).length);
        assertXa(XAER_NOTA, () -> xa.forget(xid));
        assertEquals(List.of(), drain(out));
    }

    @Test
    @DisplayName("an XA session closed while associated leaves its branch rollback-only (XA_RBROLLBACK at prepare)")
    void sessionClosedInsideBranch() throws Exception {
        Queue in = connect().createSession().createQueue(uniqueQueue("xa-in"));
        send(in, "m");
        XASession s = xaSession();
        XAResource xa = s.getXAResource();
        Xid xid = TestXid.fresh();
        xa.start(xid, TMNOFLAGS);
        assertNotNull(s.createConsumer(in).receive(5_000));
        s.close();
        assertXa(XA_RBROLLBACK, () -> xa.prepare(xid));
        Message again = started().createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(in).receive(5_000);
        assertNotNull(again, "nothing lost");
        assertNull(started().createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(in).receive(200));
    }
}
