package org.journalmq.examples.bad;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** An invalid message selector: its deployment must fail naming the property. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "orders"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "JMSPriority >>> 3")})
public class BadSelectorMdb implements MessageListener {
    @Override
    public void onMessage(Message message) {
        throw new AssertionError("must never be activated");
    }
}
