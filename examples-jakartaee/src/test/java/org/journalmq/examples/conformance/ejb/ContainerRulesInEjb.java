package org.journalmq.examples.conformance.ejb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionInProgressException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.UUID;
import javax.naming.InitialContext;
import org.journalmq.examples.conformance.ContainerRules;
import org.journalmq.examples.conformance.InEjb;
import org.journalmq.examples.conformance.VehicleBean;
import org.junit.jupiter.api.Test;

/**
 * The container rule tests that replace the suite's inapplicable tests, in a stateless EJB; plus the
 * JTA rule that replaces the local-transaction tests inside a transaction.
 */
@InEjb
public class ContainerRulesInEjb extends ContainerRules {

    /**
     * The vehicle itself: a test method of this class (as of every EJB-vehicle class, the same
     * extension) runs inside {@link VehicleBean}, with no transaction (NOT_SUPPORTED), as sec. 12.3
     * "no active JTA transaction" needs; a REQUIRED step has an active one.
     */
    @Test
    void testMethodsRunInsideTheBean() throws Exception {
        assertTrue(VehicleBean.inside(), "the test method runs in VehicleBean");
        TransactionSynchronizationRegistry tx = InitialContext.doLookup("java:comp/TransactionSynchronizationRegistry");
        assertEquals(Status.STATUS_NO_TRANSACTION, tx.getTransactionStatus());
        VehicleBean bean = InitialContext.doLookup("java:module/VehicleBean");
        assertNull(bean.runInTransaction(() -> assertEquals(Status.STATUS_ACTIVE, tx.getTransactionStatus())));
    }

    /**
     * Sec. 12.3 and the Session.commit/rollback javadoc: in a container-managed (REQUIRED) transaction the
     * session takes part in it, so commit and rollback throw TransactionInProgressException; the
     * container's rollback (setRollbackOnly after a failure) discards the send, its commit publishes it.
     * Replaces the local-transaction tests (commit/rollback/close of a transacted session).
     */
    @Test
    void jtaTransactionDecidesInsteadOfCommitAndRollback() throws Exception {
        VehicleBean bean = InitialContext.doLookup("java:module/VehicleBean");
        String rolledBack = "rolled back " + UUID.randomUUID();
        String committed = "committed " + UUID.randomUUID();
        Queue[] q = new Queue[1];
        Throwable failure = bean.runInTransaction(() -> {
            try (Connection c = factory().createConnection()) {
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                assertTrue(s.getTransacted(), "in a JTA transaction the session is transacted by it");
                assertThrows(TransactionInProgressException.class, s::commit);
                assertThrows(TransactionInProgressException.class, s::rollback);
                q[0] = s.createQueue("gf14tck-jta-" + UUID.randomUUID().toString().substring(0, 8));
                s.createProducer(q[0]).send(s.createTextMessage(rolledBack));
            }
            throw new IllegalStateException("fails on purpose: the container rolls the transaction back");
        });
        assertEquals("fails on purpose: the container rolls the transaction back", failure.getMessage(),
                "the step ran to its end: " + failure);
        assertNull(bean.runInTransaction(() -> {
            try (Connection c = factory().createConnection()) {
                Session s = c.createSession();
                s.createProducer(q[0]).send(s.createTextMessage(committed));
            }
        }));
        try (Connection c = factory().createConnection()) {
            c.start();
            Session s = c.createSession();
            var consumer = s.createConsumer(q[0]);
            assertEquals(committed, ((TextMessage) consumer.receive(5_000)).getText(),
                    "only the committed transaction's message");
            assertNull(consumer.receive(300), "the rolled-back send left nothing");
        }
    }
}
