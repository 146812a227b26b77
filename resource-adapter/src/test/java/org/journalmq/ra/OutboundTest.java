package org.journalmq.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TransactionInProgressException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.journalmq.jms.JournalQueue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Outbound (JCA 2.1 ch. 6 and 7) against a real HSQLDB file journal, driving the managed connection as a
 * container does: allocate, begin/commit/rollback the LocalTransaction, listen for events.
 */
class OutboundTest extends OutboundFixture {

    private int waiting(String queue) throws Exception {
        try (Connection c = plain.createConnection(); Session s = c.createSession();
             QueueBrowser b = s.createBrowser(new JournalQueue(queue))) {
            return Collections.list(b.getEnumeration()).size();
        }
    }

    /** How many messages a consumer can claim now (claimed in a transaction that is then rolled back). */
    private int claimable(String queue) throws Exception {
        try (Connection c = plain.createConnection()) {
            c.start();
            Session s = c.createSession(Session.SESSION_TRANSACTED);
            jakarta.jms.MessageConsumer consumer = s.createConsumer(new JournalQueue(queue));
            int n = 0;
            while (consumer.receiveNoWait() != null) {
                n++;
            }
            s.rollback();
            return n;
        }
    }

    @Test
    @DisplayName("ManagedConnectionMetaData reports the provider's manifest version, as ConnectionMetaData does (JCA 2.1 sec. 6.5.3.3)")
    void eisProductVersionIsTheProviderVersion() throws Exception {
        ManagedConnection mc = mcf.createManagedConnection(null, null);
        try {
            assertEquals("JournalMQ", mc.getMetaData().getEISProductName());
            // run from classes here: the explicit development version; RarContentsIT sees the jar's
            assertEquals(org.journalmq.jms.ProviderVersion.current().text(), mc.getMetaData().getEISProductVersion());
            Connection c = (Connection) mc.getConnection(null, null);
            assertEquals(c.getMetaData().getProviderVersion(), mc.getMetaData().getEISProductVersion());
            c.close();
        } finally {
            mc.destroy();
        }
    }

    @Test
    @DisplayName("Sends in a LocalTransaction are invisible until commit, gone after rollback (Messaging 3.1 sec. 12.3)")
    void localTransaction() throws Exception {
        ManagedConnection mc = mcf.createManagedConnection(null, null);
        for (boolean commit : new boolean[] {true, false}) {
            LocalTransaction tx = mc.getLocalTransaction();
            tx.begin();
            Connection c = (Connection) mc.getConnection(null, null);
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertTrue(s.getTransacted(), "the arguments are ignored in a transaction");
            s.createProducer(new JournalQueue("q-tx")).send(s.createTextMessage("m"));
            c.close(); // before the transaction ends, as applications do
            assertEquals(commit ? 0 : 1, waiting("q-tx"), "not visible before the commit");
            if (commit) {
                tx.commit();
            } else {
                tx.rollback();
            }
            assertEquals(1, waiting("q-tx"), commit ? "visible after commit" : "rolled back: still only one");
            mc.cleanup();
        }
        mc.destroy();
    }

    @Test
    @DisplayName("XA: the managed connection's XAResource enlists the session; prepare + commit publishes, rollback discards (JCA 2.1 sec. 7.6)")
    void xaTransaction() throws Exception {
        ManagedConnection mc = mcf.createManagedConnection(null, null);
        for (boolean commit : new boolean[] {true, false}) {
            javax.transaction.xa.XAResource xa = mc.getXAResource();
            javax.transaction.xa.Xid xid = TestContainer.newXid();
            xa.start(xid, javax.transaction.xa.XAResource.TMNOFLAGS);
            Connection c = (Connection) mc.getConnection(null, null);
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertTrue(s.getTransacted(), "in a JTA branch the session is transacted (sec. 12.3)");
            String queue = commit ? "q-xa-commit" : "q-xa-rollback";
            s.createProducer(new JournalQueue(queue)).send(s.createTextMessage("m"));
            assertThrows(TransactionInProgressException.class, s::commit);
            c.close();
            xa.end(xid, javax.transaction.xa.XAResource.TMSUCCESS);
            assertEquals(javax.transaction.xa.XAResource.XA_OK, xa.prepare(xid));
            assertEquals(0, claimable(queue), "prepared but not committed: no consumer can have it");
            if (commit) {
                xa.commit(xid, false);
            } else {
                xa.rollback(xid);
            }
            assertEquals(commit ? 1 : 0, waiting(queue), commit ? "committed" : "the rolled back message never appears");
            mc.cleanup();
        }
        Connection c = (Connection) mc.getConnection(null, null);
        Session s = c.createSession();
        assertFalse(s.getTransacted(), "outside a transaction the session is non-transacted (sec. 12.3)");
        assertEquals(Session.AUTO_ACKNOWLEDGE, s.getAcknowledgeMode());
        mc.destroy();
    }

    @Test
    @DisplayName("Connection sharing (JCA 2.1 sec. 7.9): two handles on one managed connection in one transaction each get a session; both sends commit together")
    void sharedConnectionInTransaction() throws Exception {
        ManagedConnection mc = mcf.createManagedConnection(null, null);
        javax.transaction.xa.XAResource xa = mc.getXAResource();
        javax.transaction.xa.Xid xid = TestContainer.newXid();
        xa.start(xid, javax.transaction.xa.XAResource.TMNOFLAGS);
        Connection first = (Connection) mc.getConnection(null, null);
        Connection second = (Connection) mc.getConnection(null, null);
        Session s1 = first.createSession();
        Session s2 = second.createSession();
        assertThrows(IllegalStateException.class, first::createSession, "still one session per connection handle");
        s1.createProducer(new JournalQueue("q-shared")).send(s1.createTextMessage("one"));
        s2.createProducer(new JournalQueue("q-shared")).send(s2.createTextMessage("two"));
        first.close();
        second.close();
        xa.end(xid, javax.transaction.xa.XAResource.TMSUCCESS);
        assertEquals(0, claimable("q-shared"));
        xa.commit(xid, true);
        assertEquals(2, waiting("q-shared"));
        mc.destroy();
    }

    @Test
    @DisplayName("A failure of the journal's database fires CONNECTION_ERROR_OCCURRED, so the container discards the connection (JCA 2.1 sec. 6.5.6)")
    void databaseFailureReportsConnectionError() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        org.hsqldb.server.Server server = InboundDeliveryTest.server(port, dir.resolve("served").toString());
        server.start();
        JournalResourceAdapter served = new JournalResourceAdapter();
        served.setUrl("jdbc:hsqldb:hsql://127.0.0.1:" + port + "/jq");
        served.setReconnectTimeoutMillis(0L); // the send fails at once instead of waiting for the database
        served.start(container);
        JournalManagedConnectionFactory servedMcf = new JournalManagedConnectionFactory();
        servedMcf.setResourceAdapter(served);
        ManagedConnection mc = servedMcf.createManagedConnection(null, null);
        List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
        mc.addConnectionEventListener(new ConnectionEventListener() {
            @Override
            public void connectionClosed(ConnectionEvent e) {
            }

            @Override
            public void connectionErrorOccurred(ConnectionEvent e) {
                events.add(e);
            }

            @Override
            public void localTransactionStarted(ConnectionEvent e) {
            }

            @Override
            public void localTransactionCommitted(ConnectionEvent e) {
            }

            @Override
            public void localTransactionRolledback(ConnectionEvent e) {
            }
        });
        try {
            Connection c = (Connection) mc.getConnection(null, null);
            Session s = c.createSession();
            jakarta.jms.MessageProducer producer = s.createProducer(new JournalQueue("q-down"));
            producer.send(s.createTextMessage("before"));
            assertTrue(events.isEmpty());
            server.shutdown();
            assertThrows(jakarta.jms.JMSException.class, () -> producer.send(s.createTextMessage("after")));
            assertEquals(1, events.size(), "the failure was reported once");
            assertEquals(ConnectionEvent.CONNECTION_ERROR_OCCURRED, events.get(0).getId());
        } finally {
            try {
                mc.destroy();
            } finally {
                served.stop();
                server.shutdown();
            }
        }
    }

    @Test
    @DisplayName("Recovery: getXAResources finds a branch prepared through a pooled connection and can commit it (JCA 2.1 sec. 13.4.4)")
    void recoveryThroughGetXAResources() throws Exception {
        ManagedConnection mc = mcf.createManagedConnection(null, null);
        javax.transaction.xa.XAResource xa = mc.getXAResource();
        javax.transaction.xa.Xid xid = TestContainer.newXid();
        xa.start(xid, javax.transaction.xa.XAResource.TMNOFLAGS);
        Connection c = (Connection) mc.getConnection(null, null);
        Session s = c.createSession();
        s.createProducer(new JournalQueue("q-recover")).send(s.createTextMessage("in doubt"));
        c.close();
        xa.end(xid, javax.transaction.xa.XAResource.TMSUCCESS);
        assertEquals(javax.transaction.xa.XAResource.XA_OK, xa.prepare(xid));
        mc.destroy(); // the application server "crashes" before the commit decision reaches JournalMQ

        javax.transaction.xa.XAResource[] recovery = ra.getXAResources(new jakarta.resource.spi.ActivationSpec[0]);
        assertEquals(1, recovery.length);
        javax.transaction.xa.Xid[] inDoubt = recovery[0].recover(javax.transaction.xa.XAResource.TMSTARTRSCAN
                | javax.transaction.xa.XAResource.TMENDRSCAN);
        javax.transaction.xa.Xid found = java.util.Arrays.stream(inDoubt)
                .filter(x -> java.util.Arrays.equals(x.getGlobalTransactionId(), xid.getGlobalTransactionId()))
                .findFirst().orElseThrow(() -> new AssertionError("prepared branch not recovered"));
        assertEquals(0, claimable("q-recover"), "in doubt: not deliverable");
        recovery[0].commit(found, false);
        assertEquals(1, waiting("q-recover"), "committed by the recovery resource");
    }

    @Test
    @DisplayName("Container rules: one session per connection, no setClientID/stop, commit in a transaction is TransactionInProgressException (sec. 12.2)")
    void containerRules() throws Exception {
        ManagedConnection mc = mcf.createManagedConnection(null, null);
        mc.getLocalTransaction().begin();
        Connection c = (Connection) mc.getConnection(null, null);
        Session s = c.createSession();
        assertThrows(IllegalStateException.class, c::createSession);
        assertThrows(IllegalStateException.class, () -> c.setClientID("x"));
        assertThrows(IllegalStateException.class, c::stop);
        assertThrows(IllegalStateException.class, () -> c.setExceptionListener(e -> { }));
        assertThrows(TransactionInProgressException.class, s::commit);
        assertThrows(TransactionInProgressException.class, s::rollback);
        assertThrows(IllegalStateException.class, () -> s.setMessageListener(m -> { }));
        mc.getLocalTransaction().rollback();
        mc.destroy();
    }

    @Test
    @DisplayName("Closing a handle fires CONNECTION_CLOSED with the handle; the handle is then closed")
    void closeReturnsTheManagedConnection() throws Exception {
        ManagedConnection mc = mcf.createManagedConnection(null, null);
        List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
        mc.addConnectionEventListener(new ConnectionEventListener() {
            @Override
            public void connectionClosed(ConnectionEvent e) {
                events.add(e);
            }

            @Override
            public void connectionErrorOccurred(ConnectionEvent e) {
                events.add(e);
            }

            @Override
            public void localTransactionStarted(ConnectionEvent e) {
            }

            @Override
            public void localTransactionCommitted(ConnectionEvent e) {
            }

            @Override
            public void localTransactionRolledback(ConnectionEvent e) {
            }
        });
        Connection c = (Connection) mc.getConnection(null, null);
        Session s = c.createSession();
        assertFalse(s.getTransacted(), "no transaction: non-transacted");
        c.close();
        assertEquals(1, events.size());
        assertEquals(ConnectionEvent.CONNECTION_CLOSED, events.get(0).getId());
        assertSame(c, events.get(0).getConnectionHandle());
        assertThrows(IllegalStateException.class, c::createSession);
        assertThrows(IllegalStateException.class, s::createTextMessage);
        // the pooled connection serves the next handle
        Connection next = (Connection) mc.getConnection(null, null);
        Session s2 = next.createSession();
        s2.createProducer(new JournalQueue("q-reuse")).send(s2.createTextMessage("reused"));
        assertEquals(1, waiting("q-reuse"));
        mc.destroy();
    }

    @Test
    @DisplayName("A non-managed factory (JCA 2.1 sec. 6.5.1.1) gives working ConnectionFactory and container JMSContext")
    void nonManagedFactory() throws Exception {
        ConnectionFactory cf = (ConnectionFactory) mcf.createConnectionFactory();
        try (JMSContext ctx = cf.createContext(JMSContext.CLIENT_ACKNOWLEDGE)) {
            assertEquals(JMSContext.AUTO_ACKNOWLEDGE, ctx.getSessionMode(), "outside a transaction: AUTO");
            ctx.createProducer().send(ctx.createQueue("q-ctx"), "hello");
            assertThrows(IllegalStateRuntimeException.class, () -> ctx.setClientID("x"));
            assertThrows(IllegalStateRuntimeException.class, ctx::stop);
        }
        try (JMSContext ctx = plain.createContext()) {
            assertEquals("hello", ctx.createConsumer(ctx.createQueue("q-ctx")).receiveBody(String.class, 5_000));
            assertNull(ctx.createConsumer(ctx.createQueue("q-ctx")).receiveNoWait());
        }
    }
}
