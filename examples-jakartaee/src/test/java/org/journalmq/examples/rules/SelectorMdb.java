package org.journalmq.examples.rules;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.journalmq.examples.Inbox;

/**
 * destination (a physical name), destinationType Queue, messageSelector with a quoted string literal
 * that holds a quote (Messaging 3.1 sec. 3.8.1.1: '' inside a literal), acknowledgeMode
 * Dups-ok-acknowledge (EJB 3.2 sec. 5.4.17.1).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "rules.selector"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = RulesResources.SELECTOR),
        @ActivationConfigProperty(propertyName = "acknowledgeMode", propertyValue = "Dups-ok-acknowledge"),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "1")})
public class SelectorMdb implements MessageListener {

    @EJB
    private Inbox inbox;

    @Override
    public void onMessage(Message message) {
        inbox.record("rules.selector", message);
    }
}
