package org.journalmq.examples.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.journalmq.examples.Inbox;
import org.journalmq.examples.rules.ContainerRules;
import org.journalmq.examples.rules.RulesBean;
import org.journalmq.examples.rules.RulesDeployment;
import org.journalmq.examples.rules.RulesResources;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The EJB vehicle of the Jakarta Messaging 3.1 chapter 12 container rules: the same
 * {@link ContainerRules} as ContainerRulesServletIT, called by {@link RulesBean}, a stateless bean
 * with container-managed transactions (REQUIRED for the in-transaction rules, NOT_SUPPORTED for the
 * others; setRollbackOnly for a rollback). Also the MDB activation properties (EJB 3.2 sec. 5.4.17.1).
 */
@ExtendWith(ArquillianExtension.class)
class ContainerRulesEjbIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive rar() {
        return Deployments.rar("journalmq-ra");
    }

    @Deployment(name = "rules", order = 2)
    static WebArchive app() {
        return RulesDeployment.war(Await.class);
    }

    @EJB(lookup = "java:app/rules/RulesBean")
    RulesBean bean;

    @EJB(lookup = "java:app/rules/Inbox")
    Inbox inbox;

    private interface BeanCall {
        void run() throws Exception;
    }

    /** A broken rule reaches the caller as the EJBException of a system exception: report the rule. */
    private static void ejb(BeanCall call) throws Exception {
        try {
            call.run();
        } catch (EJBException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof AssertionError broken) {
                    throw broken;
                }
            }
            throw e;
        }
    }

    @Test
    @OperateOnDeployment("rules")
    @DisplayName("EJB, REQUIRED: a session ignores its arguments and joins the transaction: commit/rollback ->"
            + " TransactionInProgressException, recover -> IllegalStateException (sec. 12.3, Session.recover javadoc)")
    void sessionJoinsTransaction() throws Exception {
        ejb(() -> bean.inTransaction("sessionJoinsTransaction"));
    }

    @Test
    @OperateOnDeployment("rules")
    @DisplayName("EJB, REQUIRED: a JMSContext joins the transaction: commit/rollback -> TransactionInProgressRuntimeException (sec. 12.3)")
    void contextJoinsTransaction() throws Exception {
        ejb(() -> bean.inTransaction("contextJoinsTransaction"));
    }

    @Test
    @OperateOnDeployment("rules")
    @DisplayName("EJB, NOT_SUPPORTED: non-transacted, AUTO or DUPS_OK as asked; commit -> IllegalStateException (sec. 12.3)")
    void outsideTransaction() throws Exception {
        ejb(() -> bean.withoutTransaction("sessionOutsideTransaction", "rules.ejb.outside"));
        ejb(() -> bean.withoutTransaction("contextOutsideTransaction", null));
    }

    @Test
    @OperateOnDeployment("rules")
    @DisplayName("EJB: the methods of sec. 12.2 throw IllegalStateException / IllegalStateRuntimeException, in and outside a transaction")
    void forbiddenMethods() throws Exception {
        for (String rule : List.of("forbiddenConnectionMethods", "forbiddenSessionMethods", "forbiddenContextMethods")) {
            ejb(() -> bean.inTransaction(rule));
            ejb(() -> bean.withoutTransaction(rule, null));
        }
    }

    @Test
    @OperateOnDeployment("rules")
    @DisplayName("EJB: an injected JMSContext refuses setClientID, stop, commit, acknowledge, close (sec. 12.4.5)")
    void forbiddenInjectedContextMethods() throws Exception {
        ejb(() -> bean.inTransaction("forbiddenInjectedContextMethods"));
    }

    @Test
    @OperateOnDeployment("rules")
    @DisplayName("EJB: a message sent in a transaction that rolls back (setRollbackOnly) is never delivered (sec. 12.3)")
    void rolledBackSendIsNeverDelivered() throws Exception {
        String q = "rules.ejb.rollback-send";
        ejb(() -> bean.sendThenRollback(q, "rolled-back"));
        ejb(() -> bean.send(q, "marker"));
        ejb(() -> bean.expectOnly(q, "marker"));
    }

    @Test
    @OperateOnDeployment("rules")
    @DisplayName("EJB: a message received in a transaction that rolls back is redelivered, JMSRedelivered=true,"
            + " JMSXDeliveryCount 2 (sec. 12.3, 3.5.11; Message.acknowledge ignored in a transaction)")
    void rolledBackReceiveIsRedelivered() throws Exception {
        String q = "rules.ejb.rollback-receive";
        ejb(() -> bean.send(q, "again"));
        ejb(() -> assertEquals("again", bean.receiveThenRollback(q)));
        ejb(() -> bean.expectRedelivered(q, "again", 2));
    }

    @Test
    @OperateOnDeployment("rules")
    @DisplayName("EJB: injected JMSContexts (@JMSConnectionFactory, @JMSSessionMode, @JMSPasswordCredential): request"
            + " scope sends at once; two in one transaction share it: rollback drops both, commit keeps both (sec. 12.4.4)")
    void injectedContexts() throws Exception {
        ejb(() -> bean.withoutTransaction("injectedContextInRequestScope", "rules.ejb.request-scope"));
        String q = "rules.ejb.injected";
        ejb(() -> bean.sendWithInjectedContexts(q, "a-rolled-back", "b-rolled-back", true));
        ejb(() -> bean.expectOnly(q));
        ejb(() -> bean.sendWithInjectedContexts(q, "a", "b", false));
        ejb(() -> bean.expectOnly(q, "a", "b"));
    }

    @Test
    @OperateOnDeployment("rules")
    @DisplayName("MDB messageSelector with a quoted literal ('it''s red') and acknowledgeMode Dups-ok-acknowledge:"
            + " only the matching message is delivered (EJB 3.2 sec. 5.4.17.1, Messaging 3.1 sec. 3.8.1)")
    void selectorMdb() throws Exception {
        ejb(() -> bean.sendWithProperty("rules.selector", "blue-1", "blue"));
        ejb(() -> bean.sendWithProperty("rules.selector", "red-1", "it's red"));
        assertTrue(Await.until(WAIT, () -> texts("rules.selector").contains("red-1")), "MDB got " + texts("rules.selector"));
        assertEquals(List.of("red-1"), texts("rules.selector"));
        ejb(() -> bean.expectOnly("rules.selector", "blue-1")); // left for another consumer
    }

    @Test
    @OperateOnDeployment("rules")
    @DisplayName("MDB with destinationLookup and connectionFactoryLookup receives (EJB 3.2 sec. 5.4.17.1)")
    void lookupMdb() throws Exception {
        ejb(() -> bean.send("rules.lookup", "looked-up-1"));
        assertTrue(Await.until(WAIT, () -> texts("rules.lookup").contains("looked-up-1")), "MDB got " + texts("rules.lookup"));
    }

    @Test
    @OperateOnDeployment("rules")
    @DisplayName("Durable topic MDBs: shared (shareSubscriptions, no clientId, 2 sessions) gets each publication once;"
            + " unshared with clientId gets it too; the shared subscription is durable and in use (EJB 3.2 sec. 5.4.17.1)")
    void durableSubscriptionMdbs() throws Exception {
        for (int i = 0; i < 6; i++) {
            String text = "event-" + i;
            ejb(() -> bean.publish("rules.events", text));
        }
        assertTrue(Await.until(WAIT, () -> texts("rules.shared").size() >= 6 && texts("rules.client-id").size() >= 6),
                "shared MDB got " + texts("rules.shared") + ", clientId MDB got " + texts("rules.client-id"));
        List<String> expected = List.of("event-0", "event-1", "event-2", "event-3", "event-4", "event-5");
        assertEquals(expected, texts("rules.shared").stream().sorted().toList(), "each once over the shared subscription");
        assertEquals(expected, texts("rules.client-id").stream().sorted().toList());
        ejb(() -> bean.expectDurableSubscriptionInUse(RulesResources.SHARED_SUBSCRIPTION));
    }

    private List<String> texts(String listener) {
        return inbox.received(listener).stream().map(Inbox.Received::text).toList();
    }
}
