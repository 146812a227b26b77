package org.journalmq.examples;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Rolls back the first delivery of every message (container-managed transaction, setRollbackOnly):
 * the message must come back with JMSRedelivered and a delivery count of 2.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "flaky"),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "1")})
public class FlakyMdb implements MessageListener {

    @Resource
    private MessageDrivenContext context;

    @EJB
    private Inbox inbox;

    @Override
    public void onMessage(Message message) {
        inbox.record("flaky", message);
        try {
            if (message.getIntProperty("JMSXDeliveryCount") == 1) {
                context.setRollbackOnly();
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
