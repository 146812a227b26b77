package org.journalmq.jms.it.child;

import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import org.hsqldb.jdbc.JDBCDataSource;
import org.journalmq.jms.JournalConnectionFactory;

/**
 * Runs in a JVM whose class path has no HikariCP and no PostgreSQL driver (NoPoolDataSourceTest).
 * Prints one line per step, which the test reads:
 * <ol>
 * <li>{@code absent <class>} for each library that must not be there (else {@code PRESENT} and exit 2);
 * <li>{@code received <body>}: a message sent and received through the JMS API on an HSQLDB DataSource;
 * <li>{@code url refused: <JMSException message>}, or {@code url opened} when a journal on a URL
 * opened without a pool library, which would be wrong.
 * </ol>
 * Args: HSQLDB URL for the DataSource, HSQLDB URL for the URL attempt.
 */
public final class NoPoolMain {

    private NoPoolMain() {
    }

    public static void main(String[] args) throws Exception {
        for (String name : new String[] {"com.zaxxer.hikari.HikariDataSource", "org.postgresql.Driver"}) {
            try {
                Class.forName(name, false, NoPoolMain.class.getClassLoader());
                System.out.println("PRESENT " + name);
                System.exit(2);
            } catch (ClassNotFoundException expected) {
                System.out.println("absent " + name);
            }
        }
        JDBCDataSource ds = new JDBCDataSource();
        ds.setUrl(args[0]);
        ds.setUser("SA");
        ds.setPassword("");
        JournalConnectionFactory onDataSource = new JournalConnectionFactory(ds);
        try (JMSContext context = onDataSource.createContext()) {
            context.createProducer().send(context.createQueue("nopool"), "sent without HikariCP");
            String body = context.createConsumer(context.createQueue("nopool")).receiveBody(String.class, 10_000);
            System.out.println("received " + body);
        }
        try (Connection c = new JournalConnectionFactory(args[1]).createConnection()) {
            System.out.println("url opened");
        } catch (JMSException e) {
            System.out.println("url refused: " + e.getClass().getName() + ": " + e.getMessage());
        }
        System.out.flush();
        System.exit(0);
    }
}
