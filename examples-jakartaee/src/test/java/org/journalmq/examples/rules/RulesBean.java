package org.journalmq.examples.rules;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;

/**
 * The EJB vehicle of {@link ContainerRules}: a stateless bean with container-managed transactions.
 * REQUIRED methods run a rule inside a JTA transaction the container begins and ends; the
 * ...ThenRollback methods mark it rollback-only (EJB 3.2 sec. 13.6.2.8, setRollbackOnly) so the
 * container rolls it back; NOT_SUPPORTED methods run a rule with no transaction.
 */
@Stateless
public class RulesBean {

    @Inject
    private ContainerRules rules;

    @Resource
    private SessionContext context;

    /** A rule without arguments, by name, in a transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void inTransaction(String rule) throws Exception {
        run(rule, null);
    }

    /** A rule, by name, without a transaction; {@code queue} for the rules that use one. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void withoutTransaction(String rule, String queue) throws Exception {
        run(rule, queue);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void send(String queue, String text) throws JMSException {
        rules.sendInSession(queue, text);
    }

    /** For the selector MDB: a message whose string property "kind" is {@code kind}. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sendWithProperty(String queue, String text, String kind) {
        rules.sendWithKind(queue, text, kind);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void publish(String topic, String text) {
        rules.publish(topic, text);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void sendThenRollback(String queue, String text) throws JMSException {
        rules.sendInSession(queue, text);
        context.setRollbackOnly();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public String receiveThenRollback(String queue) throws JMSException {
        String text = rules.receiveAndAcknowledge(queue);
        context.setRollbackOnly();
        return text;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void sendWithInjectedContexts(String queue, String first, String second, boolean rollback) {
        rules.sendWithInjectedContexts(queue, first, second);
        if (rollback) {
            context.setRollbackOnly();
        }
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void expectOnly(String queue, String... texts) {
        rules.expectOnly(queue, texts);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void expectRedelivered(String queue, String text, int count) throws JMSException {
        rules.expectRedelivered(queue, text, count);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void expectDurableSubscriptionInUse(String name) {
        rules.expectDurableSubscriptionInUse(name);
    }

    private void run(String rule, String queue) throws Exception {
        switch (rule) {
            case "sessionJoinsTransaction" -> rules.sessionJoinsTransaction();
            case "contextJoinsTransaction" -> rules.contextJoinsTransaction();
            case "sessionOutsideTransaction" -> rules.sessionOutsideTransaction(queue);
            case "contextOutsideTransaction" -> rules.contextOutsideTransaction();
            case "injectedContextInRequestScope" -> rules.injectedContextInRequestScope(queue);
            case "forbiddenConnectionMethods" -> rules.forbiddenConnectionMethods();
            case "forbiddenSessionMethods" -> rules.forbiddenSessionMethods();
            case "forbiddenContextMethods" -> rules.forbiddenContextMethods();
            case "forbiddenInjectedContextMethods" -> rules.forbiddenInjectedContextMethods();
            default -> throw new IllegalArgumentException("no container rule named " + rule);
        }
    }
}
