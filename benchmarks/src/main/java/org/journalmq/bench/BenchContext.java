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

    private static final long DRAIN_IDLE_MILLIS = 500;

    private final ConnectionFactory factory;
    private final ConnectionFactory drainFactory;
    private final byte[] payload;
    private final long timeoutSeconds;

    /**
     * @param drainFactory a factory for the same journal with a large prefetch: draining is
     *                     housekeeping, and a large claim per round trip keeps it short
     */
    BenchContext(ConnectionFactory factory, ConnectionFactory drainFactory, int size, long timeoutSeconds) {
        this.factory = factory;
        this.drainFactory = drainFactory;
        this.payload = new byte[size];
        for (int i = 0; i < size; i++) {
            payload[i] = (byte) ('A' + i % 26);
        }
        this.timeoutSeconds = timeoutSeconds;
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
     * Receives and acknowledges whatever the queue holds, until it stays empty for a moment.
     * Rows leased by a crashed earlier run come back only when their lease ends, so they may
     * survive this; a fresh queue name per scenario keeps runs apart anyway.
     */
    long drain(String queueName) throws JMSException, InterruptedException {
        AtomicLong count = new AtomicLong();
        try (Connection c = drainFactory.createConnection()) {
            Session s = c.createSession(Session.DUPS_OK_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createQueue(queueName));
            consumer.setMessageListener(m -> count.incrementAndGet());
            c.start();
            long seen = -1;
            while (seen != count.get()) {
                seen = count.get();
                Thread.sleep(DRAIN_IDLE_MILLIS);
            }
        }
        return count.get();
    }
}
