package org.journalmq.examples.first;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/** An MDB of the queue {@code first-orders} on the adapter deployed with no properties. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "first-orders")})
public class FirstMdb implements MessageListener {

    @EJB
    private FirstMessages messages;

    @Override
    public void onMessage(Message message) {
        try {
            messages.record(((TextMessage) message).getText());
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
