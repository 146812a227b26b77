package org.journalmq.examples;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.Collections;
import org.journalmq.jms.JournalConnectionFactory;

/**
 * Exactly-once recipe (b), the producer side: every order carries its id in
 * {@code JMS_JournalMQ_DuplicateID}, so sending it again (a producer that crashed after the commit
 * and before it recorded its progress, then restarted from an earlier point) stores nothing. The
 * program sends its orders twice, as such a restart would, and the queue holds each order once.
 *
 * <p>Args: JDBC URL of the journal (default an embedded HSQLDB in ./journalmq-data), user (or "-"),
 * table prefix (default JMQ_), number of orders (default 5).
 */
public final class DeduplicatingProducer {

    public static void main(String[] args) throws JMSException {
        JournalConnectionFactory factory = ExampleArgs.factory(args);
        int orders = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("orders");
            MessageProducer producer = session.createProducer(queue);
            for (int pass = 1; pass <= 2; pass++) { // pass 2 is the restarted producer resending
                for (int i = 1; i <= orders; i++) {
                    String orderId = "order-" + i;
                    TextMessage message = session.createTextMessage(orderId);
                    message.setStringProperty(JournalConnectionFactory.DUPLICATE_ID_PROPERTY, orderId);
                    producer.send(message); // a duplicate returns normally and stores nothing
                }
            }
            QueueBrowser browser = session.createBrowser(queue);
            int held = Collections.list(browser.getEnumeration()).size();
            System.out.println("sent " + 2 * orders + " messages, the queue holds " + held);
        }
    }
}
