package org.journalmq.examples.rules;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.journalmq.examples.Inbox;

/**
 * An unshared durable topic subscription, which needs a client identifier (Session.createDurableConsumer
 * javadoc: identified by name and client identifier, "which must be set"): clientId, subscriptionName.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "rules.events"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = RulesResources.CLIENT_ID_SUBSCRIPTION),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "rules14-client")})
public class ClientIdDurableMdb implements MessageListener {

    @EJB
    private Inbox inbox;

    @Override
    public void onMessage(Message message) {
        inbox.record("rules.client-id", message);
    }
}
