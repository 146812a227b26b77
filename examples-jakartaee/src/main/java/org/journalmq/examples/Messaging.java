package org.journalmq.examples;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Sending and receiving from an EJB, both ways an application can: the classic API with
 * {@code @Resource(lookup=...)} and the simplified API with {@code @Inject JMSContext}. Every method
 * runs in a container transaction (REQUIRED), so its sends commit with the method.
 */
@Stateless
public class Messaging {

    @Resource(lookup = "java:app/jms/cf")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = "java:app/jms/orders")
    private Queue orders;

    @Resource(lookup = "java:app/jms/news")
    private Topic news;

    @Inject
    @JMSConnectionFactory("java:app/jms/cf")
    private JMSContext context;

    /** Classic API; the createSession arguments are ignored inside the transaction (Messaging 3.1 sec. 12.3). */
    public void sendOrder(String text) throws JMSException {
        try (Connection c = connectionFactory.createConnection();
             Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE)) {
            MessageProducer p = s.createProducer(orders);
            p.send(s.createTextMessage(text));
        }
    }

    /** Simplified API through the container's JMSContext. */
    public void sendWithContext(String queue, String text) {
        context.createProducer().send(context.createQueue(queue), text);
    }

    /** Sends {@code count} messages in this one transaction. */
    public void sendMany(String queue, String prefix, int count) {
        Queue q = context.createQueue(queue);
        var producer = context.createProducer();
        for (int i = 0; i < count; i++) {
            producer.send(q, prefix + i);
        }
    }

    public void publishNews(String text) {
        context.createProducer().send(news, text);
    }

    /** Receives one message's text within the timeout, or null. */
    public String receive(String queue, long timeoutMillis) {
        return context.createConsumer(context.createQueue(queue)).receiveBody(String.class, timeoutMillis);
    }

    /**
     * Receives one message of a dead-letter queue and describes it as "text attempts=N reason=R",
     * from the provider's properties JMS_JournalMQ_DeliveryAttempts and JMS_JournalMQ_DeadLetterReason
     * (named literally: the application does not compile against the provider); null when none came.
     */
    public String receiveDeadLetter(String queue, long timeoutMillis) throws JMSException {
        Message m = context.createConsumer(context.createQueue(queue)).receive(timeoutMillis);
        if (m == null) {
            return null;
        }
        return ((TextMessage) m).getText() + " attempts=" + m.getIntProperty("JMS_JournalMQ_DeliveryAttempts")
                + " reason=" + m.getStringProperty("JMS_JournalMQ_DeadLetterReason");
    }

    /** The texts of the messages waiting in a queue, without consuming them. */
    public List<String> browse(String queue) throws JMSException {
        List<String> texts = new ArrayList<>();
        try (QueueBrowser b = context.createBrowser(context.createQueue(queue))) {
            for (Object o : Collections.list(b.getEnumeration())) {
                texts.add(((TextMessage) o).getText());
            }
        }
        return texts;
    }

    /**
     * What the container rules of Messaging 3.1 sec. 12.2/12.3 make of forbidden calls inside a
     * transaction: the name of each exception thrown, in order (Session.commit, a second session,
     * setClientID, commit of the injected JMSContext, which the container itself refuses: sec. 12.4.5).
     */
    public List<String> forbiddenCallsInTransaction() throws JMSException {
        List<String> outcomes = new ArrayList<>();
        try (Connection c = connectionFactory.createConnection()) {
            Session s = c.createSession();
            outcomes.add(outcome(s::commit));
            outcomes.add(outcome(() -> c.createSession()));
            outcomes.add(outcome(() -> c.setClientID("not-allowed")));
            outcomes.add(outcome(() -> context.commit()));
        }
        return outcomes;
    }

    /** Without a transaction: the session is non-transacted whatever the arguments. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean sessionTransactedOutsideTransaction() throws JMSException {
        try (Connection c = connectionFactory.createConnection();
             Session s = c.createSession(true, Session.SESSION_TRANSACTED)) {
            return s.getTransacted();
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    private static String outcome(Call call) {
        try {
            call.run();
            return "none";
        } catch (Exception e) {
            return e.getClass().getName();
        }
    }

    /** The received message's delivery count, for callers that inspect a message directly. */
    public static int deliveryCount(Message m) throws JMSException {
        return m.getIntProperty("JMSXDeliveryCount");
    }
}
