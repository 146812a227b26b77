package org.journalmq.jms.it;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.it.child.SoakLane;

/**
 * The soak's end: after every worker exited, receives what is left on each lane with
 * CLIENT_ACKNOWLEDGE, acknowledging each message, until every key sent on the lane has been seen
 * (messages leased to a killed JVM come back only when the journal finds it dead) or the time is up,
 * and then until a receive finds nothing.
 */
final class SoakDrain {
    private final JournalConnectionFactory factory;

    SoakDrain(JournalConnectionFactory factory) {
        this.factory = factory;
    }

    /** A message the drain received (and acknowledged). */
    record Drained(String key, boolean redelivered) {
    }

    /** What was drained, in order. {@code expected} holds the keys ("lane id") still missing per the records. */
    List<Drained> drain(SoakLane lane, Set<String> expected, long millis) throws JMSException {
        List<Drained> got = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        try (Connection c = factory.createConnection()) {
            if (lane == SoakLane.AUTO_DURABLE_TOPIC) {
                c.setClientID(SoakLane.DURABLE_CLIENT_ID);
            }
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = switch (lane) {
                case DUPS_SHARED_TOPIC -> s.createSharedDurableConsumer(s.createTopic(lane.destination), lane.subscription);
                case AUTO_DURABLE_TOPIC -> s.createDurableConsumer(s.createTopic(lane.destination), lane.subscription);
                default -> lane.selector == null ? s.createConsumer(s.createQueue(lane.destination))
                        : s.createConsumer(s.createQueue(lane.destination), lane.selector);
            };
            c.start();
            while (true) {
                Message m = consumer.receive(2_000);
                if (m == null) {
                    if (expected.isEmpty() || System.nanoTime() > deadline) {
                        return got;
                    }
                    continue; // a killed JVM's leased messages are still to come back
                }
                String key = lane + " " + ((TextMessage) m).getText();
                m.acknowledge();
                got.add(new Drained(key, m.getJMSRedelivered()));
                expected.remove(key);
            }
        }
    }
}
