package org.journalmq.jms.it.child;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.nio.file.Path;

/**
 * A requester in its own JVM that owns a temporary queue: it sends one request to {@code queue}
 * with JMSReplyTo set to its temporary queue, never reads the replies, writes READY and waits to
 * be killed. Args: url user prefix lease queue recordFile.
 */
public final class TemporaryQueueMain {
    public static void main(String[] args) throws Exception {
        try (Connection c = ChildSupport.connect(args);
             ChildSupport.Record record = new ChildSupport.Record(Path.of(args[5]))) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = s.createTemporaryQueue();
            Message request = s.createTextMessage("request");
            request.setJMSReplyTo(replies);
            s.createProducer(s.createQueue(args[4])).send(request);
            record.line("READY " + replies.getQueueName());
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
