package org.journalmq.bench.peer;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.jms.ConnectionFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.ActiveMQPrefetchPolicy;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.store.PersistenceAdapter;
import org.apache.activemq.store.jdbc.JDBCPersistenceAdapter;
import org.apache.activemq.store.kahadb.KahaDBPersistenceAdapter;

/**
 * ActiveMQ Classic embedded in this JVM: a {@link BrokerService} without JMX and without any
 * transport connector (clients reach it over vm://, nothing listens), persistent on KahaDB in a
 * fresh temporary directory with journal disk syncs on, or on its JDBC adapter over PostgreSQL.
 * Clients keep Classic's defaults (async dispatch, optimizeAcknowledge off, synchronous persistent
 * sends outside transactions) except the prefetch, see {@link #prefetchPolicy}.
 */
public final class ClassicPeer implements Peer {

    /** Classic's JDBC tables in the peer database: ours alone, dropped at start. */
    static final String JDBC_TABLE_PREFIX = "bp_amq_";

    private final String name;
    private final String store;
    private final BrokerService broker;
    private final Path dir;
    private final HikariDataSource pool;

    private ClassicPeer(String name, String store, PersistenceAdapter adapter, Path dir, HikariDataSource pool)
            throws Exception {
        this.name = name;
        this.store = store;
        this.dir = dir;
        this.pool = pool;
        broker = new BrokerService();
        broker.setBrokerName("bench-" + name);
        broker.setUseJmx(false);
        broker.setUseShutdownHook(false);
        broker.setSchedulerSupport(false);
        broker.setPersistent(true);
        broker.setDataDirectoryFile(dir.toFile());
        broker.setTmpDataDirectory(dir.resolve("tmp").toFile());
        // whatever an earlier, interrupted run left in the store is gone before the first scenario
        broker.setDeleteAllMessagesOnStartup(true);
        broker.setPersistenceAdapter(adapter);
        // the defaults (100 GB store, 50 GB temp) exceed some disks and make Classic log warnings
        broker.getSystemUsage().getStoreUsage().setLimit(8L << 30);
        broker.getSystemUsage().getTempUsage().setLimit(4L << 30);
        broker.start();
        broker.waitUntilStarted();
    }

    /** KahaDB in a fresh temporary directory, every journal write synced to disk. */
    public static ClassicPeer kahaDb() throws Exception {
        Path dir = Files.createTempDirectory("journalmq-bench-kahadb-");
        KahaDBPersistenceAdapter kaha = new KahaDBPersistenceAdapter();
        kaha.setDirectory(dir.resolve("kahadb").toFile());
        kaha.setEnableJournalDiskSyncs(true);
        return new ClassicPeer("classic-kahadb", "kahadb", kaha, dir, null);
    }

    /**
     * The JDBC adapter on {@code url} (its own database, see README), tables prefixed
     * {@value #JDBC_TABLE_PREFIX} and dropped first, over a HikariCP pool: Classic borrows a
     * connection per store operation, and opening a PostgreSQL connection each time would
     * measure the login instead.
     */
    public static ClassicPeer jdbc(String url, String user, String password) throws Exception {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("bench-classic-jdbc");
        hc.setJdbcUrl(url);
        hc.setUsername(user);
        if (password != null && !password.isEmpty()) {
            hc.setPassword(password);
        }
        hc.setMaximumPoolSize(10);
        HikariDataSource pool = new HikariDataSource(hc);
        try {
            dropTables(pool);
            JDBCPersistenceAdapter jdbc = new JDBCPersistenceAdapter();
            jdbc.setDataSource(pool);
            jdbc.getStatements().setTablePrefix(JDBC_TABLE_PREFIX);
            jdbc.setCreateTablesOnStartup(true);
            // one broker only: no master/slave lock (its lease would make a restart wait)
            jdbc.setUseLock(false);
            Path dir = Files.createTempDirectory("journalmq-bench-classic-jdbc-");
            return new ClassicPeer("classic-jdbc", "postgresql", jdbc, dir, pool);
        } catch (Exception | Error e) {
            pool.close();
            throw e;
        }
    }

    private static void dropTables(HikariDataSource pool) throws Exception {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            for (String t : new String[] {"ACTIVEMQ_MSGS", "ACTIVEMQ_ACKS", "ACTIVEMQ_LOCK"}) {
                st.execute("DROP TABLE IF EXISTS " + JDBC_TABLE_PREFIX + t);
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String store() {
        return store;
    }

    @Override
    public ConnectionFactory factory(int prefetch, int size) {
        ActiveMQConnectionFactory f = new ActiveMQConnectionFactory("vm://" + broker.getBrokerName() + "?create=false");
        f.setPrefetchPolicy(prefetchPolicy(prefetch));
        return f;
    }

    /**
     * The same number of messages for queues, topics and durable subscriptions (the last one is
     * what the fanout subscribers use); queue browsers keep Classic's default.
     */
    static ActiveMQPrefetchPolicy prefetchPolicy(int prefetch) {
        ActiveMQPrefetchPolicy p = new ActiveMQPrefetchPolicy();
        p.setQueuePrefetch(prefetch);
        p.setTopicPrefetch(prefetch);
        p.setDurableTopicPrefetch(prefetch);
        return p;
    }

    @Override
    public String prefetchNote(int prefetch, int size) {
        return "queue/topic/durable prefetch " + prefetch;
    }

    @Override
    public void close() throws Exception {
        try {
            broker.stop();
            broker.waitUntilStopped();
            if (pool != null) {
                dropTables(pool);
            }
        } finally {
            if (pool != null) {
                pool.close();
            }
            TempDirs.delete(dir);
        }
    }
}
