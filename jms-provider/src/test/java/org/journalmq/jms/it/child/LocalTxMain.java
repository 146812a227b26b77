package org.journalmq.jms.it.child;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.journalmq.jms.JournalConnection;
import org.journalmq.jms.JournalLocalSession;

/**
 * An application that works in its own JDBC transaction with a local-transaction session: each
 * transaction receives a message from the input queue, inserts a row (id = the message's "n") into
 * the business table and forwards a message to the output queue. The first transaction commits
 * (recorded "COMMITTED n"); the second writes everything into the connection
 * ({@link JournalLocalSession#flush()}: the state inside {@code commit()} just before the JDBC
 * commit), records "FLUSHED n redelivered deliveryCount" and waits to be killed.
 * Args: url user prefix lease inQueue recordFile outQueue table.
 */
public final class LocalTxMain {
    public static void main(String[] args) throws Exception {
        boolean hsqldb = args[0].startsWith("jdbc:hsqldb:");
        String user = "-".equals(args[1]) ? "SA" : args[1];
        try (Connection c = ChildSupport.connect(args);
             ChildSupport.Record record = new ChildSupport.Record(Path.of(args[5]));
             java.sql.Connection jdbc = DriverManager.getConnection(args[0], user, hsqldb ? "" : null)) {
            jdbc.setAutoCommit(false);
            c.start();
            JournalLocalSession s = ((JournalConnection) c).createSession(jdbc);
            MessageConsumer in = s.createConsumer(s.createQueue(args[4]));
            MessageProducer out = s.createProducer(s.createQueue(args[6]));
            for (int tx = 1; tx <= 2; tx++) {
                Message m = in.receive(30_000);
                if (m == null) {
                    throw new IllegalStateException("no input message for transaction " + tx);
                }
                int n = m.getIntProperty("n");
                try (PreparedStatement ps = jdbc.prepareStatement("INSERT INTO " + args[7]
                        + " (id, balance) VALUES (?, 0)")) {
                    ps.setInt(1, n);
                    ps.executeUpdate();
                }
                Message forward = s.createTextMessage("forward " + n);
                forward.setIntProperty("n", n);
                out.send(forward);
                if (tx == 1) {
                    s.commit();
                    record.line("COMMITTED " + n);
                } else {
                    s.flush();
                    record.line("FLUSHED " + n + " " + m.getJMSRedelivered() + " "
                            + m.getIntProperty("JMSXDeliveryCount"));
                    Thread.sleep(Long.MAX_VALUE); // between the application's work and its commit
                }
            }
        }
    }
}
