package org.journalmq.jms.it;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.admin.JournalAdmin;
import org.journalmq.persistence.IndexCompaction;
import org.journalmq.persistence.IndexCompaction.Outcome;
import org.journalmq.persistence.Journal;
import org.journalmq.persistence.JournalConfig;
import org.journalmq.persistence.Journals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 item 3 (bloat, embedded journal): an HSQLDB file journal reuses the disk space of the
 * messages it has delivered. Cycles that fill a queue and drain it must not grow the {@code .data}
 * file cycle after cycle; before the journal turned on HSQLDB's table spaces
 * ({@code hsqldb.files_space}), each cycle added about what it had held, without end.
 * With {@code ;hsqldb.files_space=false} on the URL (the old behaviour) this test fails.
 */
class HsqldbDiskSpaceTest {

    static final int MESSAGES = 5_000;
    static final int CYCLES = 4;
    static final int TX = 500;

    @TempDir
    Path dir;

    @Test
    void fillAndDrainCyclesReuseTheSpaceOfDeliveredMessages() throws Exception {
        JournalConnectionFactory f = new JournalConnectionFactory("jdbc:hsqldb:file:" + dir.resolve("j"));
        f.setJmxEnabled(false);
        f.setPrefetch(500);
        Path data = dir.resolve("j.data");
        List<Long> sizes = new ArrayList<>();
        try (Connection c = f.createConnection(); JournalAdmin admin = f.createAdmin()) {
            c.start();
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                fill(c);
                drain(c);
                awaitEmpty(admin, cycle);
                sizes.add(Files.size(data));
            }
        }
        long first = sizes.get(0);
        long last = sizes.get(CYCLES - 1);
        // Measured: with table spaces 12, 14, 16, 16 MiB (HSQLDB allocates 2 MiB at a time and
        // settles); without them 14, 29, 67, 67 MiB, and 100 MiB by the fifth cycle.
        assertTrue(last <= 2 * first, ".data file sizes after each fill/drain cycle " + sizes
                + ": the space of delivered messages is not reused");
    }

    /**
     * The space stays reused but is never given back: after an exceptional backlog the file keeps its
     * high-water mark (1,344 MiB after 1,000,000 messages). Once the backlog has drained, the
     * journal's compaction job defragments the file (CHECKPOINT DEFRAG), called here as its schedule
     * calls it, with the floor lowered by configuration. Messages still queued survive it, and the
     * journal works on (Messaging 3.1 section 4.4.1: the session's sends and receives go on).
     */
    @Test
    void theJobGivesBackTheSpaceOfADrainedBacklog() throws Exception {
        String url = "jdbc:hsqldb:file:" + dir.resolve("j");
        JournalConnectionFactory f = new JournalConnectionFactory(url);
        f.setJmxEnabled(false);
        f.setPrefetch(500);
        Path data = dir.resolve("j.data");
        long floor = 16L << 20;
        try (Connection c = f.createConnection(); JournalAdmin admin = f.createAdmin();
             Journal journal = Journals.open(JournalConfig.builder(url).indexCompactionMinBytes(floor).build())) {
            c.start();
            assertEquals(Outcome.NOT_NEEDED, journal.compactIndexes(false).outcome(), "nothing to do on a new journal");
            try (Session tx = c.createSession(Session.SESSION_TRANSACTED)) {
                MessageProducer kept = tx.createProducer(tx.createQueue("kept"));
                for (int i = 0; i < 10; i++) {
                    kept.send(tx.createTextMessage("kept-" + i));
                }
                tx.commit();
            }
            for (int i = 0; i < 4; i++) { // a backlog of 20,000 x 1 KiB
                fill(c);
            }
            assertEquals(Outcome.NOT_NEEDED, journal.compactIndexes(false).outcome(), "a full file is not compacted");
            drain(c, 4 * MESSAGES);
            awaitEmpty(admin, 0);
            long before = Files.size(data);
            assertTrue(before >= floor, "the backlog's file: " + before);

            IndexCompaction done = journal.compactIndexes(false);

            assertEquals(Outcome.COMPACTED, done.outcome(), done.detail());
            long after = Files.size(data);
            assertTrue(after * 4 < before, "the file shrank: " + before + " -> " + after);
            assertEquals(after, done.tables().get(0).bytesAfter(), "reported: " + done);
            try (Session s = c.createSession(Session.AUTO_ACKNOWLEDGE)) {
                MessageConsumer consumer = s.createConsumer(s.createQueue("kept"));
                for (int i = 0; i < 10; i++) {
                    Message m = consumer.receive(10_000);
                    assertNotNull(m, "kept message " + i + " survived the defrag");
                    assertEquals("kept-" + i, ((TextMessage) m).getText());
                }
            }
            fill(c);
            drain(c, MESSAGES);
            assertEquals(Outcome.NOT_NEEDED, journal.compactIndexes(false).outcome(), "once is enough");
        }
    }

    /** DUPS_OK acks are written lazily, after the listener has returned: wait for the last of them. */
    private static void awaitEmpty(JournalAdmin admin, int cycle) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long depth;
        while ((depth = admin.figures().queue("space").map(d -> d.depth()).orElse(0L)) > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0L, depth, "cycle " + cycle + " left messages in the queue");
    }

    private static void fill(Connection c) throws JMSException {
        try (Session tx = c.createSession(Session.SESSION_TRANSACTED)) {
            MessageProducer p = tx.createProducer(tx.createQueue("space"));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            byte[] body = new byte[1024];
            for (int i = 0; i < MESSAGES; i++) {
                BytesMessage m = tx.createBytesMessage();
                m.writeBytes(body);
                p.send(m);
                if ((i + 1) % TX == 0) {
                    tx.commit();
                }
            }
            tx.commit();
        }
    }

    /** A DUPS_OK listener takes every message; closing the session makes its batched acks durable. */
    private static void drain(Connection c) throws Exception {
        drain(c, MESSAGES);
    }

    private static void drain(Connection c, int count) throws Exception {
        AtomicInteger received = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(1);
        try (Session s = c.createSession(Session.DUPS_OK_ACKNOWLEDGE)) {
            Queue q = s.createQueue("space");
            MessageConsumer consumer = s.createConsumer(q);
            consumer.setMessageListener(m -> {
                if (received.incrementAndGet() == count) {
                    all.countDown();
                }
            });
            assertTrue(all.await(120, TimeUnit.SECONDS), "received " + received.get() + " of " + count);
        }
    }
}
