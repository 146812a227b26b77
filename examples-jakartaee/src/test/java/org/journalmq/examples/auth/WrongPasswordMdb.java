package org.journalmq.examples.auth;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/** Its activation has a wrong password: the database refuses it, so nothing may ever be delivered here. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = AuthSettings.MDB_WRONG_QUEUE),
        @ActivationConfigProperty(propertyName = "userName", propertyValue = AuthSettings.USER),
        @ActivationConfigProperty(propertyName = "password", propertyValue = AuthSettings.WRONG_PASSWORD)})
public class WrongPasswordMdb implements MessageListener {

    @EJB
    private AuthInbox inbox;

    @Override
    public void onMessage(Message message) {
        try {
            inbox.record(AuthSettings.MDB_WRONG_QUEUE + ":" + ((TextMessage) message).getText());
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
