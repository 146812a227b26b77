package org.journalmq.examples.rules;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.journalmq.examples.Inbox;

/**
 * A shared durable topic subscription without a client identifier (Session.createSharedDurableConsumer
 * javadoc: a shared durable subscription is identified by its name and the client identifier "if set"):
 * subscriptionDurability Durable, subscriptionName, and the adapter's own shareSubscriptions, so its
 * two sessions share the one subscription and each message is delivered once.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "rules.events"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = RulesResources.SHARED_SUBSCRIPTION),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "2")})
public class SharedDurableMdb implements MessageListener {

    @EJB
    private Inbox inbox;

    @Override
    public void onMessage(Message message) {
        inbox.record("rules.shared", message);
    }
}
