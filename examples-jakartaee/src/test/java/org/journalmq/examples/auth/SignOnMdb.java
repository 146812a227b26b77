package org.journalmq.examples.auth;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/** Its activation signs on as the password-checked user with the right password (README MDB table: userName). */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = AuthSettings.MDB_QUEUE),
        @ActivationConfigProperty(propertyName = "userName", propertyValue = AuthSettings.USER),
        @ActivationConfigProperty(propertyName = "password", propertyValue = AuthSettings.PASSWORD)})
public class SignOnMdb implements MessageListener {

    @EJB
    private AuthInbox inbox;

    @Override
    public void onMessage(Message message) {
        try {
            inbox.record(AuthSettings.MDB_QUEUE + ":" + ((TextMessage) message).getText());
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
