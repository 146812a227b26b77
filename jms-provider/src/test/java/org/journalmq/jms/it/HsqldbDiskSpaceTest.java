package org.journalmq.jms.it;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.journalmq.jms.JournalConnectionFactory;
import org.journalmq.jms.admin.JournalAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        AtomicInteger received = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(1);
        try (Session s = c.createSession(Session.DUPS_OK_ACKNOWLEDGE)) {
            Queue q = s.createQueue("space");
            MessageConsumer consumer = s.createConsumer(q);
            consumer.setMessageListener(m -> {
                if (received.incrementAndGet() == MESSAGES) {
                    all.countDown();
                }
            });
            assertTrue(all.await(120, TimeUnit.SECONDS), "received " + received.get() + " of " + MESSAGES);
        }
    }
}
