package org.journalmq.bench;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.util.concurrent.atomic.AtomicLong;

/** What the scenarios share: the connection factories, the payload and the message layout. */
final class BenchContext {

    /** {@link System#nanoTime()} just before send; producer and consumer share this JVM's clock. */
    static final String SENT_AT = "benchSentNanos";
    /** 0..messages-1, unique within a run: lets consumers detect duplicates and losses. */
    static final String SEQ = "benchSeq";

    private static final long IDLE_MILLIS = 1_000;
    private static final long PATIENT_IDLE_MILLIS = 5_000;

    private final ConnectionFactory factory;
    private final ConnectionFactory drainFactory;
    private final byte[] payload;
    private final long timeoutSeconds;
    private final int consumerAckMode;

    /**
     * @param drainFactory a factory for the same journal with a large prefetch: draining is
     *                     housekeeping, and a large claim per round trip keeps it short
     */
    BenchContext(ConnectionFactory factory, ConnectionFactory drainFactory, int size, long timeoutSeconds,
                 int consumerAckMode) {
        this.factory = factory;
        this.drainFactory = drainFactory;
        this.payload = new byte[size];
        for (int i = 0; i < size; i++) {
            payload[i] = (byte) ('A' + i % 26);
        }
        this.timeoutSeconds = timeoutSeconds;
        this.consumerAckMode = consumerAckMode;
    }

    /** Session mode of the listeners of the consuming scenarios (AUTO_ACKNOWLEDGE unless --consumer-ack). */
    int consumerAckMode() {
        return consumerAckMode;
    }

    Connection connect() throws JMSException {
        return factory.createConnection();
    }

    /** How long a scenario waits for its consumers before reporting a timeout. */
    long timeoutSeconds() {
        return timeoutSeconds;
    }

    /** A BytesMessage of the configured size carrying its sequence number. */
    BytesMessage message(Session session, long seq) throws JMSException {
        BytesMessage m = session.createBytesMessage();
        m.writeBytes(payload);
        m.setLongProperty(SEQ, seq);
        return m;
    }

    /**
     * Receives and acknowledges whatever the queue holds, until nothing has arrived for a while:
     * {@value #IDLE_MILLIS} ms once {@code expected} messages were seen, {@value #PATIENT_IDLE_MILLIS}
     * ms before, since a claim from a large backlog can take a while. Rows leased by a crashed
     * earlier run come back only when their lease ends, so they may survive this.
     *
     * @return the number of messages drained
     */
    long drain(String queueName, long expected) throws JMSException, InterruptedException {
        AtomicLong count = new AtomicLong();
        try (Connection c = drainFactory.createConnection()) {
            Session s = c.createSession(Session.DUPS_OK_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createQueue(queueName));
            consumer.setMessageListener(m -> count.incrementAndGet());
            c.start();
            long seen = 0;
            long lastChange = System.nanoTime();
            while (true) {
                Thread.sleep(50);
                long now = System.nanoTime();
                long n = count.get();
                if (n != seen) {
                    seen = n;
                    lastChange = now;
                } else if (now - lastChange >= (n >= expected ? IDLE_MILLIS : PATIENT_IDLE_MILLIS) * 1_000_000L) {
                    break;
                }
            }
        }
        return count.get();
    }

    // ---------------------------------------------------------------- XA

    /** The journal's factory itself, for the XA scenario (XA connections, its URL and user). */
    org.journalmq.jms.JournalConnectionFactory journalFactory() {
        return (org.journalmq.jms.JournalConnectionFactory) factory;
    }

    // ---------------------------------------------------------------- application JDBC (local-tx scenarios)

    private String jdbcUrl;
    private String jdbcUser;
    private String jdbcPassword;
    private String tablePrefix = "JMQ_";

    /** Where the scenarios that write application rows connect: the journal's own database. */
    void useJdbc(String url, String user, String password, String prefix) {
        boolean hsqldb = url.startsWith("jdbc:hsqldb:");
        this.jdbcUrl = url;
        this.jdbcUser = user != null ? user : hsqldb ? "SA" : null;
        this.jdbcPassword = password != null && !password.isEmpty() ? password : hsqldb ? "" : null;
        if (prefix != null) {
            this.tablePrefix = prefix;
        }
    }

    /** A connection to the journal's database as an application opens one: auto-commit off. */
    java.sql.Connection openJdbc() throws java.sql.SQLException {
        java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
        c.setAutoCommit(false);
        return c;
    }

    /** Prefix for the application tables of a scenario (the journal's, so that runs stay apart). */
    String tablePrefix() {
        return tablePrefix;
    }
}
