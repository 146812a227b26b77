package org.journalmq.jms.it.child;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Path;
import org.journalmq.jms.JournalConnectionFactory;

/**
 * A producer that resends from the start after a crash: messages 0..count-1, each with the
 * duplicate id "m-n", and records each number once its send (or its transaction's commit) returned.
 * Args: url user prefix lease queue recordFile count mode, where mode is "plain" or "transacted"
 * (a commit every 7 sends).
 */
public final class DuplicateProducerMain {
    public static void main(String[] args) throws Exception {
        boolean transacted = "transacted".equals(args[7]);
        try (Connection c = ChildSupport.connect(args);
             ChildSupport.Record record = new ChildSupport.Record(Path.of(args[5]))) {
            Session s = transacted ? c.createSession(true, Session.SESSION_TRANSACTED)
                    : c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(args[4]));
            int count = Integer.parseInt(args[6]);
            int uncommitted = 0;
            for (int i = 0; i < count; i++) {
                Message m = s.createTextMessage("payload " + i);
                m.setIntProperty("n", i);
                m.setStringProperty(JournalConnectionFactory.DUPLICATE_ID_PROPERTY, "m-" + i);
                p.send(m);
                if (!transacted) {
                    record.line(Integer.toString(i));
                } else if (++uncommitted == 7 || i == count - 1) {
                    s.commit();
                    for (int k = i - uncommitted + 1; k <= i; k++) {
                        record.line(Integer.toString(k));
                    }
                    uncommitted = 0;
                }
            }
        }
    }
}
