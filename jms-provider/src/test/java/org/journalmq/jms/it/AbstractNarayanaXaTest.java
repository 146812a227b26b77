package org.journalmq.jms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One Narayana JTA transaction spans a JournalMQ XA session and an XA JDBC resource holding
 * business rows (issue 6 "Must show"; XASession javadoc; JTA 1.3 Transaction.enlistResource).
 */
public abstract class AbstractNarayanaXaTest extends JmsTestBase {
    private TransactionManager tm;
    private BusinessDb business;
    private XAConnection jms;

    /** The business database of this flavour. */
    protected abstract BusinessDb business() throws Exception;

    @BeforeEach
    void transactionManager() throws Exception {
        tm = Narayana.inProcess();
        business = business();
        jms = factory.createXAConnection();
        jms.start();
    }

    @AfterEach
    void closeResources() throws Exception {
        jms.close();
        business.close();
    }

    private Queue send(String base, int n) throws Exception {
        Session s = connect().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue q = s.createQueue(uniqueQueue(base));
        Message m = s.createTextMessage("order " + n);
        m.setIntProperty("n", n);
        s.createProducer(q).send(m);
        s.close();
        return q;
    }

    /** In one JTA transaction: consume an order, send a confirmation, insert the business row. */
    private void processInTransaction(Queue in, Queue out, boolean commit) throws Exception {
        tm.begin();
        Transaction tx = tm.getTransaction();
        javax.sql.XAConnection jdbc = business.xa().getXAConnection();
        XASession session = jms.createXASession();
        try {
            assertTrue(tx.enlistResource(jdbc.getXAResource()));
            assertTrue(tx.enlistResource(session.getXAResource()));
            Message order = session.createConsumer(in).receive(5_000);
            assertNotNull(order, "the order arrives inside the transaction");
            session.createProducer(out).send(session.createTextMessage("confirmed " + order.getIntProperty("n")));
            // Kept open until the transaction ends: HSQLDB's XAResource commits through this connection.
            Connection c = jdbc.getConnection();
            business.insert(c, order.getIntProperty("n"), "processed");
            if (commit) {
                tm.commit();
            } else {
                tm.rollback();
            }
        } finally {
            session.close();
            jdbc.close();
        }
    }

    @Test
    @DisplayName("JTA commit: the business row and the sent message are both visible, the consumed message is gone")
    void commitMakesBothVisible() throws Exception {
        Queue in = send("orders", 7);
        Queue out = send("confirmations", 0);
        assertEquals(List.of("order 0"), drain(out)); // the queue exists and is empty now
        processInTransaction(in, out, true);
        assertEquals(List.of(7), business.ids());
        assertEquals(List.of("confirmed 7"), drain(out));
        assertEquals(List.of(), drain(in));
    }

    @Test
    @DisplayName("JTA rollback: neither the row nor the message exist, the consumed message is redelivered (JMSRedelivered, JMSXDeliveryCount=2)")
    void rollbackUndoesBothAndRedelivers() throws Exception {
        Queue in = send("orders", 8);
        Queue out = connect().createSession().createQueue(uniqueQueue("confirmations"));
        processInTransaction(in, out, false);
        assertEquals(List.of(), business.ids());
        assertEquals(List.of(), drain(out));
        Message again = started().createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(in).receive(5_000);
        assertNotNull(again);
        assertTrue(again.getJMSRedelivered());
        assertEquals(2, again.getIntProperty("JMSXDeliveryCount"));
    }

    @Test
    @DisplayName("a transaction with the JournalMQ session alone commits in one phase (XAResource.commit onePhase=true)")
    void onlyResourceCommitsInOnePhase() throws Exception {
        Queue out = connect().createSession().createQueue(uniqueQueue("confirmations"));
        tm.begin();
        XASession session = jms.createXASession();
        tm.getTransaction().enlistResource(session.getXAResource());
        session.createProducer(out).send(session.createTextMessage("alone"));
        assertEquals(List.of(), drain(out), "not before commit");
        tm.commit();
        session.close();
        assertEquals(List.of("alone"), drain(out));
    }
}
