package org.journalmq.examples.it;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.transaction.UserTransaction;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.journalmq.examples.rules.ContainerRules;
import org.journalmq.examples.rules.RulesDeployment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The servlet vehicle of the Jakarta Messaging 3.1 chapter 12 container rules: each test runs in the
 * Arquillian servlet inside GlassFish and calls {@link ContainerRules} directly, in a bean-managed
 * UserTransaction where the rule needs one. ContainerRulesEjbIT runs the same rules in an EJB.
 */
@ExtendWith(ArquillianExtension.class)
class ContainerRulesServletIT {

    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive rar() {
        return Deployments.rar("journalmq-ra");
    }

    @Deployment(name = "rules", order = 2)
    static WebArchive app() {
        return RulesDeployment.war(Await.class);
    }

    private interface InTransaction {
        void run(ContainerRules rules) throws Exception;
    }

    private static ContainerRules rules() {
        return CDI.current().select(ContainerRules.class).get();
    }

    private static UserTransaction userTransaction() throws Exception {
        return (UserTransaction) new InitialContext().lookup("java:comp/UserTransaction");
    }

    /** Runs {@code work} in a transaction and commits it, or rolls it back (also when work fails). */
    private static void transaction(boolean commit, InTransaction work) throws Exception {
        UserTransaction ut = userTransaction();
        ut.begin();
        try {
            work.run(rules());
        } catch (Exception | Error e) {
            ut.rollback();
            throw e;
        }
        if (commit) {
            ut.commit();
        } else {
            ut.rollback();
        }
    }

    @Test
    @OperateOnDeployment("rules")
    @DisplayName("In a JTA transaction a session ignores its arguments and joins it: commit/rollback ->"
            + " TransactionInProgressException, recover -> IllegalStateException (sec. 12.3, Session.recover javadoc)")
    void sessionJoinsTransaction() throws Exception {
        transaction(false, ContainerRules::sessionJoinsTransaction);
    }

    @Test
    @OperateOnDeployment("rules")
    @DisplayName("In a JTA transaction a JMSContext joins it: commit/rollback -> TransactionInProgressRuntimeException (sec. 12.3)")
    void contextJoinsTransaction() throws Exception {
        transaction(false, ContainerRules::contextJoinsTransaction);
    }

    @Test
    @OperateOnDeployment("rules")
    @DisplayName("Outside a transaction: non-transacted, AUTO or DUPS_OK as asked; commit -> IllegalStateException (sec. 12.3)")
    void outsideTransaction() throws Exception {
        rules().sessionOutsideTransaction("rules.servlet.outside");
        rules().contextOutsideTransaction();
    }

    @Test
    @OperateOnDeployment("rules")
    @DisplayName("Forbidden in a web container: Connection, Session, MessageConsumer, MessageProducer and JMSContext"
            + " methods of sec. 12.2 throw IllegalStateException / IllegalStateRuntimeException, in and outside a transaction")
    void forbiddenMethods() throws Exception {
        ContainerRules rules = rules();
        rules.forbiddenConnectionMethods();
        rules.forbiddenSessionMethods();
        rules.forbiddenContextMethods();
        transaction(false, r -> {
            r.forbiddenConnectionMethods();
            r.forbiddenSessionMethods();
            r.forbiddenContextMethods();
        });
    }

    @Test
    @OperateOnDeployment("rules")
    @DisplayName("An injected JMSContext refuses setClientID, stop, commit, acknowledge, close (sec. 12.4.5)")
    void forbiddenInjectedContextMethods() throws Exception {
        transaction(false, ContainerRules::forbiddenInjectedContextMethods);
    }

    @Test
    @OperateOnDeployment("rules")
    @DisplayName("A message sent in a transaction that rolls back is never delivered (sec. 12.3)")
    void rolledBackSendIsNeverDelivered() throws Exception {
        String q = "rules.servlet.rollback-send";
        transaction(false, r -> r.sendInSession(q, "rolled-back"));
        rules().sendInSession(q, "marker");
        rules().expectOnly(q, "marker");
    }

    @Test
    @OperateOnDeployment("rules")
    @DisplayName("A message received (and acknowledged: ignored, Message.acknowledge javadoc) in a transaction that"
            + " rolls back is redelivered with JMSRedelivered=true and JMSXDeliveryCount 2 (sec. 12.3, 3.5.11)")
    void rolledBackReceiveIsRedelivered() throws Exception {
        String q = "rules.servlet.rollback-receive";
        rules().sendInSession(q, "again");
        transaction(false, r -> r.receiveAndAcknowledge(q));
        rules().expectRedelivered(q, "again", 2);
    }

    @Test
    @OperateOnDeployment("rules")
    @DisplayName("Injected JMSContexts (@JMSConnectionFactory, @JMSSessionMode, @JMSPasswordCredential): request scope"
            + " sends at once; two in one transaction share it, so rollback drops both and commit keeps both (sec. 12.4.4)")
    void injectedContexts() throws Exception {
        rules().injectedContextInRequestScope("rules.servlet.request-scope");
        String q = "rules.servlet.injected";
        transaction(false, r -> r.sendWithInjectedContexts(q, "a-rolled-back", "b-rolled-back"));
        rules().expectOnly(q);
        transaction(true, r -> r.sendWithInjectedContexts(q, "a", "b"));
        rules().expectOnly(q, "a", "b");
    }
}
