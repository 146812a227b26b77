package org.journalmq.jms.it.child;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Path;

/**
 * Sends persistent messages numbered 0..count-1 and records each number once its send() returned.
 * Args: url user prefix lease queue recordFile count.
 */
public final class ProducerMain {
    public static void main(String[] args) throws Exception {
        try (Connection c = ChildSupport.connect(args);
             ChildSupport.Record record = new ChildSupport.Record(Path.of(args[5]))) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(args[4]));
            int count = Integer.parseInt(args[6]);
            for (int i = 0; i < count; i++) {
                Message m = s.createTextMessage("payload " + i);
                m.setIntProperty("n", i);
                p.send(m);
                record.line(Integer.toString(i));
            }
        }
    }
}
