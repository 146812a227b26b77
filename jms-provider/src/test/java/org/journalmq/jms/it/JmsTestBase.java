package org.journalmq.jms.it;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.journalmq.jms.JournalConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Base of the API tests that run once per journal: a subclass names the database. Connections
 * opened with {@link #connect()} are closed after each test.
 */
public abstract class JmsTestBase {

    @TempDir
    Path dir;

    protected TestJournal journal;
    protected JournalConnectionFactory factory;
    private final List<Connection> connections = new ArrayList<>();

    protected abstract TestJournal.Kind kind();

    /** Lease time for the tests' factory: short, so that lease expiry is observable. */
    protected long leaseMillis() {
        return 2_000;
    }

    @BeforeEach
    void openJournal() {
        journal = TestJournal.of(kind(), dir);
        factory = journal.factory();
        factory.setLeaseMillis(leaseMillis());
    }

    @AfterEach
    void closeJournal() throws Exception {
        for (Connection c : connections) {
            c.close();
        }
        connections.clear();
        if (journal != null) { // null when the database was missing and the test was skipped
            journal.close();
        }
    }

    protected Connection connect() throws JMSException {
        Connection c = factory.createConnection();
        connections.add(c);
        return c;
    }

    protected Connection started() throws JMSException {
        Connection c = connect();
        c.start();
        return c;
    }

    /** Arguments of the child mains: journal settings, lease, queue, record file, then {@code more}. */
    protected List<String> childArgs(String queue, Path record, String... more) {
        List<String> a = new ArrayList<>(journal.childArgs());
        a.add(Long.toString(leaseMillis()));
        a.add(queue);
        a.add(record.toString());
        a.addAll(List.of(more));
        return a;
    }

    /** A queue name unique to the test, so that tests on a shared PostgreSQL never meet. */
    protected static String uniqueQueue(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected Queue queue(Session s, String base) throws JMSException {
        return s.createQueue(uniqueQueue(base));
    }

    /** Receives until {@code count} messages came or the timeout passed between two of them. */
    protected static List<Message> receiveAll(MessageConsumer c, int count, long timeoutEach) throws JMSException {
        List<Message> got = new ArrayList<>();
        while (got.size() < count) {
            Message m = c.receive(timeoutEach);
            if (m == null) {
                break;
            }
            got.add(m);
        }
        return got;
    }

    /** On a timeout, what the provider's threads were doing: the only clue to a lost wake-up. */
    private static void dumpJournalThreads() {
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.getName().startsWith("journalmq")) {
                StringBuilder b = new StringBuilder("thread " + t.getName() + " " + t.getState());
                for (StackTraceElement e : stack) {
                    b.append("\n    at ").append(e);
                }
                System.err.println(b);
            }
        });
    }

    /** The texts a plain AUTO_ACKNOWLEDGE consumer of {@code q} receives now (until a receive waits 500 ms in vain). */
    protected List<String> drain(Queue q) throws JMSException {
        Session s = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer c = s.createConsumer(q);
        List<String> got = new ArrayList<>();
        Message m;
        while ((m = c.receive(500)) != null) {
            got.add(((jakarta.jms.TextMessage) m).getText());
        }
        s.close();
        return got;
    }

    /**
     * Sends {@code m} asynchronously and closes {@code session} inside the send's CompletionListener;
     * returns what that close threw (null when it returned). The callback rules refuse it (Session.close
     * javadoc: not from a CompletionListener of its own session).
     */
    protected static Throwable closeInsideCompletion(jakarta.jms.MessageProducer p, Message m, Session session)
            throws Exception {
        java.util.concurrent.CompletableFuture<Throwable> close = new java.util.concurrent.CompletableFuture<>();
        p.send(m, new jakarta.jms.CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                try {
                    session.close();
                    close.complete(null);
                } catch (Throwable t) {
                    close.complete(t);
                }
            }

            @Override
            public void onException(Message message, Exception exception) {
                close.complete(exception);
            }
        });
        return close.get(5_000, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The delivery delays of {@link #receiveEachWhenDue}: three distinct due times of one commit. */
    protected static final long[] DELAYS = {500, 1_500, 2_500};

    /**
     * Spec 7.9 (delivery delay): a consumer that already waits receives every message of one commit
     * sent with {@link #DELAYS} (texts "d0", "d1", ... in that order), each when its delay ran out and
     * not before. A consumer woken only for the earliest due time of the commit gets nothing on the
     * second receive: the bound of each receive (6 s) is far above the delays.
     *
     * @param sentAt taken before the sends, so that "not before" holds whatever the send time
     */
    /**
     * Sends "d0", "d1", ... with the delays of {@link #DELAYS}, in the producer's session (committed by
     * the caller); returns the time before the first send, for {@link #receiveEachWhenDue}.
     */
    protected static long sendEachDelayed(Session session, MessageProducer producer) throws Exception {
        long sentAt = System.currentTimeMillis();
        for (int i = 0; i < DELAYS.length; i++) {
            producer.setDeliveryDelay(DELAYS[i]);
            producer.send(session.createTextMessage("d" + i));
        }
        return sentAt;
    }

    protected static void receiveEachWhenDue(MessageConsumer consumer, long sentAt) throws Exception {
        for (int i = 0; i < DELAYS.length; i++) {
            Message got = consumer.receive(6_000);
            org.junit.jupiter.api.Assertions.assertNotNull(got, "message " + i + " (delay " + DELAYS[i]
                    + " ms) never reached the waiting consumer");
            org.junit.jupiter.api.Assertions.assertEquals("d" + i, ((jakarta.jms.TextMessage) got).getText());
            org.junit.jupiter.api.Assertions.assertTrue(System.currentTimeMillis() >= sentAt + DELAYS[i],
                    "message " + i + " delivered before its delivery delay ran out");
        }
    }

    /** Polls a condition until true or fails after {@code millis}. */
    protected static void await(String what, long millis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                dumpJournalThreads();
                fail("timed out after " + millis + " ms waiting for: " + what);
            }
            Thread.sleep(10);
        }
    }
}
