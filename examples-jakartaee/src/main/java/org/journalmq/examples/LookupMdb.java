package org.journalmq.examples;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Finds its queue through {@code destinationLookup}: the adapter looks the admin object up in JNDI
 * from its own threads, so the name must be global (java:global), not java:app.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destinationLookup",
                propertyValue = "java:global/jms/journalmq-examples/invoices"),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "2")})
public class LookupMdb implements MessageListener {

    @EJB
    private Inbox inbox;

    @Override
    public void onMessage(Message message) {
        inbox.record("invoices", message);
    }
}
