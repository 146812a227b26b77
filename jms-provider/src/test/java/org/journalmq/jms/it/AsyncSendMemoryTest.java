package org.journalmq.jms.it;

import java.util.List;
import org.journalmq.jms.admin.JournalAdmin;
import org.journalmq.jms.it.child.AsyncSendMain;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Flow control (DESIGN.md: the writer's queue is bounded, producers wait, the heap does not
 * grow): a JVM with a 256 MiB heap sends 1,000,000 persistent 1 KiB BytesMessages
 * asynchronously (Jakarta Messaging 3.1 §7.3, send with a CompletionListener) as fast as send
 * returns. Every send must complete, the JVM must not run out of memory, and the queue must
 * then hold all 1,000,000 messages. HSQLDB file journal only: the bound is the provider's, not
 * the database's.
 *
 * <p>It runs in every build and takes about four minutes on the 2-core machine (250 s measured
 * on 2026-12-04 while another build shared the cores): the journal's rate of durable sends into a
 * table that grows to a million rows. Without flow control it fails within a minute (12 to 55 s
 * measured): the sender runs out of its heap before 100,000 sends returned.
 * {@code -Djournalmq.test.flood.count=N} sends N messages instead, to check the test itself.
 */
class AsyncSendMemoryTest extends JmsTestBase {

    static final int COUNT = Integer.getInteger("journalmq.test.flood.count", 1_000_000);

    @Override
    protected TestJournal.Kind kind() {
        return TestJournal.Kind.HSQLDB;
    }

    @Test
    void aMillionAsyncSendsCompleteInABoundedHeap() throws Exception {
        String queue = uniqueQueue("async-flood");
        int exit;
        String output;
        long start = System.nanoTime();
        try (ChildJvm sender = ChildJvm.start(AsyncSendMain.class, dir.resolve("sender.log"), "256m",
                childArgs(queue, dir.resolve("unused.txt"), Integer.toString(COUNT), "1024", "120"))) {
            exit = sender.awaitExit(900_000);
            output = sender.output();
        }
        System.out.println("AsyncSendMemoryTest: the sender ran " + (System.nanoTime() - start) / 1_000_000
                + " ms; its output:\n" + output);
        assertFalse(output.contains("OutOfMemoryError"), "the sender ran out of heap:\n" + tail(output));
        assertEquals(0, exit, "the sender's exit code; output:\n" + tail(output));
        try (JournalAdmin admin = factory.createAdmin()) {
            assertEquals(COUNT, admin.knownQueue(queue).depth(), "messages in the queue");
        }
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
