package org.journalmq.examples.crash;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The inbound path: the container's transaction (CMT, REQUIRED) holds the delivery of a message from
 * the adapter and a row persisted in PostgreSQL; the halt hook is enlisted last. After a restart
 * GlassFish recovers the JournalMQ branch through the adapter's getXAResources(ActivationSpec[]).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = CrashMdb.QUEUE),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "1")})
public class CrashMdb implements MessageListener {

    public static final String QUEUE = "crash14-in";

    @PersistenceContext(unitName = "crash")
    private EntityManager em;

    @Override
    public void onMessage(Message message) {
        try {
            String id = ((TextMessage) message).getText();
            em.persist(new CrashOrder(id, message.getIntProperty("JMSXDeliveryCount")));
            em.flush();
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable message: " + e, e);
        }
        HaltOnPrepare.enlist();
    }
}
