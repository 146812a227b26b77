package org.journalmq.jms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.journalmq.jms.JmsExceptions;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.TestDatabases;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 13 item 1: the database restarts, crashes or stops for a while under load, and clients
 * recover without application code. Runs on a PostgreSQL 15 cluster of its own ({@link OwnPostgres}),
 * never on the shared server.
 *
 * <p>What is checked, after recovery (see {@link RestartLoad#violations}): every send that returned
 * is delivered; nothing whose acknowledge() or commit() returned is delivered again; a send that
 * failed with a certain failure is never stored; a commit that threw TransactionRolledBackException
 * did roll back (Session.commit javadoc: "if the transaction is rolled back"); redeliveries carry
 * JMSRedelivered; an AUTO session gives back at most its last consumed message per outage (Jakarta
 * Messaging 3.1 §6.2.10). The ExceptionListener hears of the outage (§6.1.8), and a synchronous send
 * waits for the database up to reconnectTimeoutMillis, then fails naming the outage.
 */
class PostgresRestartTest {

    @RegisterExtension
    static final OwnPostgres PG = new OwnPostgres();

    /** Enough traffic on each side of an outage that every kind of session took part. */
    private static final int CONFIRMED_EACH_SIDE = 300;

    private JournalConnectionFactory factory(long reconnectMillis) {
        JournalConnectionFactory f = new JournalConnectionFactory(PG.url());
        f.setUser(PG.user());
        f.setTablePrefix(TestDatabases.randomPrefix());
        f.setReconnectTimeoutMillis(reconnectMillis);
        f.set(JournalConnectionFactory.JMX, "false");
        return f;
    }

    /** An outage: runs it, returns nothing; the load measures around it. */
    @FunctionalInterface
    interface Outage {
        void run() throws Exception;
    }

    @Test
    @DisplayName("pg_ctl restart -m fast under load: nothing acknowledged lost or delivered again, listeners resume")
    void restartFastUnderLoad() throws Exception {
        underLoad("restart -m fast", 1, PG::restartFast, true);
    }

    @Test
    @DisplayName("stopped for 15 s and started again under load: sends wait and succeed, nothing lost")
    void stopFifteenSecondsUnderLoad() throws Exception {
        underLoad("stop 15 s, start", 1, () -> {
            PG.stop();
            Thread.sleep(15_000); // the outage itself, not a wait for a condition
            PG.startAgain();
        }, true);
    }

    @Test
    @DisplayName("pg_ctl restart -m immediate (a crash) five times while commits run in a loop: answers are true")
    void crashRestartsDuringCommits() throws Exception {
        // A claim alone commits without waiting for the WAL flush (README Guarantees): a crash may
        // forget its count, so a redelivery may come with JMSRedelivered=false; nothing else is relaxed.
        // Commits that wait 20 ms for their WAL flush: the crashes meet commits under way.
        PG.commitDelay(20_000);
        try {
            underLoad("restart -m immediate x5, commit_delay 20 ms", 5, () -> {
                for (int i = 0; i < 5; i++) {
                    PG.restartImmediate();
                    Thread.sleep(1_000); // traffic between the crashes
                }
            }, false);
        } finally {
            PG.commitDelay(0);
        }
    }

    private void underLoad(String name, int outages, Outage outage, boolean flagsExact) throws Exception {
        JournalConnectionFactory f = factory(JournalConfig.DEFAULT_RECONNECT_TIMEOUT_MILLIS);
        String queue = "restart-" + UUID.randomUUID();
        RestartLoad load = new RestartLoad(f, queue);
        try (AuditLog log = new AuditLog()) {
            load.start();
            assertTrue(RestartLoad.await(120_000, () -> load.confirmedCount.get() >= CONFIRMED_EACH_SIDE),
                    "load did not start: " + load.counts());
            long down = System.nanoTime();
            outage.run();
            long up = System.nanoTime();
            assertTrue(RestartLoad.await(120_000, () -> load.lastSendAt.get() > up),
                    "no send succeeded after the database came back: " + load.counts());
            long recovered = load.lastSendAt.get();
            long confirmedAtUp = load.confirmedCount.get();
            assertTrue(RestartLoad.await(120_000,
                    () -> load.confirmedCount.get() >= confirmedAtUp + CONFIRMED_EACH_SIDE),
                    "consumers did not resume: " + load.counts());
            load.stopProducers();
            assertTrue(load.awaitAllDelivered(120_000), "not every acknowledged send arrived: " + load.counts());
            load.close();
            load.drainRest(f);
            System.out.printf("RESTART %s: outage (command) %d ms, first send after it %d ms later; %s;"
                    + " commits cut by the outage (JMQ1021): %s%n", name, TimeUnit.NANOSECONDS.toMillis(up - down),
                    Math.max(0, TimeUnit.NANOSECONDS.toMillis(recovered - up)), load.counts(), lostCommits(log.all()));
            assertEquals(List.of(), load.unexpected.stream().map(Throwable::toString).toList(), "unexpected failures");
            assertEquals(List.of(), load.violations(flagsExact), load.counts());
            for (var back : load.cameBackFrom().entrySet()) {
                if (back.getKey().startsWith("auto-listener")) {
                    assertTrue(back.getValue() <= outages, "an AUTO session gave back more than its last message"
                            + " per outage: " + load.counts());
                }
            }
            assertTrue(load.listenerCalls.get() >= 1, "the ExceptionListener was not told: " + load.counts());
            for (JMSException e : load.listenerExceptions) {
                assertEquals(JmsExceptions.DATABASE_UNAVAILABLE, e.getErrorCode(), e.toString());
            }
        } finally {
            load.close();
        }
    }

    @Test
    @DisplayName("a send during an outage shorter than reconnectTimeoutMillis waits and succeeds, stored once")
    void sendWaitsThroughShortOutage() throws Exception {
        JournalConnectionFactory f = factory(60_000);
        List<JMSException> told = new CopyOnWriteArrayList<>();
        try (Connection c = f.createConnection()) {
            c.setExceptionListener(told::add);
            Session s = c.createSession();
            Queue q = s.createQueue("short-" + UUID.randomUUID());
            MessageProducer p = s.createProducer(q);
            p.send(s.createTextMessage("before"));
            PG.stop();
            long down = System.nanoTime();
            CompletableFuture<Void> send = CompletableFuture.runAsync(() -> {
                try {
                    p.send(s.createTextMessage("during"));
                } catch (JMSException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(RestartLoad.await(60_000, () -> !told.isEmpty()), "ExceptionListener not told of the outage");
            assertFalse(send.isDone(), "the send returned while the database was down");
            PG.startAgain();
            long up = System.nanoTime();
            send.get(60, TimeUnit.SECONDS);
            System.out.printf("RESTART short outage: down %d ms, send returned %d ms after the start; listener: %s%n",
                    TimeUnit.NANOSECONDS.toMillis(up - down), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - up),
                    told.get(0).getMessage());
            assertEquals(1, told.size(), "one ExceptionListener call per outage");
            assertEquals(JmsExceptions.DATABASE_UNAVAILABLE, told.get(0).getErrorCode());
            MessageConsumer consumer = s.createConsumer(q);
            c.start();
            assertEquals("before", ((TextMessage) consumer.receive(10_000)).getText());
            assertEquals("during", ((TextMessage) consumer.receive(10_000)).getText());
            assertNull(consumer.receive(500), "stored twice");
        }
    }

    @Test
    @DisplayName("a send during an outage longer than reconnectTimeoutMillis fails naming the outage; one listener call per outage")
    void sendFailsAfterReconnectTime() throws Exception {
        JournalConnectionFactory f = factory(3_000);
        AtomicInteger calls = new AtomicInteger();
        List<JMSException> told = new CopyOnWriteArrayList<>();
        try (Connection c = f.createConnection()) {
            c.setExceptionListener(e -> {
                calls.incrementAndGet();
                told.add(e);
            });
            Session s = c.createSession();
            Queue q = s.createQueue("long-" + UUID.randomUUID());
            MessageProducer p = s.createProducer(q);
            p.send(s.createTextMessage("before"));
            PG.stop();
            try {
                for (int i = 0; i < 2; i++) {
                    long start = System.nanoTime();
                    TextMessage m = s.createTextMessage("lost-" + i);
                    JMSException e = assertThrows(JMSException.class, () -> p.send(m));
                    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    System.out.printf("RESTART long outage: send failed after %d ms: %s%n", waited, e.getMessage());
                    assertEquals(JmsExceptions.DATABASE_UNAVAILABLE, e.getErrorCode(), e.toString());
                    assertTrue(e.getMessage().contains("unavailable") && e.getMessage().contains(
                            "reconnectTimeoutMillis=3000"), e.getMessage());
                    assertTrue(waited >= 3_000, "failed before the reconnect time: " + waited + " ms");
                }
                assertTrue(RestartLoad.await(10_000, () -> calls.get() >= 1));
                assertEquals(1, calls.get(), "one ExceptionListener call per outage: " + told);
            } finally {
                PG.startAgain();
            }
            p.send(s.createTextMessage("after"));
            PG.stop(); // a second outage is reported again
            try {
                assertThrows(JMSException.class, () -> p.send(s.createTextMessage("lost-again")));
                assertTrue(RestartLoad.await(10_000, () -> calls.get() >= 2));
            } finally {
                PG.startAgain();
            }
            assertEquals(2, calls.get(), "one ExceptionListener call per outage: " + told);
            MessageConsumer consumer = s.createConsumer(q);
            c.start();
            assertEquals("before", text(consumer.receive(10_000)));
            assertEquals("after", text(consumer.receive(10_000)));
            assertNull(consumer.receive(500), "a failed send was stored");
        }
    }

    /** The commits whose call failed, by the outcome the journal found (its JMQ1021 lines). */
    private static String lostCommits(String log) {
        java.util.Map<String, Integer> outcomes = new java.util.TreeMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("JMQ1021 the commit of a group.*its outcome: (\\w+)")
                .matcher(log);
        while (m.find()) {
            outcomes.merge(m.group(1), 1, Integer::sum);
        }
        return outcomes.isEmpty() ? "none" : outcomes.toString();
    }

    private static String text(Message m) throws JMSException {
        assertNotNull(m, "no message");
        return ((TextMessage) m).getText();
    }
}
