package org.journalmq.examples;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Rolls back every delivery (container-managed transaction, setRollbackOnly): after the adapter's
 * {@code maxDeliveryAttempts} deliveries the provider moves the message to {@code DLQ.poison}.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "poison"),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "1")})
public class PoisonMdb implements MessageListener {

    @Resource
    private MessageDrivenContext context;

    @EJB
    private Inbox inbox;

    @Override
    public void onMessage(Message message) {
        inbox.record("poison", message);
        context.setRollbackOnly();
    }
}
