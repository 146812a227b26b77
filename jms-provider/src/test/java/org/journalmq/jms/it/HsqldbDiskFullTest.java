package org.journalmq.jms.it;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.Session;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.journalmq.jms.JournalConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 item 5: an embedded journal whose disk fills up. Its files live on a tmpfs of
 * {@value #TMPFS_MIB} MiB mounted for the test (the tests run as root); a filler file takes most of
 * it. Sends of 1 MiB go on until one fails: it must fail with a ResourceAllocationException, error
 * code JMQ-DISK-FULL, saying the disk is full. Once the filler is removed, the same connection sends
 * again without a restart, and every message whose send returned is received, also after the
 * journal is closed and opened again.
 */
class HsqldbDiskFullTest {

    static final int TMPFS_MIB = 48;
    static final int FILLER_MIB = 24;
    static final int BODY = 1 << 20;

    @TempDir
    Path dir;
    private Path mount;
    private boolean mounted;

    @BeforeEach
    void mountTmpfs() throws Exception {
        mount = dir.resolve("small-disk");
        Files.createDirectories(mount);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + TMPFS_MIB + "m", "tmpfs",
                mount.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        boolean done = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        Assumptions.assumeTrue(done, "a full disk needs a small tmpfs, and mount -t tmpfs was not permitted here"
                + " (the test needs root): " + out);
        mounted = true;
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            Files.deleteIfExists(mount.resolve("filler")); // a failed test may leave the database open on it
            Process p = new ProcessBuilder("umount", mount.toString()).inheritIO().start();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                // still open (the journal of a failed test): detach it; tmpfs frees it with the last file
                new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void fill(Path file, int mib) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < mib; i++) {
                f.write(block); // written, not sparse: tmpfs counts only pages that hold data
            }
        }
    }

    private static BytesMessage message(Session s, int n) throws JMSException {
        BytesMessage m = s.createBytesMessage();
        byte[] body = new byte[BODY];
        java.util.Arrays.fill(body, (byte) n);
        m.writeBytes(body);
        m.setIntProperty("n", n);
        return m;
    }

    @Test
    void aFullDiskFailsSendsClearlyKeepsCommittedMessagesAndWorksAgainOnceSpaceIsFreed() throws Exception {
        Path filler = mount.resolve("filler");
        fill(filler, FILLER_MIB);
        JournalConnectionFactory factory = new JournalConnectionFactory("jdbc:hsqldb:file:" + mount.resolve("journal"));
        factory.set(JournalConnectionFactory.JMX, "false");
        List<Integer> committed = new ArrayList<>();
        JMSException failure = null;
        try (Connection c = factory.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue("full");
            MessageProducer p = s.createProducer(q);
            for (int n = 0; n < 4 * TMPFS_MIB && failure == null; n++) {
                try {
                    p.send(message(s, n));
                    committed.add(n);
                } catch (JMSException e) {
                    failure = e;
                }
            }
            assertNotNull(failure, "the disk never filled up");
            assertInstanceOf(ResourceAllocationException.class, failure, String.valueOf(failure));
            assertEquals("JMQ-DISK-FULL", failure.getErrorCode());
            assertTrue(failure.getMessage().contains("disk is full"), failure.getMessage());
            int failuresWhileFull = 1;
            try {
                p.send(message(s, 10_000));
                committed.add(10_000);
            } catch (ResourceAllocationException again) {
                failuresWhileFull++; // still full: the next send fails the same way
            }

            Files.delete(filler);
            int after = 100_000;
            p.send(message(s, after)); // the same connection, no restart: it works again
            committed.add(after);
            System.out.println("HsqldbDiskFullTest: " + (committed.size() - 1) + " sends of 1 MiB committed, "
                    + failuresWhileFull + " refused with JMQ-DISK-FULL (" + failure.getMessage() + "), then 1 committed"
                    + " on the same connection after space was freed");

            c.start();
            MessageConsumer consumer = s.createConsumer(q);
            List<Integer> got = new ArrayList<>();
            for (int i = 0; i < committed.size() / 2; i++) {
                Message m = consumer.receive(5_000);
                assertNotNull(m, "message " + i + " of " + committed);
                got.add(m.getIntProperty("n"));
                assertEquals(BODY, ((BytesMessage) m).getBodyLength());
            }
            consumer.close();
            c.close();
            // closed and opened again (the database shuts down with its last connection): the rest is there
            try (Connection c2 = factory.createConnection()) {
                c2.start();
                Session s2 = c2.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer rest = s2.createConsumer(s2.createQueue("full"));
                Message m;
                while ((m = rest.receive(2_000)) != null) {
                    got.add(m.getIntProperty("n"));
                }
            }
            assertEquals(committed, got, "every committed send, in order, each once");
            System.out.println("HsqldbDiskFullTest: received " + got.size() + " of " + committed.size()
                    + " committed, none lost");
        }
    }
}
