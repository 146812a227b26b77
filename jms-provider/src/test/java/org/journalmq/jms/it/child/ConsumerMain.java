package org.journalmq.jms.it.child;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.nio.file.Path;

/**
 * Consumes from a queue and records "n redelivered deliveryCount" per message.
 * Args: url user prefix lease queue recordFile mode [count] [idleMillis].
 * Modes: {@code hold} receives {@code count} messages in CLIENT_ACKNOWLEDGE mode, records them,
 * never acknowledges and waits to be killed; {@code drain} receives in AUTO_ACKNOWLEDGE mode until
 * no message came for {@code idleMillis}, then exits.
 */
public final class ConsumerMain {
    public static void main(String[] args) throws Exception {
        String mode = args[6];
        try (Connection c = ChildSupport.connect(args);
             ChildSupport.Record record = new ChildSupport.Record(Path.of(args[5]))) {
            boolean hold = mode.equals("hold");
            Session s = c.createSession(false, hold ? Session.CLIENT_ACKNOWLEDGE : Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createQueue(args[4]));
            c.start();
            if (hold) {
                int count = Integer.parseInt(args[7]);
                for (int i = 0; i < count; i++) {
                    Message m = consumer.receive(30_000);
                    if (m == null) {
                        throw new IllegalStateException("only " + i + " messages arrived");
                    }
                    record.line(line(m));
                }
                record.line("HOLDING");
                Thread.sleep(Long.MAX_VALUE); // "mid-processing" until killed
            } else {
                long idle = Long.parseLong(args[8]);
                Message m;
                while ((m = consumer.receive(idle)) != null) {
                    record.line(line(m));
                }
            }
        }
    }

    private static String line(Message m) throws Exception {
        return m.getIntProperty("n") + " " + m.getJMSRedelivered() + " " + m.getIntProperty("JMSXDeliveryCount");
    }
}
