package org.journalmq.jms.it;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import java.util.ArrayList;
import java.util.List;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.admin.JournalAdmin;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Drains a queue to the end: receives until a receive finds nothing AND the journal holds no
 * message of the queue any more (none ready, scheduled or leased), so a message still leased
 * by a killed JVM is waited for (up to the bound) instead of being missed by an idle timeout.
 */
final class Drain {

    private Drain() {
    }

    static List<Message> all(JournalConnectionFactory factory, MessageConsumer consumer, String queue,
                             long boundMillis) throws JMSException {
        List<Message> got = new ArrayList<>();
        try (JournalAdmin admin = factory.createAdmin()) {
            long deadline = System.currentTimeMillis() + boundMillis;
            while (true) {
                Message m = consumer.receive(500);
                if (m != null) {
                    got.add(m);
                    continue;
                }
                if (admin.figures().queue(queue).map(f -> f.depth()).orElse(0L) == 0) {
                    return got;
                }
                if (System.currentTimeMillis() > deadline) {
                    fail("queue " + queue + " did not drain within " + boundMillis + " ms: "
                            + admin.figures().queue(queue) + "; received " + got.size());
                }
            }
        }
    }
}
