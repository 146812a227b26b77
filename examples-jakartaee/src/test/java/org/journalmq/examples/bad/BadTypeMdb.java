package org.journalmq.examples.bad;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** A misspelt destinationType: its deployment must fail naming the property. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Qeue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "orders")})
public class BadTypeMdb implements MessageListener {
    @Override
    public void onMessage(Message message) {
        throw new AssertionError("must never be activated");
    }
}
