package org.journalmq.examples.auth;

import jakarta.annotation.Resource;
import jakarta.annotation.Resource.AuthenticationType;
import jakarta.ejb.Stateless;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * Sends and receives through the journalmq-auth connection factories, each in the bean's container
 * transaction (the connection is enlisted as XA). A refused sign-on is the provider's
 * JMSSecurityException, which the bean passes on to its caller (a checked exception of the method).
 */
@Stateless
public class SignOn {

    /** Container-managed sign-on (res-auth Container, the default): the pool's UserName/Password. */
    @Resource(lookup = AuthSettings.CF_RIGHT)
    private ConnectionFactory containerRight;

    @Resource(lookup = AuthSettings.CF_WRONG)
    private ConnectionFactory containerWrong;

    /** Container-managed on the pool without UserName/Password: GlassFish's Subject then has a blank user. */
    @Resource(lookup = AuthSettings.CF_APPLICATION)
    private ConnectionFactory containerNoUser;

    /** Component-managed sign-on on the pool that holds UserName/Password (GlassFish passes its Subject anyway). */
    @Resource(lookup = AuthSettings.CF_RIGHT, authenticationType = AuthenticationType.APPLICATION)
    private ConnectionFactory applicationOnPoolWithUser;

    /** Component-managed sign-on (res-auth Application): the application's createConnection(user, password). */
    @Resource(lookup = AuthSettings.CF_APPLICATION, authenticationType = AuthenticationType.APPLICATION)
    private ConnectionFactory application;

    public void sendContainerManaged(boolean rightPassword, String queue, String text) throws JMSException {
        try (Connection c = (rightPassword ? containerRight : containerWrong).createConnection()) {
            send(c, queue, text);
        }
    }

    public void sendContainerManagedWithoutPoolUser(String queue, String text) throws JMSException {
        try (Connection c = containerNoUser.createConnection()) {
            send(c, queue, text);
        }
    }

    public void sendApplicationManaged(String password, String queue, String text) throws JMSException {
        try (Connection c = application.createConnection(AuthSettings.USER, password)) {
            send(c, queue, text);
        }
    }

    public void sendApplicationManagedOnPoolWithUser(String password, String queue, String text) throws JMSException {
        try (Connection c = applicationOnPoolWithUser.createConnection(AuthSettings.USER, password)) {
            send(c, queue, text);
        }
    }

    /** Receives on the right container-managed factory; null when nothing came within the timeout. */
    public String receive(String queue, long timeoutMillis) throws JMSException {
        try (Connection c = containerRight.createConnection()) {
            c.start();
            Session s = c.createSession();
            try (MessageConsumer consumer = s.createConsumer(s.createQueue(queue))) {
                TextMessage m = (TextMessage) consumer.receive(timeoutMillis);
                return m == null ? null : m.getText();
            }
        }
    }

    private static void send(Connection c, String queue, String text) throws JMSException {
        Session s = c.createSession();
        s.createProducer(s.createQueue(queue)).send(s.createTextMessage(text));
    }
}
