package org.journalmq.examples;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.TextMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.journalmq.jms.JournalConnection;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.JournalLocalSession;

/**
 * Exactly-once recipe (a), the consumer side: each order is received, its shipment row written and
 * the order acknowledged in one local transaction of the database that holds both the journal and
 * the business tables. {@code session.commit()} is that database's commit: the row and the
 * acknowledgement exist together or not at all. If the JVM dies before it, the row is gone and the
 * order comes again (flagged redelivered), so every order yields exactly one shipment row.
 *
 * <p>Args: as {@link DeduplicatingProducer} (URL, user or "-", table prefix). The shipment table is
 * named after the table prefix only so that several copies of this example can share a database.
 */
public final class ExactlyOnceConsumer {

    public static void main(String[] args) throws JMSException, SQLException {
        JournalConnectionFactory factory = ExampleArgs.factory(args);
        String shipments = factory.getTablePrefix() + "SHIPMENT";
        // The JMS connection first: on an embedded HSQLDB it opens the database the JDBC connection
        // then joins, and the JDBC connection is closed before it.
        try (JournalConnection jms = (JournalConnection) factory.createConnection();
             Connection db = DriverManager.getConnection(factory.getUrl(), ExampleArgs.jdbcUser(args),
                     ExampleArgs.jdbcPassword(args))) {
            db.setAutoCommit(false); // the session commits it
            try (Statement s = db.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS " + shipments
                        + " (order_id VARCHAR(100) PRIMARY KEY, redelivered BOOLEAN NOT NULL)");
            }
            db.commit();
            jms.start();
            JournalLocalSession session = jms.createSession(db);
            MessageConsumer orders = session.createConsumer(session.createQueue("orders"));
            int shipped = 0;
            Message order;
            while ((order = orders.receive(2_000)) != null) {
                try (PreparedStatement ps = db.prepareStatement("INSERT INTO " + shipments
                        + " (order_id, redelivered) VALUES (?, ?)")) {
                    ps.setString(1, ((TextMessage) order).getText());
                    ps.setBoolean(2, order.getJMSRedelivered());
                    ps.executeUpdate();
                }
                session.commit(); // one database commit: the shipment row and the acknowledgement
                shipped++;
            }
            session.close();
            System.out.println("shipped " + shipped + " orders");
        }
    }
}
