package org.journalmq.bench;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.util.concurrent.atomic.AtomicLong;
import org.journalmq.bench.peer.JournalPeer;
import org.journalmq.bench.peer.Peer;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.persistence.dialect.Dialects;

/** What the scenarios share: the peer's connection factories, the payload and the message layout. */
final class BenchContext {

    /** {@link System#nanoTime()} just before send; producer and consumer share this JVM's clock. */
    static final String SENT_AT = "benchSentNanos";
    /** The wall clock just before send in epoch microseconds, for a consumer in another JVM. */
    static final String SENT_MICROS = "benchSentMicros";
    /** 0..messages-1, unique within a run: lets consumers detect duplicates and losses. */
    static final String SEQ = "benchSeq";

    /** Prefetch of the drain factory: draining is housekeeping, a large claim per round trip keeps it short. */
    static final int DRAIN_PREFETCH = 500;

    private static final long IDLE_MILLIS = 1_000;
    private static final long PATIENT_IDLE_MILLIS = 5_000;

    private final Peer peer;
    private final ConnectionFactory factory;
    private final ConnectionFactory drainFactory;
    private final int prefetch;
    private final byte[] payload;
    private final long timeoutSeconds;
    private final int consumerAckMode;
    private final int idleSeconds;
    private final int groups;

    BenchContext(Peer peer, int prefetch, int size, long timeoutSeconds, int consumerAckMode, int idleSeconds,
                 int groups) {
        this.groups = groups;
        this.peer = peer;
        this.prefetch = prefetch;
        this.factory = peer.factory(prefetch, size);
        this.drainFactory = peer.factory(DRAIN_PREFETCH, size);
        this.payload = new byte[size];
        for (int i = 0; i < size; i++) {
            payload[i] = (byte) ('A' + i % 26);
        }
        this.timeoutSeconds = timeoutSeconds;
        this.consumerAckMode = consumerAckMode;
        this.idleSeconds = idleSeconds;
        if (peer instanceof JournalPeer j) {
            useJdbc(j.url(), j.user(), j.password());
        }
    }

    Peer peer() {
        return peer;
    }

    /** Message groups the flow scenarios spread their messages over (--groups), 0 for none. */
    int groups() {
        return groups;
    }

    /** Messages the scenarios' consumers hold ahead (each peer's setting, see {@link Peer#factory}). */
    int prefetch() {
        return prefetch;
    }

    /** The prefetch as the notes column states it. */
    String prefetchNote() {
        return peer.prefetchNote(prefetch, payload.length);
    }

    byte[] payload() {
        return payload;
    }

    /** Session mode of the listeners of the consuming scenarios (AUTO_ACKNOWLEDGE unless --consumer-ack). */
    int consumerAckMode() {
        return consumerAckMode;
    }

    /** "AUTO" or "DUPS_OK", for the notes. */
    static String ackName(int mode) {
        return mode == Session.DUPS_OK_ACKNOWLEDGE ? "DUPS_OK" : mode == Session.AUTO_ACKNOWLEDGE ? "AUTO"
                : String.valueOf(mode);
    }

    /** How long the idle scenario watches its listeners. */
    int idleSeconds() {
        return idleSeconds;
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

    // ---------------------------------------------------------------- JournalMQ only (xa, local-tx, idle, cross-jvm)

    /** The journal's factory itself (XA connections, its URL and user); JournalMQ peer only. */
    JournalConnectionFactory journalFactory() {
        return (JournalConnectionFactory) factory;
    }

    JournalPeer journalPeer() {
        return (JournalPeer) peer;
    }

    // ---------------------------------------------------------------- application JDBC (local-tx, raw-commit)

    private String jdbcUrl;
    private String jdbcUser;
    private String jdbcPassword;
    private String tablePrefix = "JMQ_";

    /** Where the scenarios that write application rows connect: the journal's own database. */
    private void useJdbc(String url, String user, String password) {
        boolean hsqldb = url.startsWith("jdbc:hsqldb:");
        // the URL properties the journal opens an in-process HSQLDB with (fsync at commit, CACHED tables)
        this.jdbcUrl = Dialects.forUrl(url).map(d -> d.prepareUrl(url)).orElse(url);
        this.jdbcUser = user != null ? user : hsqldb ? "SA" : null;
        this.jdbcPassword = password != null && !password.isEmpty() ? password : hsqldb ? "" : null;
        String prefix = journalFactory().getTablePrefix();
        if (prefix != null) {
            this.tablePrefix = prefix;
        }
    }

    /** The journal database's URL as the journal opens it (HSQLDB: with the journal's properties). */
    String jdbcUrl() {
        return jdbcUrl;
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
