package org.journalmq.jms.it;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionRolledBackException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.journalmq.jms.JmsExceptions;
import org.journalmq.jms.JournalConnectionFactory;

/**
 * Producers and consumers of every kind on one queue while the database restarts (issue 13), with
 * a ledger of what each JMS call answered, so that the test can check afterwards what the
 * application was promised:
 * <ul>
 *   <li>producers: two sending synchronously (AUTO session), one transacted committing every 5;</li>
 *   <li>consumers: two MessageListeners on AUTO sessions, one synchronous CLIENT_ACKNOWLEDGE
 *       receiver acknowledging each message, one transacted receiver committing every 3.</li>
 * </ul>
 * A delivery is <em>confirmed</em> when {@code acknowledge()} or {@code commit()} returned, and
 * for an AUTO session when its next message was delivered (JournalMQ hands message n+1 to a
 * session only after the ack of n is durable: Jakarta Messaging 3.1 §6.2.10, only the last
 * consumed message may come back after a failure).
 */
final class RestartLoad implements AutoCloseable {

    /** One delivery of a message (by its body) to a consumer. */
    static final class Delivery {
        final String consumer;
        final boolean redelivered;
        final long at = System.nanoTime();
        volatile boolean confirmed;
        /** The commit of its transaction threw TransactionRolledBackException: it must come again. */
        volatile boolean rolledBack;

        Delivery(String consumer, boolean redelivered) {
            this.consumer = consumer;
            this.redelivered = redelivered;
        }
    }

    final Set<String> sent = ConcurrentHashMap.newKeySet();
    final Set<String> sendUnknown = ConcurrentHashMap.newKeySet();
    final Set<String> sendFailed = ConcurrentHashMap.newKeySet();
    final Map<String, List<Delivery>> deliveries = new ConcurrentHashMap<>();
    final AtomicInteger listenerCalls = new AtomicInteger();
    final List<JMSException> listenerExceptions = new CopyOnWriteArrayList<>();
    final AtomicInteger rolledBackCommits = new AtomicInteger();
    final AtomicInteger unknownCommits = new AtomicInteger();
    final AtomicInteger failedAcks = new AtomicInteger();
    final List<Throwable> unexpected = new CopyOnWriteArrayList<>();
    /** System.nanoTime() of the last send that returned normally. */
    final AtomicLong lastSendAt = new AtomicLong();
    final AtomicLong confirmedCount = new AtomicLong();

    private static final int BACKLOG = 200;

    private final Connection connection;
    private final Queue queue;
    private final AtomicBoolean producing = new AtomicBoolean(true);
    private final AtomicBoolean consuming = new AtomicBoolean(true);
    private final List<Thread> producers = new ArrayList<>();
    private final List<Thread> consumers = new ArrayList<>();
    private final List<Session> sessions = new CopyOnWriteArrayList<>();

    RestartLoad(JournalConnectionFactory factory, String queueName) throws JMSException {
        connection = factory.createConnection();
        connection.setExceptionListener(e -> {
            listenerCalls.incrementAndGet();
            listenerExceptions.add(e);
        });
        Session admin = connection.createSession();
        queue = admin.createQueue(queueName);
        sessions.add(admin);
    }

    /** Starts the producers and consumers. */
    void start() throws JMSException {
        for (int i = 0; i < 2; i++) {
            String name = "auto-listener-" + i;
            Session s = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            sessions.add(s);
            Delivery[] previous = new Delivery[1];
            s.createConsumer(queue).setMessageListener(m -> {
                Delivery d = record(name, m);
                if (previous[0] != null) {
                    confirm(previous[0]);
                }
                previous[0] = d;
            });
        }
        consumers.add(thread("client-ack", this::clientAckConsumer));
        consumers.add(thread("transacted-consumer", this::transactedConsumer));
        for (int i = 0; i < 2; i++) {
            String prefix = "S" + i + "-";
            producers.add(thread("producer-" + i, () -> syncProducer(prefix)));
        }
        producers.add(thread("tx-producer", () -> transactedProducer("T-")));
        connection.start();
    }

    /** Stops the producers (waits for them). */
    void stopProducers() throws InterruptedException {
        producing.set(false);
        for (Thread t : producers) {
            t.join(120_000);
        }
    }

    /** Waits until every acknowledged send was delivered; false if that did not happen within the time. */
    boolean awaitAllDelivered(long millis) throws InterruptedException {
        return await(millis, () -> deliveries.keySet().containsAll(sent));
    }

    static boolean await(long millis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Stops the consumers and closes the connection; then drains what is left with a fresh one. */
    @Override
    public void close() throws JMSException {
        producing.set(false);
        consuming.set(false);
        for (Thread t : consumers) {
            try {
                t.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        connection.close();
    }

    /** Receives what is left on the queue with a fresh connection, recording it as confirmed deliveries. */
    void drainRest(JournalConnectionFactory factory) throws JMSException {
        try (Connection c = factory.createConnection()) {
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(queue);
            c.start();
            Message m;
            while ((m = consumer.receive(2_000)) != null) {
                Delivery d = record("final-drain", m);
                m.acknowledge();
                confirm(d);
            }
        }
    }

    // ---------------------------------------------------------------- producers

    private void syncProducer(String prefix) {
        try {
            Session s = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            sessions.add(s);
            MessageProducer p = s.createProducer(queue);
            for (int n = 0; producing.get(); n++) {
                String body = prefix + n;
                pace();
                try {
                    p.send(s.createTextMessage(body));
                    sent.add(body);
                    lastSendAt.set(System.nanoTime());
                } catch (JMSException e) {
                    classify(body, e);
                }
            }
        } catch (JMSException | RuntimeException e) {
            unexpected.add(e);
        }
    }

    private void transactedProducer(String prefix) {
        try {
            Session s = connection.createSession(Session.SESSION_TRANSACTED);
            sessions.add(s);
            MessageProducer p = s.createProducer(queue);
            List<String> batch = new ArrayList<>();
            for (int n = 0; producing.get(); n++) {
                String body = prefix + n;
                pace();
                try {
                    p.send(s.createTextMessage(body));
                    batch.add(body);
                    if (batch.size() == 5) {
                        s.commit();
                        sent.addAll(batch);
                        batch.clear();
                    }
                } catch (TransactionRolledBackException e) {
                    rolledBackCommits.incrementAndGet();
                    sendFailed.addAll(batch); // a certain rollback: none of them is stored
                    batch.clear();
                } catch (JMSException e) {
                    if (JmsExceptions.OUTCOME_UNKNOWN.equals(e.getErrorCode())) {
                        unknownCommits.incrementAndGet();
                        sendUnknown.addAll(batch);
                    } else {
                        unexpected.add(e); // a send into a transaction writes nothing before commit
                    }
                    batch.clear();
                }
            }
            s.rollback();
        } catch (JMSException | RuntimeException e) {
            unexpected.add(e);
        }
    }

    /** Keeps the backlog small, so that the consumers, not the producers, set the pace. */
    private void pace() {
        try {
            await(60_000, () -> !producing.get() || sent.size() - confirmedCount.get() < BACKLOG);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void classify(String body, JMSException e) {
        if (JmsExceptions.OUTCOME_UNKNOWN.equals(e.getErrorCode())) {
            sendUnknown.add(body);
        } else if (JmsExceptions.DATABASE_UNAVAILABLE.equals(e.getErrorCode())) {
            sendFailed.add(body); // failed before the commit: certainly not stored
        } else {
            unexpected.add(e);
        }
    }

    // ---------------------------------------------------------------- consumers

    private void clientAckConsumer() {
        try {
            Session s = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            sessions.add(s);
            MessageConsumer c = s.createConsumer(queue);
            while (consuming.get()) {
                Message m = c.receive(200);
                if (m == null) {
                    continue;
                }
                Delivery d = record("client-ack", m);
                try {
                    m.acknowledge();
                    confirm(d);
                } catch (JMSException e) {
                    failedAcks.incrementAndGet();
                    s.recover(); // not acknowledged: it comes again
                }
            }
        } catch (JMSException | RuntimeException e) {
            unexpected.add(e);
        }
    }

    private void transactedConsumer() {
        try {
            Session s = connection.createSession(Session.SESSION_TRANSACTED);
            sessions.add(s);
            MessageConsumer c = s.createConsumer(queue);
            List<Delivery> batch = new ArrayList<>();
            while (consuming.get()) {
                Message m = c.receive(200);
                if (m != null) {
                    batch.add(record("transacted", m));
                }
                if (batch.size() == 3 || m == null && !batch.isEmpty()) {
                    try {
                        s.commit();
                        batch.forEach(this::confirm);
                    } catch (TransactionRolledBackException e) {
                        // Only for a certain rollback (issue 13): then each message must come again.
                        rolledBackCommits.incrementAndGet();
                        batch.forEach(d -> d.rolledBack = true);
                    } catch (JMSException e) {
                        if (JmsExceptions.OUTCOME_UNKNOWN.equals(e.getErrorCode())) {
                            unknownCommits.incrementAndGet();
                        } else {
                            unexpected.add(e);
                        }
                    }
                    batch.clear();
                }
            }
            s.rollback();
        } catch (JMSException | RuntimeException e) {
            unexpected.add(e);
        }
    }

    private Delivery record(String consumer, Message m) {
        try {
            Delivery d = new Delivery(consumer, m.getJMSRedelivered());
            deliveries.computeIfAbsent(((TextMessage) m).getText(), k -> Collections.synchronizedList(
                    new ArrayList<>())).add(d);
            return d;
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private void confirm(Delivery d) {
        d.confirmed = true;
        confirmedCount.incrementAndGet();
    }

    private Thread thread(String name, Runnable body) {
        Thread t = new Thread(body, "restart-load-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    // ---------------------------------------------------------------- the checks

    /**
     * Every broken promise, as text; empty when the ledger is clean. {@code flagsExact}: every
     * delivery after a message's first has JMSRedelivered=true.
     */
    List<String> violations(boolean flagsExact) {
        List<String> v = new ArrayList<>();
        for (String body : sent) {
            if (!deliveries.containsKey(body)) {
                v.add("lost: the send of " + body + " returned, and it was never delivered");
            }
        }
        for (String body : sendFailed) {
            if (deliveries.containsKey(body)) {
                v.add("stored although its send failed with a certain failure: " + body);
            }
        }
        deliveries.forEach((body, list) -> {
            List<Delivery> ds = copy(list);
            if (!sent.contains(body) && !sendUnknown.contains(body)) {
                v.add("delivered, but its send never returned normally nor had an unknown outcome: " + body);
            }
            for (int i = 0; i < ds.size(); i++) {
                Delivery d = ds.get(i);
                if (d.confirmed && i < ds.size() - 1) {
                    v.add("delivered again after its acknowledge/commit returned: " + body + " (" + d.consumer
                            + ", then " + ds.get(i + 1).consumer + ")");
                }
                if (i > 0 && !d.redelivered && flagsExact) {
                    v.add("a redelivery without JMSRedelivered=true: " + body + " to " + d.consumer);
                }
                if (d.rolledBack && i == ds.size() - 1) {
                    v.add("commit() threw TransactionRolledBackException, but " + body + " never came again");
                }
            }
        });
        return v;
    }

    /** How many messages came back after a delivery to each consumer (the last consumed, per AUTO session). */
    Map<String, Integer> cameBackFrom() {
        Map<String, Integer> back = new java.util.TreeMap<>();
        deliveries.values().forEach(list -> {
            List<Delivery> ds = copy(list);
            for (int i = 1; i < ds.size(); i++) {
                back.merge(ds.get(i - 1).consumer, 1, Integer::sum);
            }
        });
        return back;
    }

    /** The counts the test prints. */
    String counts() {
        long total = deliveries.values().stream().mapToLong(l -> copy(l).size()).sum();
        long redelivered = total - deliveries.size();
        long flagged = deliveries.values().stream().flatMap(l -> copy(l).stream().skip(1))
                .filter(d -> d.redelivered).count();
        long lost = sent.stream().filter(b -> !deliveries.containsKey(b)).count();
        return "sent and acknowledged=" + sent.size() + ", send outcome unknown=" + sendUnknown.size()
                + " (stored: " + sendUnknown.stream().filter(deliveries::containsKey).count() + ")"
                + ", send failed=" + sendFailed.size() + ", received=" + total + " (distinct " + deliveries.size()
                + "), acknowledged/committed receipts=" + confirmedCount.get() + ", redelivered=" + redelivered
                + " (flagged " + flagged + ", came back from " + cameBackFrom() + ")"
                + ", lost=" + lost + ", commits rolled back=" + rolledBackCommits.get()
                + ", commits unknown=" + unknownCommits.get() + ", failed acknowledge()=" + failedAcks.get()
                + ", ExceptionListener calls=" + listenerCalls.get();
    }

    private static List<Delivery> copy(List<Delivery> list) {
        synchronized (list) {
            return new ArrayList<>(list);
        }
    }
}
