package org.journalmq.bench.peer;

import jakarta.jms.ConnectionFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.io.aio.AIOSequentialFileFactory;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * ActiveMQ Artemis embedded in this JVM: persistent file journal in a fresh temporary directory,
 * fsync of transactional and non-transactional writes, only an in-VM acceptor (nothing listens).
 * Clients keep Artemis's defaults (durable sends block until the journal has synced them;
 * acknowledgements do not block, blockOnAcknowledge=false) except the consumer window, see
 * {@link #consumerWindowBytes}.
 */
public final class ArtemisPeer implements Peer {

    /**
     * Bytes an Artemis message carries besides its body (headers, the two long properties, the
     * encoding): measured encodings of the benchmark's messages are a little under this.
     */
    static final int OVERHEAD_BYTES = 256;

    private final Path dir;
    private final EmbeddedActiveMQ broker;
    private final String journalType;

    public ArtemisPeer() throws Exception {
        dir = Files.createTempDirectory("journalmq-bench-artemis-");
        // ASYNCIO when libaio loads (as a production broker on Linux runs), NIO otherwise
        JournalType type = AIOSequentialFileFactory.isSupported(dir.toFile()) ? JournalType.ASYNCIO : JournalType.NIO;
        // As `artemis create` does: the journal's buffer timeout is the time one synced write takes
        // on this disk, measured now (its code defaults, 3.3 ms for NIO, are meant to be replaced).
        int syncNanos = measureSyncNanos(dir);
        ConfigurationImpl config = new ConfigurationImpl();
        config.setPersistenceEnabled(true)
                .setJournalType(type)
                .setJournalSyncTransactional(true)
                .setJournalSyncNonTransactional(true)
                .setJournalBufferTimeout_NIO(syncNanos)
                .setJournalBufferTimeout_AIO(syncNanos)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dir.resolve("large").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration("in-vm", "vm://0");
        config.setNodeManagerLockDirectory(dir.toString());
        // The analyzer halts a broker whose threads stall for a while; on a shared 2-core machine a
        // long GC or a busy neighbour must not end the run.
        config.setCriticalAnalyzer(false);
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(config);
        broker.start();
        journalType = type.name().toLowerCase(java.util.Locale.ROOT) + ", buffer timeout " + syncNanos / 1000 + " µs";
    }

    /** Mean time of a 4 KiB write plus fsync in {@code dir}, over 200 writes after 50 unmeasured. */
    static int measureSyncNanos(Path dir) throws java.io.IOException {
        Path file = dir.resolve("sync-test");
        java.nio.ByteBuffer block = java.nio.ByteBuffer.allocate(4096);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
            long start = 0;
            for (int i = 0; i < 250; i++) {
                if (i == 50) {
                    start = System.nanoTime();
                }
                block.clear();
                ch.write(block, (long) (i % 50) * 4096);
                ch.force(false);
            }
            long mean = (System.nanoTime() - start) / 200;
            return (int) Math.max(10_000, Math.min(mean, 3_333_333));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public String name() {
        return "artemis";
    }

    @Override
    public String store() {
        return "artemis-" + journalType;
    }

    @Override
    public ConnectionFactory factory(int prefetch, int size) {
        ActiveMQConnectionFactory f = new ActiveMQConnectionFactory("vm://0");
        f.setConsumerWindowSize(consumerWindowBytes(prefetch, size));
        return f;
    }

    /** Artemis buffers bytes, not messages: prefetch x (body + {@value #OVERHEAD_BYTES}). */
    static int consumerWindowBytes(int prefetch, int size) {
        return (int) Math.min(Integer.MAX_VALUE, (long) prefetch * (size + OVERHEAD_BYTES));
    }

    @Override
    public String prefetchNote(int prefetch, int size) {
        return "consumerWindowSize " + consumerWindowBytes(prefetch, size) + " B (~" + prefetch + " msgs)";
    }

    @Override
    public void close() throws Exception {
        try {
            broker.stop();
        } finally {
            TempDirs.delete(dir);
        }
    }
}
