package org.journalmq.jms.it.child;

import jakarta.jms.Connection;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.nio.file.Path;

/**
 * A topic subscriber in its own JVM; records "n redelivered deliveryCount" per message.
 * Args: url user prefix lease topic recordFile mode clientId subscription [count] [idleMillis].
 * {@code clientId} "-" leaves it unset. Modes:
 * {@code shared} joins shared durable subscription, writes READY, receives (AUTO_ACKNOWLEDGE) until
 * nothing came for {@code idleMillis} after the first message, then exits;
 * {@code hold} joins the unshared durable subscription, receives {@code count} messages in
 * CLIENT_ACKNOWLEDGE mode without acknowledging, writes HOLDING and waits to be killed;
 * {@code drain} joins the unshared durable subscription and receives until idle;
 * {@code nondurable} creates a non-durable subscriber, writes READY and waits to be killed;
 * {@code clientid} only sets the client ID, writes READY and waits to be killed.
 */
public final class SubscriberMain {
    public static void main(String[] args) throws Exception {
        String mode = args[6];
        String clientId = args[7];
        String subscription = args[8];
        try (Connection c = ChildSupport.connect(args);
             ChildSupport.Record record = new ChildSupport.Record(Path.of(args[5]))) {
            if (!"-".equals(clientId)) {
                setClientId(c, clientId, Long.parseLong(args[3]));
            }
            boolean hold = mode.equals("hold");
            Session s = c.createSession(false, hold ? Session.CLIENT_ACKNOWLEDGE : Session.AUTO_ACKNOWLEDGE);
            Topic topic = s.createTopic(args[4]);
            MessageConsumer consumer = switch (mode) {
                case "shared" -> s.createSharedDurableConsumer(topic, subscription);
                case "hold", "drain" -> s.createDurableConsumer(topic, subscription);
                case "nondurable" -> s.createConsumer(topic);
                case "clientid" -> null;
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            };
            c.start();
            if (consumer == null || mode.equals("nondurable")) {
                record.line("READY");
                Thread.sleep(Long.MAX_VALUE);
            }
            if (hold) {
                int count = Integer.parseInt(args[9]);
                for (int i = 0; i < count; i++) {
                    Message m = consumer.receive(60_000);
                    if (m == null) {
                        throw new IllegalStateException("only " + i + " messages arrived");
                    }
                    record.line(line(m));
                }
                record.line("HOLDING");
                Thread.sleep(Long.MAX_VALUE);
            }
            if (mode.equals("shared")) {
                record.line("READY");
            }
            long idle = Long.parseLong(args[10]);
            Message m = consumer.receive(120_000);
            while (m != null) {
                record.line(line(m));
                m = consumer.receive(idle);
            }
        }
    }

    /**
     * A restarted JVM may find its client ID still held by its killed predecessor until the
     * journal declares that one dead (one lease without heartbeat): retry for a few leases.
     */
    private static void setClientId(Connection c, String id, long lease) throws Exception {
        long deadline = System.currentTimeMillis() + 5 * lease + 10_000;
        while (true) {
            try {
                c.setClientID(id);
                return;
            } catch (InvalidClientIDException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static String line(Message m) throws Exception {
        return m.getIntProperty("n") + " " + m.getJMSRedelivered() + " " + m.getIntProperty("JMSXDeliveryCount");
    }
}
