package org.journalmq.jms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TransactionRolledBackException;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.journalmq.jms.JournalConnection;
import org.journalmq.jms.JournalLocalSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A session in the application's own JDBC transaction (issue 6, item 4): business rows, sends and
 * acknowledgements commit or roll back together. Transaction semantics follow spec 6.2.7
 * (Transactions): commit acknowledges the consumed messages and sends the produced ones; rollback
 * destroys the sends and redelivers the consumed messages with JMSRedelivered (3.4.7) set and
 * JMSXDeliveryCount (3.5.11) incremented.
 */
public abstract class AbstractLocalTransactionTest extends JmsTestBase {

    private BusinessTable accounts;

    @BeforeEach
    void createBusinessTable() throws Exception {
        accounts = BusinessTable.of(journal);
        // The embedded HSQLDB file database exists once the journal opened it: connect first.
        connect();
        accounts.create();
    }

    private JournalConnection jmsConnection() throws JMSException {
        return (JournalConnection) started();
    }

    private void sendPlain(String queue, String text) throws JMSException {
        Session s = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
        s.createProducer(s.createQueue(queue)).send(s.createTextMessage(text));
        s.close();
    }

    /** Receives from a plain AUTO_ACKNOWLEDGE session: what any other application would see now. */
    private Message receivePlain(String queue, long timeout) throws JMSException {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        try {
            return s.createConsumer(s.createQueue(queue)).receive(timeout);
        } finally {
            s.close();
        }
    }

    private int browseCount(String queue) throws JMSException {
        Session s = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
        try {
            return Collections.list(s.createBrowser(s.createQueue(queue)).getEnumeration()).size();
        } finally {
            s.close();
        }
    }

    @Test
    @DisplayName("6.2.7: commit keeps both the business row and the sent message")
    void commitKeepsRowAndMessage() throws Exception {
        String queue = uniqueQueue("ltx-commit");
        try (java.sql.Connection jdbc = accounts.open()) {
            JournalLocalSession s = jmsConnection().createSession(jdbc);
            assertTrue(s.getTransacted());
            assertEquals(Session.SESSION_TRANSACTED, s.getAcknowledgeMode());
            accounts.insert(jdbc, 1, 100);
            s.createProducer(s.createQueue(queue)).send(s.createTextMessage("account 1 opened"));
            assertEquals(0, browseCount(queue), "no message before the commit");
            assertNull(accounts.balance(1), "no row before the commit");
            s.commit();
        }
        assertEquals(100, accounts.balance(1));
        Message m = receivePlain(queue, 5_000);
        assertNotNull(m, "the message committed with the row");
        assertEquals("account 1 opened", ((TextMessage) m).getText());
    }

    @Test
    @DisplayName("7.9: every delayed message of an application's JDBC commit reaches a consumer that already waits, when due")
    void delayedMessagesOfALocalCommitWakeTheWaitingConsumer() throws Exception {
        String queue = uniqueQueue("ltx-delays");
        Session plain = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = plain.createConsumer(plain.createQueue(queue));
        assertNull(consumer.receiveNoWait()); // open, and its address's delays read, before the commit
        long sentAt;
        try (java.sql.Connection jdbc = accounts.open()) {
            JournalLocalSession s = jmsConnection().createSession(jdbc);
            accounts.insert(jdbc, 9, 10);
            MessageProducer p = s.createProducer(s.createQueue(queue));
            sentAt = sendEachDelayed(s, p);
            s.commit();
        }
        receiveEachWhenDue(consumer, sentAt);
    }

    @Test
    @DisplayName("6.2.7: rollback removes both the business row and the sent message")
    void rollbackRemovesRowAndMessage() throws Exception {
        String queue = uniqueQueue("ltx-rollback");
        try (java.sql.Connection jdbc = accounts.open()) {
            JournalLocalSession s = jmsConnection().createSession(jdbc);
            accounts.insert(jdbc, 2, 50);
            s.createProducer(s.createQueue(queue)).send(s.createTextMessage("account 2 opened"));
            s.rollback();
            // the session and the connection go on: a second transaction commits
            accounts.insert(jdbc, 3, 70);
            s.createProducer(s.createQueue(queue)).send(s.createTextMessage("account 3 opened"));
            s.commit();
        }
        assertNull(accounts.balance(2), "the rolled back row is gone");
        assertEquals(70, accounts.balance(3));
        Message m = receivePlain(queue, 5_000);
        assertEquals("account 3 opened", ((TextMessage) m).getText());
        assertNull(receivePlain(queue, 300), "the rolled back message was never sent");
    }

    @Test
    @DisplayName("6.2.7: a received message and a row update commit together: message gone, row updated")
    void consumeAndUpdateCommitAtomically() throws Exception {
        String queue = uniqueQueue("ltx-consume");
        try (java.sql.Connection setup = accounts.open()) {
            accounts.insert(setup, 4, 10);
            setup.commit();
        }
        sendPlain(queue, "credit 4 5");
        try (java.sql.Connection jdbc = accounts.open()) {
            JournalLocalSession s = jmsConnection().createSession(jdbc);
            MessageConsumer consumer = s.createConsumer(s.createQueue(queue));
            TextMessage m = (TextMessage) consumer.receive(5_000);
            assertNotNull(m);
            assertFalse(m.getJMSRedelivered());
            accounts.add(jdbc, 4, Integer.parseInt(m.getText().split(" ")[2]));
            s.commit();
            assertNull(consumer.receive(300), "the committed message is not delivered again");
            s.close();
        }
        assertEquals(15, accounts.balance(4));
        assertNull(receivePlain(queue, 500), "the consumed message is gone from the journal");
    }

    @Test
    @DisplayName("6.2.7, 3.4.7, 3.5.11: rollback keeps the row and redelivers with JMSRedelivered, JMSXDeliveryCount=2")
    void consumeAndUpdateRollbackRedelivers() throws Exception {
        String queue = uniqueQueue("ltx-consume-rb");
        try (java.sql.Connection setup = accounts.open()) {
            accounts.insert(setup, 5, 10);
            setup.commit();
        }
        sendPlain(queue, "credit 5 7");
        try (java.sql.Connection jdbc = accounts.open()) {
            JournalLocalSession s = jmsConnection().createSession(jdbc);
            MessageConsumer consumer = s.createConsumer(s.createQueue(queue));
            Message first = consumer.receive(5_000);
            assertNotNull(first);
            accounts.add(jdbc, 5, 7);
            s.rollback();
            assertEquals(10, accounts.balance(5), "the update is rolled back");

            Message again = consumer.receive(5_000);
            assertNotNull(again, "the consumed message is redelivered after rollback");
            assertEquals(first.getJMSMessageID(), again.getJMSMessageID());
            assertTrue(again.getJMSRedelivered());
            assertEquals(2, again.getIntProperty("JMSXDeliveryCount"));
            accounts.add(jdbc, 5, 7);
            s.commit();
        }
        assertEquals(17, accounts.balance(5));
        assertNull(receivePlain(queue, 300));
    }

    @Test
    @DisplayName("6.2.7: a message and a row in one transaction: consume from one queue, update, send to another")
    void consumeUpdateAndForwardInOneTransaction() throws Exception {
        String in = uniqueQueue("ltx-in");
        String out = uniqueQueue("ltx-out");
        try (java.sql.Connection setup = accounts.open()) {
            accounts.insert(setup, 6, 0);
            setup.commit();
        }
        for (int i = 1; i <= 3; i++) {
            sendPlain(in, Integer.toString(i));
        }
        try (java.sql.Connection jdbc = accounts.open()) {
            JournalLocalSession s = jmsConnection().createSession(jdbc);
            MessageConsumer consumer = s.createConsumer(s.createQueue(in));
            MessageProducer producer = s.createProducer(s.createQueue(out));
            int commits = 0;
            boolean rolledBack = false;
            while (commits < 3) {
                TextMessage m = (TextMessage) consumer.receive(5_000);
                assertNotNull(m, "after " + commits + " commits");
                int amount = Integer.parseInt(m.getText());
                accounts.add(jdbc, 6, amount);
                producer.send(s.createTextMessage("added " + amount));
                if (amount == 2 && !rolledBack) {
                    s.rollback(); // message 2, its update and its forward vanish; 2 comes back
                    rolledBack = true;
                } else {
                    assertEquals(amount == 2, m.getJMSRedelivered(), "message " + amount);
                    s.commit();
                    commits++;
                }
            }
        }
        assertEquals(6, accounts.balance(6));
        assertEquals(3, browseCount(out), "one forward per committed update");
        assertNull(receivePlain(in, 300));
    }

    @Test
    @DisplayName("8.7 MessageListener: onMessage updates a row and commits the session, one transaction per message")
    void listenerCommitsFromOnMessage() throws Exception {
        String queue = uniqueQueue("ltx-listener");
        try (java.sql.Connection setup = accounts.open()) {
            accounts.insert(setup, 16, 0);
            setup.commit();
        }
        for (int i = 1; i <= 5; i++) {
            sendPlain(queue, Integer.toString(i));
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger done = new AtomicInteger();
        try (java.sql.Connection jdbc = accounts.open()) {
            JournalLocalSession s = jmsConnection().createSession(jdbc);
            s.createConsumer(s.createQueue(queue)).setMessageListener(m -> {
                try {
                    int amount = Integer.parseInt(((TextMessage) m).getText());
                    accounts.add(jdbc, 16, amount);
                    if (amount == 3 && !m.getJMSRedelivered()) {
                        s.rollback(); // comes back once
                    } else {
                        s.commit();
                        done.incrementAndGet();
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            });
            await("5 committed transactions", 20_000, () -> done.get() == 5 || failure.get() != null);
            s.close();
        }
        assertNull(failure.get(), () -> String.valueOf(failure.get()));
        assertEquals(15, accounts.balance(16), "each amount once: the rolled back update is gone");
        assertNull(receivePlain(queue, 300));
    }

    @Test
    @DisplayName("6.2.7 under concurrency: 4 competing local-transaction consumers, random rollbacks, each message's row exactly once")
    void competingConsumersCommitEachMessageExactlyOnce() throws Exception {
        String queue = uniqueQueue("ltx-competing");
        int messages = 120;
        Session sender = connect().createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer p = sender.createProducer(sender.createQueue(queue));
        for (int i = 0; i < messages; i++) {
            Message m = sender.createMessage();
            m.setIntProperty("n", i);
            p.send(m);
        }
        sender.commit();
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger rolledBack = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            JournalConnection c = jmsConnection();
            Thread t = new Thread(() -> {
                Random random = new Random();
                try (java.sql.Connection jdbc = accounts.open()) {
                    JournalLocalSession s = c.createSession(jdbc);
                    MessageConsumer consumer = s.createConsumer(s.createQueue(queue));
                    Message m;
                    while (committed.get() < messages && (m = consumer.receive(2_000)) != null) {
                        // the row's primary key is the message number: a second commit of one
                        // message would fail on the duplicate key
                        accounts.insert(jdbc, 1_000 + m.getIntProperty("n"), m.getIntProperty("JMSXDeliveryCount"));
                        if (random.nextInt(5) == 0) {
                            s.rollback();
                            rolledBack.incrementAndGet();
                        } else {
                            s.commit();
                            committed.incrementAndGet();
                        }
                    }
                    s.close();
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "ltx-worker-" + w);
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join(120_000);
            assertFalse(t.isAlive(), t.getName() + " did not finish");
        }
        assertTrue(failures.isEmpty(), () -> failures.toString());
        assertEquals(messages, committed.get());
        assertEquals(messages, accounts.rows(), "one row per message");
        assertNull(receivePlain(queue, 300), "every message acknowledged");
        assertTrue(rolledBack.get() > 0, "the test exercised rollbacks");
    }

    @Test
    @DisplayName("simplified API (spec 2.8): a JMSContext in the application's JDBC transaction commits and rolls back with it")
    void contextInTheApplicationsTransaction() throws Exception {
        String queue = uniqueQueue("ltx-context");
        try (java.sql.Connection jdbc = accounts.open();
             JMSContext context = factory.createContext(jdbc)) {
            assertTrue(context.getTransacted());
            assertEquals(JMSContext.SESSION_TRANSACTED, context.getSessionMode());
            accounts.insert(jdbc, 17, 1);
            context.createProducer().send(context.createQueue(queue), "rolled back");
            context.rollback();
            accounts.insert(jdbc, 18, 1);
            context.createProducer().send(context.createQueue(queue), "committed");
            context.commit();
        }
        assertNull(accounts.balance(17));
        assertEquals(1, accounts.balance(18));
        assertEquals("committed", ((TextMessage) receivePlain(queue, 5_000)).getText());
        assertNull(receivePlain(queue, 300));

        try (java.sql.Connection autoCommit = accounts.open()) {
            autoCommit.setAutoCommit(true);
            JMSRuntimeException e = assertThrows(JMSRuntimeException.class,
                    () -> factory.createContext(autoCommit));
            assertTrue(e.getMessage().contains("auto-commit"), e.getMessage());
        }
    }

    @Test
    @DisplayName("6.2.7 with topics: a publication commits and rolls back with the row")
    void topicPublicationFollowsTheTransaction() throws Exception {
        Connection c = started();
        Session sub = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = sub.createTopic(uniqueQueue("ltx-topic"));
        MessageConsumer subscriber = sub.createConsumer(topic);
        try (java.sql.Connection jdbc = accounts.open()) {
            JournalLocalSession s = jmsConnection().createSession(jdbc);
            MessageProducer publisher = s.createProducer(topic);
            accounts.insert(jdbc, 7, 1);
            publisher.send(s.createTextMessage("rolled back"));
            s.rollback();
            accounts.insert(jdbc, 8, 1);
            publisher.send(s.createTextMessage("committed"));
            s.commit();
        }
        assertNull(accounts.balance(7));
        assertEquals(1, accounts.balance(8));
        TextMessage m = (TextMessage) subscriber.receive(5_000);
        assertEquals("committed", m.getText());
        assertNull(subscriber.receive(300));
    }

    @Test
    @DisplayName("6.2.7: a commit that cannot acknowledge (message deleted meanwhile) rolls the row back too")
    void lostAcknowledgementRollsBackTheBusinessRows() throws Exception {
        String queue = uniqueQueue("ltx-lost");
        sendPlain(queue, "m");
        sendPlain(queue, "n");
        try (java.sql.Connection jdbc = accounts.open()) {
            JournalLocalSession s = jmsConnection().createSession(jdbc);
            MessageConsumer consumer = s.createConsumer(s.createQueue(queue));
            assertNotNull(consumer.receive(5_000));
            accounts.insert(jdbc, 9, 1);
            s.createProducer(s.createQueue(queue)).send(s.createTextMessage("forward"));
            // failure injection: an operator purges the queue while the message is being processed
            try (java.sql.Connection admin = accounts.open();
                 PreparedStatement ps = admin.prepareStatement("DELETE FROM " + journal.prefix()
                         + "DELIVERY WHERE destination = ?")) {
                ps.setString(1, "Q:" + queue);
                assertEquals(2, ps.executeUpdate());
                admin.commit();
            }
            TransactionRolledBackException e = assertThrows(TransactionRolledBackException.class, s::commit);
            assertTrue(e.getMessage().contains("no longer holds"), e.getMessage());
            // the session and the connection are usable again
            accounts.insert(jdbc, 10, 1);
            s.commit();
        }
        assertNull(accounts.balance(9), "the row of the failed commit is rolled back");
        assertEquals(1, accounts.balance(10));
        assertEquals(0, browseCount(queue), "the forward of the failed commit was not sent");
    }

    @Test
    @DisplayName("application-driven commit: flush, JDBC commit, afterCompletion(true)")
    void applicationCommitsTheConnectionItself() throws Exception {
        String queue = uniqueQueue("ltx-app-commit");
        sendPlain(queue, "in");
        String out = uniqueQueue("ltx-app-out");
        try (java.sql.Connection jdbc = accounts.open()) {
            JournalLocalSession s = jmsConnection().createSession(jdbc);
            assertNotNull(s.createConsumer(s.createQueue(queue)).receive(5_000));
            accounts.insert(jdbc, 11, 1);
            s.createProducer(s.createQueue(out)).send(s.createTextMessage("x"));
            s.flush();
            assertEquals(0, browseCount(out), "flushed, not committed");
            jdbc.commit(); // the application's transaction manager commits
            s.afterCompletion(true);
            s.close();
            assertFalse(jdbc.isClosed(), "the application's connection stays open");
        }
        assertEquals(1, accounts.balance(11));
        assertEquals(1, browseCount(out));
        assertNull(receivePlain(queue, 500), "the consumed message is acknowledged");
    }

    @Test
    @DisplayName("application-driven rollback: flush, JDBC rollback, afterCompletion(false) redelivers (3.4.7)")
    void applicationRollsTheConnectionBackItself() throws Exception {
        String queue = uniqueQueue("ltx-app-rb");
        sendPlain(queue, "in");
        String out = uniqueQueue("ltx-app-rb-out");
        try (java.sql.Connection jdbc = accounts.open()) {
            JournalLocalSession s = jmsConnection().createSession(jdbc);
            MessageConsumer consumer = s.createConsumer(s.createQueue(queue));
            assertNotNull(consumer.receive(5_000));
            accounts.insert(jdbc, 12, 1);
            s.createProducer(s.createQueue(out)).send(s.createTextMessage("x"));
            s.flush();
            jdbc.rollback();
            s.afterCompletion(false);
            Message again = consumer.receive(5_000);
            assertNotNull(again);
            assertTrue(again.getJMSRedelivered());
            assertEquals(2, again.getIntProperty("JMSXDeliveryCount"));
            s.close(); // releases it again, uncommitted
        }
        assertNull(accounts.balance(12));
        assertEquals(0, browseCount(out));
        assertEquals(1, browseCount(queue));
    }

    @Test
    @DisplayName("6.2.7: closing the session rolls back the journal work written into the connection")
    void closeRollsBackFlushedWork() throws Exception {
        String queue = uniqueQueue("ltx-close");
        try (java.sql.Connection jdbc = accounts.open()) {
            JournalLocalSession s = jmsConnection().createSession(jdbc);
            accounts.insert(jdbc, 13, 1);
            s.createProducer(s.createQueue(queue)).send(s.createTextMessage("x"));
            s.flush();
            s.close();
            jdbc.commit(); // nothing left to commit
        }
        assertNull(accounts.balance(13));
        assertEquals(0, browseCount(queue));
    }

    /**
     * Session.close javadoc: a CompletionListener must not close its own session (IllegalStateException).
     * The refused close must leave the transaction as it was: no rollback of the work already
     * written into the application's connection (issue 14).
     */
    @Test
    @DisplayName("a close refused inside a CompletionListener rolls nothing back")
    void refusedCloseKeepsTheTransaction() throws Exception {
        String queue = uniqueQueue("ltx-refused-close");
        try (java.sql.Connection jdbc = accounts.open()) {
            JournalLocalSession s = jmsConnection().createSession(jdbc);
            accounts.insert(jdbc, 14, 1);
            MessageProducer p = s.createProducer(s.createQueue(queue));
            p.send(s.createTextMessage("flushed"));
            s.flush();
            assertTrue(closeInsideCompletion(p, s.createTextMessage("async"), s)
                    instanceof jakarta.jms.IllegalStateException, "close refused inside its CompletionListener");
            s.commit();
            s.close();
        }
        assertEquals(1, accounts.balance(14), "the business row written before the refused close commits");
        assertEquals(2, browseCount(queue), "both sends commit");
    }

    @Test
    @DisplayName("DataSource: the session takes a connection for its lifetime and closes it")
    void dataSourceSession() throws Exception {
        String queue = uniqueQueue("ltx-ds");
        JournalLocalSession s = jmsConnection().createSession(accounts.dataSource());
        java.sql.Connection jdbc = s.getJdbcConnection();
        assertFalse(jdbc.getAutoCommit());
        accounts.insert(jdbc, 14, 3);
        s.createProducer(s.createQueue(queue)).send(s.createTextMessage("x"));
        s.commit();
        accounts.insert(jdbc, 15, 3);
        s.close(); // rolls back the open transaction, closes the connection
        assertTrue(jdbc.isClosed());
        assertEquals(3, accounts.balance(14));
        assertNull(accounts.balance(15));
        assertEquals(1, browseCount(queue));
    }

    @Test
    @DisplayName("bad input: auto-commit, closed, null and foreign-database connections get a clear JMSException")
    void unusableConnectionsAreRefused() throws Exception {
        JournalConnection c = jmsConnection();
        try (java.sql.Connection autoCommit = accounts.open()) {
            autoCommit.setAutoCommit(true);
            JMSException e = assertThrows(JMSException.class, () -> c.createSession(autoCommit));
            assertTrue(e.getMessage().contains("auto-commit"), e.getMessage());
            assertEquals("JMQ-INVALID", e.getErrorCode());
        }
        java.sql.Connection closed = accounts.open();
        closed.close();
        JMSException e = assertThrows(JMSException.class, () -> c.createSession(closed));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        e = assertThrows(JMSException.class, () -> c.createSession((java.sql.Connection) null));
        assertTrue(e.getMessage().contains("null"), e.getMessage());

        // another database: an in-memory HSQLDB with the same table names but no journal client
        String otherUrl = "jdbc:hsqldb:mem:ltx-other-" + System.nanoTime();
        try (java.sql.Connection other = DriverManager.getConnection(otherUrl, "SA", "")) {
            other.createStatement().execute("CREATE TABLE " + journal.prefix()
                    + "CLIENT (client_id VARCHAR(64) PRIMARY KEY, heartbeat_at BIGINT)");
            other.setAutoCommit(false);
            e = assertThrows(JMSException.class, () -> c.createSession(other));
            assertTrue(e.getMessage().contains("does not reach the journal's database"), e.getMessage());
            assertTrue(e.getMessage().contains("does not see journal client"), e.getMessage());
            other.createStatement().execute("SHUTDOWN");
        }
        String emptyUrl = "jdbc:hsqldb:mem:ltx-empty-" + System.nanoTime();
        try (java.sql.Connection empty = DriverManager.getConnection(emptyUrl, "SA", "")) {
            empty.setAutoCommit(false);
            e = assertThrows(JMSException.class, () -> c.createSession(empty));
            assertTrue(e.getMessage().contains("has no table"), e.getMessage());
            empty.createStatement().execute("SHUTDOWN");
        }
        // nothing was lost: the journal connection still works
        String queue = uniqueQueue("ltx-after-bad");
        sendPlain(queue, "still works");
        assertNotNull(receivePlain(queue, 5_000));
    }

    @Test
    @DisplayName("bad input: a connection closed under an open session fails the commit and redelivers")
    void connectionClosedUnderTheSession() throws Exception {
        String queue = uniqueQueue("ltx-closed-later");
        sendPlain(queue, "m");
        java.sql.Connection jdbc = accounts.open();
        JournalLocalSession s = jmsConnection().createSession(jdbc);
        MessageConsumer consumer = s.createConsumer(s.createQueue(queue));
        assertNotNull(consumer.receive(5_000));
        jdbc.close();
        TransactionRolledBackException e = assertThrows(TransactionRolledBackException.class, s::commit);
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        s.close();
        Message again = receivePlain(queue, 5_000);
        assertNotNull(again, "the consumed message came back");
        assertTrue(again.getJMSRedelivered());
    }

}
