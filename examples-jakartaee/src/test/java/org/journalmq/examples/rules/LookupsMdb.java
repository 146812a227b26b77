package org.journalmq.examples.rules;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.journalmq.examples.Inbox;

/**
 * destinationLookup and connectionFactoryLookup (EJB 3.2 sec. 5.4.17.1): both JNDI names of this
 * application's resources; the adapter refuses a factory that is not one of its own.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = RulesResources.LOOKUP_QUEUE),
        @ActivationConfigProperty(propertyName = "connectionFactoryLookup", propertyValue = RulesResources.CF),
        @ActivationConfigProperty(propertyName = "acknowledgeMode", propertyValue = "Auto-acknowledge"),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "1")})
public class LookupsMdb implements MessageListener {

    @EJB
    private Inbox inbox;

    @Override
    public void onMessage(Message message) {
        inbox.record("rules.lookup", message);
    }
}
